/**
 * The rules of the verification work (thẩm định), pure: a unit's stage (chưa nộp → đã khóa), whether
 * a score may be changed now (unit lock, year lock), which changes need a reason, which changed scores
 * still wait for an explanation, and the ranking's extras (eligibility, chair decisions, bands) read
 * from the stored records. The Dexie repository, the screens, the CLI and the documents call these.
 */
import type { Explanation, RulesProfile, Score, UnitReview, YearReview } from '../model/records';
import type { ChairDecision, ClassificationBand, Eligibility } from './ranking';
import { submissionOf } from './scoring';

export type UnitStage = 'not-submitted' | 'submitted' | 'reviewing' | 'reviewed' | 'locked';

export const UNIT_STAGE_LABELS: Record<UnitStage, string> = {
  'not-submitted': 'Chưa nộp',
  submitted: 'Đã nộp',
  reviewing: 'Đang thẩm định',
  reviewed: 'Đã thẩm định',
  locked: 'Đã khóa',
};

/** The stage of a unit: its review's status once verification started, else derived from its scores. */
export function unitStage(
  scores: readonly Pick<Score, 'self'>[],
  criteriaCount: number,
  review: Pick<UnitReview, 'status'> | undefined,
): UnitStage {
  if (review) return review.status;
  const filled = scores.filter((s) => s.self !== null).length;
  return submissionOf({ filled, criteria: criteriaCount }) === 'none' ? 'not-submitted' : 'submitted';
}

/** Counts of units per stage, every stage present. */
export function stageCounts(stages: readonly UnitStage[]): Record<UnitStage, number> {
  const out: Record<UnitStage, number> = { 'not-submitted': 0, submitted: 0, reviewing: 0, reviewed: 0, locked: 0 };
  for (const s of stages) out[s]++;
  return out;
}

/**
 * Why a unit's scores cannot be changed now (Vietnamese), or null when they can: a locked year
 * freezes everything, a locked unit its own scores. A change after the lock (phúc tra) needs an unlock.
 */
export function scoreChangeRefusal(
  unitName: string,
  year: number,
  review: Pick<UnitReview, 'status'> | undefined,
  yearReview: Pick<YearReview, 'lockedAt'> | undefined,
): string | null {
  if (yearReview?.lockedAt) {
    return `Kết quả chấm điểm năm ${year} đã khóa, không sửa được điểm của ${unitName}. Muốn phúc tra, hãy mở khóa năm (ghi rõ lý do) trước.`;
  }
  if (review?.status === 'locked') {
    return `Điểm của ${unitName} năm ${year} đã khóa, không sửa được. Muốn phúc tra, hãy mở khóa đơn vị (ghi rõ lý do) trước.`;
  }
  return null;
}

/** A verified score away from the self score needs a reason; back to "as self-assessed" (null) or equal to self does not. */
export function verifiedNeedsReason(self: number | null, verified: number | null): boolean {
  return verified !== null && verified !== self;
}

/** A score the verifier changed: a verified value different from the self score. */
export function isChangedScore(s: Pick<Score, 'self' | 'verified'>): boolean {
  return s.verified !== null && s.verified !== s.self;
}

export interface AwaitingExplanation {
  unitId: string;
  code: string;
  self: number | null;
  verified: number;
  /** 'none': no explanation recorded yet; 'pending': recorded, not decided. */
  state: 'none' | 'pending';
}

/** Changed scores whose explanation is not decided yet (none recorded, or recorded and pending). */
export function awaitingExplanations(
  scores: readonly Pick<Score, 'unitId' | 'code' | 'self' | 'verified'>[],
  explanations: readonly Pick<Explanation, 'unitId' | 'code' | 'outcome'>[],
): AwaitingExplanation[] {
  const byKey = new Map<string, Pick<Explanation, 'outcome'>[]>();
  for (const e of explanations) {
    const k = `${e.unitId}\u0000${e.code}`;
    byKey.set(k, [...(byKey.get(k) ?? []), e]);
  }
  const out: AwaitingExplanation[] = [];
  for (const s of scores) {
    if (!isChangedScore(s)) continue;
    const list = byKey.get(`${s.unitId}\u0000${s.code}`) ?? [];
    if (list.length > 0 && list.every((e) => e.outcome !== 'pending')) continue;
    out.push({ unitId: s.unitId, code: s.code, self: s.self, verified: s.verified as number, state: list.length === 0 ? 'none' : 'pending' });
  }
  return out;
}

export interface StoredRankingExtras {
  eligibility: Map<string, Eligibility>;
  decisions: ChairDecision[];
  bands: ClassificationBand[];
}

/** Classification bands of a rules profile, read defensively (the field may be absent or malformed). */
export function classificationBandsOf(rules: RulesProfile | undefined): ClassificationBand[] {
  const raw = (rules as { classificationBands?: unknown } | undefined)?.classificationBands;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((b): ClassificationBand[] => {
    const band = b as { label?: unknown; min?: unknown };
    return typeof band?.label === 'string' && typeof band.min === 'number' && Number.isFinite(band.min) ? [{ label: band.label, min: band.min }] : [];
  });
}

/**
 * The ranking's extras from the stored records of one year: eligibility from the unit reviews,
 * the chair's decisions from the year review, the bands from the rules profile. The ONE read used
 * by the ranking screen, the CLI and the documents.
 */
export function storedRankingExtras(
  reviews: readonly Pick<UnitReview, 'unitId' | 'eligible' | 'ineligibleReason' | 'ineligibleBasis'>[],
  yearReview: Pick<YearReview, 'chairDecisions'> | undefined,
  rules: RulesProfile | undefined,
): StoredRankingExtras {
  const eligibility = new Map<string, Eligibility>();
  for (const r of reviews) {
    if (!r.eligible) eligibility.set(r.unitId, { eligible: false, reason: r.ineligibleReason, basis: r.ineligibleBasis });
  }
  const decisions = (yearReview?.chairDecisions ?? []).map((d) => ({ units: [...d.unitIds], order: [...d.order], reason: d.reason }));
  return { eligibility, decisions, bands: classificationBandsOf(rules) };
}
