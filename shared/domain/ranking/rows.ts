/** The ranking as flat rows: what the CLI prints as JSON and the tables print. */
import { decidedByCode } from './labels';
import type { RankedUnit } from './types';

export interface RankingRow {
  /** Unit code. */
  unit: string;
  name: string;
  /** null when the unit did not submit (never 0). */
  total: number | null;
  base: number | null;
  bonus: number | null;
  deduction: number | null;
  /** Subtotal per group code (after group caps); null when the unit did not submit. */
  groups: Record<string, number> | null;
  rank: number | null;
  tiedWith: string[];
  /** The tie rule that separated the unit from the next one (decidedByCode), or null. */
  decidedBy: string | null;
  /** What remains to decide a shared rank. */
  pending: 'revote' | 'chairDecides' | null;
  classification: string | null;
  eligible: boolean;
  verified: boolean;
  submitted: boolean;
  explanation: string;
}

export function rankingRow(e: RankedUnit): RankingRow {
  const t = e.totals;
  return {
    unit: e.code,
    name: e.name,
    total: t?.total ?? null,
    base: t?.base ?? null,
    bonus: t?.bonus ?? null,
    deduction: t?.deduction ?? null,
    groups: t ? Object.fromEntries(t.groups.map((g) => [g.code, g.subtotal])) : null,
    rank: e.rank,
    tiedWith: e.tiedWith,
    decidedBy: decidedByCode(e.decidedBy),
    pending: e.pending,
    classification: e.classification,
    eligible: e.eligible,
    verified: e.verified,
    submitted: e.submitted,
    explanation: e.explanation,
  };
}
