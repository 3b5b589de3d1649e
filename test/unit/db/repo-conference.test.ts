/**
 * The conference's writes: a round accepted with its rules, an override needs a reason and keeps
 * the computed verdict, and next year's Khối trưởng and Khối phó create year N+1 (members and rules
 * copied) while year N keeps its leader.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/src/db/database';
import { acceptRound, overrideVerdict, recordChairDecision, recordRulesRecompute, saveBallotEntries, saveConference, writeNextLeadership } from '../../../renderer/src/db/repo-conference';
import { loadSample, readBlocData } from '../../../renderer/src/db/repo-package';
import { SAMPLE_BLOC_ID } from '../../../shared/sample/sample-bloc';
import type { StoredBallot } from '../../../shared/model/records';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

async function sample() {
  await loadSample(async () => 'replace');
  const data = await readBlocData(SAMPLE_BLOC_ID);
  const y2024 = data.years.find((y) => y.year === 2024)!;
  return { data, y2024, ids: y2024.memberUnitIds };
}

describe('conference and vote rounds', () => {
  it('stores the conference under the year, and an accepted round with its rules; accepting again replaces it', async () => {
    const { ids } = await sample();
    const c = await saveConference({
      blocId: SAMPLE_BLOC_ID, year: 2024, date: '2024-12-20', startTime: '08:00', endTime: '', place: 'Hội trường', chair: 'A', secretary: 'B',
      expectedUnitIds: ids, presentUnitIds: ids.slice(0, 6), guests: [], committee: [], spareBallots: 2, minutesReadAt: '',
    });
    expect(c.id).toBe(`${SAMPLE_BLOC_ID}:2024`);
    const draft = {
      blocId: SAMPLE_BLOC_ID, year: 2024, sectionId: 'award-gov-flag', round: 1, candidates: [], seats: 1,
      counts: { issued: 6, returned: 6, valid: 6, invalid: 0 }, invalidReasons: [], votes: { [ids[0]!]: 4 }, decision: null,
      rulesSnapshot: { quorum: null },
    };
    const first = await acceptRound(draft, 'Thư ký');
    expect(first).toMatchObject({ status: 'accepted', rulesSnapshot: { quorum: null } });
    const again = await acceptRound({ ...draft, votes: { [ids[0]!]: 5 } });
    expect(again.id).toBe(first.id);
    expect(again.history.map((h) => h.action)).toEqual(['accept', 'reaccept']);
    expect(await db.voteRounds.count()).toBe(1);
  });

  it('refuses an override without a reason and keeps the computed verdict beside one with a reason', async () => {
    const { ids } = await sample();
    const r = await acceptRound({
      blocId: SAMPLE_BLOC_ID, year: 2024, sectionId: 'award-gov-flag', round: 1, candidates: [], seats: 1,
      counts: { issued: 6, returned: 6, valid: 6, invalid: 0 }, invalidReasons: [], votes: {}, decision: null, rulesSnapshot: {},
    });
    await expect(overrideVerdict(r.id, { unitId: ids[0]!, winner: true, computed: false, reason: '  ' })).rejects.toThrow('Cần ghi lý do');
    const o = await overrideVerdict(r.id, { unitId: ids[0]!, winner: true, computed: false, reason: 'Hội nghị thống nhất' });
    expect(o.overrides).toEqual([{ unitId: ids[0], winner: true, computed: false, reason: 'Hội nghị thống nhất' }]);
    expect(o.history.at(-1)).toMatchObject({ action: 'override', old: false, new: true, reason: 'Hội nghị thống nhất' });
  });
});

describe('ballots entered one by one', () => {
  it('saves each entry to the draft round of every section of the paper, and never touches a round already accepted', async () => {
    const { ids } = await sample();
    const accepted = await acceptRound({
      blocId: SAMPLE_BLOC_ID, year: 2024, sectionId: 'gov', round: 1, candidates: [], seats: 1,
      counts: { issued: 6, returned: 6, valid: 6, invalid: 0 }, invalidReasons: [], votes: {}, decision: null, rulesSnapshot: {},
    });
    const paper = {
      blocId: SAMPLE_BLOC_ID, year: 2024, round: 1, issued: 7,
      sections: ['gov', 'prov', 'cert'].map((sectionId) => ({ sectionId, candidates: ids, seats: 1 })),
    };
    const first: StoredBallot[] = [{ marks: { prov: [ids[0]!], cert: { [ids[1]!]: 'agree' } } }, { unstamped: true, marks: {} }];
    await saveBallotEntries({ ...paper, entries: { ballots: first, ballotsBy: 'Lê Văn Cường' } });
    await saveBallotEntries({ ...paper, entries: { secondEntry: [first[0]!], secondEntryBy: 'Phạm Thị Dung' } });
    const rounds = await db.voteRounds.toArray();
    expect(rounds).toHaveLength(3);
    expect(await db.voteRounds.get(accepted.id)).toEqual(accepted);
    for (const id of ['prov', 'cert']) {
      const r = rounds.find((x) => x.sectionId === id)!;
      expect(r).toMatchObject({ status: 'draft', round: 1, ballots: first, ballotsBy: 'Lê Văn Cường', secondEntry: [first[0]], secondEntryBy: 'Phạm Thị Dung' });
      expect(r.counts.issued).toBe(7);
    }
    // Saving again updates the same drafts (no new record).
    await saveBallotEntries({ ...paper, entries: { ballots: [] } });
    expect(await db.voteRounds.count()).toBe(3);
    const prov = (await db.voteRounds.toArray()).find((x) => x.sectionId === 'prov')!;
    expect([prov.ballots, prov.ballotsBy, prov.secondEntry]).toEqual([[], 'Lê Văn Cường', [first[0]]]);
  });
});

describe("the chair's decision on a tie", () => {
  it('needs a reason and a unit, and is stored on the round with its audit entry', async () => {
    const { ids } = await sample();
    const r = await acceptRound({
      blocId: SAMPLE_BLOC_ID, year: 2024, sectionId: 'gov', round: 1, candidates: [], seats: 1,
      counts: { issued: 6, returned: 6, valid: 6, invalid: 0 }, invalidReasons: [], votes: { [ids[0]!]: 3, [ids[1]!]: 3 }, decision: null, rulesSnapshot: {},
    });
    await expect(recordChairDecision(r.id, { winners: [ids[0]!], reason: ' ' })).rejects.toThrow('Cần ghi lý do');
    await expect(recordChairDecision(r.id, { winners: [], reason: 'x' })).rejects.toThrow('Chưa chọn đơn vị');
    const d = await recordChairDecision(r.id, { winners: [ids[0]!], reason: 'Đơn vị có nhiều thành tích nổi bật hơn' }, 'Chủ trì');
    expect(d.decision).toEqual({ winners: [ids[0]], reason: 'Đơn vị có nhiều thành tích nổi bật hơn' });
    expect(d.history.at(-1)).toMatchObject({ action: 'chairDecision', by: 'Chủ trì', reason: 'Đơn vị có nhiều thành tích nổi bật hơn' });
  });
});

describe('a rules change after acceptance', () => {
  it('stores the new rules with the round and records what changed in its history', async () => {
    const { ids } = await sample();
    const r = await acceptRound({
      blocId: SAMPLE_BLOC_ID, year: 2024, sectionId: 'award-gov-flag', round: 1, candidates: [], seats: 1,
      counts: { issued: 6, returned: 6, valid: 6, invalid: 0 }, invalidReasons: [], votes: { [ids[0]!]: 4 }, decision: null, rulesSnapshot: { quorum: null },
    });
    const next = await recordRulesRecompute(r.id, { quorum: { num: 1, den: 2 } }, ['Số đơn vị có mặt tối thiểu: không quy định → từ 1/2 trở lên.'], { before: 'Sở Y tế', after: 'không có' });
    expect(next.rulesSnapshot).toEqual({ quorum: { num: 1, den: 2 } });
    expect(next.history.at(-1)).toMatchObject({ action: 'recompute', old: 'Sở Y tế', new: 'không có', reason: 'Số đơn vị có mặt tối thiểu: không quy định → từ 1/2 trở lên.' });
    // The entry itself is unchanged.
    expect(next.votes).toEqual(r.votes);
  });
});

describe("next year's leadership", () => {
  it('creates year N+1 with the members and rules of N, writes the leader, deputy and source; year N keeps its own', async () => {
    const { y2024, ids } = await sample();
    const next = await writeNextLeadership(SAMPLE_BLOC_ID, 2024, ids[2]!, ids[3]!, { mode: 'vote', fromYear: 2024, note: 'Bầu tại hội nghị' });
    expect(next).toMatchObject({ year: 2025, leaderUnitId: ids[2], deputyUnitId: ids[3], leadershipSource: { mode: 'vote', fromYear: 2024 } });
    expect(next.memberUnitIds).toEqual(y2024.memberUnitIds);
    expect(next.rules).toEqual(y2024.rules);
    const still = await db.years.get(y2024.id);
    expect([still!.leaderUnitId, still!.deputyUnitId]).toEqual([y2024.leaderUnitId, y2024.deputyUnitId]);
    // Writing again updates the same year N+1.
    await writeNextLeadership(SAMPLE_BLOC_ID, 2024, ids[4]!, null, { mode: 'appointed', fromYear: 2024, decisionNumber: '12/QĐ-UBND', decisionDate: '2025-01-05' });
    expect((await db.years.where('blocId').equals(SAMPLE_BLOC_ID).toArray()).filter((y) => y.year === 2025)).toHaveLength(1);
  });

  it('never makes the leader the deputy', async () => {
    const { ids } = await sample();
    await expect(writeNextLeadership(SAMPLE_BLOC_ID, 2024, ids[0]!, ids[0]!, { mode: 'vote', fromYear: 2024 })).rejects.toThrow('hai đơn vị khác nhau');
    expect(await db.years.where('blocId').equals(SAMPLE_BLOC_ID).filter((y) => y.year === 2025).count()).toBe(0);
  });
});
