/**
 * Exported templates get ASCII file names derived from unit codes (codes may hold Vietnamese
 * letters: "SGDĐT" → TuCham_2024_SGDDT.xlsx), unique ignoring case and safe on Windows, the same
 * whichever units are exported; the importer still matches a returned file by that name.
 */
import { unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { inspectFiles } from '../../../electron/services/assessment/inspect';
import { buildTemplates, zipTemplates } from '../../../electron/services/assessment/template';
import type { BlocData } from '../../../shared/model/records';
import { sampleBloc } from './fixtures';

/** The sample bloc with the codes real units use, Đ included, and a few awkward ones. */
function blocWithCodes(codes: Record<string, string>): BlocData {
  const data = sampleBloc();
  // Unit codes with Vietnamese letters are coming to the record schema; the services already take them.
  for (const u of data.units) u.code = codes[u.code] ?? u.code;
  return data;
}

describe('template file names', () => {
  const data = blocWithCodes({ SGDDT: 'SGDĐT', DPTTH: 'ĐPTTH', BHXH: 'SGDDT', SYT: 'CON', TTHCC: 'a/b:c', BQLATTP: '..' });

  it('are ASCII, safe on Windows and unique ignoring case', async () => {
    const files = await buildTemplates(data, 2024);
    const names = files.map((f) => [f.unitCode, f.fileName]);
    expect(names).toEqual([
      ['CON', 'TuCham_2024_CON.xlsx'],
      ['SGDĐT', 'TuCham_2024_SGDDT_2.xlsx'],
      ['SLDTBXH', 'TuCham_2024_SLDTBXH.xlsx'],
      ['SVHTTDL', 'TuCham_2024_SVHTTDL.xlsx'],
      ['SGDDT', 'TuCham_2024_SGDDT.xlsx'],
      ['..', 'TuCham_2024_DV6.xlsx'],
      ['ĐPTTH', 'TuCham_2024_DPTTH.xlsx'],
      ['a/b:c', 'TuCham_2024_a_b_c.xlsx'],
    ]);
    for (const [, name] of names) expect(name).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(new Set(names.map(([, n]) => n!.toLowerCase())).size).toBe(names.length);
    expect(Object.keys(unzipSync(zipTemplates(files))).sort()).toEqual(names.map(([, n]) => n).sort());
  });

  it('do not depend on which units are exported, and the instructions name the same file', async () => {
    const [alone] = await buildTemplates(data, 2024, ['u-sgddt']);
    expect(alone!.fileName).toBe('TuCham_2024_SGDDT_2.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(alone!.bytes as unknown as ArrayBuffer);
    const help = wb.getWorksheet('Hướng dẫn')!;
    const lines: string[] = [];
    help.eachRow((row) => lines.push(String(row.getCell(1).value)));
    expect(lines.join('\n')).toContain('giữ nguyên tên tệp (TuCham_2024_SGDDT_2.xlsx)');
    expect(String(wb.getWorksheet('Tự chấm điểm')!.getCell(4, 1).value)).toContain('Mã đơn vị: SGDĐT');
  });

  it('a returned file named by its ASCII token and holding a code with Đ is matched, also without the hidden identification', async () => {
    const files = await buildTemplates(data, 2024, ['u-dptth']);
    const [r] = await inspectFiles(data, 2024, [{ name: files[0]!.fileName, bytes: files[0]!.bytes }]);
    expect(r).toMatchObject({ ok: true, unit: 'ĐPTTH', unitId: 'u-dptth' });
    // Filed under another unit's name: the mismatch is still caught through the ASCII token.
    const [wrong] = await inspectFiles(data, 2024, [{ name: 'TuCham_2024_SLDTBXH.xlsx', bytes: files[0]!.bytes }]);
    expect(wrong!.errors.map((e) => e.kind)).toEqual(['name-unit-mismatch']);

    // Without the hidden sheet and keywords, the visible "Mã đơn vị: ĐPTTH" identifies the unit.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files[0]!.bytes as unknown as ArrayBuffer);
    wb.removeWorksheet(wb.getWorksheet('_blocdesk')!.id);
    wb.keywords = '';
    const stripped = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const [visible] = await inspectFiles(data, 2024, [{ name: 'phieu.xlsx', bytes: stripped }]);
    expect(visible).toMatchObject({ ok: true, unit: 'ĐPTTH' });
    expect(visible!.warnings.map((w) => w.kind)).toContain('no-identity');
  });
});
