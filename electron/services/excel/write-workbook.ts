/**
 * The one way our exporters turn an exceljs workbook into .xlsx bytes. Before writing, every text
 * cell that a spreadsheet could read as a formula (= + - @, tab, carriage return) is stored with a
 * leading apostrophe and a text number format (shared/text/spreadsheet-text.ts), so a CSV re-save
 * of the file cannot turn it into a live formula. Our own formulas (totals) are left alone.
 */
import ExcelJS from 'exceljs';
import { escapeFormulaText } from '../../../shared/text/spreadsheet-text';

function escapeCell(cell: ExcelJS.Cell): boolean {
  const v = cell.value;
  if (typeof v === 'string') {
    const escaped = escapeFormulaText(v);
    if (escaped === v) return false;
    cell.value = escaped;
    return true;
  }
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    if ('richText' in v && Array.isArray(v.richText) && v.richText.length > 0) {
      const text = v.richText.map((r) => r.text).join('');
      if (escapeFormulaText(text) === text) return false;
      const [first, ...rest] = v.richText;
      cell.value = { richText: [{ ...first!, text: `'${first!.text}` }, ...rest] };
      return true;
    }
    if ('hyperlink' in v && 'text' in v && typeof v.text === 'string') {
      const escaped = escapeFormulaText(v.text);
      if (escaped === v.text) return false;
      cell.value = { ...v, text: escaped };
      return true;
    }
  }
  return false;
}

/** Neutralises formula-like text in every cell of every sheet (merged cells once, through their master). */
export function neutraliseFormulaText(workbook: ExcelJS.Workbook): void {
  for (const ws of workbook.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        // A copy of the style: exceljs may share one style object between cells.
        if (escapeCell(cell)) cell.style = { ...cell.style, numFmt: '@' };
      });
    });
  }
}

/** The workbook as .xlsx bytes, with formula-like text neutralised. */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array<ArrayBuffer>> {
  neutraliseFormulaText(workbook);
  // exceljs hands back a Node Buffer; copy it into a plain Uint8Array of its own.
  const buffer = (await workbook.xlsx.writeBuffer()) as unknown as Uint8Array;
  return new Uint8Array(buffer);
}
