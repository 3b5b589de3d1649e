/**
 * Reads a scoring table from a province's Excel file into a preview; nothing is saved here (the
 * renderer shows the preview and saves the table as a draft when the user confirms).
 *
 * The files come in many shapes: title rows, a header of one or two rows with merged cells, groups
 * numbered in Roman numerals with their totals, criteria coded 1.1, 1.2 …, a total row, and
 * sometimes extra columns (self score, verified score, notes) or columns in other positions. The
 * reader finds the header row by its labels ("TT"/"STT", "Nội dung…", "Điểm chuẩn"/"Điểm tối
 * đa"/"Thang điểm"), then reads rows by what they hold (a Roman numeral opens a group, a numeric
 * code is a criterion, "Tổng cộng" ends the table), never by their position. Text in TCVN3 (ABC)
 * or VNI fonts is converted to Unicode cell by cell.
 */
import type ExcelJS from 'exceljs';
import type { CriteriaGroup, Criterion, CriterionKind } from '../../../shared/model/records';
import { parseCriterionKindText, validateScoringTable, type ScoringTableContent, type ScoringTableIssueKind } from '../../../shared/domain/scoring-table';
import { nominalMax } from '../../../shared/domain/scoring';
import { isVietnameseSyllable, toUnicodeFromCell, type LegacyEncoding } from '../../../shared/text/legacy-encodings';
import { unescapeFormulaText } from '../../../shared/text/spreadsheet-text';
import { fold, formatNumberVi, nfc, parseLooseNumber } from '../../../shared/text/vietnamese';
import { loadWorkbookSafely } from './workbook-guard';
import type { ImportIssue, ScoringTableImportPreview } from '../../../shared/api/channels/scoring';

export type { ImportIssue, ScoringTableImportPreview };

export interface ImportOptions {
  /** Id maker for groups and criteria (tests pass a counter). */
  newId?: () => string;
}

// ---- Cells ----

interface CellText {
  text: string;
  converted: LegacyEncoding | null;
}

type CellNumber = { kind: 'number'; value: number; fromText: boolean } | { kind: 'empty' } | { kind: 'bad'; text: string };

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

/** A cell's text in NFC Unicode, converting legacy-font text run by run; our exports' formula-text escape removed. */
function readText(cell: ExcelJS.Cell): CellText {
  const r = readRawText(cell);
  return { ...r, text: unescapeFormulaText(r.text) };
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

/** A points cell: a number, a number typed as text ("8,5", "20 điểm"), empty, or not a number. */
function readNumber(cell: ExcelJS.Cell, text: string): CellNumber {
  const v = plainValue(cell);
  if (typeof v === 'number' && Number.isFinite(v)) return { kind: 'number', value: v, fromText: false };
  if (!text) return { kind: 'empty' };
  const stripped = text.replace(/\s*(điểm|đ)\.?$/i, '');
  const parsed = parseLooseNumber(stripped);
  if (parsed === null) return { kind: 'empty' };
  if (parsed === undefined) return { kind: 'bad', text };
  return { kind: 'number', value: parsed, fromText: true };
}

// ---- Header ----

interface Columns {
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

function label(text: string): string {
  return fold(text).replace(/[.:()*]/g, ' ').replace(/\s+/g, ' ').trim();
}

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

// ---- Rows ----

const ROMAN = /^(?:phan\s+|nhom\s+)?([ivxlc]+)$/;
const ROMAN_PREFIX = /^((?:PHẦN|Phần|NHÓM|Nhóm)\s+)?([IVXLC]+)\s*[.)\-–:]\s*(.+)$/;
const CRITERION_CODE = /^\d{1,3}(\.\d{1,3}){0,3}\.?$/;
const CRITERION_PREFIX = /^(\d{1,3}(?:\.\d{1,3}){1,3})\.?\s+(.+)$/;
const TOTAL_LABEL = /^(tong cong|tong so diem|tong diem|tong so|cong|tong)\b/;
const END_LABEL = /^(ghi chu|luu y|nguoi lap|xac nhan|thu truong|truong khoi|t\/m|tm|noi nhan)\b/;
const COLUMN_NUMBERS = /^\(?\d{1,2}\)?$/;

/** "I" / "II." / "Phần III" → the Roman numeral, upper case; null otherwise. */
function romanCode(text: string): string | null {
  const m = ROMAN.exec(label(text).replace(/\s*$/, ''));
  return m ? m[1]!.toUpperCase() : null;
}

function criterionCode(text: string): string | null {
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

function groupKindOf(title: string): CriteriaGroup['kind'] {
  const f = fold(title);
  if (/diem thuong|diem cong/.test(f)) return 'bonus';
  if (/diem tru/.test(f)) return 'deduction';
  return 'normal';
}

function defaultKind(group: CriteriaGroup['kind']): CriterionKind {
  return group === 'bonus' ? 'bonus' : group === 'deduction' ? 'deduction' : 'qualitative';
}

/** "(tối đa 5 điểm)" in a group's title → 5. */
function capFromTitle(title: string): number | undefined {
  const m = /toi da\s+(\d[\d.,]*)\s*diem/.exec(fold(title));
  return m ? (parseLooseNumber(m[1]!.replace(/[.,]$/, '')) ?? undefined) : undefined;
}

interface GroupDraft {
  group: CriteriaGroup;
  row: number;
  /** The total printed on the group row, with its cell. */
  total: { value: number; cell: string } | null;
}

interface CriterionDraft {
  criterion: Criterion;
  cell: string;
  row: number;
}

class SheetReader {
  readonly warnings: ImportIssue[] = [];
  readonly errors: ImportIssue[] = [];
  readonly converted = new Map<LegacyEncoding, string[]>();
  /** The total row's points differ from the criteria's (reported with the row's cell). */
  totalRowMismatch = false;

  constructor(
    private readonly ws: ExcelJS.Worksheet,
    private readonly newId: () => string,
  ) {}

  private addr(row: number, col: number): string {
    return this.ws.getCell(row, col).address;
  }

  warn(message: string, cell?: string): void {
    this.warnings.push({ message, sheet: this.ws.name, ...(cell ? { cell } : {}) });
  }

  fail(message: string, cell?: string): void {
    this.errors.push({ message, sheet: this.ws.name, ...(cell ? { cell } : {}) });
  }

  text(row: number, col: number): string {
    const cell = this.ws.getCell(row, col);
    const r = readText(cell);
    if (r.converted) {
      const list = this.converted.get(r.converted) ?? [];
      const addr = (cell.isMerged ? cell.master : cell).address;
      if (!list.includes(addr)) list.push(addr);
      this.converted.set(r.converted, list);
    }
    return r.text;
  }

  read(columns: Columns, headerRow: number, lastRow: number, lastCol: number) {
    const ws = this.ws;
    // Title rows above the header: the table's title and year.
    const titleLines: string[] = [];
    for (let r = 1; r < headerRow; r++) {
      for (let c = 1; c <= lastCol; c++) {
        const t = this.text(r, c);
        if (t && !titleLines.includes(t)) titleLines.push(t);
      }
    }
    for (let c = 1; c <= lastCol; c++) this.text(headerRow, c); // counts converted header cells
    const titleLine =
      titleLines.find((t) => /^bang\b/.test(fold(t)) && /diem|tieu chi/.test(fold(t))) ??
      titleLines.find((t) => /cham diem|thang diem|tieu chi/.test(fold(t))) ??
      '';
    const title = titleLine ? sentenceCase(titleLine) : 'Bảng chấm điểm thi đua';
    const yearMatch = /nam\s+(20\d\d)\b/.exec(fold(titleLines.join(' '))) ?? /\b(20\d\d)\b/.exec(titleLines.join(' '));
    const year = yearMatch ? Number(yearMatch[1]) : null;
    const scaleFromTitle = /thang diem\s+(\d[\d.]*)/.exec(fold(titleLines.join(' ')));

    // Rows under the header that still belong to it (second header row, column numbers).
    let r = headerRow + 1;
    for (let guard = 0; guard < 3 && r <= lastRow; guard++) {
      const codeCell = ws.getCell(r, columns.code);
      const underHeader = codeCell.isMerged && Number(codeCell.master.row) <= headerRow;
      const numbers = COLUMN_NUMBERS.test(this.text(r, columns.code)) && COLUMN_NUMBERS.test(this.text(r, columns.title));
      const subHeader = !this.text(r, columns.code) && !this.text(r, columns.title) && readNumber(ws.getCell(r, columns.max), this.text(r, columns.max)).kind !== 'number';
      if (!(underHeader || numbers || subHeader)) break;
      r++;
    }

    const groups: GroupDraft[] = [];
    const criteria: CriterionDraft[] = [];
    let current: GroupDraft | null = null;
    let last: CriterionDraft | null = null;
    let totalRow: { row: number; max: number | null } | null = null;
    let implicitGroup: GroupDraft | null = null;

    const openGroup = (code: string, titleText: string, row: number): GroupDraft => {
      const t = sentenceCase(titleText) || `Nhóm ${code}`;
      const kind = groupKindOf(t);
      const cap = kind !== 'normal' ? capFromTitle(t) : undefined;
      const g: GroupDraft = {
        group: { id: this.newId(), code, title: t, kind, ...(cap !== undefined ? { cap } : {}), criteria: [] },
        row,
        total: null,
      };
      const max = readNumber(ws.getCell(row, columns.max), this.text(row, columns.max));
      if (max.kind === 'number') g.total = { value: Math.abs(max.value), cell: this.addr(row, columns.max) };
      groups.push(g);
      return g;
    };

    for (; r <= lastRow; r++) {
      const codeText = this.text(r, columns.code);
      const sameCell = ws.getCell(r, columns.code).isMerged && ws.getCell(r, columns.title).isMerged &&
        ws.getCell(r, columns.code).master.address === ws.getCell(r, columns.title).master.address;
      const titleText = sameCell ? '' : this.text(r, columns.title);
      const maxText = this.text(r, columns.max);
      if (!codeText && !titleText && !maxText) continue;

      // Notes and signatures under the table end it.
      if (criteria.length > 0 && !criterionCode(codeText) && END_LABEL.test(label(codeText || titleText))) break;

      // Total row.
      if (TOTAL_LABEL.test(label(codeText)) || (!criterionCode(codeText) && !romanCode(codeText) && TOTAL_LABEL.test(label(titleText)))) {
        const n = readNumber(ws.getCell(r, columns.max), maxText);
        totalRow = { row: r, max: n.kind === 'number' ? n.value : null };
        if (criteria.length > 0) {
          for (let after = r + 1; after <= lastRow; after++) {
            const code = this.text(after, columns.code);
            if (criterionCode(code) || romanCode(code)) {
              this.warn(
                `Các dòng sau dòng tổng cộng (dòng ${r}) không được đọc, kể cả dòng ${after} có mã "${code}". Nếu đó là tiêu chí, hãy đưa lên trên dòng tổng cộng.`,
                this.addr(after, columns.code),
              );
              break;
            }
          }
          break;
        }
        continue;
      }

      // Group row: "I" in the code column, or "I. Nội dung" in one cell.
      let groupCode = romanCode(codeText);
      let groupTitle = titleText;
      if (!groupCode) {
        const m = ROMAN_PREFIX.exec(codeText) ?? (!codeText ? ROMAN_PREFIX.exec(titleText) : null);
        if (m) {
          groupCode = m[2]!;
          groupTitle = m[3]!.trim();
        }
      }
      if (!groupCode && !codeText && /^(diem thuong|diem cong|diem tru)\b/.test(label(titleText))) {
        // "Điểm thưởng" / "Điểm trừ" as a group without a numeral: the next one.
        groupCode = nextRoman(groups.map((g) => g.group.code));
        this.warn(`Nhóm "${short(titleText)}" (dòng ${r}) chưa có số thứ tự; đã đặt mã ${groupCode}.`, this.addr(r, columns.code));
      }
      if (groupCode) {
        current = openGroup(groupCode, groupTitle, r);
        last = null;
        continue;
      }

      // Criterion row: "1.1" in the code column, or "1.1. Nội dung" in one cell.
      let code = criterionCode(codeText);
      let ctitle = titleText;
      if (!code) {
        const m = CRITERION_PREFIX.exec(codeText) ?? (!codeText ? CRITERION_PREFIX.exec(titleText) : null);
        if (m) {
          code = m[1]!;
          ctitle = m[2]!.trim();
        }
      }
      const max = readNumber(ws.getCell(r, columns.max), maxText);
      if (!code && codeText) {
        // Something else in the code column ("a)", "-", a note): text belonging to the criterion above.
        if (last && !maxText) {
          this.appendGuidance(last, [codeText, titleText].filter(Boolean).join(' '));
          continue;
        }
        this.warn(
          `Dòng ${r} có "${codeText}" ở cột mã, không phải mã nhóm (I, II…) hay mã tiêu chí (1.1, 1.2…); dòng này không được đọc.`,
          this.addr(r, columns.code),
        );
        continue;
      }
      if (!code) {
        if (max.kind === 'empty' || !ctitle) {
          // A line of explanation under a criterion.
          if (last && ctitle) this.appendGuidance(last, ctitle);
          else if (ctitle && !last && current === null && criteria.length === 0) continue;
          else if (ctitle) this.warn(`Dòng ${r} có nội dung nhưng không có mã và điểm; dòng này không được đọc.`, this.addr(r, columns.title));
          continue;
        }
        code = nextCode(last?.criterion.code ?? `${Math.max(1, groups.length)}.0`, criteria.map((c) => c.criterion.code));
        this.warn(`Dòng ${r}: tiêu chí "${short(ctitle)}" chưa có mã; đã tạm đặt mã ${code}, hãy kiểm tra lại.`, this.addr(r, columns.code));
      }
      if (!current) {
        if (!implicitGroup) {
          implicitGroup = {
            group: { id: this.newId(), code: groups.length === 0 ? 'I' : '0', title: 'Tiêu chí chung', kind: 'normal', criteria: [] },
            row: r,
            total: null,
          };
          groups.unshift(implicitGroup);
          this.warn(
            `Tiêu chí ${code} (dòng ${r}) đứng trước mọi nhóm (I, II…); đã đưa vào nhóm "Tiêu chí chung".`,
            this.addr(r, columns.code),
          );
        }
        current = implicitGroup;
      }
      const cell = this.addr(r, columns.code);
      if (!ctitle) this.fail(`Tiêu chí ${code} (dòng ${r}) chưa có nội dung.`, this.addr(r, columns.title));
      let maxValue = 0;
      const maxCell = this.addr(r, columns.max);
      if (max.kind === 'empty') {
        const formula = ws.getCell(r, columns.max).formula;
        this.fail(
          formula
            ? `Tiêu chí ${code}: ô điểm tối đa là công thức chưa có kết quả (=${formula}); hãy mở tệp bằng Excel, lưu lại rồi nhập lại, hoặc gõ số điểm.`
            : `Tiêu chí ${code} chưa có điểm tối đa.`,
          maxCell,
        );
      } else if (max.kind === 'bad') {
        this.fail(`Tiêu chí ${code}: điểm tối đa "${max.text}" không phải là số.`, maxCell);
      } else {
        maxValue = max.value;
        if (maxValue < 0) {
          if (current.group.kind === 'deduction') maxValue = -maxValue;
          else {
            this.fail(`Tiêu chí ${code}: điểm tối đa ${formatNumberVi(max.value)} là số âm.`, maxCell);
            maxValue = 0;
          }
        }
        if (max.fromText) this.warn(`Tiêu chí ${code}: điểm tối đa được ghi dạng chữ "${maxText}", đã đọc là ${formatNumberVi(maxValue)}.`, maxCell);
      }
      let kind = defaultKind(current.group.kind);
      let perItem: number | undefined;
      if (columns.kind !== null) {
        const kindText = this.text(r, columns.kind);
        if (kindText) {
          const parsed = parseCriterionKindText(kindText);
          if (parsed) {
            kind = parsed.kind;
            perItem = parsed.perItem;
          } else {
            this.warn(`Tiêu chí ${code}: không hiểu loại tiêu chí "${kindText}"; đã coi là "${kind === 'qualitative' ? 'Định tính' : kindText}".`, this.addr(r, columns.kind));
          }
        }
      }
      const guidance = columns.guidance !== null ? this.text(r, columns.guidance) : '';
      const draft: CriterionDraft = {
        criterion: {
          id: this.newId(),
          code,
          title: ctitle || `Tiêu chí ${code}`,
          max: maxValue,
          kind,
          ...(perItem !== undefined ? { perItem } : {}),
          guidance,
        },
        cell,
        row: r,
      };
      const dup = criteria.find((c) => c.criterion.code === code);
      if (dup) {
        this.fail(`Mã tiêu chí ${code} bị trùng: ô ${dup.cell} và ô ${cell}. Mỗi tiêu chí cần một mã riêng.`, cell);
      }
      current.group.criteria.push(draft.criterion);
      criteria.push(draft);
      last = draft;
    }

    this.resolveParents(groups, criteria);
    // A group whose criteria are all bonus (or all deduction) per the "Loại" column is such a group.
    for (const g of groups) {
      const kinds = new Set(g.group.criteria.map((c) => c.kind));
      if (g.group.kind === 'normal' && kinds.size === 1 && (kinds.has('bonus') || kinds.has('deduction'))) {
        g.group.kind = kinds.has('bonus') ? 'bonus' : 'deduction';
      }
    }
    this.checkGroupTotals(groups);

    if (criteria.length === 0) {
      this.fail(`Trang "${ws.name}" có dòng tiêu đề (dòng ${headerRow}) nhưng không có dòng tiêu chí nào (mã dạng 1.1, 1.2…).`);
    }
    const dupGroups = new Map<string, GroupDraft[]>();
    for (const g of groups) dupGroups.set(g.group.code, [...(dupGroups.get(g.group.code) ?? []), g]);
    for (const [code, list] of dupGroups) {
      if (list.length > 1) {
        this.fail(
          `Mã nhóm ${code} bị trùng: dòng ${list.map((g) => g.row).join(' và dòng ')}.`,
          this.addr(list[1]!.row, columns.code),
        );
      }
    }

    const content: ScoringTableContent = { title, scale: 0, groups: groups.map((g) => g.group) };
    const nominal = nominalMax(content);
    let scale = nominal;
    if (totalRow?.max !== null && totalRow?.max !== undefined) {
      scale = totalRow.max;
      if (Math.abs(scale - nominal) > 1e-9) {
        this.totalRowMismatch = true;
        this.warn(
          `Dòng tổng cộng ghi ${formatNumberVi(scale)} điểm nhưng tổng điểm tối đa các tiêu chí (không tính điểm thưởng, điểm trừ) là ${formatNumberVi(nominal)}.`,
          this.addr(totalRow.row, columns.max),
        );
      }
    } else if (scaleFromTitle) {
      const s = parseLooseNumber(scaleFromTitle[1]!.replace(/\.$/, ''));
      if (typeof s === 'number') scale = s;
    }
    content.scale = scale;
    return { content, year, criteriaCount: criteria.length };
  }

  private appendGuidance(d: CriterionDraft, text: string): void {
    d.criterion.guidance = d.criterion.guidance ? `${d.criterion.guidance}\n${text}` : text;
  }

  /** "1.1" with sub-criteria "1.1.1", "1.1.2": only the sub-criteria are scored. */
  private resolveParents(groups: GroupDraft[], criteria: CriterionDraft[]): void {
    for (const parent of criteria) {
      const prefix = `${parent.criterion.code}.`;
      const children = criteria.filter((c) => c.criterion.code.startsWith(prefix));
      if (children.length === 0) continue;
      const sum = children.reduce((s, c) => s + c.criterion.max, 0);
      const childTexts = children.map((c) => c.criterion.code).join(', ');
      this.warn(
        `Tiêu chí ${parent.criterion.code} có các tiêu chí con (${childTexts}): chỉ các tiêu chí con được chấm điểm; nội dung của ${parent.criterion.code} được ghi vào hướng dẫn của chúng.`,
        parent.cell,
      );
      if (parent.criterion.max && Math.abs(sum - parent.criterion.max) > 1e-9) {
        this.warn(
          `Tiêu chí ${parent.criterion.code} ghi ${formatNumberVi(parent.criterion.max)} điểm nhưng các tiêu chí con cộng lại ${formatNumberVi(sum)} điểm.`,
          parent.cell,
        );
      }
      for (const child of children) {
        const note = `${parent.criterion.code}. ${parent.criterion.title}`;
        child.criterion.guidance = child.criterion.guidance ? `${note}\n${child.criterion.guidance}` : note;
      }
      for (const g of groups) g.group.criteria = g.group.criteria.filter((c) => c !== parent.criterion);
    }
  }

  private checkGroupTotals(groups: GroupDraft[]): void {
    for (const g of groups) {
      if (!g.total || g.group.criteria.length === 0) continue;
      const sum = g.group.criteria.reduce((s, c) => s + c.max, 0);
      if (Math.abs(sum - g.total.value) <= 1e-9) continue;
      if (g.group.kind !== 'normal' && g.total.value < sum && g.group.cap === undefined) {
        g.group.cap = g.total.value;
        continue;
      }
      if (g.group.kind !== 'normal' && g.group.cap !== undefined && Math.abs(g.group.cap - g.total.value) <= 1e-9) continue;
      this.warn(
        `Nhóm ${g.group.code} ghi tổng ${formatNumberVi(g.total.value)} điểm nhưng các tiêu chí trong nhóm cộng lại ${formatNumberVi(sum)} điểm.`,
        g.total.cell,
      );
    }
  }
}

const ROMANS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];
function nextRoman(used: string[]): string {
  return ROMANS.find((r) => !used.includes(r)) ?? `N${used.length + 1}`;
}

/** The code after `previous` ("1.3" → "1.4", "2" → "3") that no criterion uses yet. */
function nextCode(previous: string, used: string[]): string {
  const parts = previous.split('.');
  let n = Number(parts.pop()) + 1;
  const stem = parts.length ? `${parts.join('.')}.` : '';
  while (used.includes(`${stem}${n}`)) n++;
  return `${stem}${n}`;
}

function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const ENCODING_NAMES: Record<LegacyEncoding, string> = { tcvn3: 'TCVN3 (ABC, phông .VnTime)', vni: 'VNI (phông VNI-Times)' };

/** Warnings of validateScoringTable that the row reader does not report itself. */
const TABLE_CHECKS_TO_REPORT: ReadonlySet<ScoringTableIssueKind> = new Set(['scale-mismatch', 'group-cap-above-sum', 'group-empty', 'max-zero']);

/** Finds the header row in the first rows of a sheet. */
function locateHeader(ws: ExcelJS.Worksheet, lastRow: number, lastCol: number): { row: number; columns: Columns } | null {
  for (let r = 1; r <= Math.min(lastRow, 40); r++) {
    const columns = findColumns(ws, r, lastCol);
    if (columns) return { row: r, columns };
  }
  return null;
}

/** Reads the scoring table from an already loaded workbook. */
export function readScoringTableWorkbook(
  workbook: ExcelJS.Workbook,
  fileName: string,
  options: ImportOptions = {},
): ScoringTableImportPreview {
  const newId = options.newId ?? (() => crypto.randomUUID());
  const sheets = [...workbook.worksheets].sort((a, b) => Number(a.state !== 'visible') - Number(b.state !== 'visible'));
  const found: { ws: ExcelJS.Worksheet; row: number; columns: Columns; lastRow: number; lastCol: number }[] = [];
  for (const ws of sheets) {
    const lastRow = Math.min(ws.rowCount, 5000);
    const lastCol = Math.min(ws.columnCount, 40);
    const header = locateHeader(ws, lastRow, lastCol);
    if (header) found.push({ ws, ...header, lastRow, lastCol });
  }
  const first = found[0];
  if (!first) {
    return {
      fileName,
      sheet: '',
      table: { title: '', scale: 0, groups: [] },
      year: null,
      criteriaCount: 0,
      warnings: [],
      errors: [
        {
          message: `Không tìm thấy bảng chấm điểm trong tệp '${fileName}': cần một dòng tiêu đề có các cột "TT" (hoặc "STT"), "Nội dung tiêu chí" và "Điểm chuẩn" (hoặc "Điểm tối đa", "Thang điểm") trong 40 dòng đầu của một trang tính.`,
        },
      ],
      convertedFromLegacy: false,
      legacyEncodings: [],
    };
  }
  const reader = new SheetReader(first.ws, newId);
  const { content, year, criteriaCount } = reader.read(first.columns, first.row, first.lastRow, first.lastCol);
  if (found.length > 1) {
    reader.warnings.unshift({
      message: `Tệp có ${found.length} trang tính dạng bảng chấm điểm (${found.map((f) => `"${f.ws.name}"`).join(', ')}); đã đọc trang "${first.ws.name}".`,
    });
  }
  for (const [enc, cells] of reader.converted) {
    reader.warnings.push({
      message: `${cells.length} ô được gõ bằng bảng mã ${ENCODING_NAMES[enc]} và đã được chuyển sang Unicode (ví dụ ô ${cells.slice(0, 3).join(', ')}); hãy kiểm tra lại chữ trong bản xem trước.`,
      sheet: first.ws.name,
      cell: cells[0]!,
    });
  }
  // Checks of the finished table that the row reader has not already reported.
  for (const issue of validateScoringTable(content)) {
    if (issue.level !== 'warning' || !TABLE_CHECKS_TO_REPORT.has(issue.kind)) continue;
    // A total row that disagrees with the criteria was already reported, with its cell.
    if (issue.kind === 'scale-mismatch' && reader.totalRowMismatch) continue;
    reader.warnings.push({ message: issue.message, sheet: first.ws.name });
  }
  return {
    fileName,
    sheet: first.ws.name,
    table: content,
    year,
    criteriaCount,
    warnings: reader.warnings,
    errors: reader.errors,
    convertedFromLegacy: reader.converted.size > 0,
    legacyEncodings: [...reader.converted.keys()],
  };
}

/** Opens an untrusted file (refused with a UserError when it is no usable .xlsx) and reads its scoring table. */
export async function readScoringTableExcel(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
): Promise<ScoringTableImportPreview> {
  const workbook = await loadWorkbookSafely(bytes, fileName);
  return readScoringTableWorkbook(workbook, fileName, options);
}
