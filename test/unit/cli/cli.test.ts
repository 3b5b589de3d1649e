import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}
const dir = () => mkdtempSync(join(tmpdir(), 'blocdesk-cli-'));

describe('CLI', () => {
  it('demo writes the sample bloc and package-info reads it back', async () => {
    const out = join(dir(), 'mau.blocdesk');
    const demo = await cli('demo', '--out', out);
    expect(demo.code).toBe(0);
    const info = await cli('package-info', out);
    expect(info.code).toBe(0);
    const json = JSON.parse(info.stdout) as {
      bloc: { name: string };
      units: { code: string; name: string; head: string; headTitle: string }[];
      years: { year: number; leader: string | null; deputy: string | null; criteria: number; hasPledge: boolean }[];
      formatVersion: number;
      schemaVersion: number;
    };
    expect(json.bloc.name).toBe('Khối các Sở, ban, ngành tham mưu và quản lý Nhà nước về văn hóa - xã hội');
    expect(json.units).toHaveLength(8);
    expect(json.units[0]).toMatchObject({ code: 'SYT', name: 'Sở Y tế', head: 'Nguyễn Văn An', headTitle: 'Giám đốc' });
    expect(json.years).toMatchObject([
      { year: 2023, leader: 'SYT', deputy: 'SGDDT' },
      { year: 2024, leader: 'DPTTH', deputy: null, criteria: 22, hasPledge: true },
    ]);
    expect(json.formatVersion).toBe(1);
    expect(json.schemaVersion).toBeGreaterThanOrEqual(3);
  });

  it('demo makes a synthetic bloc of the requested size', async () => {
    const out = join(dir(), 'lon.blocdesk');
    expect((await cli('demo', '--out', out, '--units', '40', '--criteria', '150', '--years', '2')).code).toBe(0);
    const json = JSON.parse((await cli('package-info', out)).stdout) as { units: unknown[]; years: { criteria: number }[] };
    expect(json.units).toHaveLength(40);
    expect(json.years.map((y) => y.criteria)).toEqual([150, 150]);
  });

  it('exits 1 with one Vietnamese line and no stack trace on a bad file', async () => {
    const bad = join(dir(), 'hong.blocdesk');
    writeFileSync(bad, 'không phải gói');
    const r = await cli('package-info', bad);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('không phải gói bàn giao BlocDesk');
    expect(r.stderr).not.toMatch(/\bat \w+ \(/);
    const missing = await cli('package-info', join(dir(), 'khong-co.blocdesk'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Không tìm thấy tệp');
  });

  it('exits 2 on wrong usage', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli('khong-co-lenh')).code).toBe(2);
    expect((await cli('demo')).code).toBe(2);
    expect((await cli('demo', '--out', 'x', '--units', 'nhiều')).code).toBe(2);
    expect((await cli('package-info')).code).toBe(2);
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('package-info');
  });
});
