/**
 * Inspecting returned files, step 2: the layout. Where the score table is: the sheet, its header
 * row, and the columns of the criterion code, the self score and the note. Found by the header's
 * words ("Mã", "Điểm tự chấm", "Ghi chú"), never by position, so renamed sheets and moved columns
 * are fine.
 */
import type ExcelJS from 'exceljs';
import { fold } from '../../../shared/text/vietnamese';
import { plainText } from './cell-text';

export interface InputLayout {
  sheet: ExcelJS.Worksheet;
  headerRow: number;
  codeCol: number;
  selfCol: number;
  noteCol: number | null;
}

const MAX_HEADER_SCAN_ROWS = 40;
const MAX_HEADER_SCAN_COLS = 30;

const CODE_HEADERS = new Set(['ma', 'ma tieu chi', 'ma so', 'ma tc', 'tt', 'stt', 'so tt', 'stt/ma', 'tt/ma']);

/** The folded texts of a row's header cells (merged cells counted once). */
function headerCells(ws: ExcelJS.Worksheet, r: number): { col: number; text: string }[] {
  const row = ws.getRow(r);
  const out: { col: number; text: string }[] = [];
  const lastCol = Math.min(row.cellCount, MAX_HEADER_SCAN_COLS);
  for (let c = 1; c <= lastCol; c++) {
    const cell = row.getCell(c);
    if (cell.isMerged && cell.master !== cell) continue;
    const text = fold(plainText(cell));
    if (text) out.push({ col: c, text });
  }
  return out;
}

const isNote = (h: { text: string }) => h.text.includes('ghi chu') || h.text.includes('minh chung');

/**
 * Finds the header of the score table on one sheet: a cell "Mã" (or "TT", "STT") and a cell
 * containing "tự chấm", possibly on the next row under a merged "Điểm chấm" heading, and a note column.
 */
export function findLayout(ws: ExcelJS.Worksheet): InputLayout | null {
  const lastRow = Math.min(ws.rowCount, MAX_HEADER_SCAN_ROWS);
  for (let r = 1; r <= lastRow; r++) {
    const first = headerCells(ws, r);
    const code = first.find((h) => CODE_HEADERS.has(h.text));
    if (!code) continue;
    for (const headerRow of [r, r + 1]) {
      const cells = headerRow === r ? first : headerCells(ws, headerRow);
      const self = cells.find((h) => h.text.includes('tu cham') && h.col !== code.col);
      if (!self) continue;
      const note = cells.find(isNote) ?? (headerRow !== r ? first.find(isNote) : undefined);
      return { sheet: ws, headerRow, codeCol: code.col, selfCol: self.col, noteCol: note?.col ?? null };
    }
  }
  return null;
}

/** The score table of a workbook: the first sheet (other than the identification sheet) that has one. */
export function findInputLayout(wb: ExcelJS.Workbook, idSheet: ExcelJS.Worksheet | undefined): InputLayout | null {
  for (const ws of wb.worksheets) {
    if (ws === idSheet) continue;
    const layout = findLayout(ws);
    if (layout) return layout;
  }
  return null;
}
