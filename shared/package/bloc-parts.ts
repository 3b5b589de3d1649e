/**
 * A whole bloc sent to main in parts (the handover export and the automatic backups): the renderer
 * reads a kind at a time (the scores a year at a time) and sends each part as soon as it is read,
 * so main checks and packs one part while the next is being read. A 10-year bloc of 60 units and
 * 200 criteria is 80 MB of JSON; sent in one piece, reading, copying and packing it ran one after
 * the other.
 *
 * A part is its key ("bloc" or a kind of the registry) and its records as UTF-8 JSON (an array).
 * Parts come in the order of the package's data (PART_KEYS: the bloc first, then the kinds as
 * BlocDataSchema lists them); a kind may take several parts, one after the other. Main
 * (electron/services/handover/bloc-upload.ts) checks each part as it checks any payload and refuses
 * one out of order.
 */
import { RECORD_KEYS, type RecordKey } from '../model/registry';

export type PartKey = 'bloc' | RecordKey;

/** The order of the parts: the order of BlocDataSchema's fields, which the package's data.json keeps. */
export const PART_KEYS: readonly PartKey[] = ['bloc', ...RECORD_KEYS];

/** Records per part: big enough that a part's own cost is small, small enough that parts overlap. */
export const PART_MAX_RECORDS = 4000;
/** A part joined from stored JSON (score sheets) stops growing past this size (about as many scores). */
export const PART_TARGET_BYTES = 2 * 1024 * 1024;
/** Attachments hold images (base64, up to 8 MB each): a few per part. */
export const PART_MAX_ATTACHMENTS = 4;

/** At most this many parts in one upload (a bloc at every kind's maximum stays far below). */
export const UPLOAD_MAX_PARTS = 20_000;

export interface BlocPart {
  key: PartKey;
  records: unknown[];
}

/**
 * A part as it is sent: its records as UTF-8 JSON (an array), or, with `sheets`, score sheets as
 * stored (shared/model/score-sheets.ts): each sheet's length (4 bytes, little-endian) then its
 * deflated JSON array, their records one after the other in the sheets' order.
 */
export interface EncodedPart {
  key: PartKey;
  bytes: Uint8Array<ArrayBuffer>;
  sheets?: true;
}

/** Stored score sheets per part: about 60 units' sheets of a year (a few hundred KB, some MB of JSON). */
export const PART_MAX_SHEETS = 64;

/** The records of a kind cut into the parts they are sent in (none for an empty kind). */
export function partsOf(key: PartKey, records: readonly unknown[]): BlocPart[] {
  const size = key === 'attachments' ? PART_MAX_ATTACHMENTS : PART_MAX_RECORDS;
  const out: BlocPart[] = [];
  for (let i = 0; i < records.length; i += size) out.push({ key, records: records.slice(i, i + size) });
  return out;
}

/** Whether a part with `key` may follow one with `previous` (null: the first part, which must be the bloc). */
export function partMayFollow(previous: PartKey | null, key: PartKey): boolean {
  if (previous === null) return key === 'bloc';
  if (key === 'bloc') return false;
  return PART_KEYS.indexOf(key) >= PART_KEYS.indexOf(previous);
}

/** A bloc held in memory, cut into its parts in their order. */
export function partsOfBloc(data: { bloc: unknown } & Partial<Record<RecordKey, readonly unknown[]>>): BlocPart[] {
  return [{ key: 'bloc', records: [data.bloc] }, ...RECORD_KEYS.flatMap((key) => partsOf(key, data[key] ?? []))];
}

/** A part as it is sent. */
export function encodePart(part: BlocPart): EncodedPart {
  return { key: part.key, bytes: new TextEncoder().encode(JSON.stringify(part.records)) };
}

/**
 * Parts made of stored score sheets (deflated JSON arrays), in their order: sent as they are stored,
 * never inflated here; main inflates and checks them (bloc-upload.ts, sheetsOfPart).
 */
export function sheetParts(key: PartKey, sheets: readonly Uint8Array[]): EncodedPart[] {
  const out: EncodedPart[] = [];
  for (let i = 0; i < sheets.length; i += PART_MAX_SHEETS) {
    const group = sheets.slice(i, i + PART_MAX_SHEETS);
    const bytes = new Uint8Array(group.reduce((n, s) => n + 4 + s.length, 0));
    const view = new DataView(bytes.buffer);
    let at = 0;
    for (const s of group) {
      view.setUint32(at, s.length, true);
      bytes.set(s, at + 4);
      at += 4 + s.length;
    }
    out.push({ key, bytes, sheets: true });
  }
  return out;
}

/** The sheets of a part made by sheetParts (their stored bytes, not copied); null when the bytes do not hold together. */
export function sheetsOfPart(bytes: Uint8Array): Uint8Array[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; ) {
    if (at + 4 > bytes.length) return null;
    const length = view.getUint32(at, true);
    if (at + 4 + length > bytes.length) return null;
    out.push(bytes.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return out;
}

/**
 * Parts made of JSON arrays already written, in their order: each part is one array holding their
 * elements, about PART_TARGET_BYTES long. The text is joined, never parsed.
 */
export function joinedParts(key: PartKey, arrays: readonly Uint8Array[]): EncodedPart[] {
  const out: EncodedPart[] = [];
  let group: Uint8Array[] = [];
  let size = 0;
  const flush = () => {
    if (!group.length) return;
    const bytes = new Uint8Array(size + group.length + 1);
    bytes[0] = 0x5b; // [
    let at = 1;
    group.forEach((inner, i) => {
      if (i > 0) bytes[at++] = 0x2c; // ,
      bytes.set(inner, at);
      at += inner.length;
    });
    bytes[at] = 0x5d; // ]
    out.push({ key, bytes });
    group = [];
    size = 0;
  };
  for (const array of arrays) {
    const inner = innerOfArray(array);
    if (inner.length === 0) continue;
    group.push(inner);
    size += inner.length;
    if (size >= PART_TARGET_BYTES) flush();
  }
  flush();
  return out;
}

/** The elements' text of a JSON array's text (`[…]`, as JSON.stringify writes it). */
function innerOfArray(array: Uint8Array): Uint8Array {
  if (array.length < 2 || array[0] !== 0x5b || array[array.length - 1] !== 0x5d) throw new Error('bloc parts: stored JSON is not an array');
  return array.subarray(1, array.length - 1);
}

/** A part's bytes as a buffer of their own, to hand to another thread without a copy (parts are made so; a copy otherwise). */
export function ownBuffer(bytes: Uint8Array<ArrayBuffer>): ArrayBuffer {
  return bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length ? bytes.buffer : bytes.slice().buffer;
}
