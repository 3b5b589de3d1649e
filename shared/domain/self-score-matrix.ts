/**
 * The unit × criterion matrix of self scores with each unit's totals: the one model behind the
 * assessment screen's table (renderer/src/features/assessment/overview.ts) and the Excel summary
 * (electron/services/assessment/matrix.ts), so the two always show the same numbers.
 */
import type { Score, ScoringTable } from '../model/records';
import { computeTotals, submissionOf, tableCriteria, type Submission, type TableCriterion, type UnitTotals } from './scoring';

export type MatrixScore = Pick<Score, 'unitId' | 'code' | 'self'>;

export interface SelfScoreRow<U> {
  unit: U;
  /** Self score per criterion, in the table's order (null = not given). */
  values: (number | null)[];
  /** The same values by criterion code. */
  byCode: Record<string, number | null>;
  /** Totals by the rules of scoring.ts (caps, bonus, deductions). */
  totals: UnitTotals;
  /** Completeness, not the total, says whether the unit has submitted ('none' prints "chưa nộp"). */
  submission: Submission;
}

export interface SelfScoreMatrix<U> {
  criteria: TableCriterion[];
  rows: SelfScoreRow<U>[];
}

/**
 * The matrix of `units` (in their order) against `table`. `scores` are the year's score records;
 * records of other units or of codes not in the table are ignored.
 */
export function selfScoreMatrix<U extends { id: string }>(
  table: Pick<ScoringTable, 'groups'>,
  units: readonly U[],
  scores: readonly MatrixScore[],
): SelfScoreMatrix<U> {
  const criteria = tableCriteria(table);
  const byUnit = new Map<string, Map<string, number | null>>();
  for (const s of scores) {
    let m = byUnit.get(s.unitId);
    if (!m) byUnit.set(s.unitId, (m = new Map()));
    m.set(s.code, s.self);
  }
  const rows = units.map((unit) => {
    const given = byUnit.get(unit.id);
    const values = criteria.map(({ criterion }) => given?.get(criterion.code) ?? null);
    const byCode = Object.fromEntries(criteria.map(({ criterion }, i) => [criterion.code, values[i] ?? null]));
    const totals = computeTotals(table, byCode);
    return { unit, values, byCode, totals, submission: submissionOf(totals) };
  });
  return { criteria, rows };
}
