/**
 * A section's threshold: an exact fraction of a base (valid ballots, ballots returned, units present
 * or all member units) with "trên" (gt) or "từ … trở lên" (gte).
 */
import { fractionText, meetsFraction, minCountFor, percentText } from './fraction';
import type { BallotCounts, Threshold, ThresholdBaseKind } from './types';

/** How each base is named in explanations and minutes. One vote per unit, so "đơn vị có mặt". */
export const BASE_NAMES: Record<ThresholdBaseKind, string> = {
  valid: 'phiếu hợp lệ',
  returned: 'phiếu thu về',
  present: 'đơn vị có mặt',
  members: 'tổng số đơn vị thành viên',
};

/** "so với tổng số phiếu hợp lệ", as the minutes name the base of a percent column. */
export const BASE_COLUMN_NAMES: Record<ThresholdBaseKind, string> = {
  valid: 'so với tổng số phiếu hợp lệ',
  returned: 'so với tổng số phiếu thu về',
  present: 'so với số đơn vị có mặt',
  members: 'so với tổng số đơn vị thành viên',
};

export interface BaseContext {
  ballots: BallotCounts;
  presentCount: number;
  memberCount: number;
}

/**
 * The count a threshold is taken of. 'returned' counts invalid ballots too; 'present' and 'members'
 * ignore the ballot counts (an absent or abstaining unit then counts against every candidate).
 */
export function baseCount(kind: ThresholdBaseKind, ctx: BaseContext): number {
  switch (kind) {
    case 'valid':
      return ctx.ballots.valid;
    case 'returned':
      return ctx.ballots.returned;
    case 'present':
      return ctx.presentCount;
    case 'members':
      return ctx.memberCount;
  }
}

export interface ThresholdDecision {
  passes: boolean;
  percent: string;
}

/** Passes or not, and the percent printed. A base of 0 lets no unit pass. */
export function decide(votes: number, base: number, threshold: Threshold): ThresholdDecision {
  return {
    passes: votes >= 1 && meetsFraction(votes, base, threshold, threshold.comparison),
    percent: percentText(votes, base),
  };
}

/**
 * Fewest votes that pass, or null when the base is 0. Never below 1: a unit nobody marked is never
 * proposed, even under a threshold of "từ 0%".
 */
export function minVotesToPass(base: number, threshold: Threshold): number | null {
  if (base <= 0) return null;
  return Math.max(1, minCountFor(base, threshold, threshold.comparison));
}

/** "trên 1/2" or "từ 2/3 trở lên". */
export function comparisonPhrase(t: Pick<Threshold, 'num' | 'den' | 'comparison'>): string {
  const f = fractionText(t);
  return t.comparison === 'gt' ? `trên ${f}` : `từ ${f} trở lên`;
}

/** The negation used when a unit fails: "chưa trên 1/2", "dưới 2/3". */
export function failPhrase(t: Pick<Threshold, 'num' | 'den' | 'comparison'>): string {
  const f = fractionText(t);
  return t.comparison === 'gt' ? `chưa trên ${f}` : `dưới ${f}`;
}

/** The whole rule in words: "trên 1/2 số phiếu hợp lệ", "từ 2/3 trở lên tổng số đơn vị thành viên". */
export function thresholdText(t: Threshold): string {
  const f = fractionText(t);
  const base = BASE_NAMES[t.base];
  const of = t.base === 'members' ? base : `số ${base}`;
  return t.comparison === 'gt' ? `trên ${f} ${of}` : `từ ${f} ${of} trở lên`;
}
