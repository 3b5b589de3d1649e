import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildTemplate, buildTemplates, zipTemplates } from '../../../electron/services/assessment/template';
import { identityFromKeywords } from '../../../electron/services/assessment/identity';
import { tableChecksum } from '../../../shared/domain/scoring-table';
import { runPython, tempDir } from './corpus-tools';
import { sampleBloc, sampleTable } from './fixtures';

const data = sampleBloc();

describe('self-assessment template', () => {
  it('is read by openpyxl with protection, unlocked inputs, validation, formulas and identification', async () => {
    const dir = tempDir('assessment-template');
    const path = join(dir, 'TuCham_2024_SYT.xlsx');
    writeFileSync(path, await buildTemplate(data, data.scoringTables[0]!, data.units[0]!, 2024));
    const out = runPython(
      dir,
      String.raw`
import json, openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['Tự chấm điểm']
dv = [d for d in ws.data_validations.dataValidation if 'E9' in str(d.sqref)][0]
ids = wb['_blocdesk']
print(json.dumps({
  'sheets': [[s.title, s.sheet_state] for s in wb.worksheets],
  'header': [ws['A1'].value, ws['A2'].value, ws['A3'].value],
  'row9': [ws.cell(9, c).value for c in range(1, 5)],
  'protected': ws.protection.sheet,
  'lockedE9': ws['E9'].protection.locked, 'lockedF9': ws['F9'].protection.locked, 'lockedA9': ws['A9'].protection.locked,
  'dv': [dv.type, dv.formula1, dv.formula2, dv.error, dv.errorTitle],
  'group': ws['E8'].value, 'deductGroup': ws['E34'].value, 'total': ws['E37'].value,
  'id': {ids.cell(r, 1).value: ids.cell(r, 2).value for r in range(1, ids.max_row + 1)},
  'keywords': wb.properties.keywords,
}, ensure_ascii=False))
`,
      [path],
    );
    const r = JSON.parse(out);
    expect(r.sheets).toEqual([
      ['Tự chấm điểm', 'visible'],
      ['Hướng dẫn', 'visible'],
      ['_blocdesk', 'veryHidden'],
    ]);
    expect(r.header).toEqual([
      'KHỐI CÁC SỞ, BAN, NGÀNH THAM MƯU VÀ QUẢN LÝ NHÀ NƯỚC VỀ VĂN HÓA - XÃ HỘI',
      'PHIẾU TỰ CHẤM ĐIỂM THI ĐUA NĂM 2024',
      'Đơn vị: Sở Y tế',
    ]);
    expect(r.row9).toEqual(['1.1', 'Hoàn thành các chỉ tiêu, nhiệm vụ chuyên môn được UBND tỉnh giao trong năm', 20, 'Định tính']);
    expect(r.protected).toBe(true);
    expect([r.lockedE9, r.lockedF9, r.lockedA9]).toEqual([false, false, true]);
    expect(r.dv).toEqual(['decimal', '0', '20', 'Điểm tự chấm của tiêu chí 1.1 phải là số từ 0 đến 20.', 'Điểm không hợp lệ']);
    expect(r.group).toBe('=SUM(E9:E12)');
    expect(r.deductGroup).toBe('=-SUM(E35:E36)');
    expect(r.total).toBe('=SUM(E8,E13,E19,E23,E27,E31,E34)');
    expect(r.id).toMatchObject({
      format: 'blocdesk-tu-cham',
      formatVersion: 1,
      blocId: 'bloc-vhxh',
      year: 2024,
      unitId: 'u-syt',
      unitCode: 'SYT',
      tableVersion: 1,
      tableChecksum: tableChecksum(data.scoringTables[0]!),
    });
    expect(identityFromKeywords(r.keywords)).toMatchObject({ unitCode: 'SYT', year: 2024, tableChecksum: tableChecksum(data.scoringTables[0]!) });
  });

  it('caps a bonus group in its formula', async () => {
    const bytes = await buildTemplate(data, data.scoringTables[0]!, data.units[0]!, 2024);
    const sheet = new TextDecoder().decode(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('MIN(5,SUM(E32:E33))');
  });

  it('exports every member with file names by code and year, and as one zip', async () => {
    const files = await buildTemplates(data, 2024);
    expect(files.map((f) => f.fileName)).toEqual(data.units.map((u) => `TuCham_2024_${u.code}.xlsx`));
    const zip = unzipSync(zipTemplates(files));
    expect(Object.keys(zip)).toEqual(files.map((f) => f.fileName));
    expect(zip['TuCham_2024_SYT.xlsx']).toEqual(files[0]!.bytes);
    const some = await buildTemplates(data, 2024, ['u-bhxh']);
    expect(some.map((f) => f.unitCode)).toEqual(['BHXH']);
  });

  it('refuses a year without a scoring table or unknown units, in Vietnamese', async () => {
    await expect(buildTemplates(sampleBloc({ tables: [] }), 2024)).rejects.toMatchObject({ code: 'scoring-table-missing' });
    await expect(buildTemplates(data, 2030)).rejects.toMatchObject({ code: 'year-missing' });
    await expect(buildTemplates(data, 2024, ['u-khong-co'])).rejects.toMatchObject({ code: 'unit-not-found' });
  });

  it('checksum depends on what a unit fills in (codes, maxima, kinds), not on ids or versions', () => {
    const a = sampleTable();
    const b = { ...sampleTable({ version: 3 }), id: 'other' };
    expect(tableChecksum(a)).toBe(tableChecksum(b));
    b.groups[0]!.criteria[0]!.max += 1;
    expect(tableChecksum(a)).not.toBe(tableChecksum(b));
    expect(tableChecksum(a)).toMatch(/^[0-9a-f]{16}$/);
  });
});
