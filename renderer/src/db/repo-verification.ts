/**
 * Writes of the verification work (thẩm định): verified scores, accepting the self scores,
 * explanations (giải trình) and their decision, the unit's status and lock, the year's lock,
 * eligibility and the chair's decisions on ties. Each write is ONE Dexie transaction and appends an
 * AuditEntry (who, when, old → new, reason) to the unit's or the year's review; a score's own
 * history gets a 'verified' ScoreChange. The rules (may this score change now, which change needs a
 * reason) are shared/domain/verification.ts.
 */
import {
  ExplanationSchema,
  ScoreSchema,
  UnitReviewSchema,
  YearReviewSchema,
  scoreId,
  unitReviewId,
  yearRecordId,
  type AuditEntry,
  type Explanation,
  type Score,
  type UnitReview,
  type YearReview,
} from '../../../shared/model/records';
import { scoreChangeRefusal, verifiedNeedsReason } from '../../../shared/domain/verification';
import { teamLines, type TeamMember } from '../../../shared/domain/verification-team';
import { formatNumberVi } from '../../../shared/text/vietnamese';
import { db } from './database';
import { newId, nowIso } from './ids';
import { checked } from './repo-common';
import { RepoError } from './repo-errors';
import { putScores, scoreOf, scoreSheetsTable, scoresOfUnit } from './score-store';

export interface YearKey {
  blocId: string;
  year: number;
}

const shown = (v: number | null) => (v === null ? '(trống)' : formatNumberVi(v));

function requireText(value: string, message: string): string {
  const t = value.trim();
  if (!t) throw new RepoError('reason-required', message);
  return t;
}

function requireBy(by: string): string {
  return requireText(by, 'Chưa có tên người thực hiện. Hãy ghi tên thư ký trong Cài đặt hoặc chọn thành viên tổ thẩm định.');
}

function audit(by: string, action: string, target: string, old: AuditEntry['old'], next: AuditEntry['new'], reason: string, at: string): AuditEntry {
  return { at, by, action, target, old, new: next, reason };
}

async function unitName(unitId: string): Promise<string> {
  return (await db.units.get(unitId))?.name ?? 'đơn vị';
}

async function yearReviewOf(k: YearKey): Promise<YearReview | undefined> {
  return db.yearReviews.get(yearRecordId(k.blocId, k.year));
}

function freshYearReview(k: YearKey, now: string): YearReview {
  return { id: yearRecordId(k.blocId, k.year), blocId: k.blocId, year: k.year, lockedAt: null, chairDecisions: [], team: [], history: [], updatedAt: now };
}

/** The unit's review, started ('reviewing', recorded) when verification first touches the unit. */
async function reviewOf(k: YearKey, unitId: string, by: string, now: string): Promise<UnitReview> {
  const found = await db.unitReviews.get(unitReviewId(k.year, unitId));
  if (found) return found;
  return {
    id: unitReviewId(k.year, unitId),
    blocId: k.blocId,
    year: k.year,
    unitId,
    status: 'reviewing',
    eligible: true,
    ineligibleReason: '',
    ineligibleBasis: '',
    lockedAt: null,
    history: [audit(by, 'status', unitId, null, 'reviewing', '', now)],
    updatedAt: now,
  };
}

async function putReview(review: UnitReview): Promise<void> {
  await db.unitReviews.put(checked(UnitReviewSchema, review, 'Kết quả thẩm định của đơn vị'));
}

/** Throws the Vietnamese refusal when the unit's scores are frozen (unit or year locked). */
async function assertScoresOpen(k: YearKey, unitId: string): Promise<void> {
  const refusal = scoreChangeRefusal(await unitName(unitId), k.year, await db.unitReviews.get(unitReviewId(k.year, unitId)), await yearReviewOf(k));
  if (refusal) throw new RepoError('locked', refusal);
}

/**
 * Refuses (RepoError, Vietnamese) when any of these units' scores are frozen. For other writers of
 * scores (the import and its undo): call inside a transaction over scores, unitReviews, yearReviews and units.
 */
export async function assertUnitsOpen(k: YearKey, unitIds: Iterable<string>): Promise<void> {
  for (const unitId of new Set(unitIds)) await assertScoresOpen(k, unitId);
}

/** The tables a transaction needs to check the locks (add them to the writer's own tables). */
export const LOCK_TABLES = () => [db.unitReviews, db.yearReviews, db.units];

const TABLES = () => [scoreSheetsTable(), db.unitReviews, db.yearReviews, db.explanations, db.units];

/**
 * Writes verified values of one unit's cells: one write of the unit's scores (the other scores of
 * its sheet as they were) and one of its review, with a history entry and an audit entry per cell
 * that changed, in the cells' order. Returns each cell's score after the write.
 */
async function writeVerified(
  k: YearKey,
  unitId: string,
  cells: readonly { code: string; value: number | null }[],
  reason: string,
  by: string,
  now: string,
  action: string,
): Promise<Score[]> {
  const stored = new Map((await scoresOfUnit(k.blocId, k.year, unitId)).map((s) => [s.code, s]));
  const written: Score[] = [];
  const audits: AuditEntry[] = [];
  const out = cells.map(({ code, value }) => {
    const current: Score = stored.get(code) ?? { id: scoreId(k.year, unitId, code), blocId: k.blocId, year: k.year, unitId, code, self: null, verified: null, note: '', history: [], updatedAt: now };
    if (current.verified === value) return current;
    const next = checked(
      ScoreSchema,
      { ...current, verified: value, history: [...current.history, { at: now, by, field: 'verified', old: current.verified, new: value, reason, batchId: null }], updatedAt: now },
      `Điểm tiêu chí ${code}`,
    );
    stored.set(code, next);
    written.push(next);
    audits.push(audit(by, action, code, current.verified, value, reason, now));
    return next;
  });
  if (!written.length) return out;
  await putScores(written);
  const review = await reviewOf(k, unitId, by, now);
  await putReview({ ...review, history: [...review.history, ...audits], updatedAt: now });
  return out;
}

/**
 * Sets the verified score of one cell (null: back to "as self-assessed"). A value away from the
 * self score needs a reason. Refused when the unit or the year is locked.
 */
export async function setVerifiedScore(k: YearKey, unitId: string, code: string, value: number | null, reason: string, by: string): Promise<Score> {
  const who = requireBy(by);
  return db.transaction('rw', TABLES(), async () => {
    await assertScoresOpen(k, unitId);
    const self = (await scoreOf(k.blocId, k.year, unitId, code))?.self ?? null;
    const why = reason.trim();
    if (verifiedNeedsReason(self, value) && !why) {
      throw new RepoError(
        'reason-required',
        `${await unitName(unitId)}, tiêu chí ${code}: điểm thẩm định ${shown(value)} khác điểm tự chấm ${shown(self)}, cần ghi lý do.`,
      );
    }
    return (await writeVerified(k, unitId, [{ code, value }], why, who, nowIso(), 'verify'))[0]!;
  });
}

/** Accepts the self score (verified = self) of the given cells not verified yet; returns how many changed. */
export async function acceptSelfScores(k: YearKey, cells: readonly { unitId: string; code: string }[], by: string): Promise<number> {
  const who = requireBy(by);
  return db.transaction('rw', TABLES(), async () => {
    const now = nowIso();
    let changed = 0;
    const codesByUnit = new Map<string, Set<string>>();
    for (const { unitId, code } of cells) codesByUnit.set(unitId, (codesByUnit.get(unitId) ?? new Set()).add(code));
    for (const unitId of codesByUnit.keys()) await assertScoresOpen(k, unitId);
    // A unit at a time: its scores read and written once, however many of its cells are accepted.
    for (const [unitId, codes] of codesByUnit) {
      const scores = new Map((await scoresOfUnit(k.blocId, k.year, unitId)).map((s) => [s.code, s]));
      const accepted: { code: string; value: number }[] = [];
      for (const code of codes) {
        const score = scores.get(code);
        if (score && score.self !== null && score.verified === null) accepted.push({ code, value: score.self });
      }
      await writeVerified(k, unitId, accepted, '', who, now, 'accept');
      changed += accepted.length;
    }
    return changed;
  });
}

export interface ExplanationInput {
  text: string;
  /** yyyy-mm-dd */
  date: string;
  documentNumber: string;
}

/** Records a unit's explanation (giải trình) about a changed score. */
export async function recordExplanation(k: YearKey, unitId: string, code: string, input: ExplanationInput, by: string): Promise<Explanation> {
  const who = requireBy(by);
  const text = requireText(input.text, `Chưa nhập nội dung giải trình của tiêu chí ${code}.`);
  return db.transaction('rw', TABLES(), async () => {
    const score = await scoreOf(k.blocId, k.year, unitId, code);
    if (!score || score.verified === null || score.verified === score.self) {
      throw new RepoError('not-changed', `${await unitName(unitId)}, tiêu chí ${code}: điểm chưa bị thay đổi khi thẩm định nên không cần giải trình.`);
    }
    const now = nowIso();
    const record = checked(
      ExplanationSchema,
      { id: newId(), blocId: k.blocId, year: k.year, unitId, code, text, date: input.date, documentNumber: input.documentNumber.trim(), outcome: 'pending', createdAt: now, updatedAt: now },
      'Giải trình',
    );
    await db.explanations.put(record);
    const review = await reviewOf(k, unitId, who, now);
    const label = `${input.documentNumber.trim() ? `Văn bản ${input.documentNumber.trim()}, ` : ''}ngày ${input.date}`;
    await putReview({ ...review, history: [...review.history, audit(who, 'explanation', code, null, label, text.slice(0, 1000), now)], updatedAt: now });
    return record;
  });
}

/**
 * Decides an explanation: keep the verified score, or restore the self score (verified = self).
 * A reason is required either way. Restoring is refused while the unit or year is locked.
 */
export async function decideExplanation(k: YearKey, explanationId: string, outcome: 'kept' | 'restored', reason: string, by: string): Promise<Explanation> {
  const who = requireBy(by);
  return db.transaction('rw', TABLES(), async () => {
    const found = await db.explanations.get(explanationId);
    if (!found) throw new RepoError('not-found', 'Không tìm thấy giải trình này (có thể đã bị xóa).');
    const why = requireText(reason, `Tiêu chí ${found.code}: cần ghi lý do ${outcome === 'kept' ? 'giữ điểm thẩm định' : 'trả lại điểm tự chấm'}.`);
    const now = nowIso();
    if (outcome === 'restored') {
      await assertScoresOpen(k, found.unitId);
      const score = await scoreOf(k.blocId, k.year, found.unitId, found.code);
      await writeVerified(k, found.unitId, [{ code: found.code, value: score?.self ?? null }], why, who, now, 'restore');
    }
    const next = checked(ExplanationSchema, { ...found, outcome, outcomeReason: why, decidedBy: who, decidedAt: now, updatedAt: now }, 'Giải trình');
    await db.explanations.put(next);
    const review = await reviewOf(k, found.unitId, who, now);
    await putReview({ ...review, history: [...review.history, audit(who, 'explanation-decision', found.code, found.outcome, outcome, why, now)], updatedAt: now });
    return next;
  });
}

/** Marks a unit "đang thẩm định" or "đã thẩm định" (a locked unit is unlocked with unlockUnit). */
export async function setUnitStatus(k: YearKey, unitId: string, status: 'reviewing' | 'reviewed', by: string): Promise<UnitReview> {
  const who = requireBy(by);
  return db.transaction('rw', TABLES(), async () => {
    const now = nowIso();
    const review = await reviewOf(k, unitId, who, now);
    if (review.status === 'locked') throw new RepoError('locked', `${await unitName(unitId)} đã khóa; hãy mở khóa (ghi lý do) trước khi đổi trạng thái.`);
    const next = review.status === status ? review : { ...review, status, history: [...review.history, audit(who, 'status', unitId, review.status, status, '', now)], updatedAt: now };
    await putReview(next);
    return next;
  });
}

/** Locks a unit: its scores are frozen until unlocked with a reason. */
export async function lockUnit(k: YearKey, unitId: string, by: string): Promise<UnitReview> {
  const who = requireBy(by);
  return db.transaction('rw', TABLES(), async () => {
    const now = nowIso();
    const review = await reviewOf(k, unitId, who, now);
    if (review.status === 'locked') return review;
    const next: UnitReview = { ...review, status: 'locked', lockedAt: now, history: [...review.history, audit(who, 'lock', unitId, review.status, 'locked', '', now)], updatedAt: now };
    await putReview(next);
    return next;
  });
}

/** Unlocks a unit for a re-check (phúc tra); the reason is required and recorded. */
export async function unlockUnit(k: YearKey, unitId: string, reason: string, by: string): Promise<UnitReview> {
  const who = requireBy(by);
  return db.transaction('rw', TABLES(), async () => {
    const name = await unitName(unitId);
    const why = requireText(reason, `Mở khóa ${name} để phúc tra cần ghi lý do.`);
    const yr = await yearReviewOf(k);
    if (yr?.lockedAt) throw new RepoError('locked', `Năm ${k.year} đã khóa; hãy mở khóa năm trước khi mở khóa ${name}.`);
    const now = nowIso();
    const review = await reviewOf(k, unitId, who, now);
    if (review.status !== 'locked') return review;
    const next: UnitReview = { ...review, status: 'reviewing', lockedAt: null, history: [...review.history, audit(who, 'unlock', unitId, 'locked', 'reviewing', why, now)], updatedAt: now };
    await putReview(next);
    return next;
  });
}

/** Locks the year: every score of the year is frozen. */
export async function lockYear(k: YearKey, by: string): Promise<YearReview> {
  const who = requireBy(by);
  return db.transaction('rw', TABLES(), async () => {
    const now = nowIso();
    const current = (await yearReviewOf(k)) ?? freshYearReview(k, now);
    if (current.lockedAt) return current;
    const next = { ...current, lockedAt: now, history: [...current.history, audit(who, 'lock', String(k.year), null, now, '', now)], updatedAt: now };
    await db.yearReviews.put(checked(YearReviewSchema, next, 'Khóa năm'));
    return next;
  });
}

/** Unlocks the year (phúc tra); the reason is required and recorded. */
export async function unlockYear(k: YearKey, reason: string, by: string): Promise<YearReview> {
  const who = requireBy(by);
  const why = requireText(reason, `Mở khóa kết quả năm ${k.year} để phúc tra cần ghi lý do.`);
  return db.transaction('rw', TABLES(), async () => {
    const now = nowIso();
    const current = (await yearReviewOf(k)) ?? freshYearReview(k, now);
    if (!current.lockedAt) return current;
    const next = { ...current, lockedAt: null, history: [...current.history, audit(who, 'unlock', String(k.year), current.lockedAt, null, why, now)], updatedAt: now };
    await db.yearReviews.put(checked(YearReviewSchema, next, 'Mở khóa năm'));
    return next;
  });
}

/** Marks a unit eligible, or "không đủ điều kiện đề nghị khen thưởng" with its reason and the document it rests on. */
export async function setEligibility(k: YearKey, unitId: string, eligible: boolean, reason: string, basis: string, by: string): Promise<UnitReview> {
  const who = requireBy(by);
  return db.transaction('rw', TABLES(), async () => {
    const name = await unitName(unitId);
    const why = eligible ? reason.trim() : requireText(reason, `${name}: cần ghi lý do không đủ điều kiện đề nghị khen thưởng.`);
    const doc = eligible ? '' : requireText(basis, `${name}: cần ghi văn bản làm căn cứ (số, ngày, cơ quan ban hành) cho việc không đủ điều kiện.`);
    const now = nowIso();
    const review = await reviewOf(k, unitId, who, now);
    const next: UnitReview = {
      ...review,
      eligible,
      ineligibleReason: eligible ? '' : why,
      ineligibleBasis: doc,
      history: [...review.history, audit(who, 'eligibility', unitId, review.eligible, eligible, eligible ? why : `${why} (căn cứ: ${doc})`, now)],
      updatedAt: now,
    };
    await putReview(next);
    return next;
  });
}

/** Enters (or replaces) the chair's decision on tied units: their order, best first, with the reason. */
export async function setChairDecision(k: YearKey, unitIds: readonly string[], order: readonly string[], reason: string, by: string): Promise<YearReview> {
  const who = requireBy(by);
  const why = requireText(reason, 'Quyết định của chủ trì về các đơn vị đồng hạng cần ghi lý do.');
  const same = new Set(unitIds);
  if (order.length !== unitIds.length || !order.every((u) => same.has(u))) {
    throw new RepoError('invalid-order', 'Thứ tự quyết định phải gồm đúng các đơn vị đồng hạng, mỗi đơn vị một lần.');
  }
  return db.transaction('rw', TABLES(), async () => {
    const now = nowIso();
    const current = (await yearReviewOf(k)) ?? freshYearReview(k, now);
    const key = [...unitIds].sort().join(',');
    const previous = current.chairDecisions.find((d) => [...d.unitIds].sort().join(',') === key);
    const decisions = [...current.chairDecisions.filter((d) => d !== previous), { unitIds: [...unitIds], order: [...order], reason: why, at: now, by: who }];
    const next = {
      ...current,
      chairDecisions: decisions,
      history: [...current.history, audit(who, 'chair-decision', key, previous ? previous.order.join(',') : null, order.join(','), why, now)],
      updatedAt: now,
    };
    await db.yearReviews.put(checked(YearReviewSchema, next, 'Quyết định của chủ trì'));
    return next;
  });
}

/** Replaces the year's verification team (tổ thẩm định); the change is recorded with the old and new lists. */
export async function setVerificationTeam(k: YearKey, team: readonly TeamMember[], by: string): Promise<YearReview> {
  const who = requireBy(by);
  return db.transaction('rw', TABLES(), async () => {
    const now = nowIso();
    const current = (await yearReviewOf(k)) ?? freshYearReview(k, now);
    const before = teamLines(current.team);
    const after = teamLines(team);
    if (before === after) return current;
    const next = {
      ...current,
      team: team.map((m) => ({ name: m.name, unit: m.unit })),
      history: [...current.history, audit(who, 'team', String(k.year), before || null, after || null, '', now)],
      updatedAt: now,
    };
    await db.yearReviews.put(checked(YearReviewSchema, next, 'Tổ thẩm định'));
    return next;
  });
}
