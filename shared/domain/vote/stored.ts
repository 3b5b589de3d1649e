/**
 * The stored conference and vote rounds (records of schema 4, units named by id) read as the
 * engine's input (units named by code), and the rules a round is stored with. voteContextOf uses
 * these, so the screen, the CLI and the documents read the stored vote the same way.
 */
import type { BlocData, Conference, StoredBallot, VoteRound } from '../../model/records';
import type { BallotEntry, SectionMarks } from './ballots';
import { canonicalJson, diffRules, type RuleChange } from './rules';
import type { RoundInput, TallyRules, VerdictOverride } from './types';

type CodeOf = (unitId: string) => string | undefined;

const codes = (ids: readonly string[], codeOf: CodeOf) => ids.map(codeOf).filter((c): c is string => c !== undefined);

/** One stored round as the engine's RoundInput (ids → codes; units no longer known are left out). */
export function roundInputOf(r: Pick<VoteRound, 'candidates' | 'seats' | 'counts' | 'votes' | 'decision'>, codeOf: CodeOf): RoundInput {
  const votes: Record<string, number> = {};
  for (const [id, n] of Object.entries(r.votes)) {
    const code = codeOf(id);
    if (code !== undefined) votes[code] = n;
  }
  return {
    ...(r.candidates.length ? { candidates: codes(r.candidates, codeOf) } : {}),
    seats: r.seats,
    ballots: { ...r.counts },
    votes,
    ...(r.decision ? { decision: { winners: codes(r.decision.winners, codeOf), reason: r.decision.reason } } : {}),
  };
}

/** The overrides of a stored round in the engine's shape. */
export function overridesOf(r: Pick<VoteRound, 'overrides'>, codeOf: CodeOf): VerdictOverride[] {
  return r.overrides.flatMap((o) => {
    const code = codeOf(o.unitId);
    return code === undefined ? [] : [{ code, winner: o.winner, reason: o.reason }];
  });
}

export interface StoredVote {
  conference: Conference | null;
  /** Codes present; null while no attendance is stored. */
  present: string[] | null;
  /** Accepted rounds by section, in round order. */
  rounds: Record<string, RoundInput[]>;
  overrides: Record<string, VerdictOverride[]>;
  /** Codes of the units found ineligible in the year's verification. */
  ineligible: string[];
  /** The accepted round records by section, in round order. */
  records: Record<string, VoteRound[]>;
}

/** The year's stored conference, accepted rounds, overrides and ineligible units, by code. */
export function storedVoteOf(data: Pick<BlocData, 'units' | 'conferences' | 'voteRounds' | 'unitReviews'>, year: number): StoredVote {
  const code = new Map(data.units.map((u) => [u.id, u.code]));
  const codeOf: CodeOf = (id) => code.get(id);
  const conference = data.conferences.find((c) => c.year === year) ?? null;
  const records: Record<string, VoteRound[]> = {};
  for (const r of data.voteRounds.filter((v) => v.year === year && v.status === 'accepted').sort((a, b) => a.round - b.round)) {
    (records[r.sectionId] ??= []).push(r);
  }
  const rounds: Record<string, RoundInput[]> = {};
  const overrides: Record<string, VerdictOverride[]> = {};
  for (const [section, list] of Object.entries(records)) {
    rounds[section] = list.map((r) => roundInputOf(r, codeOf));
    // Overrides are made on the section's verdict; each is stored with the round it was made after.
    const o = list.flatMap((r) => overridesOf(r, codeOf));
    if (o.length) overrides[section] = o;
  }
  const present = conference && conference.presentUnitIds.length ? codes(conference.presentUnitIds, codeOf) : null;
  const ineligible = codes(
    data.unitReviews.filter((r) => r.year === year && !r.eligible).map((r) => r.unitId),
    codeOf,
  );
  return { conference, present, rounds, overrides, ineligible, records };
}

/** What a round stores as `rulesSnapshot`: the tally's rules (TallyRules) as plain JSON. */
export function rulesSnapshotOf(rules: TallyRules): VoteRound['rulesSnapshot'] {
  return JSON.parse(canonicalJson(rules)) as VoteRound['rulesSnapshot'];
}

/**
 * The changes between the rules a round was accepted with and the rules now, limited to what
 * concerns its section (the whole-vote rules and the section's own); empty when none or when the
 * round stored no rules.
 */
export function roundRuleChanges(snapshot: Readonly<Record<string, unknown>>, now: TallyRules, sectionId: string): RuleChange[] {
  if (!('sections' in snapshot)) return [];
  return diffRules(snapshot as unknown as TallyRules, now).filter((c) => !c.path.startsWith('sections.') || c.path === 'sections.order' || c.path.startsWith(`sections.${sectionId}`));
}

type IdOf = (code: string) => string | undefined;

function mapMarks(marks: SectionMarks | StoredBallot['marks'][string], map: (key: string) => string | undefined): SectionMarks {
  if (Array.isArray(marks)) return (marks as readonly string[]).flatMap((k) => map(k) ?? []);
  return Object.fromEntries(Object.entries(marks as Record<string, 'agree' | 'disagree'>).flatMap(([k, m]) => (map(k) === undefined ? [] : [[map(k)!, m]])));
}

/** Stored ballots (units by id) as the engine's ballot entries (units by code); units no longer known are left out. */
export function ballotEntriesOf(stored: readonly StoredBallot[], codeOf: CodeOf): BallotEntry[] {
  return stored.map((b) => ({
    ...(b.unstamped ? { unstamped: true } : {}),
    ...(b.invalidReason?.trim() ? { invalidReason: b.invalidReason } : {}),
    marks: Object.fromEntries(Object.entries(b.marks).map(([section, m]) => [section, mapMarks(m, codeOf)])),
  }));
}

/** Ballot entries (units by code) as stored (units by id); codes not of the bloc are left out. */
export function storedBallotsOf(entries: readonly BallotEntry[], idOf: IdOf): StoredBallot[] {
  return entries.map((b) => ({
    ...(b.unstamped ? { unstamped: true } : {}),
    ...(b.invalidReason?.trim() ? { invalidReason: b.invalidReason.trim() } : {}),
    marks: Object.fromEntries(Object.entries(b.marks).map(([section, m]) => [section, mapMarks(m, idOf) as StoredBallot['marks'][string]])),
  }));
}
