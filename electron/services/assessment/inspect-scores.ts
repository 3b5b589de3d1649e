/**
 * Inspecting returned files, step 4: reading the scores. Rows are matched by criterion code, never
 * by position, so inserted, deleted, moved or sorted rows are fine. Each criterion then goes one
 * way through: its row, its cell's value (a number, a number typed as text, a formula's cached
 * result, which exceljs may lose and the sheet XML keeps), the range checks, its note.
 */
import type ExcelJS from 'exceljs';
import type { InspectProblem, InspectScore } from '../../../shared/domain/assessment-import';
import { tableCriteria, type TableCriterion } from '../../../shared/domain/scoring';
import { scoreValueProblem } from '../../../shared/domain/score-value';
import { toUnicodeFromCell } from '../../../shared/text/legacy-encodings';
import { formatNumberVi, nfc, readNumberText } from '../../../shared/text/vietnamese';
import type { CachedResult, FormulaResults } from '../excel/sheet-xml';
import { cellText, plainText } from './cell-text';
import type { InputLayout } from './inspect-layout';
import type { YearContext } from './year-context';

const n = (v: number) => formatNumberVi(v);

export type Parsed =
  | { kind: 'blank' }
  | { kind: 'number'; value: number; warning?: string }
  | { kind: 'error'; message: string };

/**
 * A score typed as text, read by the one rule of shared/text (readNumberText, with the criterion's
 * maximum deciding an ambiguous "1.000"), with the reading told back in Vietnamese.
 */
export function scoreFromText(raw: string, max: number): Parsed {
  const s = raw.replace(/\u00a0/g, ' ').trim();
  const shown = `"${s}"`;
  const r = readNumberText(s, { max });
  if (r.kind === 'blank') return r;
  if (r.kind === 'invalid') return { kind: 'error', message: `Giá trị ${shown} không phải là số điểm. Hãy nhập một số từ 0 đến ${n(max)}.` };
  const value = r.value;
  const warning = {
    integer: `Điểm được nhập dạng chữ ${shown}, đã hiểu là ${n(value)}.`,
    'decimal-comma': `Điểm được nhập dạng chữ ${shown} (dấu phẩy thập phân), đã hiểu là ${n(value)}.`,
    'decimal-point': `Điểm được nhập dạng chữ ${shown} (dấu chấm thập phân), đã hiểu là ${n(value)}.`,
    grouped: `Điểm được nhập dạng chữ ${shown} (có dấu phân cách hàng nghìn), đã hiểu là ${n(value)}.`,
    thousands: `Giá trị ${shown} được hiểu là ${n(value)} (dấu phân cách hàng nghìn).`,
    'decimal-by-max': `Giá trị ${shown} được hiểu là ${n(value)} (số thập phân) vì điểm tối đa là ${n(max)}.`,
  }[r.how];
  return { kind: 'number', value, warning };
}

/** A formula's cached result as exceljs would give it, from the sheet XML when exceljs dropped it. */
function fromXml(c: CachedResult | null | undefined): unknown {
  if (!c) return undefined;
  return c.kind === 'error' ? { error: c.value } : c.value;
}

/** A formula cell: its cached result (exceljs's, else the sheet XML's) read as a score. */
function formulaScore(cell: ExcelJS.Cell, v: object, max: number, results?: FormulaResults): Parsed & { formula: string } {
  // cell.formula translates a shared formula to this cell (the value only names the master cell).
  const f = cell.formula || ((v as { formula?: string }).formula ?? '');
  let r = (v as { result?: unknown }).result;
  if (r === undefined && results) r = fromXml(results.get(cell.worksheet.name, cell.address));
  if (typeof r === 'boolean') {
    return { kind: 'error', formula: f, message: `Công thức =${f} cho kết quả đúng/sai (${r ? 'TRUE' : 'FALSE'}), không phải số điểm.` };
  }
  if (r === undefined || r === null) {
    return {
      kind: 'error',
      formula: f,
      message: `Ô chứa công thức =${f} nhưng không có kết quả tính sẵn. Hãy mở tệp bằng Excel để tính lại, lưu rồi nhập lại (hoặc nhập trực tiếp số điểm).`,
    };
  }
  if (typeof r === 'number') return { kind: 'number', value: r, formula: f };
  if (typeof r === 'object' && r && 'error' in r) {
    return { kind: 'error', formula: f, message: `Công thức =${f} cho kết quả lỗi ${String((r as { error: unknown }).error)}.` };
  }
  return { ...scoreFromText(String(r), max), formula: f };
}

/**
 * Parses a score cell. `results` gives the cached results exceljs loses (a result of 0 reads as
 * no result at all): the sheet XML is read only when a formula without a result is met.
 */
export function parseScoreCell(cell: ExcelJS.Cell, max: number, results?: FormulaResults): Parsed & { formula?: string } {
  const v = cell.value;
  if (v === null || v === undefined) return { kind: 'blank' };
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: v } : { kind: 'error', message: 'Giá trị không phải là số hữu hạn.' };
  if (typeof v === 'string') return scoreFromText(nfc(v), max);
  if (typeof v === 'boolean') return { kind: 'error', message: `Ô chứa giá trị đúng/sai (${v ? 'TRUE' : 'FALSE'}), không phải số điểm.` };
  if (v instanceof Date) return { kind: 'error', message: 'Ô chứa ngày tháng, không phải số điểm. Hãy định dạng ô là Số (Number) và nhập lại.' };
  if (typeof v === 'object') {
    if ('error' in v) return { kind: 'error', message: `Ô có lỗi ${String((v as { error: unknown }).error)}, không có số điểm.` };
    if ('formula' in v || 'sharedFormula' in v) return formulaScore(cell, v, max, results);
    if ('richText' in v || 'text' in v) {
      const t = cellText(cell);
      return t ? scoreFromText(nfc(t.text), max) : { kind: 'blank' };
    }
  }
  return { kind: 'error', message: 'Ô chứa dữ liệu không phải số điểm.' };
}

export interface ScoresRead {
  scores: InspectScore[];
  errors: InspectProblem[];
  warnings: InspectProblem[];
}

function looksLikeCode(s: string): boolean {
  return s.length <= 20 && !/\s/.test(s) && /^[A-Za-z0-9IVXLC]+([.\-/][A-Za-z0-9]+)*\.?$/.test(s) && /[0-9]|^[IVXLC]+\.?$/.test(s);
}

const codeKey = (code: string) => code.toUpperCase().replace(/\.$/, '');

/**
 * The row of each criterion, by its code in the code column (exact, else ignoring case and a
 * trailing dot). Codes met twice and codes the table does not know are reported, in row order.
 */
function locateRows(ctx: YearContext, layout: InputLayout, criteria: TableCriterion[], results: FormulaResults, out: ScoresRead): Map<string, number> {
  const { sheet, headerRow, codeCol, selfCol } = layout;
  const byCode = new Map(criteria.map((c) => [c.criterion.code, c]));
  const byFolded = new Map(criteria.map((c) => [codeKey(c.criterion.code), c]));
  const groupCodes = new Set(ctx.table.groups.map((g) => codeKey(g.code)));
  const rows = new Map<string, number>();
  const addr = (row: number) => sheet.getCell(row, codeCol).address;
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const code = plainText(sheet.getCell(r, codeCol));
    if (!code) continue;
    const hit = byCode.get(code) ?? byFolded.get(codeKey(code));
    if (hit) {
      const previous = rows.get(hit.criterion.code);
      if (previous === undefined) rows.set(hit.criterion.code, r);
      else {
        out.errors.push({
          kind: 'duplicate-code',
          code: hit.criterion.code,
          sheet: sheet.name,
          cell: addr(r),
          message: `Tiêu chí ${hit.criterion.code} xuất hiện hai lần (ô ${addr(previous)} và ${addr(r)}, trang '${sheet.name}'). Hãy xóa dòng thừa.`,
        });
      }
      continue;
    }
    if (groupCodes.has(codeKey(code)) || !looksLikeCode(code)) continue;
    const selfCell = sheet.getCell(r, selfCol);
    const hasValue = parseScoreCell(selfCell, Number.MAX_SAFE_INTEGER, results).kind !== 'blank';
    (hasValue ? out.errors : out.warnings).push({
      kind: 'unknown-code',
      code,
      sheet: sheet.name,
      cell: addr(r),
      message: hasValue
        ? `Mã "${code}" (ô ${addr(r)}, trang '${sheet.name}') không có trong bảng chấm điểm năm ${ctx.year.year}, nên điểm ở ô ${selfCell.address} không biết thuộc tiêu chí nào. Hãy sửa lại mã tiêu chí.`
        : `Mã "${code}" (ô ${addr(r)}, trang '${sheet.name}') không có trong bảng chấm điểm năm ${ctx.year.year}; dòng này được bỏ qua.`,
    });
  }
  return rows;
}

/** The problems of a value against its criterion: sign, maximum, whole items of a per-count criterion. */
function rangeProblems({ criterion, contribution }: TableCriterion, value: number, where: Omit<InspectProblem, 'kind' | 'message'>, out: ScoresRead): void {
  // The one range rule (shared/domain/score-value.ts, also the verification grid's); the place goes in front.
  const problem = scoreValueProblem(criterion, contribution, value);
  if (!problem) return;
  const at = `Tiêu chí ${criterion.code}, ô ${where.cell} (trang '${where.sheet}')`;
  (problem.severity === 'error' ? out.errors : out.warnings).push({ kind: problem.kind, ...where, message: `${at}: ${problem.message}` });
}

/** The note of a criterion's row, converted from a legacy encoding when its font says so. */
function readNote(layout: InputLayout, row: number, code: string, out: ScoresRead): string {
  if (!layout.noteCol) return '';
  const noteCell = layout.sheet.getCell(row, layout.noteCol);
  const t = cellText(noteCell);
  if (!t) return '';
  const converted = toUnicodeFromCell(t.text, t.font);
  const note = converted.text.trim().slice(0, 2000);
  if (converted.converted) {
    out.warnings.push({
      kind: 'legacy-encoding',
      code,
      sheet: layout.sheet.name,
      cell: noteCell.address,
      message: `Ghi chú tiêu chí ${code} (ô ${noteCell.address}) dùng bảng mã ${converted.converted === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI'} cũ, đã chuyển sang Unicode: "${note.slice(0, 80)}".`,
    });
  }
  return note;
}

/** One criterion's score from its row: the value, its problems, the note. */
function readCriterion(hit: TableCriterion, row: number, layout: InputLayout, results: FormulaResults, out: ScoresRead): InspectScore {
  const { criterion } = hit;
  const sheetName = layout.sheet.name;
  const cell = layout.sheet.getCell(row, layout.selfCol);
  const where = { code: criterion.code, sheet: sheetName, cell: cell.address };
  const at = `Tiêu chí ${criterion.code}, ô ${cell.address} (trang '${sheetName}')`;
  const parsed = parseScoreCell(cell, criterion.max, results);
  let value: number | null = null;
  let raw: string | undefined;
  if (parsed.kind === 'blank') {
    out.warnings.push({
      kind: 'blank',
      ...where,
      message: `Tiêu chí ${criterion.code} chưa có điểm (ô ${cell.address} để trống, trang '${sheetName}'). Nếu không đạt, hãy nhập 0.`,
    });
  } else if (parsed.kind === 'error') {
    out.errors.push({ kind: 'not-a-number', ...where, message: `${at}: ${parsed.message}` });
  } else {
    value = parsed.value;
    if (parsed.warning) {
      raw = plainText(cell);
      out.warnings.push({ kind: 'text-number', ...where, message: `${at}: ${parsed.warning}` });
    }
    rangeProblems(hit, value, where, out);
  }
  const note = readNote(layout, row, criterion.code, out);
  return {
    code: criterion.code,
    value,
    max: criterion.max,
    sheet: sheetName,
    cell: cell.address,
    note,
    found: true,
    ...(raw !== undefined ? { raw } : {}),
    ...(parsed.kind !== 'blank' && 'formula' in parsed && parsed.formula ? { formula: parsed.formula } : {}),
  };
}

/** Every criterion of the table in force, in the table's order, read from the score table of `layout`. */
export function readScores(ctx: YearContext, layout: InputLayout, results: FormulaResults): ScoresRead {
  const out: ScoresRead = { scores: [], errors: [], warnings: [] };
  const criteria = tableCriteria(ctx.table);
  const rows = locateRows(ctx, layout, criteria, results, out);
  const sheetName = layout.sheet.name;
  for (const hit of criteria) {
    const { criterion } = hit;
    const row = rows.get(criterion.code);
    if (row !== undefined) {
      out.scores.push(readCriterion(hit, row, layout, results, out));
      continue;
    }
    out.scores.push({ code: criterion.code, value: null, max: criterion.max, sheet: sheetName, cell: null, note: '', found: false });
    out.warnings.push({
      kind: 'missing-row',
      code: criterion.code,
      sheet: sheetName,
      message: `Không tìm thấy dòng của tiêu chí ${criterion.code} trong trang '${sheetName}' (dòng bị xóa hoặc mã bị sửa); tiêu chí này được coi là chưa chấm.`,
    });
  }
  return out;
}
