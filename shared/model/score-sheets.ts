/**
 * How the database on this PC stores scores: one record per bloc, year and unit (a "score sheet"
 * holding that unit's scores of the year), not one record per score. IndexedDB costs per record: a
 * bloc of 10 years × 60 units × 200 criteria is 120 000 scores but only 600 sheets. Packages and the
 * domain code still see a flat Score[]; this codec is the one place that packs and unpacks, used by
 * renderer/src/db/score-store.ts and the schema change that moved the records (schema-changes.ts).
 */
import type { Score } from './records-base';
import type { BlocData } from './registry';
import { deflateSync, inflateSync } from 'fflate';

export interface ScoreSheet {
  /** scoreSheetId(year, unitId): the prefix of its scores' ids. */
  id: string;
  blocId: string;
  year: number;
  unitId: string;
  /** Never empty, ordered by id (a sheet without scores is deleted). */
  scores: Score[];
}

export const SCORE_SHEETS_TABLE = 'scoreSheets';
export const SCORE_SHEETS_INDEXES = 'id, blocId, [blocId+year]';

/**
 * A sheet's id, scoped like the scores' ids (scoreId(year, unitId, code) = `${sheetId}:${code}`):
 * a unit id is unique on this PC (the units' primary key) and a copied bloc gets new unit ids, so
 * one (year, unit) sheet belongs to one bloc.
 */
export function scoreSheetId(year: number, unitId: string): string {
  return `${year}:${unitId}`;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function sheetKey(s: Pick<Score, 'blocId' | 'year' | 'unitId'>): string {
  return `${s.blocId}\u0000${scoreSheetId(s.year, s.unitId)}`;
}

/** Scores grouped into their sheets (of any blocs), each sheet's scores ordered by id. */
export function packScores(scores: readonly Score[]): ScoreSheet[] {
  const sheets = new Map<string, ScoreSheet>();
  for (const s of scores) {
    const key = sheetKey(s);
    const sheet = sheets.get(key);
    if (sheet) sheet.scores.push(s);
    else sheets.set(key, { id: scoreSheetId(s.year, s.unitId), blocId: s.blocId, year: s.year, unitId: s.unitId, scores: [s] });
  }
  const out = [...sheets.values()];
  for (const sheet of out) if (!isSorted(sheet.scores)) sheet.scores.sort(byId);
  return out;
}

function isSorted(list: readonly { id: string }[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i - 1]!.id > list[i]!.id) return false;
  return true;
}

/**
 * The scores of these sheets, in the order of their ids (as one record per score came out of an
 * index before): sheets in the order of `${id}:` (the prefix of their scores' ids), sorted again
 * only in the rare case that is not enough (a unit id holding ':').
 */
export function unpackSheets(sheets: readonly ScoreSheet[]): Score[] {
  const ordered = [...sheets].sort((a, b) => {
    const x = `${a.id}:`;
    const y = `${b.id}:`;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const out: Score[] = [];
  for (const sheet of ordered) for (const s of sheet.scores) out.push(s);
  return isSorted(out) ? out : out.sort(byId);
}

/** The sheet with these scores written over the ones of the same id (or added); the others as they were. */
export function withScores(sheet: ScoreSheet, changed: readonly Score[]): ScoreSheet {
  const byIdMap = new Map(sheet.scores.map((s) => [s.id, s]));
  for (const s of changed) byIdMap.set(s.id, s);
  return { ...sheet, scores: [...byIdMap.values()].sort(byId) };
}

/**
 * A score sheet as this PC stores it since Dexie version 7: the scores as the UTF-8 JSON of their
 * array, deflated (raw DEFLATE, RFC 1951). IndexedDB copies a structured value object by object (a
 * large bloc's 120 000 scores with their histories are over a million objects) but bytes in one
 * piece (version 6); deflated, a sheet of 200 scores (about 100 KB of JSON) stays under the 64 KB
 * past which Chromium keeps a value in a separate blob file, slow to read. The handover export and
 * the backups send these bytes to main as they are (bloc-parts.ts, sheet parts): 80 MB of JSON is
 * 3–10 MB to copy between the processes, and the text is made once, when a score is written.
 */
export interface StoredScoreSheet {
  id: string;
  blocId: string;
  year: number;
  unitId: string;
  /** The UTF-8 JSON of the sheet's Score[] (ordered by id), raw DEFLATE. */
  deflated: Uint8Array;
}

/** A sheet as Dexie version 6 stored it (the JSON not deflated): met only by the upgrade to version 7. */
export interface JsonScoreSheet {
  id: string;
  blocId: string;
  year: number;
  unitId: string;
  json: Uint8Array;
}

/** Compresses a sheet's JSON. Main passes node:zlib's (several times faster than this JavaScript one); both write raw DEFLATE. */
export type DeflateJson = (json: Uint8Array) => Uint8Array;

/** fflate at level 3: about as small as level 6 on score JSON, at a fraction of the time. */
const deflateJson: DeflateJson = (json) => deflateSync(json, { level: 3 });

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

/** The sheet as stored. */
export function storeSheet(sheet: ScoreSheet): StoredScoreSheet {
  return storedOf(sheet, deflateJson(utf8.encode(JSON.stringify(sheet.scores))));
}

/** storeSheet with another (the same format's) compressor. */
export function sheetStorer(deflate: DeflateJson): (sheet: ScoreSheet) => StoredScoreSheet {
  return (sheet) => storedOf(sheet, deflate(utf8.encode(JSON.stringify(sheet.scores))));
}

function storedOf(sheet: Pick<ScoreSheet, 'id' | 'blocId' | 'year' | 'unitId'>, deflated: Uint8Array): StoredScoreSheet {
  return { id: sheet.id, blocId: sheet.blocId, year: sheet.year, unitId: sheet.unitId, deflated };
}

/** A stored sheet's JSON (the UTF-8 of its Score[]). */
export function sheetJson(stored: StoredScoreSheet): Uint8Array {
  return inflateSync(stored.deflated);
}

/** The sheet as code uses it. */
export function loadSheet(stored: StoredScoreSheet): ScoreSheet {
  return { id: stored.id, blocId: stored.blocId, year: stored.year, unitId: stored.unitId, scores: JSON.parse(fromUtf8.decode(sheetJson(stored))) as Score[] };
}

/** A sheet in any form a database has held (an upgrade meets the older ones), as code uses it. */
export function loadAnySheet(sheet: ScoreSheet | JsonScoreSheet | StoredScoreSheet): ScoreSheet {
  if ((sheet as StoredScoreSheet).deflated instanceof Uint8Array) return loadSheet(sheet as StoredScoreSheet);
  const json = (sheet as JsonScoreSheet).json;
  if (json instanceof Uint8Array) return { id: sheet.id, blocId: sheet.blocId, year: sheet.year, unitId: sheet.unitId, scores: JSON.parse(fromUtf8.decode(json)) as Score[] };
  return sheet as ScoreSheet;
}

/** A sheet in any form, as stored now (one already so is kept as it is). */
export function storeAnySheet(sheet: ScoreSheet | JsonScoreSheet | StoredScoreSheet): StoredScoreSheet {
  if ((sheet as StoredScoreSheet).deflated instanceof Uint8Array) return sheet as StoredScoreSheet;
  const json = (sheet as JsonScoreSheet).json;
  if (json instanceof Uint8Array) return storedOf(sheet, deflateJson(json));
  return storeSheet(sheet as ScoreSheet);
}

/**
 * A whole bloc whose scores come as this PC stores them (score sheets, their JSON made) and not as
 * one list: what main hands the renderer after reading a package (OpenedPackage). The 120 000 scores
 * of a large bloc then cross the process boundary as 600 byte arrays, not a million objects copied
 * out and in again, and are stored as they come instead of being packed and written out a second time.
 */
export type SheetedBlocData = Omit<BlocData, 'scores'> & { scoreSheets: StoredScoreSheet[] };

/** The bloc with its scores as stored sheets. */
export function toSheeted(data: BlocData, deflate: DeflateJson = deflateJson): SheetedBlocData {
  const { scores, ...rest } = data;
  return { ...rest, scoreSheets: packScores(scores).map(sheetStorer(deflate)) };
}

/** The bloc with its scores as one list again (ordered by id). */
export function fromSheeted(data: SheetedBlocData): BlocData {
  const { scoreSheets, ...rest } = data;
  return { ...rest, scores: unpackSheets(scoreSheets.map(loadSheet)) } as BlocData;
}

/** Whether a whole bloc carries its scores as sheets. */
export function isSheeted(data: BlocData | SheetedBlocData): data is SheetedBlocData {
  return Array.isArray((data as SheetedBlocData).scoreSheets);
}

/**
 * The stored sheets of scores parsed from `text`, cut out of it rather than written again: `text`
 * holds the scores as one JSON array whose `[` is at `start` and whose elements end before `ends`
 * (json-in-pieces.ts, ArraySpans). Each sheet is a run of the array (a package this app wrote lists
 * the scores by id, so a unit's scores of a year are next to each other), its scores in id order.
 * Null when the scores do not lie so, or do not look like scores: the caller packs them (toSheeted).
 * The caller makes sure the text says exactly what the checked scores hold (nothing cleaned, the
 * schema took each score as parsed), so each sheet reads back as those scores.
 */
export function sheetsOfText(
  text: Uint8Array,
  start: number,
  ends: readonly number[],
  scores: readonly unknown[],
  deflate: DeflateJson = deflateJson,
): StoredScoreSheet[] | null {
  const n = scores.length;
  if (ends.length !== n) return null;
  const out: StoredScoreSheet[] = [];
  const taken = new Set<string>();
  let first: Score | null = null;
  let firstAt = 0;
  let previous: Score | null = null;
  const close = (to: number): boolean => {
    if (!first) return true;
    const key = sheetKey(first);
    if (taken.has(key)) return false;
    taken.add(key);
    const from = firstAt === 0 ? start + 1 : ends[firstAt - 1]! + 1;
    const end = ends[to - 1]!;
    if (!(from <= end && end <= text.length)) return false;
    const json = new Uint8Array(end - from + 2);
    json[0] = 0x5b; // [
    json.set(text.subarray(from, end), 1);
    json[json.length - 1] = 0x5d; // ]
    out.push(storedOf({ id: scoreSheetId(first.year, first.unitId), blocId: first.blocId, year: first.year, unitId: first.unitId }, deflate(json)));
    return true;
  };
  for (let i = 0; i < n; i++) {
    const s = scores[i] as Score | null;
    if (!s || typeof s !== 'object' || typeof s.id !== 'string' || typeof s.blocId !== 'string' || typeof s.year !== 'number' || typeof s.unitId !== 'string') return null;
    if (first && first.blocId === s.blocId && first.year === s.year && first.unitId === s.unitId) {
      if (!(previous!.id < s.id)) return null;
    } else {
      if (!close(i)) return null;
      first = s;
      firstAt = i;
    }
    previous = s;
  }
  return close(n) ? out : null;
}
