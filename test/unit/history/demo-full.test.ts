import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { readPackageFile } from '../../../electron/services/handover/package-file';
import { blocHistory } from '../../../shared/domain/history';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('demo --full', () => {
  it('writes every year scored, verified and voted on with its history, one import batch per year, and a package that reads back', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'blocdesk-demo-full-')), 'day-du.blocdesk');
    const r = await cli('demo', '--out', out, '--years', '3', '--units', '5', '--criteria', '12', '--full');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('180 điểm chấm có lịch sử thẩm định, 3 năm đã bình xét tại hội nghị tổng kết');
    const { data } = await readPackageFile(out);
    // 2025: the leaders the 2024 conference elected.
    expect(data.years.map((y) => y.year)).toEqual([2022, 2023, 2024, 2025]);
    expect(data.scores).toHaveLength(3 * 5 * 12);
    expect(data.scores.every((s) => s.verified !== null && s.history.map((h) => h.field).join() === 'self,verified')).toBe(true);
    expect(data.importBatches.map((b) => [b.year, b.files.length, b.changes.length])).toEqual([
      [2022, 5, 60],
      [2023, 5, 60],
      [2024, 5, 60],
    ]);
    const history = blocHistory(data);
    expect(history.years.map((y) => y.rankedCount)).toEqual([5, 5, 5, 0]);
    // Each year's awards are those its vote proposed: 1 + 2 of the 5 units (the certificate's 3 seats find 2 left).
    expect(history.years.map((y) => y.awards.length)).toEqual([5, 5, 5, 0]);
  });

  it('without --full a synthetic bloc has no scores and no vote', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'blocdesk-demo-full-')), 'trong.blocdesk');
    expect((await cli('demo', '--out', out, '--years', '2', '--units', '3', '--criteria', '5')).code).toBe(0);
    const { data } = await readPackageFile(out);
    expect(data.scores).toEqual([]);
    expect(data.voteRounds).toEqual([]);
  });
});
