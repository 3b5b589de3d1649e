import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/src/db/database';
import { storedScore } from '../db/stored-scores';
import { replaceBloc, readBlocData } from '../../../renderer/src/db/repo-package';
import {
  acceptSelfScores,
  decideExplanation,
  lockUnit,
  lockYear,
  recordExplanation,
  setChairDecision,
  setEligibility,
  setVerificationTeam,
  setVerifiedScore,
  unlockUnit,
  unlockYear,
} from '../../../renderer/src/db/repo-verification';
import { yearRanking } from '../../../electron/services/ranking/year-ranking';
import { smallBloc } from '../db/fixtures';
import { actorChoices, parseTeamLines, teamLines } from '../../../shared/domain/verification-team';

const k = { blocId: 'khoi-a', year: 2024 };
const SYT = 'khoi-a-SYT';
const SGD = 'khoi-a-SGDDT';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  const data = smallBloc();
  data.scores.push({ ...data.scores[0]!, id: `2024:${SGD}:1`, unitId: SGD, self: 9 });
  await replaceBloc(data);
});

describe('verified scores', () => {
  it('a change away from the self score needs a reason, and is kept in the score history and the unit audit', async () => {
    await expect(setVerifiedScore(k, SYT, '1', 7.5, '  ', 'Thư ký')).rejects.toThrow(/Sở Y tế, tiêu chí 1: điểm thẩm định 7,5 khác điểm tự chấm 9, cần ghi lý do/);
    expect((await storedScore(`2024:${SYT}:1`))!.verified).toBeNull();
    const score = await setVerifiedScore(k, SYT, '1', 7.5, 'Thiếu minh chứng', 'Thư ký');
    expect(score.verified).toBe(7.5);
    expect(score.history.at(-1)).toMatchObject({ field: 'verified', old: null, new: 7.5, reason: 'Thiếu minh chứng', by: 'Thư ký' });
    const review = (await db.unitReviews.get(`2024:${SYT}`))!;
    expect(review.status).toBe('reviewing');
    expect(review.history.map((h) => [h.action, h.old, h.new])).toEqual([
      ['status', null, 'reviewing'],
      ['verify', null, 7.5],
    ]);
  });

  it('accepting takes the self score for cells not verified yet, and leaves verified ones alone', async () => {
    await setVerifiedScore(k, SYT, '1', 8, 'Sai', 'Tổ thẩm định: Lê Văn B');
    expect(await acceptSelfScores(k, [{ unitId: SYT, code: '1' }, { unitId: SGD, code: '1' }], 'Thư ký')).toBe(1);
    expect((await storedScore(`2024:${SGD}:1`))!.verified).toBe(9);
    expect((await storedScore(`2024:${SYT}:1`))!.verified).toBe(8);
  });
});

describe('explanations', () => {
  it('records an explanation for a changed score and restoring gives the self score back, with the reason', async () => {
    await expect(recordExplanation(k, SYT, '1', { text: 'Có minh chứng', date: '2024-12-10', documentNumber: '12/SYT' }, 'Thư ký')).rejects.toThrow(/chưa bị thay đổi/);
    await setVerifiedScore(k, SYT, '1', 7, 'Thiếu minh chứng', 'Thư ký');
    const e = await recordExplanation(k, SYT, '1', { text: 'Đã bổ sung minh chứng', date: '2024-12-10', documentNumber: '12/SYT' }, 'Thư ký');
    await expect(decideExplanation(k, e.id, 'restored', '', 'Thư ký')).rejects.toThrow(/cần ghi lý do trả lại điểm tự chấm/);
    const decided = await decideExplanation(k, e.id, 'restored', 'Minh chứng hợp lệ', 'Thư ký');
    expect(decided).toMatchObject({ outcome: 'restored', outcomeReason: 'Minh chứng hợp lệ', decidedBy: 'Thư ký' });
    const score = (await storedScore(`2024:${SYT}:1`))!;
    expect(score.verified).toBe(9);
    expect(score.history.at(-1)).toMatchObject({ old: 7, new: 9, reason: 'Minh chứng hợp lệ' });
  });
});

describe('locks', () => {
  it('a locked unit refuses changes until unlocked with a reason; the unlock is recorded', async () => {
    await lockUnit(k, SYT, 'Thư ký');
    await expect(setVerifiedScore(k, SYT, '1', 8, 'Sai', 'Thư ký')).rejects.toThrow(/Điểm của Sở Y tế năm 2024 đã khóa/);
    await expect(acceptSelfScores(k, [{ unitId: SYT, code: '1' }], 'Thư ký')).rejects.toThrow(/đã khóa/);
    // The other unit is not frozen.
    await setVerifiedScore(k, SGD, '1', 8, 'Sai', 'Thư ký');
    await expect(unlockUnit(k, SYT, ' ', 'Thư ký')).rejects.toThrow(/cần ghi lý do/);
    const review = await unlockUnit(k, SYT, 'Phúc tra theo đơn kiến nghị', 'Thư ký');
    expect(review.status).toBe('reviewing');
    expect(review.history.at(-1)).toMatchObject({ action: 'unlock', old: 'locked', new: 'reviewing', reason: 'Phúc tra theo đơn kiến nghị' });
    await setVerifiedScore(k, SYT, '1', 8, 'Sai', 'Thư ký');
  });

  it('a locked year freezes every unit; unlocking it needs a reason', async () => {
    await lockYear(k, 'Thư ký');
    await expect(setVerifiedScore(k, SGD, '1', 8, 'Sai', 'Thư ký')).rejects.toThrow(/năm 2024 đã khóa/);
    await expect(unlockYear(k, '', 'Thư ký')).rejects.toThrow(/cần ghi lý do/);
    const yr = await unlockYear(k, 'Phúc tra', 'Thư ký');
    expect(yr.history.map((h) => h.action)).toEqual(['lock', 'unlock']);
    await setVerifiedScore(k, SGD, '1', 8, 'Sai', 'Thư ký');
  });
});

describe('eligibility and chair decisions reach the ranking', () => {
  it('the stored ineligibility and the chair decision are what yearRanking uses', async () => {
    await expect(setEligibility(k, SGD, false, 'Bị kỷ luật', '', 'Thư ký')).rejects.toThrow(/văn bản làm căn cứ/);
    await setEligibility(k, SGD, false, 'Bị kỷ luật', 'QĐ 12/QĐ-UBND ngày 01/12/2024', 'Thư ký');
    let ranking = yearRanking(await readBlocData('khoi-a'), 2024).result;
    expect(ranking.entries.find((e) => e.unitId === SGD)).toMatchObject({ eligible: false });
    // SYT and SGDDT tie at 9; the default tie rules end with a decision to take.
    const tied = ranking.entries.filter((e) => e.rank === 1).map((e) => e.unitId);
    expect(tied.sort()).toEqual([SGD, SYT].sort());
    await setChairDecision(k, [SYT, SGD], [SGD, SYT], 'Chủ trì quyết định theo biểu quyết', 'Thư ký');
    ranking = yearRanking(await readBlocData('khoi-a'), 2024).result;
    expect(ranking.entries.slice(0, 2).map((e) => [e.unitId, e.rank])).toEqual([
      [SGD, 1],
      [SYT, 2],
    ]);
  });
});

describe('other writers of scores respect the locks', () => {
  it('an import into a locked unit is refused and writes nothing; after the unlock it goes through', async () => {
    const { commitImport } = await import('../../../renderer/src/features/assessment/assessment-store');
    const report = {
      file: 'SYT.xlsx', ok: true, refused: false, unit: 'SYT', unitId: SYT, year: 2024, tableVersion: 1, size: 100, sha256: 'ab'.repeat(32),
      scores: [{ code: '1', value: 7, max: 10, sheet: 'Tự chấm điểm', cell: 'E8', note: '', found: true }],
      errors: [], warnings: [],
    };
    await lockUnit(k, SYT, 'Thư ký');
    await expect(commitImport(k.blocId, k.year, [report], 'Thư ký')).rejects.toThrow(/Điểm của Sở Y tế năm 2024 đã khóa/);
    expect((await storedScore(`2024:${SYT}:1`))!.self).toBe(9);
    expect(await db.importBatches.count()).toBe(0);
    await unlockUnit(k, SYT, 'Đơn vị gửi lại phiếu', 'Thư ký');
    await commitImport(k.blocId, k.year, [report], 'Thư ký');
    expect((await storedScore(`2024:${SYT}:1`))!.self).toBe(7);
  });
});

describe('the verification team (tổ thẩm định)', () => {
  it('is read one member per line, with its unit after a dash; problems name their line', () => {
    const read = parseTeamLines('  Nguyễn Văn An – Sở Tài chính\n\nTrần Thị Bình - Sở Nội vụ\nLê Cường\n');
    expect(read).toEqual({
      ok: true,
      team: [
        { name: 'Nguyễn Văn An', unit: 'Sở Tài chính' },
        { name: 'Trần Thị Bình', unit: 'Sở Nội vụ' },
        { name: 'Lê Cường', unit: '' },
      ],
    });
    if (read.ok) expect(parseTeamLines(teamLines(read.team))).toEqual(read);
    // A hyphen inside a name (no spaces around it) is part of the name.
    expect(parseTeamLines('H-Mai Niê – Sở Y tế')).toEqual({ ok: true, team: [{ name: 'H-Mai Niê', unit: 'Sở Y tế' }] });
    expect(parseTeamLines('Nguyễn Văn An\nnguyễn văn an – Sở Y tế')).toEqual({ ok: false, message: 'Dòng 2: "nguyễn văn an" đã có trong tổ thẩm định.' });
    expect(parseTeamLines('An\n – Sở Y tế')).toEqual({ ok: false, message: 'Dòng 2: thiếu họ tên thành viên.' });
    expect(parseTeamLines(Array.from({ length: 31 }, (_, i) => `Người ${i + 1}`).join('\n'))).toMatchObject({ ok: false, message: 'Tổ thẩm định có 31 người, nhiều nhất 30.' });
  });

  it('the people offered as acting: the secretary first, then the team, each once', () => {
    expect(actorChoices('Trần Thị Bình', [{ name: 'Nguyễn Văn An', unit: '' }, { name: 'trần thị bình', unit: 'Sở Nội vụ' }])).toEqual(['Trần Thị Bình', 'Nguyễn Văn An']);
    expect(actorChoices('  ', [{ name: 'Nguyễn Văn An', unit: '' }])).toEqual(['Nguyễn Văn An']);
  });

  it('is stored on the year review with an audit entry, travels in the package, and an unchanged list writes nothing', async () => {
    const team = [{ name: 'Nguyễn Văn An', unit: 'Sở Tài chính' }, { name: 'Trần Thị Bình', unit: '' }];
    const saved = await setVerificationTeam(k, team, 'Thư ký');
    expect(saved.team).toEqual(team);
    expect(saved.history.at(-1)).toMatchObject({ action: 'team', by: 'Thư ký', old: null, new: 'Nguyễn Văn An – Sở Tài chính\nTrần Thị Bình' });
    const again = await setVerificationTeam(k, team, 'Nguyễn Văn An');
    expect(again.history).toHaveLength(saved.history.length);
    // Acting as a team member is recorded under that name.
    const score = await setVerifiedScore(k, SYT, '1', 8, 'Thiếu minh chứng', 'Nguyễn Văn An');
    expect(score.history.at(-1)!.by).toBe('Nguyễn Văn An');
    const pkg = await readBlocData(k.blocId);
    expect(pkg.yearReviews.find((r) => r.year === 2024)!.team).toEqual(team);
    await expect(setVerificationTeam(k, team, '  ')).rejects.toThrow(/Chưa có tên người thực hiện/);
  });
});
