/**
 * The year-end conference vote, as a pure engine: `tally(input)` gives every verdict; the other
 * exports serve the screens and documents built on it (ballot entry, double entry, leadership,
 * explanations, rule changes).
 */
export * from './types';
export { meetsFraction, minCountFor, percentText, fractionText, reduceFraction, fractionFromPercent, parseFractionText } from './fraction';
export type { ParsedFraction } from './fraction';
export type { Comparison, Fraction } from './fraction';
export {
  BASE_NAMES,
  BASE_COLUMN_NAMES,
  baseCount,
  decide,
  minVotesToPass,
  comparisonPhrase,
  thresholdText,
} from './threshold';
export { checkQuorum, requiredPresent, type QuorumCheck } from './quorum';
export { resolveSeats, seatRuleText } from './seats';
export { tally } from './tally';
export { countBallots, diffBallotEntries, INVALID_REASON_TEXT } from './ballots';
export type { BallotEntry, BallotSectionSpec, BallotDifference, DerivedRound, DerivedSection, InvalidReason, SectionMarks } from './ballots';
export { chooseLeadership, leadershipSections, LEADER_SECTION_ID, DEPUTY_SECTION_ID } from './leadership';
export type { LeadershipInput, LeadershipResult, LeadershipRule, LeadershipSource } from './leadership';
export { explainUnit, baseNoun, proposeVerb, votesOfBase } from './explain';
export { rulesOf, rulesFingerprint, diffRules, canonicalJson, DEFAULT_MAX_ROUNDS, type RuleChange } from './rules';
export { rulesChanged, recomputeIfRulesChanged, inputUnderRules, winnerChanges, type Recomputed, type WinnerChange } from './recompute';
export { parseTallyInput, TallyInputSchema, jsonPath, type ParsedTallyInput } from './schema';
export { firstBallotPlan, nextBallotPlan, paperSections, type BallotSectionPlan } from './plan';
export { tallyInputFromYear, leadershipTallyInputFromYear, type YearVoteSource, type VoteUnit } from './year-input';
export { voteContextOf, type VoteContext, type ConferenceInfo, type CommitteeMember } from './context';
export { roundInputOf, overridesOf, storedVoteOf, rulesSnapshotOf, roundRuleChanges, ballotEntriesOf, storedBallotsOf, type StoredVote } from './stored';
export { committeeWarnings, COMMITTEE_MIN, COMMITTEE_MAX } from './committee';
export { parseVoteRecord, VoteRecordSchema, type VoteRecord, type VoteRecordInput, type InvalidReasonCount } from './record';
