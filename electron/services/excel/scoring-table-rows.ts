/**
 * What the rows of a province's scoring-table sheet hold, decided by their content, never by their
 * position: the header row and its columns, then per row a group (a Roman numeral), a criterion (a
 * numeric code), the total row, a line of explanation, or the notes and signatures that end the table.
 */
import type ExcelJS from 'exceljs';
import type { CriteriaGroup, CriterionKind } from '../../../shared/model/records';
import { isVietnameseSyllable } from '../../../shared/text/legacy-encodings';
import { fold, parseLooseNumber } from '../../../shared/text/vietnamese';
import { label, readText, type CellNumber } from './scoring-table-cells';

// ---- Header ----

export interface Columns {
  code: number;
  title: number;
  max: number;
  guidance: number | null;
  kind: number | null;
}

const CODE_LABEL = /^(s\s?tt|tt|so tt|so thu tu|ma|ma so|ma tc|ma tieu chi)$/;
const MAX_LABEL = /(diem chuan|diem toi da|thang diem|diem quy dinh|diem dinh muc|muc diem|so diem toi da|diem toi da)/;
const MAX_SUBLABEL = /^(toi da|chuan|quy dinh|dinh muc|diem chuan|diem toi da|thang diem)$/;
const SCORE_LABEL = /(tu cham|tham dinh|cham cheo|dat duoc|diem cham|de nghi)/;

function findColumns(ws: ExcelJS.Worksheet, row: number, lastCol: number): Columns | null {
  const labels: string[] = [];
  for (let c = 1; c <= lastCol; c++) labels[c] = label(readText(ws.getCell(row, c)).text);
  let code = 0;
  let title = 0;
  let max = 0;
  let guidance: number | null = null;
  let kind: number | null = null;
  for (let c = 1; c <= lastCol; c++) {
    const l = labels[c]!;
    if (!l) continue;
    if (!code && CODE_LABEL.test(l)) code = c;
    else if (!title && (l.includes('noi dung') || l === 'tieu chi' || l.startsWith('tieu chi ') || l.includes('ten tieu chi'))) title = c;
    else if (!max && MAX_LABEL.test(l) && !SCORE_LABEL.test(l)) max = c;
    else if (guidance === null && /(huong dan|cach cham|phuong phap cham|ghi chu)/.test(l)) guidance = c;
    else if (kind === null && (l === 'loai' || l.startsWith('loai tieu chi') || l === 'cach tinh')) kind = c;
  }
  if (!code || !title) return null;
  if (!max) {
    // "Điểm" over two sub-columns ("Tối đa" | "Tự chấm") in the next row.
    for (let c = 1; c <= lastCol; c++) {
      const sub = label(readText(ws.getCell(row + 1, c)).text);
      if (labels[c]!.includes('diem') && MAX_SUBLABEL.test(sub)) {
        max = c;
        break;
      }
    }
  }
  if (!max) {
    for (let c = 1; c <= lastCol; c++) if (labels[c] === 'diem') max = max || c;
  }
  if (!max) return null;
  return { code, title, max, guidance, kind };
}

/** Finds the header row in the first rows of a sheet: "TT"/"STT", "Nội dung…" and "Điểm chuẩn"/"Điểm tối đa"/"Thang điểm". */
export function locateHeader(ws: ExcelJS.Worksheet, lastRow: number, lastCol: number): { row: number; columns: Columns } | null {
  for (let r = 1; r <= Math.min(lastRow, 40); r++) {
    const columns = findColumns(ws, r, lastCol);
    if (columns) return { row: r, columns };
  }
  return null;
}

// ---- Codes and titles ----

const ROMAN = /^(?:phan\s+|nhom\s+)?([ivxlc]+)$/;
const ROMAN_PREFIX = /^((?:PHẦN|Phần|NHÓM|Nhóm)\s+)?([IVXLC]+)\s*[.)\-–:]\s*(.+)$/;
const CRITERION_CODE = /^\d{1,3}(\.\d{1,3}){0,3}\.?$/;
const CRITERION_PREFIX = /^(\d{1,3}(?:\.\d{1,3}){1,3})\.?\s+(.+)$/;
const TOTAL_LABEL = /^(tong cong|tong so diem|tong diem|tong so|cong|tong)\b/;
const END_LABEL = /^(ghi chu|luu y|nguoi lap|xac nhan|thu truong|truong khoi|t\/m|tm|noi nhan)\b/;
const UNNUMBERED_GROUP = /^(diem thuong|diem cong|diem tru)\b/;
export const COLUMN_NUMBERS = /^\(?\d{1,2}\)?$/;

/** "I" / "II." / "Phần III" → the Roman numeral, upper case; null otherwise. */
export function romanCode(text: string): string | null {
  const m = ROMAN.exec(label(text).replace(/\s*$/, ''));
  return m ? m[1]!.toUpperCase() : null;
}

export function criterionCode(text: string): string | null {
  const t = text.replace(/\s+/g, '');
  return CRITERION_CODE.test(t) ? t.replace(/\.$/, '') : null;
}

/** Words kept capitalised when an all-caps title is turned into sentence case. */
const PROPER_WORDS = ['Đảng', 'Khối', 'Nhà nước', 'Chính phủ', 'Quốc hội', 'Việt Nam', 'Thủ tướng', 'Công đoàn'];

/**
 * "THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ" → "Thực hiện nhiệm vụ chính trị". Words that are not Vietnamese
 * syllables (UBND, CNTT, PAR) stay in capitals. Text that is not all caps is returned as it is.
 */
export function sentenceCase(text: string): string {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (!letters || letters !== letters.toLocaleUpperCase('vi') || letters === letters.toLocaleLowerCase('vi')) return text;
  let out = text.replace(/\p{L}+/gu, (w) => (isVietnameseSyllable(w) ? w.toLocaleLowerCase('vi') : w));
  for (const proper of PROPER_WORDS) {
    out = out.replace(new RegExp(`(^|[^\\p{L}])${proper.toLocaleLowerCase('vi')}(?![\\p{L}])`, 'gu'), `$1${proper}`);
  }
  return out.replace(/\p{L}/u, (ch) => ch.toLocaleUpperCase('vi'));
}

export function groupKindOf(title: string): CriteriaGroup['kind'] {
  const f = fold(title);
  if (/diem thuong|diem cong/.test(f)) return 'bonus';
  if (/diem tru/.test(f)) return 'deduction';
  return 'normal';
}

export function defaultKind(group: CriteriaGroup['kind']): CriterionKind {
  return group === 'bonus' ? 'bonus' : group === 'deduction' ? 'deduction' : 'qualitative';
}

/** "(tối đa 5 điểm)" in a group's title → 5. */
export function capFromTitle(title: string): number | undefined {
  const m = /toi da\s+(\d[\d.,]*)\s*diem/.exec(fold(title));
  return m ? (parseLooseNumber(m[1]!.replace(/[.,]$/, '')) ?? undefined) : undefined;
}

// ---- Rows ----

/** The three cells of a row that say what it is. */
export interface RowCells {
  row: number;
  codeText: string;
  /** Empty when the code and title cells are one merged cell. */
  titleText: string;
  maxText: string;
  max: CellNumber;
}

export type RowClass =
  | { type: 'blank' }
  | { type: 'total' }
  /** `code` null: "Điểm thưởng" / "Điểm trừ" without a numeral. */
  | { type: 'group'; code: string | null; title: string }
  /** `code` null: a title with points but no code. */
  | { type: 'criterion'; code: string | null; title: string }
  /** Something else in the code column ("a)", "-", a note). */
  | { type: 'other-code' }
  /** A line of text without a code or points. */
  | { type: 'text' };

/** What a row holds. */
export function classifyRow({ codeText, titleText, maxText, max }: RowCells): RowClass {
  if (!codeText && !titleText && !maxText) return { type: 'blank' };
  if (TOTAL_LABEL.test(label(codeText)) || (!criterionCode(codeText) && !romanCode(codeText) && TOTAL_LABEL.test(label(titleText)))) {
    return { type: 'total' };
  }
  // Group: "I" in the code column, or "I. Nội dung" in one cell.
  const roman = romanCode(codeText);
  if (roman) return { type: 'group', code: roman, title: titleText };
  const prefixed = ROMAN_PREFIX.exec(codeText) ?? (!codeText ? ROMAN_PREFIX.exec(titleText) : null);
  if (prefixed) return { type: 'group', code: prefixed[2]!, title: prefixed[3]!.trim() };
  if (!codeText && UNNUMBERED_GROUP.test(label(titleText))) return { type: 'group', code: null, title: titleText };
  // Criterion: "1.1" in the code column, or "1.1. Nội dung" in one cell.
  const code = criterionCode(codeText);
  if (code) return { type: 'criterion', code, title: titleText };
  const m = CRITERION_PREFIX.exec(codeText) ?? (!codeText ? CRITERION_PREFIX.exec(titleText) : null);
  if (m) return { type: 'criterion', code: m[1]!, title: m[2]!.trim() };
  if (codeText) return { type: 'other-code' };
  return max.kind === 'empty' || !titleText ? { type: 'text' } : { type: 'criterion', code: null, title: titleText };
}

/** A row of notes or signatures ("Ghi chú", "Người lập", "TM. …"): once criteria were read, it ends the table. */
export function endsTable({ codeText, titleText }: RowCells): boolean {
  return !criterionCode(codeText) && END_LABEL.test(label(codeText || titleText));
}

/** A code in the code column that opens a group or a criterion (rows after the total row are checked for it). */
export function isTableCode(codeText: string): boolean {
  return !!(criterionCode(codeText) || romanCode(codeText));
}
