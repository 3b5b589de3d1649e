/**
 * Builds a scoring table from the classified rows of a province's sheet (scoring-table-rows.ts):
 * groups and their criteria in order, guidance lines, parents with sub-criteria, group caps read
 * from the group rows' totals, and the scale. Every doubt becomes a warning or an error naming the
 * row or cell; nothing is guessed silently.
 */
import { nominalMax } from '../../../shared/domain/scoring';
import { parseCriterionKindText, type ScoringTableContent } from '../../../shared/domain/scoring-table';
import type { CriteriaGroup, Criterion, CriterionKind } from '../../../shared/model/records';
import { formatNumberVi } from '../../../shared/text/vietnamese';
import type { CellNumber } from './scoring-table-cells';
import { capFromTitle, defaultKind, groupKindOf, sentenceCase } from './scoring-table-rows';

/** Where the builder reports what it finds (the sheet reader, which knows the sheet's name). */
export interface IssueSink {
  warn(message: string, cell?: string): void;
  fail(message: string, cell?: string): void;
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

/** A criterion row as read: its cells' contents and addresses. */
export interface CriterionRow {
  row: number;
  /** Null when the row has a title and points but no code (a code is made up and reported). */
  code: string | null;
  title: string;
  max: CellNumber;
  maxText: string;
  /** The "Loại" cell's text, when the sheet has that column. */
  kindText: string;
  guidance: string;
  /** Addresses of the row's code, title, max and kind cells. */
  cells: { code: string; title: string; max: string; kind: string | null };
  /** The max cell's formula, when it has one without a result. */
  maxFormula: string | undefined;
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

export function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export class TableBuilder {
  private readonly groups: GroupDraft[] = [];
  private readonly criteria: CriterionDraft[] = [];
  private current: GroupDraft | null = null;
  private last: CriterionDraft | null = null;
  private implicitGroup: GroupDraft | null = null;
  private totalRow: { row: number; max: number | null; cell: string } | null = null;
  /** The total row's points differ from the criteria's (reported with the row's cell). */
  totalRowMismatch = false;

  constructor(
    private readonly sink: IssueSink,
    private readonly newId: () => string,
  ) {}

  get hasCriteria(): boolean {
    return this.criteria.length > 0;
  }

  get criteriaCount(): number {
    return this.criteria.length;
  }

  /** Before any group or criterion: title lines above the table are no content. */
  get empty(): boolean {
    return this.current === null && this.last === null && this.criteria.length === 0;
  }

  /** A group row. `code` null: a bonus or deduction group without a numeral gets the next one. */
  group(code: string | null, titleText: string, row: number, max: CellNumber, cells: { code: string; max: string }): void {
    let groupCode = code;
    if (groupCode === null) {
      groupCode = nextRoman(this.groups.map((g) => g.group.code));
      this.sink.warn(`Nhóm "${short(titleText)}" (dòng ${row}) chưa có số thứ tự; đã đặt mã ${groupCode}.`, cells.code);
    }
    const title = sentenceCase(titleText) || `Nhóm ${groupCode}`;
    const kind = groupKindOf(title);
    const cap = kind !== 'normal' ? capFromTitle(title) : undefined;
    const draft: GroupDraft = {
      group: { id: this.newId(), code: groupCode, title, kind, ...(cap !== undefined ? { cap } : {}), criteria: [] },
      row,
      total: max.kind === 'number' ? { value: Math.abs(max.value), cell: cells.max } : null,
    };
    this.groups.push(draft);
    this.current = draft;
    this.last = null;
  }

  /** The total row: its points become the table's scale. */
  total(row: number, max: CellNumber, cell: string): void {
    this.totalRow = { row, max: max.kind === 'number' ? max.value : null, cell };
  }

  /** A line of text that belongs to the criterion above (its guidance); false when there is none. */
  appendToLast(text: string): boolean {
    if (!this.last) return false;
    const c = this.last.criterion;
    c.guidance = c.guidance ? `${c.guidance}\n${text}` : text;
    return true;
  }

  criterion(r: CriterionRow): void {
    let code = r.code;
    if (code === null) {
      code = nextCode(this.last?.criterion.code ?? `${Math.max(1, this.groups.length)}.0`, this.criteria.map((c) => c.criterion.code));
      this.sink.warn(`Dòng ${r.row}: tiêu chí "${short(r.title)}" chưa có mã; đã tạm đặt mã ${code}, hãy kiểm tra lại.`, r.cells.code);
    }
    const group = this.groupFor(code, r);
    if (!r.title) this.sink.fail(`Tiêu chí ${code} (dòng ${r.row}) chưa có nội dung.`, r.cells.title);
    const max = this.maxOf(code, r, group.group.kind);
    const { kind, perItem } = this.kindOf(code, r, group.group.kind);
    const draft: CriterionDraft = {
      criterion: {
        id: this.newId(),
        code,
        title: r.title || `Tiêu chí ${code}`,
        max,
        kind,
        ...(perItem !== undefined ? { perItem } : {}),
        guidance: r.guidance,
      },
      cell: r.cells.code,
      row: r.row,
    };
    const dup = this.criteria.find((c) => c.criterion.code === code);
    if (dup) this.sink.fail(`Mã tiêu chí ${code} bị trùng: ô ${dup.cell} và ô ${draft.cell}. Mỗi tiêu chí cần một mã riêng.`, draft.cell);
    group.group.criteria.push(draft.criterion);
    this.criteria.push(draft);
    this.last = draft;
  }

  /** The group a criterion goes in: the current one, or "Tiêu chí chung" for criteria before any group. */
  private groupFor(code: string, r: CriterionRow): GroupDraft {
    if (this.current) return this.current;
    if (!this.implicitGroup) {
      this.implicitGroup = {
        group: { id: this.newId(), code: this.groups.length === 0 ? 'I' : '0', title: 'Tiêu chí chung', kind: 'normal', criteria: [] },
        row: r.row,
        total: null,
      };
      this.groups.unshift(this.implicitGroup);
      this.sink.warn(`Tiêu chí ${code} (dòng ${r.row}) đứng trước mọi nhóm (I, II…); đã đưa vào nhóm "Tiêu chí chung".`, r.cells.code);
    }
    this.current = this.implicitGroup;
    return this.implicitGroup;
  }

  private maxOf(code: string, r: CriterionRow, groupKind: CriteriaGroup['kind']): number {
    const { max } = r;
    if (max.kind === 'empty') {
      this.sink.fail(
        r.maxFormula
          ? `Tiêu chí ${code}: ô điểm tối đa là công thức chưa có kết quả (=${r.maxFormula}); hãy mở tệp bằng Excel, lưu lại rồi nhập lại, hoặc gõ số điểm.`
          : `Tiêu chí ${code} chưa có điểm tối đa.`,
        r.cells.max,
      );
      return 0;
    }
    if (max.kind === 'bad') {
      this.sink.fail(`Tiêu chí ${code}: điểm tối đa "${max.text}" không phải là số.`, r.cells.max);
      return 0;
    }
    let value = max.value;
    if (value < 0) {
      if (groupKind === 'deduction') value = -value;
      else {
        this.sink.fail(`Tiêu chí ${code}: điểm tối đa ${formatNumberVi(max.value)} là số âm.`, r.cells.max);
        value = 0;
      }
    }
    if (max.fromText) this.sink.warn(`Tiêu chí ${code}: điểm tối đa được ghi dạng chữ "${r.maxText}", đã đọc là ${formatNumberVi(value)}.`, r.cells.max);
    return value;
  }

  private kindOf(code: string, r: CriterionRow, groupKind: CriteriaGroup['kind']): { kind: CriterionKind; perItem?: number } {
    const kind = defaultKind(groupKind);
    if (!r.kindText) return { kind };
    const parsed = parseCriterionKindText(r.kindText);
    if (parsed) return parsed;
    this.sink.warn(`Tiêu chí ${code}: không hiểu loại tiêu chí "${r.kindText}"; đã coi là "${kind === 'qualitative' ? 'Định tính' : r.kindText}".`, r.cells.kind ?? undefined);
    return { kind };
  }

  /** The finished table: parents resolved, group kinds and caps settled, duplicates and totals checked. */
  finish(title: string, scaleFromTitle: number | null, codeCell: (row: number) => string, sheetName: string, headerRow: number): ScoringTableContent {
    this.resolveParents();
    // A group whose criteria are all bonus (or all deduction) per the "Loại" column is such a group.
    for (const g of this.groups) {
      const kinds = new Set(g.group.criteria.map((c) => c.kind));
      if (g.group.kind === 'normal' && kinds.size === 1 && (kinds.has('bonus') || kinds.has('deduction'))) {
        g.group.kind = kinds.has('bonus') ? 'bonus' : 'deduction';
      }
    }
    this.checkGroupTotals();
    if (this.criteria.length === 0) {
      this.sink.fail(`Trang "${sheetName}" có dòng tiêu đề (dòng ${headerRow}) nhưng không có dòng tiêu chí nào (mã dạng 1.1, 1.2…).`);
    }
    const byCode = new Map<string, GroupDraft[]>();
    for (const g of this.groups) byCode.set(g.group.code, [...(byCode.get(g.group.code) ?? []), g]);
    for (const [code, list] of byCode) {
      if (list.length > 1) this.sink.fail(`Mã nhóm ${code} bị trùng: dòng ${list.map((g) => g.row).join(' và dòng ')}.`, codeCell(list[1]!.row));
    }
    const content: ScoringTableContent = { title, scale: 0, groups: this.groups.map((g) => g.group) };
    content.scale = this.scale(nominalMax(content), scaleFromTitle);
    return content;
  }

  /** The total row's points, else the scale named in the title, else the criteria's nominal total. */
  private scale(nominal: number, scaleFromTitle: number | null): number {
    const total = this.totalRow;
    if (total && total.max !== null) {
      if (Math.abs(total.max - nominal) > 1e-9) {
        this.totalRowMismatch = true;
        this.sink.warn(
          `Dòng tổng cộng ghi ${formatNumberVi(total.max)} điểm nhưng tổng điểm tối đa các tiêu chí (không tính điểm thưởng, điểm trừ) là ${formatNumberVi(nominal)}.`,
          total.cell,
        );
      }
      return total.max;
    }
    return scaleFromTitle ?? nominal;
  }

  /** "1.1" with sub-criteria "1.1.1", "1.1.2": only the sub-criteria are scored. */
  private resolveParents(): void {
    for (const parent of this.criteria) {
      const prefix = `${parent.criterion.code}.`;
      const children = this.criteria.filter((c) => c.criterion.code.startsWith(prefix));
      if (children.length === 0) continue;
      const sum = children.reduce((s, c) => s + c.criterion.max, 0);
      const childTexts = children.map((c) => c.criterion.code).join(', ');
      this.sink.warn(
        `Tiêu chí ${parent.criterion.code} có các tiêu chí con (${childTexts}): chỉ các tiêu chí con được chấm điểm; nội dung của ${parent.criterion.code} được ghi vào hướng dẫn của chúng.`,
        parent.cell,
      );
      if (parent.criterion.max && Math.abs(sum - parent.criterion.max) > 1e-9) {
        this.sink.warn(
          `Tiêu chí ${parent.criterion.code} ghi ${formatNumberVi(parent.criterion.max)} điểm nhưng các tiêu chí con cộng lại ${formatNumberVi(sum)} điểm.`,
          parent.cell,
        );
      }
      for (const child of children) {
        const note = `${parent.criterion.code}. ${parent.criterion.title}`;
        child.criterion.guidance = child.criterion.guidance ? `${note}\n${child.criterion.guidance}` : note;
      }
      for (const g of this.groups) g.group.criteria = g.group.criteria.filter((c) => c !== parent.criterion);
    }
  }

  /** A bonus or deduction group's printed total below its criteria is its cap; other differences are reported. */
  private checkGroupTotals(): void {
    for (const g of this.groups) {
      if (!g.total || g.group.criteria.length === 0) continue;
      const sum = g.group.criteria.reduce((s, c) => s + c.max, 0);
      if (Math.abs(sum - g.total.value) <= 1e-9) continue;
      if (g.group.kind !== 'normal' && g.total.value < sum && g.group.cap === undefined) {
        g.group.cap = g.total.value;
        continue;
      }
      if (g.group.kind !== 'normal' && g.group.cap !== undefined && Math.abs(g.group.cap - g.total.value) <= 1e-9) continue;
      this.sink.warn(
        `Nhóm ${g.group.code} ghi tổng ${formatNumberVi(g.total.value)} điểm nhưng các tiêu chí trong nhóm cộng lại ${formatNumberVi(sum)} điểm.`,
        g.total.cell,
      );
    }
  }
}
