import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/services/bridge/dispatch';
import type { ServiceContext } from '../../../electron/services/bridge/context';
import { handlers } from '../../../electron/services/handlers/index';
import { HISTORY_SHEETS } from '../../../electron/services/excel/history-xlsx';
import { blocHistory } from '../../../shared/domain/history';
import { formatNumberVi } from '../../../shared/text/vietnamese';
import { buildSyntheticBlocData, withFullHistory } from '../../../shared/sample/sample-bloc';
import { withYearEnd } from '../../../shared/sample/year-end';
import { memorySettings } from '../support/memory-settings';

const ctx: ServiceContext = {
  host: { showSaveDialog: async () => null, showOpenDialog: async () => [], printPdf: async () => false },
  settings: memorySettings({}),
  assetsDir: 'assets',
  appVersion: '0.9.0-test',
};

function data() {
  const d = withFullHistory(buildSyntheticBlocData({ units: 4, criteria: 6, years: 3, now: '2026-01-05T02:00:00.000Z', lastYear: 2025 }));
  // A unit name a spreadsheet would take for a formula.
  d.units[1] = { ...d.units[1]!, name: '=HYPERLINK("http://x","Sở Tài chính")' };
  return d;
}

async function exported(d = data()) {
  const r = await dispatch(handlers, ctx, 'history.xlsx', [{ data: d }]);
  if (!r.ok) throw new Error(r.error.message);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((r.value as Uint8Array).buffer as ArrayBuffer);
  return { d, wb, history: blocHistory(d) };
}

const rowValues = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).slice(1);

describe('history.xlsx', () => {
  it('one sheet per view of the history screen', async () => {
    const { wb } = await exported();
    expect(wb.worksheets.map((w) => w.name)).toEqual([...HISTORY_SHEETS]);
  });

  it('per year: newest first, leader, deputy, members and the top units with their totals', async () => {
    const { wb, history } = await exported();
    const ws = wb.getWorksheet('Theo năm')!;
    expect(rowValues(ws, 3)).toEqual([
      'Năm',
      'Khối trưởng',
      'Khối phó',
      'Số thành viên',
      'Bảng chấm điểm',
      'Số đơn vị được xếp hạng',
      'Đơn vị dẫn đầu',
      'Khen thưởng đề nghị và kết quả',
    ]);
    const newest = history.years.at(-1)!;
    const row = rowValues(ws, 4);
    expect(row.slice(0, 6)).toEqual([2025, newest.leader!.name, newest.deputy!.name, 4, 'Phiên bản 1', 4]);
    expect(String(row[6]).split('\n')[0]).toBe(`1. ${newest.top[0]!.name} (${formatNumberVi(newest.top[0]!.total!)} điểm)`);
    expect(row[7]).toBe('Chưa có kết quả bình xét');
    expect(ws.getCell(6, 1).value).toBe(2023);
  });

  it('per unit: every year of every unit, with ranks of how many and roles', async () => {
    const { wb, history } = await exported();
    const ws = wb.getWorksheet('Theo đơn vị')!;
    expect(ws.rowCount).toBe(3 + 4 * 3);
    const first = history.units[0]!;
    const r = rowValues(ws, 4);
    expect(r.slice(0, 8)).toEqual([first.name, first.code, 2023, 'Có', 'Khối trưởng', first.years[0]!.total, first.years[0]!.rank, 4]);
    expect(r[10]).toBe(first.leaderYears.join(', '));
  });

  it('the rank chart and the awards chart as tables', async () => {
    const { wb, history } = await exported();
    const ranks = wb.getWorksheet('Thứ hạng qua các năm')!;
    expect(rowValues(ranks, 3)).toEqual(['Đơn vị', '2023', '2024', '2025']);
    const u = history.units[2]!;
    expect(rowValues(ranks, 6)).toEqual([`${u.name} (${u.code})`, ...u.years.map((y) => y.rank)]);
    const awards = wb.getWorksheet('Khen thưởng theo năm')!;
    expect(rowValues(awards, 4)).toEqual([2023, 6, 0, 0]);
  });

  it("a year with a stored vote shows the awards it proposed, in the year's row, the units' rows and the awards chart", async () => {
    // The 2024 conference votes (and elects the 2025 leaders); 2023 and 2025 have no vote.
    const { wb, d, history } = await exported(withYearEnd(data(), 2024, '2026-01-05T02:00:00.000Z'));
    const y2024 = history.years.find((y) => y.year === 2024)!;
    expect(y2024.awards).toHaveLength(4);
    const name = (id: string) => d.units.find((u) => u.id === id)!.name;
    const gov = y2024.awards.find((a) => a.award === 'Cờ thi đua của Chính phủ')!;
    const years = wb.getWorksheet('Theo năm')!;
    expect(rowValues(years, 5)[0]).toBe(2024);
    expect(String(rowValues(years, 5)[7]).split('\n')).toContain(`Cờ thi đua của Chính phủ: ${name(gov.unitId)} (đã đề nghị)`);
    expect(rowValues(years, 4)[7]).toBe('Chưa có kết quả bình xét');
    const units = wb.getWorksheet('Theo đơn vị')!;
    const unitRow = Array.from({ length: units.rowCount - 3 }, (_, i) => rowValues(units, i + 4)).find((r) => r[0] === name(gov.unitId) && r[2] === 2024)!;
    expect(String(unitRow[9])).toContain('Cờ thi đua của Chính phủ (đã đề nghị)');
    expect(rowValues(wb.getWorksheet('Khen thưởng theo năm')!, 5)).toEqual([2024, 6, 4, 0]);
  });

  it('formula-like unit names stay text', async () => {
    const { wb } = await exported();
    const ws = wb.getWorksheet('Theo đơn vị')!;
    const cell = ws.getCell(7, 1);
    expect(cell.value).toBe(`'=HYPERLINK("http://x","Sở Tài chính")`);
    expect(cell.formula).toBeUndefined();
  });
});
