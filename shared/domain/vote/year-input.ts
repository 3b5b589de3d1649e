/**
 * One mapping from a year's rules profile, members and attendance to the engine's TallyInput, so
 * the screens, the ballots and the minutes all vote under the same rules. The awards are one
 * tally (exclusive in the awards' order); next year's Khối trưởng and Khối phó, when elected by
 * vote, are a second tally, since the flag unit may also be elected leader.
 */
import type { RulesProfile } from '../../model/records';
import { leadershipSections } from './leadership';
import type { RoundInput, SectionInput, TallyInput, VerdictOverride } from './types';

export interface VoteUnit {
  code: string;
  name: string;
}

export interface YearVoteSource {
  /** The year voting (N); the leadership sections elect for N+1. */
  year: number;
  rules: RulesProfile;
  /** Member units in the year's order. */
  members: readonly VoteUnit[];
  /** Codes of the units present. */
  present: readonly string[];
  /** Rounds entered so far, by section id (an award's id, "leader", "deputy"). */
  rounds?: Readonly<Record<string, readonly RoundInput[]>>;
  /** Units that may not be proposed for an award (discipline, investigation, complaint being verified). */
  ineligible?: readonly string[];
  /** Units that may not lead or deputise; `ineligible` when left out. */
  leadershipIneligible?: readonly string[];
  /** Total score per code from the year's ranking (tie rule "higher score"). */
  scores?: Readonly<Record<string, number>>;
  /** Verdicts changed by hand, by section id. */
  overrides?: Readonly<Record<string, readonly VerdictOverride[]>>;
  spareBallots?: number;
}

function common(source: YearVoteSource): Omit<TallyInput, 'sections' | 'exclusiveAwards'> {
  const { rules } = source;
  return {
    members: source.members.map((m) => m.code),
    present: [...source.present],
    quorum: rules.quorum ? { num: rules.quorum.num, den: rules.quorum.den, comparison: rules.quorum.comparison, of: 'members' } : null,
    invalidScope: rules.invalidScope,
    spareBallots: source.spareBallots ?? 0,
    names: Object.fromEntries(source.members.map((m) => [m.code, m.name])),
  };
}

function entered(source: YearVoteSource, id: string): Pick<SectionInput, 'rounds' | 'overrides'> {
  const overrides = source.overrides?.[id];
  return { rounds: [...(source.rounds?.[id] ?? [])], ...(overrides?.length ? { overrides: [...overrides] } : {}) };
}

/**
 * The awards' vote: one section per award in the profile's order. An award with a quota of 0
 * (not proposed this year) has no section. An award without its own threshold takes the profile's.
 */
export function tallyInputFromYear(source: YearVoteSource): TallyInput {
  const { rules } = source;
  const scores = source.scores ? { scores: { ...source.scores } } : {};
  const sections: SectionInput[] = rules.awards
    .filter((a) => a.seats !== 0)
    .map((a) => ({
      id: a.id,
      title: a.name,
      kind: 'award',
      seats: typeof a.seats === 'number' ? a.seats : { num: a.seats.num, den: a.seats.den, of: 'remaining' },
      ...(a.maxMarks !== null ? { maxMarks: a.maxMarks } : {}),
      marking: a.marking,
      threshold: { ...(a.threshold ?? rules.threshold) },
      ineligible: [...(source.ineligible ?? [])],
      tieRule: a.tieRule,
      ...scores,
      maxRounds: rules.maxRounds,
      ...entered(source, a.id),
    }));
  return { ...common(source), exclusiveAwards: rules.exclusiveAwards, sections };
}

/**
 * The vote for next year's Khối trưởng and Khối phó, when the profile elects them (null
 * otherwise): two one-seat sections under the profile's threshold, exclusive so the deputy
 * section skips the unit elected leader.
 */
export function leadershipTallyInputFromYear(source: YearVoteSource): TallyInput | null {
  const { rules } = source;
  if (rules.leaderRotation.kind !== 'vote') return null;
  const sections = leadershipSections(source.year + 1, {
    threshold: { ...rules.threshold },
    tieRule: 'revote',
    ineligible: [...(source.leadershipIneligible ?? source.ineligible ?? [])],
    maxRounds: rules.maxRounds,
  }).map((s) => ({ ...s, ...entered(source, s.id) }));
  return { ...common(source), exclusiveAwards: true, sections };
}
