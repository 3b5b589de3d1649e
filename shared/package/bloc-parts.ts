/**
 * A whole bloc sent to main in parts (the handover export and the automatic backups): the renderer
 * reads a kind at a time (the scores a year at a time) and sends each part as soon as it is read,
 * so main checks and packs one part while the next is being read. A 10-year bloc of 60 units and
 * 200 criteria is 80 MB of JSON; sent in one piece, reading, copying and packing it ran one after
 * the other.
 *
 * A part is its key ("bloc" or a kind of the registry) and its records as UTF-8 JSON (an array),
 * or the scores as their stored, deflated score sheets (sheetParts).
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

/** A part's bytes as a buffer of their own, to hand to another thread without a copy (parts are made so; a copy otherwise). */
export function ownBuffer(bytes: Uint8Array<ArrayBuffer>): ArrayBuffer {
  return bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length ? bytes.buffer : bytes.slice().buffer;
}
