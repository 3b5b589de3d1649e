/**
 * A rule changed after the tally was entered: detect it from the rules stored with the result,
 * say what changed, and recompute the verdicts with the new rules, naming the winners under the
 * old rules beside the new ones (the record of the change shows both).
 */
import { diffRules, rulesFingerprint, rulesOf, type RuleChange } from './rules';
import { tally } from './tally';
import type { SectionInput, TallyInput, TallyResult, TallyRules } from './types';

export interface WinnerChange {
  section: string;
  title: string;
  /** Winners under the rules the result was computed with. */
  before: string[];
  /** Winners under the current rules. */
  after: string[];
}

export interface Recomputed {
  changed: boolean;
  /** What changed, in words (to record with the new result). */
  changes: RuleChange[];
  /** The winners of every section before and after (empty when nothing changed). */
  winners: WinnerChange[];
  /** The new result, or the stored one when nothing changed. */
  result: TallyResult;
}

/** Whether the rules of `input` differ from the ones `stored` was computed with. */
export function rulesChanged(stored: Pick<TallyResult, 'rulesFingerprint'>, input: TallyInput): boolean {
  return stored.rulesFingerprint !== rulesFingerprint(rulesOf(input));
}

/**
 * The same entry (attendance, rounds, overrides) under other rules, e.g. the ones stored with an
 * accepted round: rulesOf(inputUnderRules(input, rules)) equals `rules`. A section the rules do
 * not have is left out; a section only the rules have gets no rounds.
 */
export function inputUnderRules(input: TallyInput, rules: TallyRules): TallyInput {
  const entered = new Map(input.sections.map((s) => [s.id, s]));
  const sections: SectionInput[] = rules.sections.map((r) => {
    const now = entered.get(r.id);
    return {
      id: r.id,
      title: r.title,
      kind: r.kind,
      seats: r.seats,
      ...(r.maxMarks !== null ? { maxMarks: r.maxMarks } : {}),
      marking: r.marking,
      threshold: { ...r.threshold },
      ineligible: [...r.ineligible],
      tieRule: r.tieRule,
      scores: { ...r.scores },
      maxRounds: r.maxRounds,
      ...(r.revoteTop !== null ? { revoteTop: r.revoteTop } : {}),
      rounds: [...(now?.rounds ?? [])],
      ...(now?.overrides ? { overrides: [...now.overrides] } : {}),
    };
  });
  return {
    members: [...rules.members],
    present: [...input.present],
    quorum: rules.quorum,
    exclusiveAwards: rules.exclusiveAwards,
    invalidScope: rules.invalidScope,
    spareBallots: rules.spareBallots,
    ...(input.names ? { names: input.names } : {}),
    sections,
  };
}

/** The winners of each section under the old rules and under the rules of `input`. */
export function winnerChanges(input: TallyInput, before: TallyRules, after: TallyResult = tally(input)): WinnerChange[] {
  const old = tally(inputUnderRules(input, before));
  const ids = [...new Set([...old.sections.map((s) => s.id), ...after.sections.map((s) => s.id)])];
  return ids.map((id) => {
    const b = old.sections.find((s) => s.id === id);
    const a = after.sections.find((s) => s.id === id);
    return { section: id, title: (a ?? b)!.title, before: b?.winners ?? [], after: a?.winners ?? [] };
  });
}

export function recomputeIfRulesChanged(stored: TallyResult, input: TallyInput): Recomputed {
  if (!rulesChanged(stored, input)) return { changed: false, changes: [], winners: [], result: stored };
  const result = tally(input);
  return { changed: true, changes: diffRules(stored.rules, rulesOf(input)), winners: winnerChanges(input, stored.rules, result), result };
}
