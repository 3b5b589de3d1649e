/**
 * Writes of the self-assessment screen: committing the accepted files (changed scores and one
 * ImportBatch) and undoing a batch, each in ONE Dexie transaction, planned by the pure functions of
 * shared/domain/assessment-import.ts against the scores stored at that moment.
 */
import { UserError } from '../../../../shared/errors';
import { planImport, planUndo, type ImportPlan, type InspectReport, type UndoPlan } from '../../../../shared/domain/assessment-import';
import { ImportBatchSchema, ScoreSchema, type Score } from '../../../../shared/model/records';
import { db } from '../../db/database';
import { putScores, scoreSheetsTable, scoresOfYear } from '../../db/score-store';
import { newId, nowIso } from '../../db/ids';
import { checked } from '../../db/repo-common';
import { RepoError } from '../../db/repo-errors';
import { LOCK_TABLES, assertUnitsOpen } from '../../db/repo-verification';

function userToRepo(err: unknown): never {
  if (err instanceof UserError) throw new RepoError(err.code, err.message);
  throw err;
}


/** What committing these reports would change now (for the confirmation), without writing. */
export async function previewImport(blocId: string, year: number, reports: InspectReport[], by: string): Promise<ImportPlan> {
  try {
    return planImport({ blocId, year, reports, existing: await scoresOfYear(blocId, year), batchId: 'xem-truoc', now: nowIso(), by });
  } catch (err) {
    userToRepo(err);
  }
}

/** Writes the accepted files' scores and their ImportBatch in one transaction. */
export async function commitImport(blocId: string, year: number, reports: InspectReport[], by: string): Promise<ImportPlan> {
  if (reports.length === 0) throw new RepoError('nothing', 'Chưa chọn tệp nào để ghi. Hãy đánh dấu các tệp cần nhập.');
  return db.transaction('rw', [scoreSheetsTable(), db.importBatches, ...LOCK_TABLES()], async () => {
    let plan: ImportPlan;
    try {
      plan = planImport({ blocId, year, reports, existing: await scoresOfYear(blocId, year), batchId: newId(), now: nowIso(), by });
    } catch (err) {
      userToRepo(err);
    }
    // A locked unit or year (thẩm định) keeps its scores: the import is refused, nothing is written.
    await assertUnitsOpen({ blocId, year }, plan.scores.map((s) => s.unitId));
    const scores = plan.scores.map((s) => checked(ScoreSchema, s, `Điểm tiêu chí ${s.code}`));
    const batch = checked(ImportBatchSchema, plan.batch, 'Lần nhập');
    await putScores(scores);
    await db.importBatches.add(batch);
    return plan;
  });
}

/** Restores the values a batch changed (values edited since are left and reported), in one transaction. */
export async function undoImport(batchId: string, by: string): Promise<UndoPlan> {
  return db.transaction('rw', [scoreSheetsTable(), db.importBatches, ...LOCK_TABLES()], async () => {
    const batch = await db.importBatches.get(batchId);
    if (!batch) throw new RepoError('not-found', 'Không tìm thấy lần nhập cần hoàn tác.');
    let plan: UndoPlan;
    try {
      plan = planUndo({ batch, existing: await scoresOfYear(batch.blocId, batch.year), now: nowIso(), by });
    } catch (err) {
      userToRepo(err);
    }
    await assertUnitsOpen({ blocId: batch.blocId, year: batch.year }, plan.scores.map((s) => s.unitId));
    const scores = plan.scores.map((s) => checked(ScoreSchema, s, `Điểm tiêu chí ${s.code}`));
    await putScores(scores);
    await db.importBatches.put(checked(ImportBatchSchema, plan.batch, 'Lần nhập'));
    return plan;
  });
}

export interface ValueDiff {
  code: string;
  max: number;
  cell: string | null;
  sheet: string;
  found: boolean;
  stored: number | null;
  incoming: number | null;
  changed: boolean;
  /** What the user typed when it was parsed from text ("8,5"). */
  raw?: string | undefined;
  formula?: string | undefined;
}

/** Per criterion of a report: the stored self score and the file's value. */
export function diffAgainstStored(report: InspectReport, stored: readonly Score[]): ValueDiff[] {
  const mine = new Map<string, Score>();
  for (const s of stored) if (s.unitId === report.unitId) mine.set(s.code, s);
  return report.scores.map((s) => {
    const old = mine.get(s.code)?.self ?? null;
    const changed = s.found && !(old === s.value || (old !== null && s.value !== null && Math.abs(old - s.value) < 1e-9));
    return { code: s.code, max: s.max, cell: s.cell, sheet: s.sheet, found: s.found, stored: old, incoming: s.value, changed, raw: s.raw, formula: s.formula };
  });
}
