/** The year's unit × criterion matrix of self scores with totals, as an Excel workbook. */
import ExcelJS from 'exceljs';
import type { BlocData, Score } from '../../../shared/model/records';
import { computeTotals, NOT_SUBMITTED_TEXT, submissionOf, tableCriteria, type Submission } from '../../../shared/domain/scoring';
import { workbookBytes } from '../excel/write-workbook';
import { yearContext } from './year-context';

const FONT = 'Times New Roman';
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export interface MatrixRow {
  unitId: string;
  unitCode: string;
  unitName: string;
  values: (number | null)[];
  base: number;
  bonus: number;
  deduction: number;
  total: number;
  filled: number;
  criteria: number;
  /** Completeness, not the total, says whether the unit has submitted. */
  submission: Submission;
}

/** The matrix as data (also used by the renderer's printable view through the same numbers). */
export function selfScoreMatrix(data: BlocData, year: number): { codes: string[]; maxima: number[]; rows: MatrixRow[] } {
  const ctx = yearContext(data, year);
  const criteria = tableCriteria(ctx.table);
  const byKey = new Map<string, Score>();
  for (const s of data.scores) if (s.year === year && s.blocId === data.bloc.id) byKey.set(`${s.unitId}\u0000${s.code}`, s);
  const rows = ctx.units.map((u) => {
    const values = criteria.map(({ criterion }) => byKey.get(`${u.id}\u0000${criterion.code}`)?.self ?? null);
    const totals = computeTotals(ctx.table, Object.fromEntries(criteria.map(({ criterion }, i) => [criterion.code, values[i] ?? null])));
    return {
      unitId: u.id,
      unitCode: u.code,
      unitName: u.name,
      values,
      base: totals.base,
      bonus: totals.bonus,
      deduction: totals.deduction,
      total: totals.total,
      filled: totals.filled,
      criteria: totals.criteria,
      submission: submissionOf(totals),
    };
  });
  return { codes: criteria.map((c) => c.criterion.code), maxima: criteria.map((c) => c.criterion.max), rows };
}

export async function selfScoreMatrixXlsx(data: BlocData, year: number): Promise<Uint8Array> {
  const { codes, maxima, rows } = selfScoreMatrix(data, year);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'BlocDesk';
  wb.title = `Tổng hợp điểm tự chấm năm ${year}`;
  const ws = wb.addWorksheet('Tổng hợp tự chấm', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:5' },
    views: [{ state: 'frozen', xSplit: 3, ySplit: 5 }],
  });
  const lastCol = 3 + codes.length + 5;
  ws.mergeCells(1, 1, 1, lastCol);
  ws.getCell(1, 1).value = data.bloc.name.toLocaleUpperCase('vi');
  ws.mergeCells(2, 1, 2, lastCol);
  ws.getCell(2, 1).value = `BẢNG TỔNG HỢP ĐIỂM TỰ CHẤM THI ĐUA NĂM ${year}`;
  for (const r of [1, 2]) {
    ws.getCell(r, 1).font = { name: FONT, size: r === 2 ? 14 : 12, bold: true };
    ws.getCell(r, 1).alignment = { horizontal: 'center' };
  }
  const head = ['STT', 'Đơn vị', 'Mã', ...codes, 'Điểm các nhóm', 'Điểm thưởng', 'Điểm trừ', 'Tổng điểm', 'Số tiêu chí đã chấm'];
  ws.getRow(4).values = head;
  ws.getRow(5).values = ['', 'Điểm tối đa', '', ...maxima];
  rows.forEach((row, i) => {
    // A unit without any score has no total: "chưa nộp", never 0.
    const none = row.submission === 'none';
    ws.getRow(6 + i).values = [
      i + 1,
      row.unitName,
      row.unitCode,
      ...row.values.map((v) => v ?? ''),
      none ? '' : row.base,
      none ? '' : row.bonus,
      none ? '' : row.deduction,
      none ? NOT_SUBMITTED_TEXT : row.total,
      `${row.filled}/${row.criteria}`,
    ];
  });
  ws.getColumn(1).width = 5;
  ws.getColumn(2).width = 36;
  ws.getColumn(3).width = 10;
  for (let c = 4; c <= 3 + codes.length; c++) ws.getColumn(c).width = 6;
  for (let c = 4 + codes.length; c <= lastCol; c++) ws.getColumn(c).width = 11;
  for (let r = 4; r < 6 + rows.length; r++) {
    for (let c = 1; c <= lastCol; c++) {
      const cell = ws.getCell(r, c);
      cell.border = BOX;
      cell.font = { name: FONT, size: 11, bold: r <= 5 || c === lastCol - 1 };
      cell.alignment = { horizontal: c === 2 ? 'left' : 'center', vertical: 'middle', wrapText: r === 4 };
      if (c > 3 && r > 5) cell.numFmt = '0.##';
    }
  }
  const note = ws.getCell(7 + rows.length, 1);
  note.value =
    `"${NOT_SUBMITTED_TEXT}": đơn vị chưa có điểm tự chấm nào. Đơn vị chưa chấm đủ tiêu chí (cột cuối) có tổng điểm chỉ tính các tiêu chí đã chấm.`;
  note.font = { name: FONT, size: 11, italic: true };
  return workbookBytes(wb);
}
