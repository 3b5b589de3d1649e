/**
 * The order of the submitted units: by total, then units of equal total through the tie rules in
 * the profile's order, each rule splitting what the rules before it left tied. A re-vote or chair
 * rule that is reached stops the chain: the units still tied share a rank, unless a decision for
 * exactly that set of units was entered.
 */
import type { TieRule } from '../../model/records';
import { isDecisionRule, ruleRankValue } from './tie-rules';
import type { ChairDecision, Separation } from './types';
import type { UnitScores } from './unit-scores';

export interface Placement {
  unit: UnitScores;
  /** Units of one cluster share a rank. */
  cluster: number;
  /** Why this unit is above the next placed one; null inside a cluster and for the last. */
  after: Separation | null;
  /** For a shared rank: the re-vote or chair rule that remains. */
  pending: 'revote' | 'chairDecides' | null;
  /** For a shared rank: the tie rules before this index were tried and found equal. */
  triedRules: number;
}

export interface PlacementResult {
  placements: Placement[];
  /** Decisions that settled a tie. */
  used: Set<ChairDecision>;
}

const EPS = 1e-9;

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return s.size === a.length && b.every((x) => s.has(x));
}

/** A decision is usable when its order lists exactly its units, each once. */
export function decisionIsWellFormed(d: ChairDecision): boolean {
  return d.units.length > 1 && sameSet(d.units, d.order);
}

/** Runs of equal value after sorting by value, higher first (stable: the year's order inside a run). */
function runsBy<T>(items: readonly T[], value: (t: T) => number): T[][] {
  const keyed = items.map((item) => ({ item, v: value(item) }));
  keyed.sort((a, b) => b.v - a.v);
  const runs: T[][] = [];
  let last = Number.NaN;
  for (const { item, v } of keyed) {
    if (runs.length > 0 && Math.abs(v - last) < EPS) runs[runs.length - 1]!.push(item);
    else runs.push([item]);
    last = v;
  }
  return runs;
}

export function placeUnits(
  units: readonly UnitScores[],
  rules: readonly TieRule[],
  decisions: readonly ChairDecision[],
): PlacementResult {
  const placements: Placement[] = [];
  const used = new Set<ChairDecision>();
  const usable = decisions.filter(decisionIsWellFormed);
  let cluster = 0;

  const emit = (block: readonly UnitScores[], pending: Placement['pending'], triedRules: number) => {
    for (const unit of block) placements.push({ unit, cluster, after: null, pending, triedRules });
    cluster++;
  };
  const separate = (sep: Separation) => {
    const last = placements[placements.length - 1];
    if (last) last.after = sep;
  };
  const decisionFor = (block: readonly UnitScores[]): ChairDecision | undefined => {
    const ids = block.map((u) => u.unit.id);
    // The latest entered decision for the set wins.
    for (let i = usable.length - 1; i >= 0; i--) if (sameSet(usable[i]!.units, ids)) return usable[i];
    return undefined;
  };

  const split = (block: readonly UnitScores[], from: number): void => {
    if (block.length === 1) return emit(block, null, from);
    for (let r = from; r < rules.length; r++) {
      const rule = rules[r]!;
      if (isDecisionRule(rule)) {
        const decision = decisionFor(block);
        if (!decision) return emit(block, rule.kind, r);
        used.add(decision);
        const byId = new Map(block.map((u) => [u.unit.id, u]));
        decision.order.forEach((id, i) => {
          if (i > 0) separate({ by: 'decision', rule, ruleIndex: r, decision });
          emit([byId.get(id)!], null, r);
        });
        return;
      }
      if (block.some((u) => ruleRankValue(rule, u.totals) === null)) continue; // unknown group: warned, skipped
      const runs = runsBy(block, (u) => ruleRankValue(rule, u.totals)!);
      if (runs.length === 1) continue;
      runs.forEach((run, i) => {
        if (i > 0) separate({ by: 'rule', rule, ruleIndex: r });
        split(run, r + 1);
      });
      return;
    }
    emit(block, null, rules.length);
  };

  const byTotal = runsBy(units, (u) => u.totals.total);
  byTotal.forEach((block, i) => {
    if (i > 0) separate({ by: 'total' });
    split(block, 0);
  });
  return { placements, used };
}
