/**
 * Reading the cells of a province's scoring-table workbook: the value behind formulas, hyperlinks
 * and merged cells; text in NFC Unicode (TCVN3/VNI runs converted); points, possibly typed as text.
 */
import type ExcelJS from 'exceljs';
import { toUnicodeFromCell, type LegacyEncoding } from '../../../shared/text/legacy-encodings';
import { unescapeFormulaText } from '../../../shared/text/spreadsheet-text';
import { fold, parseLooseNumber } from '../../../shared/text/vietnamese';

export interface CellText {
  text: string;
  converted: LegacyEncoding | null;
}

export type CellNumber = { kind: 'number'; value: number; fromText: boolean } | { kind: 'empty' } | { kind: 'bad'; text: string };

function isRichText(v: unknown): v is ExcelJS.CellRichTextValue {
  return typeof v === 'object' && v !== null && Array.isArray((v as ExcelJS.CellRichTextValue).richText);
}

/** The value behind formulas, hyperlinks and merged cells. */
function plainValue(cell: ExcelJS.Cell): unknown {
  const master = cell.isMerged ? cell.master : cell;
  const v = master.value as unknown;
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    if ('formula' in v || 'sharedFormula' in v) return (v as { result?: unknown }).result ?? null;
    if ('hyperlink' in v && 'text' in v) return (v as { text: unknown }).text;
    if ('error' in v) return null;
  }
  return v;
}

function readRawText(cell: ExcelJS.Cell): CellText {
  const master = cell.isMerged ? cell.master : cell;
  const v = plainValue(master);
  const cellFont = master.font?.name;
  if (v === null || v === undefined) return { text: '', converted: null };
  if (isRichText(v)) {
    let text = '';
    let converted: LegacyEncoding | null = null;
    for (const run of v.richText) {
      const r = toUnicodeFromCell(run.text ?? '', run.font?.name ?? cellFont);
      text += r.text;
      converted ??= r.converted;
    }
    return { text: text.trim(), converted };
  }
  if (typeof v === 'string') {
    const r = toUnicodeFromCell(v, cellFont);
    return { text: r.text.trim(), converted: r.converted };
  }
  if (typeof v === 'number') return { text: String(v), converted: null };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10), converted: null };
  return { text: String(v).trim(), converted: null };
}

/** A cell's text in NFC Unicode, converting legacy-font text run by run; our exports' formula-text escape removed. */
export function readText(cell: ExcelJS.Cell): CellText {
  const r = readRawText(cell);
  return { ...r, text: unescapeFormulaText(r.text) };
}

/** A points cell: a number, a number typed as text ("8,5", "20 điểm"), empty, or not a number. */
export function readNumber(cell: ExcelJS.Cell, text: string): CellNumber {
  const v = plainValue(cell);
  if (typeof v === 'number' && Number.isFinite(v)) return { kind: 'number', value: v, fromText: false };
  if (!text) return { kind: 'empty' };
  const stripped = text.replace(/\s*(điểm|đ)\.?$/i, '');
  const parsed = parseLooseNumber(stripped);
  if (parsed === null) return { kind: 'empty' };
  if (parsed === undefined) return { kind: 'bad', text };
  return { kind: 'number', value: parsed, fromText: true };
}

/** A cell's text folded for matching labels: no diacritics, lower case, punctuation as spaces. */
export function label(text: string): string {
  return fold(text).replace(/[.:()*]/g, ' ').replace(/\s+/g, ' ').trim();
}
