/** What the bloc's history holds (pure data; see bloc-history.ts). */
import type { RankingStatus } from '../ranking';

export interface HistoryUnitRef {
  unitId: string;
  code: string;
  name: string;
}

/** What became of an award the bloc proposed: still with the province, granted, or not granted. */
export type AwardOutcome = 'proposed' | 'granted' | 'not-granted';

/** One award the bloc proposed for a unit in a year (from the year-end vote). */
export interface ProposedAward {
  year: number;
  /** The award's name as in the year's rules profile ("Cờ thi đua của Chính phủ"). */
  award: string;
  unitId: string;
  outcome: AwardOutcome;
}

/** One member's result of a year, from the ranking over that year's scores and table. */
export interface YearUnitResult extends HistoryUnitRef {
  /** Total of the effective scores (verified, else self); null when not submitted. */
  total: number | null;
  /** Competition rank (1, 2, 2, 4); null when not ranked. */
  rank: number | null;
  /** Shares its rank with another unit. */
  tied: boolean;
  classification: string | null;
  status: RankingStatus;
}

export interface YearHistory {
  year: number;
  leader: HistoryUnitRef | null;
  deputy: HistoryUnitRef | null;
  memberCount: number;
  /** The scoring table the year was ranked with; null when the year has none. */
  table: { version: number; status: 'draft' | 'locked'; title: string; scale: number } | null;
  /** Every member's result: ranked units in rank order, then the others in the year's order. */
  results: YearUnitResult[];
  rankedCount: number;
  /** The first ranked units (TOP_UNITS, more when the last place is shared). */
  top: YearUnitResult[];
  /** Awards proposed that year and their outcome. */
  awards: ProposedAward[];
  /** How many units the rules profile let the bloc propose, per award. */
  quotas: { award: string; max: number }[];
}

/** One unit in one year of the bloc. */
export interface UnitYear {
  year: number;
  member: boolean;
  total: number | null;
  rank: number | null;
  /** How many units were ranked that year (the "of N" of a rank). */
  rankedCount: number;
  classification: string | null;
  role: 'leader' | 'deputy' | null;
  awards: ProposedAward[];
}

export interface UnitHistory extends HistoryUnitRef {
  active: boolean;
  /** One entry per year of the bloc, oldest first (member or not). */
  years: UnitYear[];
  leaderYears: number[];
  deputyYears: number[];
  awardCount: number;
  bestRank: number | null;
}

export interface BlocHistory {
  /** Oldest first. */
  years: YearHistory[];
  /** Units that were members in at least one year, in the bloc's order. */
  units: UnitHistory[];
}

/** The rank chart: one line per unit with at least one rank, x = the years. */
export interface RankChartData {
  years: number[];
  /** Lowest rank drawn (the largest number of ranked units in any year). */
  maxRank: number;
  series: { unitId: string; label: string; ranks: (number | null)[] }[];
}

/** The awards chart: per year, the quota of the rules profile, the awards proposed and those granted. */
export interface AwardsChartData {
  years: number[];
  quota: number[];
  proposed: number[];
  granted: number[];
}
