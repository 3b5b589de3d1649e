/**
 * A whole bloc received in parts (shared/package/bloc-parts.ts) and packed as it arrives: each part
 * is checked like any payload (bounded JSON, text cleaned, the kind's schema), then written at once
 * into the package's data.json, whose SHA-256, CRC-32 and deflate run along. So when the last
 * part is in, only the checks between records (consistency), the manifest and the file remain.
 * The handover export and the automatic backups take the package from here.
 *
 * data.json comes out byte for byte as `JSON.stringify(data)` of the same bloc in one piece
 * (encodePackage): the bloc, then every kind in BlocDataSchema's order, an empty list for a kind
 * with no part. A part that is exact (writeAsReceived) goes in as its text came: score sheets cut
 * from an imported package's text (sheetsOfText) keep that text, which holds the same values even
 * where it is not written as JSON.stringify writes it (spaces, `\u` escapes).
 */
import { createHash, randomUUID, type Hash } from 'node:crypto';
import { crc32, createDeflateRaw, inflateRawSync, type DeflateRaw } from 'node:zlib';
import { UserError } from '../../../shared/errors';
import type { z } from 'zod';
import { BlocDataSchema, type BlocData } from '../../../shared/model/records';
import { BlocSchema } from '../../../shared/model/records-base';
import { kindOf, type AnyRecord } from '../../../shared/model/registry';
import { checkedView, ConsistencyCheck } from '../../../shared/package/consistency';
import { PART_KEYS, partMayFollow, sheetsOfPart, UPLOAD_MAX_PARTS, type PartKey } from '../../../shared/package/bloc-parts';
import { describeIssue } from '../../../shared/package/describe-issue';
import { PACKAGE_MAX_DATA_BYTES } from '../../../shared/package/format';
import { DEFAULT_JSON_SHAPE_LIMITS, parseUntrustedJson, tallyJsonShape, type JsonShapeTally } from '../../../shared/package/untrusted-json';
import {
  blocTooLarge,
  checkConsistency,
  DATA_ENTRY,
  DATA_LEVEL,
  manifestEntry,
  packageManifest,
  type PackageCounts,
  type PackageMeta,
} from './package-file';
import { checkedSheet, rememberSheet, type CheckedSheet } from './checked-sheets';
import { zipPackedEntries } from './zip-writer';

/** A part is checked against data.json's limits, its nesting counted from the list it fills. */
const PART_SHAPE_LIMITS = { ...DEFAULT_JSON_SHAPE_LIMITS, maxDepth: DEFAULT_JSON_SHAPE_LIMITS.maxDepth - 1 };

/** Parts that may arrive ahead of their turn (calls in flight can land in any order). */
const MAX_AHEAD = 64;

const invalid = (details: string[]) => new UserError('invalid-payload', 'Dữ liệu của khối gửi tới dịch vụ không hợp lệ; chưa ghi gì.', details);

/** Each kind's list as BlocDataSchema checks it (with the fast paths of the big kinds). */
const LIST_SCHEMAS = BlocDataSchema.shape as unknown as Record<string, z.ZodType<unknown[]>>;

export class BlocUpload {
  /** Parts received ahead of their turn, by index. */
  private readonly waiting = new Map<number, { key: PartKey; bytes: Uint8Array; sheets: boolean }>();
  private next = 0;
  private key: PartKey | null = null;
  /** The kind whose list is open in data.json ("…,"scores":[…"), and whether it holds a record yet. */
  private openKey: PartKey | null = null;
  private openHasRecords = false;
  private bloc: BlocData['bloc'] | null = null;
  /** The checks between records, run as the records come (so little is left for the finish). */
  private check: ConsistencyCheck | null = null;
  private readonly lists = new Map<PartKey, unknown[]>();
  private readonly counts = new Map<PartKey, number>();
  private readonly hash: Hash = createHash('sha256');
  private crc = 0;
  private size = 0;
  private readonly shape: JsonShapeTally = { depth: 0, containers: 0, separators: 0 };
  private readonly deflate: DeflateRaw = createDeflateRaw({ level: DATA_LEVEL });
  private readonly deflated: Buffer[] = [];
  private readonly deflateDone: Promise<void>;
  private failure: UserError | null = null;
  lastUsed = Date.now();

  constructor() {
    this.deflate.on('data', (chunk: Buffer) => this.deflated.push(chunk));
    this.deflateDone = new Promise((resolve, reject) => {
      this.deflate.once('end', resolve);
      this.deflate.once('error', reject);
    });
    this.deflateDone.catch(() => undefined);
  }

  /**
   * Takes part `index` (records of `key`: JSON, or stored score sheets with `sheets`); parts are
   * packed in index order. Throws (and the upload is spoiled) on a bad part.
   */
  receive(index: number, key: PartKey, bytes: Uint8Array, sheets = false): void {
    this.lastUsed = Date.now();
    if (this.failure) throw this.failure;
    try {
      if (index < this.next || this.waiting.has(index)) throw invalid([`phần ${index + 1} đã được gửi`]);
      if (index >= UPLOAD_MAX_PARTS || index >= this.next + MAX_AHEAD) throw invalid([`phần ${index + 1} gửi trước quá xa`]);
      this.waiting.set(index, { key, bytes, sheets });
      for (let part = this.waiting.get(this.next); part !== undefined; part = this.waiting.get(this.next)) {
        this.waiting.delete(this.next);
        if (part.sheets) this.takeSheets(part.key, part.bytes, this.next);
        else this.take(part.key, part.bytes, this.next);
        this.next++;
      }
    } catch (err) {
      this.spoil(err);
      throw err;
    }
  }

  /** The package of the bloc received (and the bloc's own record), after the checks between its records. */
  async finish(meta: PackageMeta): Promise<{ bloc: BlocData['bloc']; bytes: Uint8Array }> {
    if (this.failure) throw this.failure;
    try {
      if (this.waiting.size > 0) throw invalid([`thiếu phần ${this.next + 1}`]);
      if (!this.bloc) throw invalid(['thiếu thông tin khối']);
      this.closeListsUpTo(null);
      this.write('}');
      // What the finish reads: the kinds it keeps (not the big ones), every kind's count.
      const data = { bloc: this.bloc } as Record<string, unknown>;
      const counts = {} as Record<string, number>;
      for (const key of PART_KEYS) {
        if (key === 'bloc') continue;
        const kind = kindOf(key)!;
        const count = this.counts.get(key) ?? 0;
        if (count > kind.max) throw invalid([`${kind.label}: ${count} bản ghi, tối đa ${kind.max}`]);
        counts[key] = count;
        data[key] = this.lists.get(key) ?? [];
      }
      const kept = data as BlocData;
      checkConsistency(kept, this.check!.problems());
      this.deflate.end();
      await this.deflateDone;
      const manifest = packageManifest(kept, this.hash.digest('hex'), meta, counts as PackageCounts);
      const bytes = zipPackedEntries([
        { name: DATA_ENTRY, mtime: new Date(meta.now), deflated: Buffer.concat(this.deflated), crc: this.crc, size: this.size },
        manifestEntry(manifest),
      ]);
      return { bloc: this.bloc, bytes };
    } catch (err) {
      this.spoil(err);
      throw err;
    }
  }

  /** Drops everything received (the renderer gave up, or the upload was left too long). */
  abort(): void {
    this.spoil(new UserError('upload-aborted', 'Việc gửi dữ liệu của khối đã bị hủy; chưa ghi gì.'));
  }

  private spoil(err: unknown): void {
    if (this.failure) return;
    this.failure = err instanceof UserError ? err : new UserError('upload-failed', 'Không nhận được dữ liệu của khối; chưa ghi gì.');
    this.waiting.clear();
    this.lists.clear();
    this.deflate.destroy();
  }

  /**
   * Checks and packs a part of JSON. With `keep`, the part's records as the checks between records
   * read them (checkedView) and its text's shape, when the text went into data.json as it came (a
   * sheet main may meet again: takeSheets); else null.
   */
  private take(key: PartKey, bytes: Uint8Array, index: number, keep = false): CheckedSheet | null {
    if (!partMayFollow(this.key, key)) throw invalid([`phần ${index + 1} (${key}) gửi sai thứ tự`]);
    this.key = key;
    // The part's list lies one level down in data.json (inside its top object).
    const json = parseUntrustedJson(bytes, PART_SHAPE_LIMITS);
    if (!json.ok) throw invalid([`phần ${index + 1}: ${json.problem.kind}`]);
    if (!Array.isArray(json.value)) throw invalid([`phần ${index + 1} không phải danh sách bản ghi`]);
    const records = json.value as unknown[];
    if (key === 'bloc') return (this.takeBloc(records), null);

    const parsed = LIST_SCHEMAS[key]!.safeParse(records);
    if (!parsed.success)
      throw invalid(parsed.error.issues.slice(0, 10).map((i) => describeIssue({ ...i, path: [key, ...offsetPath(i.path, this.counts.get(key) ?? 0)] })));
    this.closeListsUpTo(key);
    if (parsed.data.length === 0) return null;
    if (this.openHasRecords) this.write(',');
    const asReceived = json.exact && this.writeAsReceived(bytes, json.shape, records, parsed.data);
    if (!asReceived) this.write(JSON.stringify(parsed.data).slice(1, -1));
    this.openHasRecords = true;
    const checked = parsed.data as AnyRecord[];
    this.check!.add(key, checked);
    this.counts.set(key, (this.counts.get(key) ?? 0) + checked.length);
    // The kinds a bloc holds by the hundred thousand are not kept: the checks between records had
    // them as they came, and the package needs only their number (short-lived, they cost the
    // garbage collector little).
    if (kindOf(key)!.fastParse) {
      if (!keep || !asReceived) return null;
      return { views: checked.map((r) => checkedView(key, r)), containers: json.shape.containers - 1, separators: json.shape.separators };
    }
    const list = this.lists.get(key) ?? [];
    for (const r of checked) list.push(r);
    this.lists.set(key, list);
    return null;
  }

  /** Packs a sheet checked before (its text inflated again) and hands its records' views to the checks between records. */
  private takeKnown(key: PartKey, json: Uint8Array, known: CheckedSheet, index: number): void {
    if (!partMayFollow(this.key, key)) throw invalid([`phần ${index + 1} (${key}) gửi sai thứ tự`]);
    this.key = key;
    this.closeListsUpTo(key);
    if (known.views.length === 0) return;
    if (this.openHasRecords) this.write(',');
    this.emitCounted(json.subarray(1, json.length - 1), known.containers, known.separators);
    this.openHasRecords = true;
    this.check!.add(key, known.views);
    this.counts.set(key, (this.counts.get(key) ?? 0) + known.views.length);
  }

  /**
   * A part of stored score sheets (bloc-parts.ts, sheetParts): each sheet inflated, never past what
   * data.json may still hold (a deflate bomb stops there), then checked and packed as a part sent as
   * JSON is, or, when main checked the same bytes before (checkedSheets), packed with what that
   * check found.
   */
  private takeSheets(key: PartKey, bytes: Uint8Array, index: number): void {
    if (key !== 'scores') throw invalid([`phần ${index + 1} (${key}) không phải bảng điểm`]);
    const sheets = sheetsOfPart(bytes);
    if (!sheets) throw invalid([`phần ${index + 1}: các bảng điểm không đọc được`]);
    for (const sheet of sheets) {
      let json: Buffer;
      try {
        json = inflateRawSync(sheet, { maxOutputLength: Math.max(1, PACKAGE_MAX_DATA_BYTES - this.size) });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw blocTooLarge(PACKAGE_MAX_DATA_BYTES + 1);
        throw invalid([`phần ${index + 1}: một bảng điểm bị hỏng (không giải nén được)`]);
      }
      // A sheet is a JSON array of scores (an empty one is never stored, and adds nothing).
      if (json.length < 2 || json[0] !== 0x5b || json[json.length - 1] !== 0x5d) throw invalid([`phần ${index + 1}: một bảng điểm không phải danh sách điểm`]);
      const known = checkedSheet(sheet);
      if (known) this.takeKnown(key, json, known, index);
      else {
        const checked = this.take(key, json, index, true);
        if (checked) rememberSheet(sheet, checked);
      }
    }
  }

  /**
   * Writes the records' text as it came when it says exactly what the check gave: the text says
   * all the parsed records hold (`exact`: nothing cleaned, no key given twice) and the records are
   * the schema's output already (the fast paths give such a record back as itself; any other must
   * have the same members in the same order and no default filled). The bloc's own reader then
   * reads the same records; re-writing 80 MB of JSON only to find the same text was most of the
   * cost of a large export.
   */
  private writeAsReceived(bytes: Uint8Array, shape: { containers: number; separators: number }, received: unknown[], checked: unknown[]): boolean {
    const n = bytes.length;
    if (n < 2 || bytes[0] !== 0x5b /* [ */ || bytes[n - 1] !== 0x5d /* ] */ || received.length !== checked.length) return false;
    for (let i = 0; i < received.length; i++) if (received[i] !== checked[i] && !sameJson(received[i], checked[i])) return false;
    // The outer brackets are not written: one container fewer.
    this.emitCounted(bytes.subarray(1, n - 1), shape.containers - 1, shape.separators);
    return true;
  }

  /** Appends text whose containers and separators were counted (the records' text as it came) to data.json. */
  private emitCounted(bytes: Uint8Array, containers: number, separators: number): void {
    const allContainers = this.shape.containers + containers;
    const allSeparators = this.shape.separators + separators;
    if (allContainers > DEFAULT_JSON_SHAPE_LIMITS.maxContainers || allSeparators > DEFAULT_JSON_SHAPE_LIMITS.maxSeparators) throw blocTooLarge(this.size + bytes.length);
    this.shape.containers = allContainers;
    this.shape.separators = allSeparators;
    this.emit(bytes);
  }

  private takeBloc(records: unknown[]): void {
    if (records.length !== 1) throw invalid(['phần đầu phải chứa đúng một khối']);
    const parsed = BlocSchema.safeParse(records[0]);
    if (!parsed.success) throw invalid(parsed.error.issues.slice(0, 10).map((i) => describeIssue({ ...i, path: ['bloc', ...i.path] })));
    this.bloc = parsed.data;
    this.check = new ConsistencyCheck(parsed.data.id);
    this.write(`{"bloc":${JSON.stringify(parsed.data)}`);
  }

  /** Closes the open list and writes the empty lists of the kinds before `key` (null: every kind left). */
  private closeListsUpTo(key: PartKey | null): void {
    if (key !== null && key === this.openKey) return;
    const from = this.openKey === null ? 1 : PART_KEYS.indexOf(this.openKey) + 1;
    const to = key === null ? PART_KEYS.length : PART_KEYS.indexOf(key);
    let text = this.openKey === null ? '' : ']';
    for (let i = from; i < to; i++) text += `,"${PART_KEYS[i]}":[]`;
    if (key !== null) text += `,"${key}":[`;
    this.openKey = key;
    this.openHasRecords = false;
    this.write(text);
  }

  private write(text: string): void {
    if (text.length === 0) return;
    const bytes = Buffer.from(text, 'utf8');
    if (tallyJsonShape(bytes, this.shape) !== null) throw blocTooLarge(this.size + bytes.length);
    this.emit(bytes);
  }

  /** Appends bytes already counted in the JSON shape to data.json. */
  private emit(bytes: Uint8Array): void {
    this.size += bytes.length;
    // Never write a package this app would refuse to read.
    if (this.size > PACKAGE_MAX_DATA_BYTES) throw blocTooLarge(this.size);
    this.hash.update(bytes);
    this.crc = crc32(bytes, this.crc);
    this.deflate.write(bytes);
  }
}

/** Whether `a` (as parsed) and `b` (as checked) are the same JSON value, members in the same order. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i] || !sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** A zod path within a part's records, as a path within the whole kind's list. */
function offsetPath(path: readonly PropertyKey[], offset: number): PropertyKey[] {
  const [first, ...rest] = path;
  return typeof first === 'number' ? [first + offset, ...rest] : [...path];
}

// ---- The uploads main holds between calls ----

/**
 * Open uploads at once (an export and a backup can run side by side). Each holds the records it
 * received, so main keeps only a few: a new upload ends the one touched longest ago. That is one
 * left behind (a window reloaded mid-way, a caller gone) long before it is a live one, whose parts
 * come milliseconds apart.
 */
const MAX_OPEN = 4;
/**
 * An upload not touched for this long was left behind (the window reloaded mid-way). Parts come
 * milliseconds apart and the finish follows the last part at once (or after a backup queued
 * before it, seconds), so two minutes frees a lost slot soon without dropping a live upload.
 */
export const UPLOAD_IDLE_MS = 2 * 60 * 1000;
const uploads = new Map<string, BlocUpload>();

function dropIdle(now: number): void {
  for (const [id, upload] of uploads) {
    if (now - upload.lastUsed > UPLOAD_IDLE_MS) {
      upload.abort();
      uploads.delete(id);
    }
  }
}

/** Starts an upload; returns its id. */
export function beginUpload(now = Date.now()): string {
  dropIdle(now);
  // The map keeps its uploads in the order they were last touched (uploadOf moves one to the end).
  for (const oldest of uploads.keys()) {
    if (uploads.size < MAX_OPEN) break;
    abortUpload(oldest);
  }
  const id = randomUUID();
  uploads.set(id, new BlocUpload());
  return id;
}

function uploadOf(id: string): BlocUpload {
  const upload = uploads.get(id);
  if (!upload) throw new UserError('upload-unknown', 'Không tìm thấy dữ liệu của khối đang gửi (có thể đã quá lâu); hãy thử lại.');
  uploads.delete(id);
  uploads.set(id, upload);
  return upload;
}

/** Takes one part of an upload (JSON, or stored score sheets with `sheets`); a bad part ends the upload. */
export function receivePart(id: string, index: number, key: PartKey, bytes: Uint8Array, sheets = false): void {
  const upload = uploadOf(id);
  try {
    upload.receive(index, key, bytes, sheets);
  } catch (err) {
    uploads.delete(id);
    throw err;
  }
}

/** Ends an upload and gives the package of the bloc it carried (and the bloc's own record). */
export async function finishUpload(id: string, meta: PackageMeta): Promise<{ bloc: BlocData['bloc']; bytes: Uint8Array }> {
  const upload = uploadOf(id);
  uploads.delete(id);
  return upload.finish(meta);
}

export function abortUpload(id: string): void {
  uploads.get(id)?.abort();
  uploads.delete(id);
}
