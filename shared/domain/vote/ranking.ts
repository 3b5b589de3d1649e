/**
 * Ranking inside one round of a section: the units passing the threshold, by votes, fill the seats;
 * a tie at the cut line goes to the section's tie rule.
 */
import type { ChairDecision, TieInfo, TieRule } from './types';

export interface RankedUnit {
  code: string;
  votes: number;
  passes: boolean;
  /** Position in the bloc's order: breaks display ties only, never a seat. */
  order: number;
}

/** Votes descending, then the bloc's order (for display; equal votes at the cut line are a tie). */
export function byVotes(a: RankedUnit, b: RankedUnit): number {
  return b.votes - a.votes || a.order - b.order;
}

export interface CutLine {
  /** Units sure of a seat (strictly more votes than the cut line, or no surplus at all). */
  seated: string[];
  /** Units with equal votes at the cut line competing for the remaining seats. */
  tie: TieInfo | null;
}

/** Passing units fill at most `seats` seats; equal votes that straddle the last seat make a tie. */
export function cutLine(units: readonly RankedUnit[], seats: number): CutLine {
  const passing = units.filter((u) => u.passes).sort(byVotes);
  if (seats <= 0) return { seated: [], tie: null };
  if (passing.length <= seats) return { seated: passing.map((u) => u.code), tie: null };
  const last = passing[seats - 1]!;
  const next = passing[seats]!;
  if (next.votes < last.votes) return { seated: passing.slice(0, seats).map((u) => u.code), tie: null };
  const seated = passing.filter((u) => u.votes > last.votes).map((u) => u.code);
  const tied = passing.filter((u) => u.votes === last.votes).map((u) => u.code);
  return { seated, tie: { units: tied, seatsLeft: seats - seated.length } };
}

export interface TieOutcome {
  /** Tied units given a seat by the rule. */
  seated: string[];
  /** What is still tied after the rule (null when settled). */
  tie: TieInfo | null;
  resolvedBy: 'higherScore' | 'chairDecides' | null;
  /** Tied units with no score (higherScore cannot rank them). */
  missingScores: string[];
}

/**
 * Applies the tie rule. 'revote' leaves the tie for a new round. 'higherScore' seats the units with
 * the higher total score; units whose scores are equal at the cut stay tied (then a re-vote). A unit
 * without a score leaves the whole tie unresolved rather than losing by default. 'chairDecides'
 * stays a tie until the chair's decision is recorded (the decision is validated by the caller).
 */
export function resolveTie(
  tie: TieInfo,
  rule: TieRule,
  scores: Readonly<Record<string, number>>,
  decision: ChairDecision | null,
): TieOutcome {
  if (rule === 'chairDecides' && decision) {
    return { seated: decision.winners.filter((c) => tie.units.includes(c)), tie: null, resolvedBy: 'chairDecides', missingScores: [] };
  }
  if (rule !== 'higherScore') return { seated: [], tie, resolvedBy: null, missingScores: [] };
  const missingScores = tie.units.filter((c) => typeof scores[c] !== 'number');
  if (missingScores.length > 0) return { seated: [], tie, resolvedBy: null, missingScores };
  const score = (c: string) => scores[c]!;
  const sorted = [...tie.units].sort((a, b) => score(b) - score(a));
  const cut = score(sorted[tie.seatsLeft - 1]!);
  const seated = sorted.filter((c) => score(c) > cut);
  const still = sorted.filter((c) => score(c) === cut);
  const seatsLeft = tie.seatsLeft - seated.length;
  if (still.length <= seatsLeft) {
    return { seated: [...seated, ...still], tie: null, resolvedBy: 'higherScore', missingScores: [] };
  }
  const remaining = tie.units.filter((c) => still.includes(c));
  return { seated, tie: { units: remaining, seatsLeft }, resolvedBy: seated.length > 0 ? 'higherScore' : null, missingScores: [] };
}

/**
 * The units of a re-vote after no unit passed: the `top` units by votes, with any unit level with the
 * last one (a tie is never cut arbitrarily). Units nobody marked are left out unless all are unmarked.
 */
export function topForRevote(units: readonly RankedUnit[], top: number): string[] {
  const sorted = [...units].sort(byVotes);
  const marked = sorted.filter((u) => u.votes > 0);
  const pool = marked.length > 0 ? marked : sorted;
  if (pool.length <= top || top <= 0) return (top <= 0 ? [] : pool).map((u) => u.code);
  const floor = pool[top - 1]!.votes;
  return pool.filter((u) => u.votes >= floor).map((u) => u.code);
}
