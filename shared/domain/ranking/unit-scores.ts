/**
 * One unit's numbers for the ranking: the effective score of every criterion (the verified score,
 * or the self score while none is verified), its totals by the rules of scoring.ts, whether it
 * submitted (completeness of the self scores, a 0 counts) and which criteria are not verified yet.
 */
import { computeTotals, isSubmitted, tableCriteria, type UnitTotals } from '../scoring';
import type { RankingInput, RankingScore, RankingUnit } from './types';

export interface UnitScores {
  unit: RankingUnit;
  /** Position in the year's order. */
  index: number;
  totals: UnitTotals;
  self: UnitTotals;
  submitted: boolean;
  /** No self score at all (chưa nộp). */
  nothing: boolean;
  unverified: string[];
}

/** Score records grouped by unit id, then criterion code. */
function byUnit(scores: readonly RankingScore[]): Map<string, Map<string, RankingScore>> {
  const out = new Map<string, Map<string, RankingScore>>();
  for (const s of scores) {
    let m = out.get(s.unitId);
    if (!m) out.set(s.unitId, (m = new Map()));
    m.set(s.code, s);
  }
  return out;
}

export function unitScores(input: Pick<RankingInput, 'table' | 'units' | 'scores'>): UnitScores[] {
  const codes = tableCriteria(input.table).map((c) => c.criterion.code);
  const grouped = byUnit(input.scores);
  const none = new Map<string, RankingScore>();
  return input.units.map((unit, index) => {
    const records = grouped.get(unit.id) ?? none;
    const effective = new Map<string, number | null>();
    const self = new Map<string, number | null>();
    const unverified: string[] = [];
    for (const code of codes) {
      const s = records.get(code);
      const verified = s?.verified ?? null;
      self.set(code, s?.self ?? null);
      effective.set(code, verified ?? s?.self ?? null);
      if (verified === null) unverified.push(code);
    }
    const selfTotals = computeTotals(input.table, self);
    return {
      unit,
      index,
      totals: computeTotals(input.table, effective),
      self: selfTotals,
      submitted: isSubmitted(selfTotals),
      nothing: selfTotals.filled === 0,
      unverified,
    };
  });
}
