/** The text of a cell of a returned workbook, whatever exceljs holds in it (rich text, hyperlink, formula result). */
import type ExcelJS from 'exceljs';
import { unescapeFormulaText } from '../../../shared/text/spreadsheet-text';
import { nfc } from '../../../shared/text/vietnamese';

export type CellText = { text: string; font: string | undefined };

export function cellText(cell: ExcelJS.Cell): CellText | null {
  const v = cell.value;
  const font = cell.font?.name;
  if (v === null || v === undefined) return null;
  // Text of our own exports may carry the apostrophe that keeps it from being read as a formula.
  if (typeof v === 'string') return { text: unescapeFormulaText(v), font };
  if (typeof v === 'number' || typeof v === 'boolean') return { text: String(v), font };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10), font };
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) {
      return { text: unescapeFormulaText(v.richText.map((r) => r.text).join('')), font: v.richText[0]?.font?.name ?? font };
    }
    if ('text' in v && typeof v.text === 'string') return { text: unescapeFormulaText(v.text), font };
    if ('result' in v) {
      const r = (v as { result?: unknown }).result;
      if (r === undefined || r === null) return null;
      if (typeof r === 'object' && r && 'error' in r) return null;
      return { text: String(r), font };
    }
  }
  return null;
}

/** The cell's text, NFC and trimmed; '' when it holds none. */
export function plainText(cell: ExcelJS.Cell): string {
  const t = cellText(cell);
  return t ? nfc(t.text).trim() : '';
}
