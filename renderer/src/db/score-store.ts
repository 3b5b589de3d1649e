/**
 * The scores in IndexedDB: every read and write of scores goes through here. They are stored as
 * score sheets, one record per bloc, year and unit, holding the unit's scores as JSON bytes
 * (shared/model/score-sheets.ts, StoredScoreSheet), because IndexedDB's cost is per record and per
 * object; callers see Score[] as before. Writes run inside the caller's
 * transaction when there is one (it must include `scoreSheetsTable()`), else in their own.
 * Live queries (useLiveQuery) over these reads update when a score of their year changes: a write
 * rewrites the sheet, in the [blocId+year] range they read.
 */
import type { Score } from '../../../shared/model/records';
import { scoreId } from '../../../shared/model/records';
import {
  loadSheet,
  packScores,
  scoreSheetId,
  storeSheet,
  unpackSheets,
  withScores,
  type ScoreSheet,
  type StoredScoreSheet,
} from '../../../shared/model/score-sheets';
import { db } from './database';

/** The table holding the scores, for a transaction's scope. */
export const scoreSheetsTable = () => db.scoreSheets;

const rw = <T>(work: () => Promise<T>): Promise<T> => db.transaction('rw', db.scoreSheets, work);
const loaded = (sheets: StoredScoreSheet[]) => sheets.map(loadSheet);

/** The scores of a bloc's year, ordered by id. */
export async function scoresOfYear(blocId: string, year: number): Promise<Score[]> {
  return unpackSheets(loaded(await db.scoreSheets.where('[blocId+year]').equals([blocId, year]).toArray()));
}

/** The scores of a bloc's years `from`..`to` (both included), ordered by id. */
export async function scoresOfYears(blocId: string, from: number, to: number): Promise<Score[]> {
  return unpackSheets(loaded(await db.scoreSheets.where('[blocId+year]').between([blocId, from], [blocId, to], true, true).toArray()));
}

/** Every score of a bloc, ordered by id. */
export async function scoresOfBloc(blocId: string): Promise<Score[]> {
  return unpackSheets(loaded(await db.scoreSheets.where('blocId').equals(blocId).toArray()));
}

/** Calls `fn` with each score of a bloc, a sheet at a time (no list of the whole bloc's scores). */
export async function eachScoreOfBloc(blocId: string, fn: (score: Score) => void): Promise<void> {
  await db.scoreSheets
    .where('blocId')
    .equals(blocId)
    .each((sheet) => loadSheet(sheet).scores.forEach(fn));
}

/**
 * The years that hold scores of the bloc, in the order of their scores' ids (`${year}:` as text), so
 * that their scores one year after another come in the order scoresOfBloc gives.
 */
export async function yearsWithScores(blocId: string): Promise<number[]> {
  const keys = (await db.scoreSheets.where('[blocId+year]').between([blocId, -Infinity], [blocId, Infinity], true, true).uniqueKeys()) as unknown as [string, number][];
  return [...new Set(keys.map(([, year]) => year))].sort((a, b) => (`${a}:` < `${b}:` ? -1 : `${a}:` > `${b}:` ? 1 : 0));
}

/**
 * The scores of a bloc's year as stored: each sheet's deflated JSON (an array ordered by id), the
 * sheets in the order scoresOfYear gives their scores. Null when that order needs a sort across
 * sheets (a unit id holding ':'): read them with scoresOfYear then.
 */
export async function storedSheetsOfYear(blocId: string, year: number): Promise<Uint8Array[] | null> {
  const sheets = await db.scoreSheets.where('[blocId+year]').equals([blocId, year]).toArray();
  if (sheets.some((s) => s.unitId.includes(':'))) return null;
  return sheets.sort((a, b) => (`${a.id}:` < `${b.id}:` ? -1 : `${a.id}:` > `${b.id}:` ? 1 : 0)).map((s) => s.deflated);
}

/** Whether the bloc has any score in the year. */
export async function yearHasScores(blocId: string, year: number): Promise<boolean> {
  // Sheets are never stored empty.
  return (await db.scoreSheets.where('[blocId+year]').equals([blocId, year]).count()) > 0;
}

/** The scores of one unit in a bloc's year (its sheet), ordered by id. */
export async function scoresOfUnit(blocId: string, year: number, unitId: string): Promise<Score[]> {
  const sheet = await db.scoreSheets.get(scoreSheetId(year, unitId));
  return sheet && sheet.blocId === blocId ? loadSheet(sheet).scores : [];
}

/** One score (a unit's score for a criterion in a year), or undefined. */
export async function scoreOf(blocId: string, year: number, unitId: string, code: string): Promise<Score | undefined> {
  const sheet = await db.scoreSheets.get(scoreSheetId(year, unitId));
  if (!sheet || sheet.blocId !== blocId) return undefined;
  const id = scoreId(year, unitId, code);
  return loadSheet(sheet).scores.find((s) => s.id === id);
}

/** The stored sheet with the incoming one's scores written over it (or the incoming sheet when none is stored), as stored. */
function merged(stored: StoredScoreSheet | undefined, incoming: ScoreSheet): StoredScoreSheet {
  if (!stored) return storeSheet(incoming);
  // Unit ids are unique on this PC, so a (year, unit) sheet of another bloc means broken data: never overwrite it.
  if (stored.blocId !== incoming.blocId) throw new Error(`score sheet ${incoming.id} belongs to another bloc`);
  return storeSheet(withScores(loadSheet(stored), incoming.scores));
}

/**
 * Writes one score (already checked) over the one of the same id, or adds it: its sheet is
 * rewritten with every other score of the sheet as it was.
 */
export async function putScore(score: Score): Promise<void> {
  await rw(async () => {
    const incoming = packScores([score])[0]!;
    await db.scoreSheets.put(merged(await db.scoreSheets.get(incoming.id), incoming));
  });
}

/** Writes these scores (already checked) over the ones of the same ids, or adds them; one write of the sheets they touch. */
export async function putScores(scores: readonly Score[]): Promise<void> {
  if (!scores.length) return;
  await rw(async () => {
    const incoming = packScores(scores);
    const stored = await db.scoreSheets.bulkGet(incoming.map((s) => s.id));
    await db.scoreSheets.bulkPut(incoming.map((sheet, i) => merged(stored[i], sheet)));
  });
}

/**
 * Adds the scores of a bloc being written whole (none of its sheets exists yet: the caller deleted
 * them, or the bloc is new). Like bulkAdd, fails when a sheet's id is taken.
 */
export async function addScores(scores: readonly Score[]): Promise<void> {
  if (scores.length) await db.scoreSheets.bulkAdd(packScores(scores).map(storeSheet));
}

/** addScores for scores that come as stored sheets already (a package main has read: SheetedBlocData). */
export async function addScoreSheets(sheets: readonly StoredScoreSheet[]): Promise<void> {
  if (sheets.length) await db.scoreSheets.bulkAdd([...sheets]);
}

/** Deletes the scores of a bloc, or of one of its years, or of one unit in that year. */
export async function deleteScores(blocId: string, year?: number, unitId?: string): Promise<void> {
  if (year === undefined) {
    await db.scoreSheets.where('blocId').equals(blocId).delete();
  } else if (unitId === undefined) {
    await db.scoreSheets.where('[blocId+year]').equals([blocId, year]).delete();
  } else {
    await rw(async () => {
      const sheet = await db.scoreSheets.get(scoreSheetId(year, unitId));
      if (sheet?.blocId === blocId) await db.scoreSheets.delete(sheet.id);
    });
  }
}

export type { ScoreSheet, StoredScoreSheet };
