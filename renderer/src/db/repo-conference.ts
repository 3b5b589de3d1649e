/**
 * The year-end conference (Hội nghị tổng kết) and its vote rounds: save the conference, accept a
 * round (with the rules it was computed with), override a verdict with a reason, record a rules
 * change that recomputed a round, and write next year's Khối trưởng and Khối phó. Each write is
 * one transaction.
 */
import {
  ConferenceSchema,
  VoteRoundSchema,
  YearSchema,
  yearRecordId,
  type AuditEntry,
  type Conference,
  type LeadershipSource,
  type StoredBallot,
  type VoteRound,
  type Year,
} from '../../../shared/model/records';
import { db } from './database';
import { newId, nowIso } from './ids';
import { checked } from './repo-common';
import { RepoError } from './repo-errors';
import { createYear } from './repo-years';

export type ConferenceDraft = Omit<Conference, 'id' | 'updatedAt'>;

export async function saveConference(draft: ConferenceDraft): Promise<Conference> {
  const record = checked(ConferenceSchema, { ...draft, id: yearRecordId(draft.blocId, draft.year), updatedAt: nowIso() }, `Hội nghị tổng kết năm ${draft.year}`);
  await db.conferences.put(record);
  return record;
}

export type RoundDraft = Omit<VoteRound, 'id' | 'status' | 'acceptedAt' | 'history' | 'updatedAt' | 'overrides' | 'ballotsBy' | 'secondEntryBy'> &
  Partial<Pick<VoteRound, 'ballotsBy' | 'secondEntryBy'>>;

/** Accepts a round: stored as accepted with its rules; a round of the same section and number is replaced (its history kept). */
export async function acceptRound(draft: RoundDraft, by = ''): Promise<VoteRound> {
  return db.transaction('rw', db.voteRounds, async () => {
    const same = (await db.voteRounds.where('[blocId+year]').equals([draft.blocId, draft.year]).toArray()).find(
      (r) => r.sectionId === draft.sectionId && r.round === draft.round,
    );
    const now = nowIso();
    const entry: AuditEntry = { at: now, by, action: same ? 'reaccept' : 'accept', target: draft.sectionId, old: null, new: `vòng ${draft.round}`, reason: '' };
    const record = checked(
      VoteRoundSchema,
      {
        ...draft,
        id: same?.id ?? newId(),
        overrides: same?.overrides ?? [],
        status: 'accepted',
        acceptedAt: now,
        history: [...(same?.history ?? []), entry],
        updatedAt: now,
      },
      `Kết quả kiểm phiếu vòng ${draft.round}`,
    );
    await db.voteRounds.put(record);
    return record;
  });
}

export interface PaperEntry {
  blocId: string;
  year: number;
  round: number;
  /** The sections of the paper (its round of each), with what a new draft of the section holds. */
  sections: { sectionId: string; candidates: string[]; seats: number }[];
  issued: number;
  /** The first entry (ballots) and the second, independent one (secondEntry), with who typed each; what is left out is kept. */
  entries: { ballots?: StoredBallot[]; ballotsBy?: string; secondEntry?: StoredBallot[]; secondEntryBy?: string };
}

/**
 * Ballots entered one by one, saved as they are typed: the same paper goes to the draft round of
 * every section it carries (a round already accepted keeps the ballots it was accepted with).
 * One transaction.
 */
export async function saveBallotEntries(p: PaperEntry): Promise<void> {
  await db.transaction('rw', db.voteRounds, async () => {
    const existing = await db.voteRounds.where('[blocId+year]').equals([p.blocId, p.year]).toArray();
    const now = nowIso();
    for (const s of p.sections) {
      const same = existing.find((r) => r.sectionId === s.sectionId && r.round === p.round);
      if (same?.status === 'accepted') continue;
      const base = same ?? {
        id: newId(),
        blocId: p.blocId,
        year: p.year,
        sectionId: s.sectionId,
        round: p.round,
        candidates: s.candidates,
        seats: s.seats,
        counts: { issued: 0, returned: 0, valid: 0, invalid: 0 },
        votes: {},
        status: 'draft' as const,
      };
      const record = checked(
        VoteRoundSchema,
        { ...base, counts: { ...base.counts, issued: p.issued }, ...p.entries, updatedAt: now },
        `Phiếu bầu vòng ${p.round}`,
      );
      await db.voteRounds.put(record);
    }
  });
}

/** The chair's decision on a tie at the cut line of a round: the units chosen and the reason (required). */
export async function recordChairDecision(roundId: string, decision: { winners: string[]; reason: string }, by = ''): Promise<VoteRound> {
  const reason = decision.reason.trim();
  if (!reason) throw new RepoError('decision-reason', 'Cần ghi lý do quyết định của chủ trì hội nghị.');
  if (decision.winners.length === 0) throw new RepoError('decision-empty', 'Chưa chọn đơn vị nào theo quyết định của chủ trì hội nghị.');
  return db.transaction('rw', db.voteRounds, async () => {
    const r = await db.voteRounds.get(roundId);
    if (!r) throw new RepoError('not-found', 'Không tìm thấy vòng bỏ phiếu (có thể đã bị xoá).');
    const now = nowIso();
    const entry: AuditEntry = { at: now, by, action: 'chairDecision', target: r.sectionId, old: null, new: decision.winners.join(', '), reason };
    const next = checked(VoteRoundSchema, { ...r, decision: { winners: decision.winners, reason }, history: [...r.history, entry], updatedAt: now }, `Vòng bỏ phiếu ${r.round}`);
    await db.voteRounds.put(next);
    return next;
  });
}

/** A verdict changed by hand: the reason is required, the computed verdict is kept beside it. */
export async function overrideVerdict(roundId: string, o: { unitId: string; winner: boolean; computed: boolean; reason: string }, by = ''): Promise<VoteRound> {
  const reason = o.reason.trim();
  if (!reason) throw new RepoError('override-reason', 'Cần ghi lý do khi thay đổi kết quả so với kết quả tính theo quy chế.');
  return db.transaction('rw', db.voteRounds, async () => {
    const r = await db.voteRounds.get(roundId);
    if (!r) throw new RepoError('not-found', 'Không tìm thấy vòng bỏ phiếu (có thể đã bị xoá).');
    const now = nowIso();
    const overrides = [...r.overrides.filter((x) => x.unitId !== o.unitId), { unitId: o.unitId, winner: o.winner, computed: o.computed, reason }];
    const entry: AuditEntry = { at: now, by, action: 'override', target: o.unitId, old: o.computed, new: o.winner, reason };
    const next = checked(VoteRoundSchema, { ...r, overrides, history: [...r.history, entry], updatedAt: now }, `Vòng bỏ phiếu ${r.round}`);
    await db.voteRounds.put(next);
    return next;
  });
}

/** The year's rules changed after a round was accepted: store the new rules and what changed (the verdict is recomputed from them). */
export async function recordRulesRecompute(roundId: string, rulesSnapshot: VoteRound['rulesSnapshot'], changes: string[], winners: { before: string; after: string }): Promise<VoteRound> {
  return db.transaction('rw', db.voteRounds, async () => {
    const r = await db.voteRounds.get(roundId);
    if (!r) throw new RepoError('not-found', 'Không tìm thấy vòng bỏ phiếu (có thể đã bị xoá).');
    const now = nowIso();
    const entry: AuditEntry = { at: now, by: '', action: 'recompute', target: r.sectionId, old: winners.before, new: winners.after, reason: changes.join(' ') };
    const next = checked(VoteRoundSchema, { ...r, rulesSnapshot, history: [...r.history, entry], updatedAt: now }, `Vòng bỏ phiếu ${r.round}`);
    await db.voteRounds.put(next);
    return next;
  });
}

/**
 * Next year's Khối trưởng and Khối phó, with how they were chosen. Year N+1 is created when
 * missing (members and rules copied from year N, as createYear does). Year N keeps its leader.
 */
export async function writeNextLeadership(blocId: string, year: number, leaderUnitId: string, deputyUnitId: string | null, source: LeadershipSource): Promise<Year> {
  if (leaderUnitId === deputyUnitId) throw new RepoError('same-leader-deputy', 'Khối trưởng và Khối phó phải là hai đơn vị khác nhau.');
  const next = year + 1;
  return db.transaction('rw', db.years, db.units, db.blocs, async () => {
    const existing = await db.years.where('[blocId+year]').equals([blocId, next]).first();
    const target = existing ?? (await createYear(blocId, next));
    for (const [uid, role] of [
      [leaderUnitId, 'Khối trưởng'],
      [deputyUnitId, 'Khối phó'],
    ] as const) {
      if (uid && !target.memberUnitIds.includes(uid)) throw new RepoError('role-not-member', `${role} năm ${next} phải là thành viên của năm ${next}.`);
    }
    const record = checked(
      YearSchema,
      { ...target, leaderUnitId, deputyUnitId, leadershipSource: source, updatedAt: nowIso() },
      `Năm thi đua ${next}`,
    );
    await db.years.put(record);
    return record;
  });
}
