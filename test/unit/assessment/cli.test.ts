import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { buildPackage } from '../../../electron/services/handover/package-file';
import type { InspectReport } from '../../../shared/domain/assessment-import';
import { runPython, tempDir } from './corpus-tools';
import { sampleBloc } from './fixtures';

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

let dir: string;
let pkg: string;
beforeAll(() => {
  dir = tempDir('assessment-cli');
  pkg = join(dir, 'khoi.blocdesk');
  writeFileSync(pkg, buildPackage(sampleBloc(), { createdBy: 'test', appName: 'BlocDesk', appVersion: '0.1.0', now: '2024-12-01T00:00:00.000Z' }));
});

describe('CLI template and inspect', () => {
  it('writes one unit template and inspects it blank (exit 0, every criterion null with its cell)', async () => {
    const out = join(dir, 'TuCham_2024_SYT.xlsx');
    const t = await cli(['template', '--data', pkg, '--year', '2024', '--unit', 'SYT', '--out', out]);
    expect(t.code).toBe(0);
    expect(t.out).toContain('Sở Y tế');
    const r = await cli(['inspect', '--data', pkg, '--year', '2024', out]);
    expect(r.code).toBe(0);
    const reports = JSON.parse(r.out) as InspectReport[];
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ file: 'TuCham_2024_SYT.xlsx', ok: true, unit: 'SYT', year: 2024 });
    expect(reports[0]!.scores[0]).toEqual({ code: '1.1', value: null, max: 20, sheet: 'Tự chấm điểm', cell: 'E9', note: '', found: true });
  });

  it('writes all templates into a folder; a file with errors gives exit 1', async () => {
    const outDir = join(dir, 'all');
    const t = await cli(['template', '--data', pkg, '--year', '2024', '--all', '--out-dir', outDir]);
    expect(t.code).toBe(0);
    expect(readdirSync(outDir).sort()).toEqual(
      ['BHXH', 'BQLATTP', 'DPTTH', 'SGDDT', 'SLDTBXH', 'SVHTTDL', 'SYT', 'TTHCC'].map((c) => `TuCham_2024_${c}.xlsx`),
    );
    const src = join(outDir, 'TuCham_2024_BHXH.xlsx');
    runPython(dir, `import openpyxl\nwb=openpyxl.load_workbook(${JSON.stringify(src)})\nws=wb.worksheets[0]\nws['E9']=30\nws['E10']='9,5'\nwb.save(${JSON.stringify(src)})\n`);
    const r = await cli(['inspect', '--data', pkg, '--year', '2024', src, join(outDir, 'TuCham_2024_SYT.xlsx')]);
    expect(r.code).toBe(1);
    const reports = JSON.parse(r.out) as InspectReport[];
    expect(reports.map((x) => [x.unit, x.ok])).toEqual([['BHXH', false], ['SYT', true]]);
    expect(reports[0]!.errors[0]).toMatchObject({ code: '1.1', sheet: 'Tự chấm điểm', cell: 'E9' });
    expect(reports[0]!.scores[1]).toMatchObject({ code: '1.2', value: 9.5, raw: '9,5' });
  });

  it('reports a missing or non-workbook file in the JSON with exit 1', async () => {
    const csv = join(dir, 'bang.xlsx');
    writeFileSync(csv, 'a;b\n1;2\n');
    const r = await cli(['inspect', '--data', pkg, '--year', '2024', csv, join(dir, 'khong-co.xlsx')]);
    expect(r.code).toBe(1);
    const reports = JSON.parse(r.out) as InspectReport[];
    expect(reports.map((x) => x.errors[0]!.kind)).toEqual(['workbook-csv', 'file-not-found']);
  });

  it('wrong usage exits 2', async () => {
    expect((await cli(['template', '--data', pkg, '--year', '2024'])).code).toBe(2);
    expect((await cli(['template', '--data', pkg, '--year', '2024', '--unit', 'SYT', '--all', '--out-dir', dir])).code).toBe(2);
    expect((await cli(['template', '--data', pkg, '--year', '24', '--unit', 'SYT', '--out', 'a.xlsx'])).code).toBe(2);
    expect((await cli(['template', '--data', pkg, '--year', '2024', '--unit', 'SYT', '--out', 'a.pdf'])).code).toBe(2);
    expect((await cli(['inspect', '--data', pkg, '--year', '2024'])).code).toBe(2);
    expect((await cli(['inspect', '--year', '2024', 'a.xlsx'])).code).toBe(2);
  });

  it('an unknown unit code is a user error (exit 1) listing the codes', async () => {
    const r = await cli(['template', '--data', pkg, '--year', '2024', '--unit', 'XYZ', '--out', join(dir, 'x.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Không có đơn vị mã "XYZ"');
    expect(readFileSync(pkg).length).toBeGreaterThan(0);
  });
});
