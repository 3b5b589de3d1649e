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
  it('writes every year scored and verified with its history, one import batch per year, and a package that reads back', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'blocdesk-demo-full-')), 'day-du.blocdesk');
    const r = await cli('demo', '--out', out, '--years', '3', '--units', '5', '--criteria', '12', '--full');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('180 điểm chấm có lịch sử thẩm định');
    const { data } = await readPackageFile(out);
    expect(data.years.map((y) => y.year)).toEqual([2022, 2023, 2024]);
    expect(data.scores).toHaveLength(3 * 5 * 12);
    expect(data.scores.every((s) => s.verified !== null && s.history.map((h) => h.field).join() === 'self,verified')).toBe(true);
    expect(data.importBatches.map((b) => [b.year, b.files.length, b.changes.length])).toEqual([
      [2022, 5, 60],
      [2023, 5, 60],
      [2024, 5, 60],
    ]);
    expect(blocHistory(data).years.map((y) => y.rankedCount)).toEqual([5, 5, 5]);
  });

  it('without --full the bloc has no scores', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'blocdesk-demo-full-')), 'trong.blocdesk');
    expect((await cli('demo', '--out', out, '--years', '2', '--units', '3', '--criteria', '5')).code).toBe(0);
    expect((await readPackageFile(out)).data.scores).toEqual([]);
  });
});
