/**
 * In the Excel summary and on screen, a unit that sent nothing shows "chưa nộp", never a total of 0;
 * completeness (shared/domain/scoring.ts submissionOf), not a total above zero, decides.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { selfScoreMatrix, selfScoreMatrixXlsx } from '../../../electron/services/assessment/matrix';
import { selfScoreMatrix as screenMatrix, yearOverview } from '../../../renderer/src/features/assessment/overview';
import { NOT_SUBMITTED_TEXT, submissionOf, tableCriteria } from '../../../shared/domain/scoring';
import { tableInForce } from '../../../shared/domain/scoring-table';
import type { BlocData, ImportBatch, Score } from '../../../shared/model/records';
import { BLOC_ID, sampleBloc, unitId } from './fixtures';

function withScores(): BlocData {
  const data = sampleBloc();
  const codes = tableCriteria(data.scoringTables[0]!).map((c) => c.criterion.code);
  const score = (unit: string, code: string, self: number | null): Score => ({
    id: `2024:${unitId(unit)}:${code}`, blocId: BLOC_ID, year: 2024, unitId: unitId(unit), code, self, verified: null, note: '', history: [], updatedAt: 'x',
  });
  data.scores = [
    ...codes.map((c) => score('SYT', c, c === '7.1' ? 0 : 1)),
    // An honest 0 everywhere: submitted, total 0.
    ...codes.map((c) => score('SGDDT', c, 0)),
    score('BHXH', '1.1', 5),
    // A file came in, but every score in it was blank: nothing submitted.
    ...codes.map((c) => score('DPTTH', c, null)),
  ];
  data.importBatches = [
    { id: 'b1', blocId: BLOC_ID, year: 2024, createdAt: '2024-12-02T00:00:00Z', undoneAt: null, changes: [], files: [{ name: 'TuCham_2024_DPTTH.xlsx', sha256: 'x', unitId: unitId('DPTTH'), receivedAt: '2024-12-02T00:00:00Z' }] } as ImportBatch,
  ];
  return data;
}

describe('submissionOf', () => {
  it('decides by completeness: all given, some given, none given', () => {
    expect(submissionOf({ filled: 22, criteria: 22 })).toBe('complete');
    expect(submissionOf({ filled: 1, criteria: 22 })).toBe('partial');
    expect(submissionOf({ filled: 0, criteria: 22 })).toBe('none');
    expect(submissionOf({ filled: 0, criteria: 0 })).toBe('none');
  });
});

describe('the Excel summary', () => {
  it('shows "chưa nộp" instead of a total for units without any score, and 0 for an honest 0', async () => {
    const data = withScores();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await selfScoreMatrixXlsx(data, 2024)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows = new Map<string, unknown[]>();
    for (let r = 6; r < 6 + data.units.length; r++) rows.set(String(ws.getCell(r, 3).value), (ws.getRow(r).values as unknown[]).slice(-5));
    expect(rows.get('SYT')).toEqual([18, 2, 1, 19, '22/22']);
    expect(rows.get('SGDDT')).toEqual([0, 0, 0, 0, '22/22']);
    expect(rows.get('BHXH')).toEqual([5, 0, 0, 5, '1/22']);
    for (const code of ['DPTTH', 'SLDTBXH', 'SVHTTDL', 'BQLATTP', 'TTHCC']) {
      // base, bonus, deduction empty; the total says "chưa nộp".
      expect([code, rows.get(code)!.slice(-2)]).toEqual([code, ['chưa nộp', '0/22']]);
      expect([code, rows.get(code)!.slice(0, 3).filter((v) => v !== undefined && v !== null && v !== '')]).toEqual([code, []]);
    }
    expect(String(ws.getCell(7 + data.units.length, 1).value)).toContain('"chưa nộp": đơn vị chưa có điểm tự chấm nào');
  });
});

describe('the screen and the Excel summary agree', () => {
  it('a unit is "chưa nộp" in both exactly when it has no score, whatever files came in', () => {
    const data = withScores();
    const excel = selfScoreMatrix(data, 2024).rows;
    const units = data.units;
    const table = data.scoringTables[0]!;
    const screen = screenMatrix(units, table, data.scores);
    const overview = yearOverview(units, table, data.scores, data.importBatches);
    const byCode = (code: string) => ({
      excel: excel.find((r) => r.unitCode === code)!.submission,
      screenTotal: screen.find((r) => r.unit.code === code)!.total,
      status: overview.find((o) => o.unit.code === code)!.status,
    });
    expect(byCode('SYT')).toEqual({ excel: 'complete', screenTotal: 19, status: 'submitted' });
    expect(byCode('SGDDT')).toEqual({ excel: 'complete', screenTotal: 0, status: 'submitted' });
    expect(byCode('BHXH')).toEqual({ excel: 'partial', screenTotal: 5, status: 'incomplete' });
    expect(byCode('DPTTH')).toEqual({ excel: 'none', screenTotal: null, status: 'missing' });
    expect(byCode('TTHCC')).toEqual({ excel: 'none', screenTotal: null, status: 'missing' });
    expect(overview.find((o) => o.unit.code === 'DPTTH')!.lastFileName).toBe('TuCham_2024_DPTTH.xlsx');
  });

  it('the screen model and the Excel export give every unit the same total, with caps, bonus and deductions', async () => {
    const data = withScores();
    // Over the cap of the bonus group, a deduction, a draft v2 that must not count, a score of another year.
    const table = data.scoringTables[0]!;
    const bonus = table.groups.find((g) => g.kind === 'bonus')!;
    const deduct = table.groups.find((g) => g.kind === 'deduction')!;
    const set = (unit: string, code: string, self: number) => {
      const s = data.scores.find((x) => x.unitId === unitId(unit) && x.code === code);
      if (s) s.self = self;
      else data.scores.push({ id: `2024:${unitId(unit)}:${code}`, blocId: BLOC_ID, year: 2024, unitId: unitId(unit), code, self, verified: null, note: '', history: [], updatedAt: 'x' });
    };
    for (const c of bonus.criteria) set('SYT', c.code, c.max);
    set('SYT', deduct.criteria[0]!.code, deduct.criteria[0]!.max);
    set('BHXH', '1.2', 7.5);
    data.scores.push({ id: 'old', blocId: BLOC_ID, year: 2023, unitId: unitId('SGDDT'), code: '1.1', self: 20, verified: null, note: '', history: [], updatedAt: 'x' });
    data.scoringTables.push({ ...structuredClone(table), id: 'v2', version: 2, status: 'draft', lockedAt: null, reason: 'x', groups: [] });

    // The screen: the year's members, the table in force, the year's scores (as AssessmentSection reads them).
    const year = data.years.find((y) => y.year === 2024)!;
    const members = year.memberUnitIds.map((id) => data.units.find((u) => u.id === id)!);
    const screen = screenMatrix(members, tableInForce(data.scoringTables, 2024), data.scores.filter((s) => s.year === 2024));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await selfScoreMatrixXlsx(data, 2024)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const totalCol = ws.getRow(4).values as unknown[];
    const col = totalCol.indexOf('Tổng điểm');
    const excel = new Map<string, unknown>();
    for (let r = 6; r < 6 + members.length; r++) excel.set(String(ws.getCell(r, 3).value), ws.getCell(r, col).value);

    expect(screen.map((row) => [row.unit.code, row.total ?? NOT_SUBMITTED_TEXT])).toEqual(members.map((u) => [u.code, excel.get(u.code)]));
    // SYT: 18 normal points, bonus capped at 5, deductions 7.1 at its max plus 7.2's 1.
    expect(screen.find((r) => r.unit.code === 'SYT')!.total).toBe(18 + 5 - (deduct.criteria[0]!.max + 1));
  });
});
