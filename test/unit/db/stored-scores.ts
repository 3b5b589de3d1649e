/** The scores as IndexedDB holds them (score sheets, read and unpacked), for tests that look at the store itself. */
import { db } from '../../../renderer/src/db/database';
import type { Score } from '../../../shared/model/records';
import { loadSheet, unpackSheets } from '../../../shared/model/score-sheets';

export async function storedScores(): Promise<Score[]> {
  return unpackSheets((await db.scoreSheets.toArray()).map(loadSheet));
}

export async function storedScore(id: string): Promise<Score | undefined> {
  return (await storedScores()).find((s) => s.id === id);
}
