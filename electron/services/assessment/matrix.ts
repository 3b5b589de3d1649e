/** The year's unit × criterion matrix of self scores with totals, as an Excel workbook. */
import ExcelJS from 'exceljs';
import type { BlocData } from '../../../shared/model/records';
import { NOT_SUBMITTED_TEXT, type Submission } from '../../../shared/domain/scoring';
import { selfScoreMatrix as sharedMatrix } from '../../../shared/domain/self-score-matrix';
import { workbookBytes } from '../excel/write-workbook';
import { yearContext } from './year-context';
import { a4FitToWidth } from '../excel/print-setup';

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

/** The year's matrix (shared/domain/self-score-matrix.ts, the model the screen shows) in the rows of the workbook. */
export function selfScoreMatrix(data: BlocData, year: number): { codes: string[]; maxima: number[]; rows: MatrixRow[] } {
  const ctx = yearContext(data, year);
  const scores = data.scores.filter((s) => s.year === year && s.blocId === data.bloc.id);
  const matrix = sharedMatrix(ctx.table, ctx.units, scores);
  const rows = matrix.rows.map(({ unit, values, totals, submission }) => ({
    unitId: unit.id,
    unitCode: unit.code,
    unitName: unit.name,
    values,
    base: totals.base,
    bonus: totals.bonus,
    deduction: totals.deduction,
    total: totals.total,
    filled: totals.filled,
    criteria: totals.criteria,
    submission,
  }));
  return { codes: matrix.criteria.map((c) => c.criterion.code), maxima: matrix.criteria.map((c) => c.criterion.max), rows };
}

export async function selfScoreMatrixXlsx(data: BlocData, year: number): Promise<Uint8Array> {
  const { codes, maxima, rows } = selfScoreMatrix(data, year);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'BlocDesk';
  wb.title = `Tổng hợp điểm tự chấm năm ${year}`;
  const ws = wb.addWorksheet('Tổng hợp tự chấm', {
    pageSetup: a4FitToWidth('landscape', [4, 5]),
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
