/**
 * The full unit × criterion matrix after verification (Excel), read back with exceljs: three
 * header rows (group → criterion → Tự chấm / Thẩm định), the self and verified values, changed
 * values shaded, the totals and ranks of the ranking; through the bridge and the `matrix` command.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { ServiceContext } from '../../../electron/services/bridge/context';
import { dispatch, type HandlerMap } from '../../../electron/services/bridge/dispatch';
import { MATRIX_RESULT_HEADERS, MATRIX_SHEET, verificationMatrixXlsx } from '../../../electron/services/excel/verification-matrix-xlsx';
import { buildPackage } from '../../../electron/services/handover/package-file';
import { assessmentHandlers } from '../../../electron/services/handlers/assessment';
import { tableCriteria } from '../../../shared/domain/scoring';
import { memorySettings } from '../support/memory-settings';
import { SAMPLE_TOTALS, SCORED_NOW, sampleScoredBloc } from '../documents/scored-fixtures';
import { tempDir } from './corpus-tools';

const data = sampleScoredBloc();
const table = data.scoringTables.find((t) => t.year === 2024)!;
const criteria = tableCriteria(table);
let ws: ExcelJS.Worksheet;

async function sheet(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.getWorksheet(MATRIX_SHEET)!;
}

/** Column of a criterion's "Tự chấm" (its "Thẩm định" is the next one). */
const col = (code: string) => 4 + 2 * criteria.findIndex((c) => c.criterion.code === code);
const resultCol = (header: string) => 4 + 2 * criteria.length + 1 + MATRIX_RESULT_HEADERS.indexOf(header);
const rowOf = (code: string) => 8 + data.units.findIndex((u) => u.code === code);

beforeAll(async () => {
  ws = await sheet(await verificationMatrixXlsx(data, 2024));
});

describe('the verification matrix workbook', () => {
  it('has three header rows: each group over its criteria, each criterion (with its maximum) over Tự chấm / Thẩm định', () => {
    expect(ws.getCell('A2').value).toBe('BẢNG TỔNG HỢP ĐIỂM TỰ CHẤM VÀ THẨM ĐỊNH THI ĐUA NĂM 2024');
    expect([ws.getCell('A5').value, ws.getCell('B5').value, ws.getCell('C5').value]).toEqual(['STT', 'Mã', 'Đơn vị']);
    // STT spans the three header rows.
    expect(ws.getCell('A7').master.address).toBe('A5');
    let c = 4;
    for (const group of table.groups) {
      const groupCell = ws.getCell(5, c);
      expect(String(groupCell.value)).toMatch(new RegExp(`^${group.code}\\. ${group.title.replace(/[()]/g, '.')}`));
      // The group's title covers both sub-columns of every one of its criteria.
      expect(ws.getCell(5, c + 2 * group.criteria.length - 1).master.address).toBe(groupCell.address);
      for (const criterion of group.criteria) {
        expect(ws.getCell(6, c).value).toBe(`${criterion.code} (${String(criterion.max).replace('.', ',')})`);
        expect(ws.getCell(6, c + 1).master.address).toBe(ws.getCell(6, c).address);
        expect(ws.getCell(6, c).note).toBe(criterion.title);
        expect([ws.getCell(7, c).value, ws.getCell(7, c + 1).value]).toEqual(['Tự chấm', 'Thẩm định']);
        c += 2;
      }
    }
    expect(ws.getCell(5, 4).value).toBe('I. Thực hiện nhiệm vụ chính trị, chuyên môn được giao (40 điểm)');
    expect(ws.getCell(5, col('6.1')).value).toBe('VI. Điểm thưởng (tối đa 5 điểm) (+5 điểm)');
    expect(ws.getCell(5, c).value).toBe('Tổng điểm tự chấm');
    expect(ws.getCell(5, c + 1).value).toBe('Kết quả sau thẩm định');
    MATRIX_RESULT_HEADERS.forEach((h, k) => expect(ws.getCell(6, c + 1 + k).value).toBe(h));
  });

  it('holds every self and verified score, shades a verified score that differs, and leaves a criterion not verified empty', () => {
    const syt = rowOf('SYT');
    expect(ws.getCell(syt, 2).value).toBe('SYT');
    expect(ws.getCell(syt, 3).value).toBe('Sở Y tế');
    expect([ws.getCell(syt, col('1.1')).value, ws.getCell(syt, col('1.1') + 1).value]).toEqual([19.5, 18.5]);
    expect((ws.getCell(syt, col('1.1') + 1).fill as ExcelJS.FillPattern | undefined)?.pattern).toBe('solid');
    expect([ws.getCell(syt, col('1.2')).value, ws.getCell(syt, col('1.2') + 1).value]).toEqual([10, 10]);
    expect((ws.getCell(syt, col('1.2') + 1).fill as ExcelJS.FillPattern | undefined)?.pattern ?? 'none').toBe('none');
    // BQLATTP sent group I only, nothing verified.
    const partial = rowOf('BQLATTP');
    expect([ws.getCell(partial, col('1.1')).value, ws.getCell(partial, col('1.1') + 1).value]).toEqual([19, null]);
    expect(ws.getCell(partial, col('2.1')).value).toBeNull();
  });

  it('ends each row with the self total and the ranking: criteria points, bonus, deduction, total, rank, criteria not verified', () => {
    for (const [code, t] of Object.entries(SAMPLE_TOTALS)) {
      const r = rowOf(code);
      expect(ws.getCell(r, resultCol('Điểm các tiêu chí') - 1).value, code).toBe(t.self);
      expect(ws.getCell(r, resultCol('Tổng điểm')).value, code).toBe(t.total);
    }
    const syt = rowOf('SYT');
    expect(MATRIX_RESULT_HEADERS.map((h) => ws.getCell(syt, resultCol(h)).value)).toEqual([98.5, 4, 0, 102.5, 1, 0]);
    expect(ws.getCell(rowOf('SGDDT'), resultCol('Xếp hạng')).value).toBe('3 (đồng hạng)');
    expect(ws.getCell(rowOf('BHXH'), resultCol('Xếp hạng')).value).toBe('3 (đồng hạng)');
    const missing = rowOf('TTHCC');
    expect(ws.getCell(missing, resultCol('Điểm các tiêu chí') - 1).value).toBe('chưa nộp');
    expect(ws.getCell(missing, resultCol('Tổng điểm')).value).toBeNull();
    expect(ws.getCell(missing, resultCol('Xếp hạng')).value).toBe('chưa nộp');
    expect(ws.getCell(rowOf('BQLATTP'), resultCol('Xếp hạng')).value).toBe('chưa nộp đủ');
  });

  it('neutralises a unit name that a spreadsheet would read as a formula', async () => {
    const risky = sampleScoredBloc();
    risky.units[0]!.name = '=HYPERLINK("http://x","Sở Y tế")';
    const sheetOf = await sheet(await verificationMatrixXlsx(risky, 2024));
    expect(sheetOf.getCell(8, 3).value).toBe(`'=HYPERLINK("http://x","Sở Y tế")`);
  });
});

describe('the matrix through the bridge and the command line', () => {
  const work = tempDir('verification-matrix');
  const context: ServiceContext = {
    host: { showSaveDialog: async () => null, showOpenDialog: async () => [], printPdf: async () => false },
    settings: memorySettings(),
    assetsDir: work,
    appVersion: '0.0.0-test',
  };

  it('assessment.verificationMatrixXlsx returns the workbook; a year without a table is a Vietnamese user error', async () => {
    const handlers = assessmentHandlers as unknown as HandlerMap;
    const r = await dispatch(handlers, context, 'assessment.verificationMatrixXlsx', [{ data, year: 2024 }]);
    expect(r.ok).toBe(true);
    const back = await sheet((r as { ok: true; value: Uint8Array }).value);
    expect(back.getCell(rowOf('SYT'), resultCol('Tổng điểm')).value).toBe(102.5);
    const none = await dispatch(handlers, context, 'assessment.verificationMatrixXlsx', [{ data, year: 2023 }]);
    expect(!none.ok && none.error.code).toBe('scoring-table-missing');
  });

  it('matrix --out x.xlsx writes it; another extension is wrong usage', async () => {
    const pkg = join(work, 'cham-diem.blocdesk');
    writeFileSync(pkg, buildPackage(data, { createdBy: 'Văn phòng Khối', appName: 'BlocDesk', appVersion: '0.1.0', now: SCORED_NOW }));
    let stdout = '';
    let stderr = '';
    const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t) };
    const out = join(work, 'ma-tran.xlsx');
    expect(await runCli(['matrix', '--data', pkg, '--year', '2024', '--out', out], io)).toBe(0);
    expect(stdout).toBe(`Đã ghi bảng tổng hợp tự chấm và thẩm định năm 2024: ${out}\n`);
    const back = await sheet(new Uint8Array(readFileSync(out)));
    expect(back.getCell(rowOf('SVHTTDL'), col('7.1') + 1).value).toBe(2);
    const csv = join(work, 'ma-tran.csv');
    expect(await runCli(['matrix', '--data', pkg, '--year', '2024', '--out', csv], io)).toBe(2);
    expect(stderr).toContain('--out phải là tệp Excel .xlsx, nhận được');
    expect(existsSync(csv)).toBe(false);
  });
});
