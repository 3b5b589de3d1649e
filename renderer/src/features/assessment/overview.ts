/**
 * The year's self-assessment at a glance: per member unit whether its file came in, whether the
 * last file seen had errors, the date of its last committed file; and the unit × criterion matrix.
 * Pure functions over the stored records (and the reports of files inspected in this session).
 */
import { submissionOf } from '../../../../shared/domain/scoring';
import { selfScoreMatrix as sharedMatrix } from '../../../../shared/domain/self-score-matrix';
import type { ImportBatch, Score, ScoringTable, Unit } from '../../../../shared/model/records';

export type SubmissionStatus = 'submitted' | 'incomplete' | 'errors' | 'missing';

export const SUBMISSION_LABELS: Record<SubmissionStatus, string> = {
  submitted: 'Đã nộp',
  incomplete: 'Đã nộp, còn thiếu tiêu chí',
  errors: 'Có lỗi',
  missing: 'Chưa nộp',
};

export interface UnitOverview {
  unit: Unit;
  status: SubmissionStatus;
  /** Criteria with a self score / criteria of the table. */
  filled: number;
  total: number;
  /** ISO time of the last committed (not undone) file of the unit. */
  lastFileAt: string | null;
  lastFileName: string | null;
  /** Errors of the last inspected file of the unit that was not committed (this session). */
  pendingErrors: number;
}

export function criterionCodes(table: Pick<ScoringTable, 'groups'> | null | undefined): string[] {
  return table ? table.groups.flatMap((g) => g.criteria.map((c) => c.code)) : [];
}

export interface InspectedSummary {
  unitId: string | null;
  errors: number;
}

export function yearOverview(
  units: Unit[],
  table: Pick<ScoringTable, 'groups'> | null | undefined,
  scores: Score[],
  batches: ImportBatch[],
  inspected: InspectedSummary[] = [],
): UnitOverview[] {
  const codes = criterionCodes(table);
  const filledByUnit = new Map(table ? sharedMatrix(table, units, scores).rows.map((r) => [r.unit.id, r.totals.filled]) : []);
  const lastFile = new Map<string, { at: string; name: string }>();
  for (const b of batches) {
    if (b.undoneAt) continue;
    for (const f of b.files) {
      const prev = lastFile.get(f.unitId);
      if (!prev || prev.at < f.receivedAt) lastFile.set(f.unitId, { at: f.receivedAt, name: f.name });
    }
  }
  const pending = new Map<string, number>();
  for (const r of inspected) if (r.unitId && r.errors > 0) pending.set(r.unitId, (pending.get(r.unitId) ?? 0) + r.errors);
  return units.map((unit) => {
    const filled = filledByUnit.get(unit.id) ?? 0;
    const pendingErrors = pending.get(unit.id) ?? 0;
    const file = lastFile.get(unit.id) ?? null;
    // Completeness decides (shared/domain/scoring.ts), as in the Excel summary: a file without any score is not a submission.
    const submission = submissionOf({ filled, criteria: codes.length });
    let status: SubmissionStatus;
    if (pendingErrors > 0) status = 'errors';
    else if (submission === 'complete') status = 'submitted';
    else if (submission === 'partial') status = 'incomplete';
    else status = 'missing';
    return { unit, status, filled, total: codes.length, lastFileAt: file?.at ?? null, lastFileName: file?.name ?? null, pendingErrors };
  });
}

export interface MatrixRow {
  unit: Unit;
  /** Self score per criterion code (null = not given). */
  values: Record<string, number | null>;
  /** Normal + bonus − deductions; null when the unit has no score at all ("chưa nộp", never 0). */
  total: number | null;
  complete: boolean;
}

/** The screen's rows of the year's matrix (shared/domain/self-score-matrix.ts, the model the Excel summary writes). */
export function selfScoreMatrix(units: Unit[], table: Pick<ScoringTable, 'groups'> | null | undefined, scores: Score[]): MatrixRow[] {
  if (!table) return units.map((unit) => ({ unit, values: {}, total: null, complete: false }));
  return sharedMatrix(table, units, scores).rows.map(({ unit, byCode, totals, submission }) => ({
    unit,
    values: byCode,
    total: submission === 'none' ? null : totals.total,
    complete: submission === 'complete',
  }));
}
