/**
 * A rule changed after the tally was entered: detect it from the rules stored with the result,
 * say what changed, and recompute the verdicts with the new rules.
 */
import { diffRules, rulesFingerprint, rulesOf, type RuleChange } from './rules';
import { tally } from './tally';
import type { TallyInput, TallyResult } from './types';

export interface Recomputed {
  changed: boolean;
  /** What changed, in words (to record with the new result). */
  changes: RuleChange[];
  /** The new result, or the stored one when nothing changed. */
  result: TallyResult;
}

/** Whether the rules of `input` differ from the ones `stored` was computed with. */
export function rulesChanged(stored: Pick<TallyResult, 'rulesFingerprint'>, input: TallyInput): boolean {
  return stored.rulesFingerprint !== rulesFingerprint(rulesOf(input));
}

export function recomputeIfRulesChanged(stored: TallyResult, input: TallyInput): Recomputed {
  if (!rulesChanged(stored, input)) return { changed: false, changes: [], result: stored };
  return { changed: true, changes: diffRules(stored.rules, rulesOf(input)), result: tally(input) };
}
