/**
 * Fast paths for the two big homogeneous arrays of a bloc: scores (a 10-year bloc of 60 units and
 * 200 criteria holds 120 000, each with its history) and import batches (one change per score
 * imported). zod builds a generic parse per value; these hand-written checks do the same work in a
 * fraction of the time, for BlocDataSchema's arrays only (registry.ts, `fastParse`).
 *
 * Each one accepts a record only when ScoreSchema / ImportBatchSchema would, and then returns what
 * zod returns (the schema's keys in the schema's order, unknown keys dropped, defaults filled): the
 * record itself when it is that already (a plain object with exactly those keys, in that order, as
 * this app writes them), else a fresh object. Keeping the parsed object spares a large bloc a
 * second copy of every record. On anything else it returns null and the whole array goes through zod, so
 * refusals and their Vietnamese messages are zod's own, unchanged. Being narrower than zod is
 * safe (the record then takes zod's path); being wider is a bug: test/unit/model/fast-records.test.ts
 * compares both on valid records and on many broken ones.
 */
import type { ImportBatch, Score, ScoreChange } from './records-base';
import { isIsoTime } from '../text/dates';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Whether `r` is a plain object whose own keys are `keys`, in that order (it is then its own output). */
function isExactly(r: Obj, keys: readonly string[]): boolean {
  if (Object.getPrototypeOf(r) !== Object.prototype) return false;
  const own = Object.keys(r);
  if (own.length !== keys.length) return false;
  for (let i = 0; i < keys.length; i++) if (own[i] !== keys[i]) return false;
  return true;
}
const str = (v: unknown, min: number, max: number): v is string => typeof v === 'string' && v.length >= min && v.length <= max;
/** Id: 1–64 characters. */
const id = (v: unknown): v is string => str(v, 1, 64);
/** Points: a finite number 0–10 000. */
const points = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 10000;
/** ChangeValue: a finite number, a string of at most 2 000 characters, or null. */
const changeValue = (v: unknown): v is number | string | null =>
  v === null || (typeof v === 'number' && Number.isFinite(v)) || str(v, 0, 2000);

/**
 * IsoTime (at most 40 characters, a real day and time). A bloc repeats a few thousand distinct
 * moments hundreds of thousands of times, so the answers are remembered (bounded).
 */
const timeSeen = new Map<string, boolean>();
function isoTime(v: unknown): v is string {
  if (typeof v !== 'string' || v.length > 40) return false;
  let ok = timeSeen.get(v);
  if (ok === undefined) {
    ok = isIsoTime(v);
    if (timeSeen.size >= 20_000) timeSeen.clear();
    timeSeen.set(v, ok);
  }
  return ok;
}

const SCORE_FIELDS = new Set(['self', 'verified', 'note']);

const CHANGE_KEYS = ['at', 'by', 'field', 'old', 'new', 'reason', 'batchId'] as const;

function scoreChange(c: unknown): ScoreChange | null {
  if (!isObj(c)) return null;
  const { at, by, field, old, new: next } = c;
  const reason = c.reason === undefined ? '' : c.reason;
  const batchId = c.batchId === undefined ? null : c.batchId;
  if (!isoTime(at) || !str(by, 0, 120) || typeof field !== 'string' || !SCORE_FIELDS.has(field)) return null;
  if (!changeValue(old) || !changeValue(next) || !str(reason, 0, 1000) || !(batchId === null || id(batchId))) return null;
  if (isExactly(c, CHANGE_KEYS)) return c as ScoreChange;
  return { at, by, field: field as ScoreChange['field'], old, new: next, reason, batchId };
}

const SCORE_KEYS = ['id', 'blocId', 'year', 'unitId', 'code', 'self', 'verified', 'note', 'history', 'updatedAt'] as const;

/** ScoreSchema's output for `r`, or null when zod must decide. */
export function fastScore(r: unknown): Score | null {
  if (!isObj(r)) return null;
  const { id: rid, blocId, year, unitId, code, self, history, updatedAt } = r;
  const verified = r.verified === undefined ? null : r.verified;
  const note = r.note === undefined ? '' : r.note;
  if (!str(rid, 1, 200) || !id(blocId) || !Number.isSafeInteger(year) || !id(unitId) || !str(code, 1, 20)) return null;
  if (!(self === null || points(self)) || !(verified === null || points(verified)) || !str(note, 0, 2000)) return null;
  if (!Array.isArray(history) || history.length > 1000 || !isoTime(updatedAt)) return null;
  const changes = sameOrFresh(history, scoreChange);
  if (changes === null) return null;
  if (changes === history && isExactly(r, SCORE_KEYS)) return r as Score;
  return { id: rid, blocId, year: year as number, unitId, code, self, verified, note, history: changes, updatedAt };
}

const BATCH_FIELDS = new Set(['self', 'note']);
type BatchFile = ImportBatch['files'][number];
type BatchChange = ImportBatch['changes'][number];

/** ImportBatchSchema's output for `r`, or null when zod must decide. */
export function fastImportBatch(r: unknown): ImportBatch | null {
  if (!isObj(r)) return null;
  const { id: rid, blocId, year, createdAt, files, changes } = r;
  const undoneAt = r.undoneAt === undefined ? null : r.undoneAt;
  if (!id(rid) || !id(blocId) || !Number.isSafeInteger(year) || !isoTime(createdAt) || !(undoneAt === null || isoTime(undoneAt))) return null;
  if (!Array.isArray(files) || files.length > 500 || !Array.isArray(changes) || changes.length > 200000) return null;
  const outFiles = sameOrFresh(files, batchFile);
  const outChanges = outFiles && sameOrFresh(changes, batchChange);
  if (outFiles === null || outChanges === null) return null;
  if (outFiles === files && outChanges === changes && isExactly(r, BATCH_KEYS)) return r as ImportBatch;
  return { id: rid, blocId, year: year as number, createdAt, files: outFiles, changes: outChanges, undoneAt };
}

const BATCH_KEYS = ['id', 'blocId', 'year', 'createdAt', 'files', 'changes', 'undoneAt'] as const;
const BATCH_FILE_KEYS = ['name', 'sha256', 'unitId', 'receivedAt'] as const;
const BATCH_CHANGE_KEYS = ['unitId', 'code', 'field', 'old', 'new'] as const;

function batchFile(f: unknown): BatchFile | null {
  if (!isObj(f)) return null;
  const { name, sha256, unitId, receivedAt } = f;
  if (!str(name, 0, 300) || !str(sha256, 0, 64) || !id(unitId) || !isoTime(receivedAt)) return null;
  return isExactly(f, BATCH_FILE_KEYS) ? (f as BatchFile) : { name, sha256, unitId, receivedAt };
}

function batchChange(c: unknown): BatchChange | null {
  if (!isObj(c)) return null;
  const { unitId, code, field, old, new: next } = c;
  if (!id(unitId) || !str(code, 0, 20) || typeof field !== 'string' || !BATCH_FIELDS.has(field) || !changeValue(old) || !changeValue(next)) return null;
  return isExactly(c, BATCH_CHANGE_KEYS) ? (c as BatchChange) : { unitId, code, field: field as BatchChange['field'], old, new: next };
}

/**
 * Every element through `fast` (null as soon as one fails): the list itself when every element is
 * its own output and the list is a plain array, else a fresh list.
 */
function sameOrFresh<T>(list: unknown[], fast: (r: unknown) => T | null): T[] | null {
  let out: T[] | null = Object.getPrototypeOf(list) === Array.prototype ? null : new Array<T>(list.length);
  for (let i = 0; i < list.length; i++) {
    const r = fast(list[i]);
    if (r === null) return null;
    if (out === null && r !== list[i]) out = (list as T[]).slice(0, i);
    if (out !== null) out[i] = r;
  }
  return out ?? (list as T[]);
}

/** Every record through `fast`, or null as soon as one needs zod (then the whole array does). */
export function fastArray<T>(value: unknown, fast: (r: unknown) => T | null): T[] | null {
  return Array.isArray(value) ? sameOrFresh(value, fast) : null;
}
