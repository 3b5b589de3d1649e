/**
 * What the "Lịch sử khối" screen reads of a bloc, in one read transaction (no pledges, attachments
 * or import batches; the conferences, vote rounds and unit reviews give the awards proposed).
 */
import type { HistoryInput } from '../../../shared/domain/history';
import { db } from './database';
import { scoreSheetsTable, scoresOfBloc } from './score-store';

export async function readHistoryInput(blocId: string): Promise<HistoryInput | null> {
  const tables = [db.blocs, db.units, db.years, db.scoringTables, scoreSheetsTable(), db.conferences, db.voteRounds, db.unitReviews];
  return db.transaction('r', tables, async () => {
    const bloc = await db.blocs.get(blocId);
    if (!bloc) return null;
    const [units, years, scoringTables, scores, conferences, voteRounds, unitReviews] = await Promise.all([
      db.units.where('blocId').equals(blocId).toArray(),
      db.years.where('blocId').equals(blocId).toArray(),
      db.scoringTables.where('blocId').equals(blocId).toArray(),
      scoresOfBloc(blocId),
      db.conferences.where('blocId').equals(blocId).toArray(),
      db.voteRounds.where('blocId').equals(blocId).toArray(),
      db.unitReviews.where('blocId').equals(blocId).toArray(),
    ]);
    return { bloc, units, years, scoringTables, scores, conferences, voteRounds, unitReviews };
  });
}
