/**
 * The demo's latest year carries its whole year-end as the app records it: scores verified with
 * reasons, every unit and the year locked, the ranking, the conference, the accepted vote rounds
 * and next year's leaders elected; the package passes the consistency checks and imports in the app.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { readPackageFile } from '../../../electron/services/handover/package-file';
import { yearRanking } from '../../../electron/services/ranking/year-ranking';
import { db } from '../../../renderer/src/db/database';
import { addBlocAsNew, readBlocData, replaceBloc } from '../../../renderer/src/db/repo-package';
import { isChangedScore } from '../../../shared/domain/verification';
import { roundRuleChanges, storedVoteOf } from '../../../shared/domain/vote/stored';
import { rulesOf } from '../../../shared/domain/vote/rules';
import { tally } from '../../../shared/domain/vote/tally';
import { leadershipTallyInputFromYear, tallyInputFromYear } from '../../../shared/domain/vote/year-input';
import { voteContextOf } from '../../../shared/domain/vote/context';
import type { BlocData } from '../../../shared/model/records';
import { consistencyProblems } from '../../../shared/package/consistency';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'blocdesk-demo-year-end-'));
let data: BlocData;
const code = (id: string | null) => data.units.find((u) => u.id === id)?.code ?? null;

/** Every list of records in id order (the app reads them back in its own order). */
function byId(d: BlocData): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(d).map(([k, v]) => [k, Array.isArray(v) ? [...(v as { id: string }[])].sort((a, b) => a.id.localeCompare(b.id)) : v]),
  );
}

beforeAll(async () => {
  const out = join(dir, 'demo.blocdesk');
  const r = await cli('demo', '--out', out);
  expect(r.stderr).toBe('');
  expect(r.stdout).toContain('1 năm đã bình xét tại hội nghị tổng kết');
  data = (await readPackageFile(out)).data;
});

describe('demo: the latest year-end', () => {
  it('scores every member of 2024 and verifies them, a few criteria lowered with the reason', () => {
    const scores = data.scores.filter((s) => s.year === 2024);
    expect(scores).toHaveLength(8 * 22);
    expect(scores.every((s) => s.self !== null && s.verified !== null)).toBe(true);
    const changed = scores.filter(isChangedScore);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(scores.length / 2);
    expect(changed.every((s) => s.history.at(-1)!.reason.includes('Minh chứng chưa đầy đủ'))).toBe(true);
  });

  it('locks every unit and the year, and ranks every member', () => {
    const reviews = data.unitReviews.filter((r) => r.year === 2024);
    expect(reviews).toHaveLength(8);
    expect(reviews.every((r) => r.status === 'locked' && r.lockedAt && r.eligible)).toBe(true);
    expect(data.yearReviews.find((r) => r.year === 2024)?.lockedAt).toBeTruthy();
    const ranks = yearRanking(data, 2024).result.entries.map((e) => e.rank);
    expect(ranks).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('records the conference: date, place, chair, secretary, 7 of 8 units present, a committee of 3', () => {
    const c = data.conferences.find((x) => x.year === 2024)!;
    expect(c).toMatchObject({ date: '2025-01-10', startTime: '08:00', place: 'Hội trường Sở Y tế, số 2 đường Lê Hoàn' });
    expect(c.chair).toBe('Đồng chí Vũ Quốc Khánh, Giám đốc Đài Phát thanh và Truyền hình tỉnh, Khối trưởng');
    expect(c.secretary).toMatch(/^Đồng chí /);
    expect(c.presentUnitIds).toHaveLength(7);
    expect(c.presentUnitIds.map(code)).toContain('DPTTH');
    expect(c.committee.map((m) => m.role)).toEqual(['head', 'member', 'member']);
  });

  it('stores accepted rounds whose winners, read back by the engine, are the best ranked units', () => {
    const stored = storedVoteOf(data, 2024);
    expect(Object.keys(stored.rounds).sort()).toEqual(['award-certificate', 'award-gov-flag', 'award-prov-flag', 'deputy', 'leader']);
    const ctx = voteContextOf(data, 2024)!;
    const awards = tally(tallyInputFromYear(ctx));
    expect(awards.consistent).toBe(true);
    const order = yearRanking(data, 2024).result.entries.map((e) => e.code);
    const winners = Object.fromEntries(awards.sections.map((s) => [s.id, [...s.winners].sort()]));
    expect(winners).toEqual({
      'award-gov-flag': order.slice(0, 1),
      'award-prov-flag': order.slice(1, 3).sort(),
      'award-certificate': order.slice(3, 6).sort(),
    });
  });

  it('stores each round with the rules it was counted under, so the conference screen sees no rule changed since', () => {
    const ctx = voteContextOf(data, 2024)!;
    const inputs = [tallyInputFromYear(ctx), leadershipTallyInputFromYear(ctx)!];
    for (const r of data.voteRounds) {
      const input = inputs.find((i) => i.sections.some((s) => s.id === r.sectionId))!;
      expect(Object.keys(r.rulesSnapshot)).toContain('sections');
      expect(roundRuleChanges(r.rulesSnapshot, rulesOf(input), r.sectionId)).toEqual([]);
    }
    expect(data.voteRounds.every((r) => r.status === 'accepted' && r.acceptedAt)).toBe(true);
  });

  it("writes 2025's Khối trưởng and Khối phó from the leadership vote", () => {
    const offices = tally(leadershipTallyInputFromYear(voteContextOf(data, 2024)!)!);
    const next = data.years.find((y) => y.year === 2025)!;
    expect(code(next.leaderUnitId)).toBe(offices.sections.find((s) => s.id === 'leader')!.winners[0]);
    expect(code(next.deputyUnitId)).toBe(offices.sections.find((s) => s.id === 'deputy')!.winners[0]);
    expect(next.leaderUnitId).not.toBe(next.deputyUnitId);
    expect(next.leadershipSource).toMatchObject({ mode: 'vote', fromYear: 2024 });
    expect(next.memberUnitIds).toEqual(data.years.find((y) => y.year === 2024)!.memberUnitIds);
  });

  it('passes the package consistency checks and imports in the app, as is and as a new bloc', async () => {
    expect(consistencyProblems(data)).toEqual([]);
    await Promise.all(db.tables.map((t) => t.clear()));
    await replaceBloc(data);
    expect(byId(await readBlocData(data.bloc.id))).toEqual(byId(data));
    const copy = await addBlocAsNew(data);
    const again = await readBlocData(copy);
    expect(again.voteRounds).toHaveLength(data.voteRounds.length);
    expect(consistencyProblems(again)).toEqual([]);
  });
});

describe('demo options', () => {
  it('--bare leaves the latest year unscored and without a vote', async () => {
    const out = join(dir, 'bare.blocdesk');
    expect((await cli('demo', '--out', out, '--bare')).code).toBe(0);
    const bare = (await readPackageFile(out)).data;
    expect(bare.scores).toEqual([]);
    expect(bare.voteRounds).toEqual([]);
    expect(bare.years.map((y) => y.year)).toEqual([2023, 2024]);
    expect((await cli('demo', '--out', out, '--bare', '--full')).code).toBe(2);
  });

  it('--full on a synthetic bloc votes every scored year, each vote electing the next year\'s leaders', async () => {
    const out = join(dir, 'full.blocdesk');
    expect((await cli('demo', '--out', out, '--years', '3', '--units', '6', '--criteria', '8', '--full')).code).toBe(0);
    const full = (await readPackageFile(out)).data;
    expect(full.years.map((y) => y.year)).toEqual([2022, 2023, 2024, 2025]);
    expect([...new Set(full.voteRounds.map((r) => r.year))]).toEqual([2022, 2023, 2024]);
    for (const y of [2023, 2024, 2025]) expect(full.years.find((x) => x.year === y)!.leadershipSource).toMatchObject({ mode: 'vote', fromYear: y - 1 });
    expect(consistencyProblems(full)).toEqual([]);
  });
});
