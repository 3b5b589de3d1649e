import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { runCli } from '../../../electron/cli/main';
import { buildSampleBlocData } from '../../../shared/sample/sample-bloc';
import { entry, forgeZip, manifestFor, rawPackage, sha } from '../handover/forge';

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
      // Elected at the 2024 conference.
      { year: 2025, leader: 'SLDTBXH', deputy: 'SVHTTDL', criteria: 0, hasPledge: false },
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

describe('CLI package-info on hostile packages', () => {
  const write = (name: string, bytes: Uint8Array) => {
    const path = join(dir(), name);
    writeFileSync(path, bytes);
    return path;
  };
  const sample = () => JSON.parse(JSON.stringify(buildSampleBlocData('2026-11-20T08:00:00.000Z'))) as Record<string, any>;

  const cases: [string, () => Uint8Array, RegExp][] = [
    [
      'JSON nested 100 000 levels deep',
      () => {
        const d = sample();
        return rawPackage(JSON.stringify(d).replace('"province":', `"x":${'['.repeat(100_000)}${']'.repeat(100_000)},"province":`), { manifestData: d });
      },
      /lồng nhau sâu/,
    ],
    [
      'overlapping entries',
      () => {
        const d = sample();
        const data = strToU8(JSON.stringify(d));
        const manifest = strToU8(JSON.stringify(manifestFor(d, { 'data.json': sha(data) })));
        const first = entry('data.json', data, 0);
        // manifest.json's data is declared to run over data.json's bytes (sizes lie in both headers).
        return forgeZip([{ ...entry('manifest.json', manifest, 0), compressedSize: manifest.length + 30 + 9 + data.length, uncompressedSize: manifest.length + 30 + 9 + data.length, crc: 0 }, first]);
      },
      /không an toàn/,
    ],
    [
      'an entry with ../ listed in the manifest',
      () => {
        const d = sample();
        const data = strToU8(JSON.stringify(d));
        const evil = strToU8('x');
        const manifest = strToU8(JSON.stringify(manifestFor(d, { 'data.json': sha(data), '../evil.txt': sha(evil) })));
        return forgeZip([entry('data.json', data), entry('../evil.txt', evil), entry('manifest.json', manifest)]);
      },
      /ra ngoài thư mục/,
    ],
    [
      'an impossible date',
      () => {
        const d = sample();
        d.units[0].createdAt = '0000-00-00';
        return rawPackage(d);
      },
      /Thời điểm không hợp lệ/,
    ],
  ];
  for (const [what, make, message] of cases) {
    it(`exits 1 with one Vietnamese line: ${what}`, async () => {
      const r = await cli('package-info', write('thu.blocdesk', make()));
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\bat \w+ \(|Maximum call stack|Error|expected/);
    });
  }
});
