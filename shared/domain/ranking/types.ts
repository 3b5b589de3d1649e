/** What the year-end ranking takes and gives (pure data; see rank-units.ts). */
import type { Score, ScoringTable, TieRule, Unit } from '../../model/records';
import type { UnitTotals } from '../scoring';

/** "Không đủ điều kiện đề nghị khen thưởng": the unit stays ranked but is marked. */
export interface Eligibility {
  eligible: boolean;
  /** Why not (discipline, investigation, inspection, complaint verification ...). */
  reason: string;
  /** The document it rests on. */
  basis: string;
}

/**
 * The conference's decision on units the tie rules left sharing a rank (after a re-vote or by the
 * chair). `units` is the tied set it settles, `order` the same units best first.
 */
export interface ChairDecision {
  units: string[];
  order: string[];
  reason: string;
}

/** A classification band: a total of at least `min` earns `label` ("Xuất sắc" ≥ 95). */
export interface ClassificationBand {
  label: string;
  min: number;
}

export type RankingUnit = Pick<Unit, 'id' | 'code' | 'name'>;
export type RankingScore = Pick<Score, 'unitId' | 'code' | 'self' | 'verified'>;

export interface RankingInput {
  /** The scoring table in force. */
  table: Pick<ScoringTable, 'groups'>;
  /** Member units in the year's order (the order of units sharing a rank, and of those not ranked). */
  units: readonly RankingUnit[];
  /** Score records of the year (records of other units or unknown criteria are ignored). */
  scores: readonly RankingScore[];
  /** The rules profile's ordered tie rules. */
  tieRules: readonly TieRule[];
  /** By unit id; a unit not listed is eligible. */
  eligibility?: ReadonlyMap<string, Eligibility>;
  /** Decisions by unit ids. */
  decisions?: readonly ChairDecision[];
  bands?: readonly ClassificationBand[];
}

/** What put a unit above the next one. */
export type Separation =
  /** A higher total: no tie rule was needed. */
  | { by: 'total' }
  /** The tie rule at `ruleIndex` of the profile. */
  | { by: 'rule'; rule: TieRule; ruleIndex: number }
  /** A re-vote or chair rule reached, settled by an entered decision. */
  | { by: 'decision'; rule: TieRule; ruleIndex: number; decision: ChairDecision };

export type RankingStatus = 'ranked' | 'incomplete' | 'missing';

export interface RankedUnit {
  unitId: string;
  code: string;
  name: string;
  /** 'ranked' = every criterion has a self score; 'incomplete' = some; 'missing' = none (chưa nộp). */
  status: RankingStatus;
  submitted: boolean;
  /** Totals of the effective scores (verified, else self); null when not submitted. */
  totals: UnitTotals | null;
  /** Total of the self scores alone; null when not submitted. */
  selfTotal: number | null;
  /** Competition ranking (1, 2, 2, 4); null when not submitted. */
  rank: number | null;
  /** Unit codes sharing the rank (the unit itself excluded). */
  tiedWith: string[];
  /** Why the unit is above the next ranked unit; null for the last one or when they share the rank. */
  decidedBy: Separation | null;
  /** What remains to decide a shared rank: the re-vote or chair rule reached; null otherwise. */
  pending: 'revote' | 'chairDecides' | null;
  classification: string | null;
  eligible: boolean;
  eligibility: Eligibility | null;
  /** Every criterion has a verified score. */
  verified: boolean;
  /** Criteria without a verified score. */
  unverified: string[];
  /** Criteria without a self score. */
  missing: string[];
  /** The position in words (Vietnamese). */
  explanation: string;
  /** The sentence of `explanation` about a shared rank (with whom, equal on what, what remains to decide); '' when none. */
  sharedRankNote: string;
  /** The sentence of `explanation` saying which tie rule or entered decision put the unit above the next one; '' when a higher total did or none. */
  separatedNote: string;
  /** Marks beside the rank (not eligible, unverified criteria, values outside the range). */
  notes: string[];
}

export interface RankingResult {
  /** Ranked units in rank order, then units not submitted in the year's order. */
  entries: RankedUnit[];
  /** Rules or decisions that could not be applied (Vietnamese). */
  warnings: string[];
}
