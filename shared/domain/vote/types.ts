/**
 * The shapes of the year-end conference vote: what the secretariat enters (TallyInput, the same
 * shape the `tally` CLI reads) and what the engine returns (TallyResult). Units are named by code.
 */
import type { Comparison, Fraction } from './fraction';

/** What a threshold's fraction is taken of. */
export type ThresholdBaseKind = 'valid' | 'returned' | 'present' | 'members';

export interface Threshold extends Fraction {
  comparison: Comparison;
  base: ThresholdBaseKind;
}

export interface Quorum extends Fraction {
  comparison: Comparison;
  of: 'members';
}

/** A fixed number of seats, or a share of the member units not awarded in earlier sections (rounded down). */
export type SeatRule = number | (Fraction & { of: 'remaining' });

export type TieRule = 'revote' | 'higherScore' | 'chairDecides';

/** 'tick': tick the chosen units; 'approve': "Đồng ý / Không đồng ý" per unit (votes = "Đồng ý"). */
export type MarkingMode = 'tick' | 'approve';

/** 'award': the section proposes an award ("đề nghị"); 'office': it elects a Khối trưởng / Khối phó. */
export type SectionKind = 'award' | 'office';

export type InvalidScope = 'section' | 'ballot';

export interface BallotCounts {
  issued: number;
  returned: number;
  valid: number;
  invalid: number;
}

/** The chair's decision on a tie (tieRule 'chairDecides'). */
export interface ChairDecision {
  winners: string[];
  reason: string;
}

export interface RoundInput {
  /** Units on this round's ballot; round 1 defaults to every eligible member, later rounds to the offered list. */
  candidates?: string[];
  /** Seats at stake in this round; defaults to the seats still open. */
  seats?: number;
  ballots: BallotCounts;
  /** Votes ("Đồng ý" marks) per unit code; a missing unit has 0. */
  votes: Record<string, number>;
  decision?: ChairDecision;
}

/** A verdict changed by hand; the computed verdict is kept beside it. */
export interface VerdictOverride {
  code: string;
  winner: boolean;
  reason: string;
}

export interface SectionInput {
  id: string;
  title: string;
  kind?: SectionKind;
  seats: SeatRule;
  /** Most marks a ballot may carry in this section; defaults to the seats. */
  maxMarks?: number;
  marking?: MarkingMode;
  threshold: Threshold;
  /** Units that may not be proposed (discipline, investigation, complaint being verified). */
  ineligible?: string[];
  tieRule?: TieRule;
  /** Total score per unit code from the year's ranking (tieRule 'higherScore'). */
  scores?: Record<string, number>;
  /** Most rounds (the first vote included) before an open seat is left empty. Default 3. */
  maxRounds?: number;
  /** How many of the top units a re-vote after "no unit passing" is held among. Default 2 × open seats. */
  revoteTop?: number;
  rounds: RoundInput[];
  overrides?: VerdictOverride[];
}

export interface TallyInput {
  /** Member unit codes in the bloc's order. */
  members: string[];
  /** Codes of the units present. */
  present: string[];
  quorum?: Quorum | null;
  /** A unit proposed in an earlier section is skipped in later ones. Default true. */
  exclusiveAwards?: boolean;
  /** Where an over-marked ballot is invalid: its section only (default) or the whole ballot. */
  invalidScope?: InvalidScope;
  /** Spare ballots that may be issued beyond one per unit present. Default 0. */
  spareBallots?: number;
  /** Unit names for the explanations (code → name); the code is used when missing. */
  names?: Record<string, string>;
  sections: SectionInput[];
}

// ---- Results ----

export type UnitStatus = 'winner' | 'passes' | 'fails' | 'tied' | 'alreadyAwarded' | 'ineligible';

export interface VoteIssue {
  /** Machine code, e.g. "ballots.sumMismatch". */
  code: string;
  /** Vietnamese, saying what and where. */
  message: string;
  section?: string;
  round?: number;
}

export interface UnitVerdict {
  code: string;
  votes: number;
  /** Percent of the base, two decimals, decimal comma: "77,78". */
  percent: string;
  passes: boolean;
  status: UnitStatus;
  /** The verdict in words (Vietnamese). */
  explanation: string;
}

export interface SectionUnitVerdict extends UnitVerdict {
  /** The round the votes, percent and passes come from (the last one the unit stood in); 0 when no round was entered. */
  round: number;
  /** A manual change of the verdict; `status` stays the computed one. */
  override: VerdictOverride | null;
}

export interface TieInfo {
  units: string[];
  seatsLeft: number;
}

export interface NextRound {
  round: number;
  candidates: string[];
  seats: number;
  reason: 'tie' | 'noWinner' | 'notEntered';
}

export interface RoundVerdict {
  round: number;
  candidates: string[];
  seats: number;
  maxMarks: number;
  ballots: BallotCounts;
  baseKind: ThresholdBaseKind;
  /** The count the threshold is taken of. */
  base: number;
  /** Fewest votes that pass; null when the base is 0 (no unit can pass). */
  minVotesToPass: number | null;
  units: UnitVerdict[];
  winners: string[];
  tie: TieInfo | null;
  /** How a tie at the cut line was settled in this round, if it was. */
  tieResolvedBy: 'higherScore' | 'chairDecides' | null;
  decision: ChairDecision | null;
  unfilledSeats: number;
  /** True when the round has blocking errors (or the vote is blocked): it declares no winner. */
  blocked: boolean;
  errors: VoteIssue[];
  warnings: VoteIssue[];
}

export interface SectionVerdict {
  id: string;
  title: string;
  kind: SectionKind;
  /** Seats after resolving a share ("không quá 50% số đơn vị còn lại"). */
  seats: number;
  baseKind: ThresholdBaseKind;
  /** The base and the fewest votes that pass in the last round entered (each round has its own). */
  base: number;
  minVotesToPass: number | null;
  units: SectionUnitVerdict[];
  /** Final winners, in the order they were decided (overrides applied); empty while the section is blocked. */
  winners: string[];
  /** Winners as computed, before overrides. */
  computedWinners: string[];
  tie: TieInfo | null;
  unfilledSeats: number;
  /** The round to hold next (a tie to re-vote, no unit passing), pre-filled; null when none is due. */
  nextRound: NextRound | null;
  blocked: boolean;
  errors: VoteIssue[];
  warnings: VoteIssue[];
  rounds: RoundVerdict[];
  /** The section's verdict in one Vietnamese paragraph. */
  explanation: string;
  rules: SectionRules;
}

export interface SectionRules {
  id: string;
  title: string;
  kind: SectionKind;
  seats: SeatRule;
  maxMarks: number | null;
  marking: MarkingMode;
  threshold: Threshold;
  ineligible: string[];
  tieRule: TieRule;
  scores: Record<string, number>;
  maxRounds: number;
  revoteTop: number | null;
}

/** The rules a result was computed with (so a later change of rules can be detected). */
export interface TallyRules {
  members: string[];
  quorum: Quorum | null;
  exclusiveAwards: boolean;
  invalidScope: InvalidScope;
  spareBallots: number;
  sections: SectionRules[];
}

export interface TallyResult {
  quorumMet: boolean;
  /** Fewest units present for the quorum; null when no quorum is set. */
  requiredPresent: number | null;
  presentCount: number;
  memberCount: number;
  quorumExplanation: string;
  /** No blocking error anywhere (warnings may remain and need a confirmation). */
  consistent: boolean;
  /** Errors and warnings of the whole vote (attendance, quorum); each section has its own. */
  errors: VoteIssue[];
  warnings: VoteIssue[];
  sections: SectionVerdict[];
  rules: TallyRules;
  rulesFingerprint: string;
}
