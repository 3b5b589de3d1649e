/**
 * Reads returned self-assessment workbooks and reports, per file, what was found (unit, year, the
 * score of every criterion with its sheet and cell) and every problem, in Vietnamese. Nothing is
 * written: the renderer shows the reports, the user confirms, and shared/domain/assessment-import.ts
 * plans the changes.
 *
 * Rows are matched by criterion code, never by position, so inserted, deleted, moved or sorted rows
 * and renamed sheets are fine. The identification (identity.ts) is looked for in the hidden sheet,
 * then the keywords property; without either, only an unambiguous visible header identifies the
 * unit (unit-identification.ts). Formula results exceljs loses are read from the sheet XML
 * (excel/sheet-xml.ts); formulas reaching outside the file are flagged (external-references.ts).
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { tableChecksum } from '../../../shared/domain/scoring-table';
import type ExcelJS from 'exceljs';
import { UserError } from '../../../shared/api/contract';
import type { BlocData, Criterion, ScoringTable, Unit } from '../../../shared/model/records';
import { tableCriteria, type Contribution } from '../../../shared/domain/scoring';
import { scoreValueProblem } from '../../../shared/domain/score-value';
import type { InspectProblem, InspectReport, InspectScore } from '../../../shared/domain/assessment-import';
import { toUnicodeFromCell } from '../../../shared/text/legacy-encodings';
import { fold, formatNumberVi, nfc } from '../../../shared/text/vietnamese';
import { externalLinkTargets, FormulaResults, type CachedResult, type ExternalLink } from '../excel/sheet-xml';
import { DEFAULT_WORKBOOK_LIMITS, loadWorkbookWithParts } from '../excel/workbook-guard';
import { cellText, plainText } from './cell-text';
import { externalReferenceWarnings } from './external-references';
import {
  ID_SHEET_NAME,
  TEMPLATE_FORMAT,
  identityFromKeywords,
  identityFromPairs,
  type TemplateIdentity,
} from './identity';
import { fileNameHints, NO_VISIBLE_HEADER, readVisibleHeader, unitFromHiddenIdentity, unitFromVisibleHeader } from './unit-identification';
import { yearContext, type YearContext } from './year-context';

export type { InspectProblem, InspectReport, InspectScore };

export interface InspectInput {
  name: string;
  bytes: Uint8Array;
}

const MAX_HEADER_SCAN_ROWS = 40;
const MAX_HEADER_SCAN_COLS = 30;

function n(v: number): string {
  return formatNumberVi(v);
}

type Parsed =
  | { kind: 'blank' }
  | { kind: 'number'; value: number; warning?: string }
  | { kind: 'error'; message: string };

/** Parses a number typed as text ("8,5", "8.5", "1.000"), deciding ambiguous thousand separators by the max. */
export function parseNumberText(raw: string, max: number): Parsed {
  const s = raw.replace(/\u00a0/g, ' ').trim();
  if (s === '') return { kind: 'blank' };
  const shown = `"${s}"`;
  if (/^[+-]?\d+$/.test(s)) {
    return { kind: 'number', value: Number(s), warning: `Điểm được nhập dạng chữ ${shown}, đã hiểu là ${n(Number(s))}.` };
  }
  const m = /^([+-]?\d{1,3})([.,])(\d{3})$/.exec(s);
  if (m) {
    // "1.000" / "1,000": a decimal (1) or a thousand (1000)? Keep the readings that fit 0..max.
    const asDecimal = Number(`${m[1]}.${m[3]}`);
    const asThousands = Number(`${m[1]}${m[3]}`);
    const fits = (x: number) => x >= 0 && x <= max;
    if (fits(asDecimal) && !fits(asThousands)) {
      return { kind: 'number', value: asDecimal, warning: `Giá trị ${shown} được hiểu là ${n(asDecimal)} (số thập phân) vì điểm tối đa là ${n(max)}.` };
    }
    if (fits(asThousands) && !fits(asDecimal)) {
      return { kind: 'number', value: asThousands, warning: `Giá trị ${shown} được hiểu là ${n(asThousands)} (dấu phân cách hàng nghìn).` };
    }
    if (fits(asDecimal) && fits(asThousands)) {
      return {
        kind: 'error',
        message: `Giá trị ${shown} không rõ là ${n(asDecimal)} hay ${n(asThousands)}. Hãy nhập lại điểm dạng số trong Excel.`,
      };
    }
    return { kind: 'number', value: asDecimal, warning: `Giá trị ${shown} được hiểu là ${n(asDecimal)}.` };
  }
  const d = /^([+-]?)(\d*)([.,])(\d+)$/.exec(s);
  if (d) {
    const value = Number(`${d[1]}${d[2] || '0'}.${d[4]}`);
    const how = d[3] === ',' ? 'dấu phẩy thập phân' : 'dấu chấm thập phân';
    return { kind: 'number', value, warning: `Điểm được nhập dạng chữ ${shown} (${how}), đã hiểu là ${n(value)}.` };
  }
  return { kind: 'error', message: `Giá trị ${shown} không phải là số điểm. Hãy nhập một số từ 0 đến ${n(max)}.` };
}

/** A formula's cached result as exceljs would give it, from the sheet XML when exceljs dropped it. */
function fromXml(c: CachedResult | null | undefined): unknown {
  if (!c) return undefined;
  return c.kind === 'error' ? { error: c.value } : c.value;
}

/**
 * Parses a score cell. `results` gives the cached results exceljs loses (a result of 0 reads as
 * no result at all): the sheet XML is read only when a formula without a result is met.
 */
function parseScoreCell(cell: ExcelJS.Cell, max: number, results?: FormulaResults): Parsed & { formula?: string } {
  const v = cell.value;
  if (v === null || v === undefined) return { kind: 'blank' };
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: v } : { kind: 'error', message: 'Giá trị không phải là số hữu hạn.' };
  if (typeof v === 'string') return parseNumberText(nfc(v), max);
  if (typeof v === 'boolean') return { kind: 'error', message: `Ô chứa giá trị đúng/sai (${v ? 'TRUE' : 'FALSE'}), không phải số điểm.` };
  if (v instanceof Date) return { kind: 'error', message: 'Ô chứa ngày tháng, không phải số điểm. Hãy định dạng ô là Số (Number) và nhập lại.' };
  if (typeof v === 'object') {
    if ('error' in v) return { kind: 'error', message: `Ô có lỗi ${String((v as { error: unknown }).error)}, không có số điểm.` };
    if ('formula' in v || 'sharedFormula' in v) {
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
      const parsed = parseNumberText(String(r), max);
      return { ...parsed, formula: f };
    }
    if ('richText' in v || 'text' in v) {
      const t = cellText(cell);
      return t ? parseNumberText(nfc(t.text), max) : { kind: 'blank' };
    }
  }
  return { kind: 'error', message: 'Ô chứa dữ liệu không phải số điểm.' };
}

// ---------------------------------------------------------------- locating things

interface InputLayout {
  sheet: ExcelJS.Worksheet;
  headerRow: number;
  codeCol: number;
  selfCol: number;
  noteCol: number | null;
}

const CODE_HEADERS = new Set(['ma', 'ma tieu chi', 'ma so', 'ma tc', 'tt', 'stt', 'so tt', 'stt/ma', 'tt/ma']);

/**
 * Finds the header of the score table: a cell "Mã" (or "TT", "STT") and a cell containing
 * "tự chấm", possibly on the next row under a merged "Điểm chấm" heading, and a note column.
 */
function findLayout(ws: ExcelJS.Worksheet): InputLayout | null {
  const lastRow = Math.min(ws.rowCount, MAX_HEADER_SCAN_ROWS);
  const headerCells = (r: number) => {
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
  };
  for (let r = 1; r <= lastRow; r++) {
    const first = headerCells(r);
    const code = first.find((h) => CODE_HEADERS.has(h.text));
    if (!code) continue;
    for (const headerRow of [r, r + 1]) {
      const cells = headerRow === r ? first : headerCells(headerRow);
      const self = cells.find((h) => h.text.includes('tu cham') && h.col !== code.col);
      if (!self) continue;
      const note =
        cells.find((h) => h.text.includes('ghi chu') || h.text.includes('minh chung')) ??
        (headerRow !== r ? first.find((h) => h.text.includes('ghi chu') || h.text.includes('minh chung')) : undefined);
      return { sheet: ws, headerRow, codeCol: code.col, selfCol: self.col, noteCol: note?.col ?? null };
    }
  }
  return null;
}

function identityFromSheet(ws: ExcelJS.Worksheet): Partial<TemplateIdentity> | null {
  if (plainText(ws.getCell(1, 1)) !== 'format' || plainText(ws.getCell(1, 2)) !== TEMPLATE_FORMAT) return null;
  const pairs = new Map<string, string>();
  for (let r = 1; r <= Math.min(ws.rowCount, 50); r++) {
    const k = plainText(ws.getCell(r, 1));
    if (k) pairs.set(k, plainText(ws.getCell(r, 2)));
  }
  return identityFromPairs(pairs);
}

// ---------------------------------------------------------------- one file

interface RowHit {
  row: number;
  criterion: Criterion;
  contribution: Contribution;
}

/** The report of a file that could not be read as a self-assessment at all. */
export function refusedFileReport(
  file: { name: string; size: number; sha256: string },
  kind: string,
  message: string,
): InspectReport {
  return {
    file: file.name,
    ok: false,
    refused: true,
    unit: null,
    unitId: null,
    year: null,
    tableVersion: null,
    size: file.size,
    sha256: file.sha256,
    scores: [],
    errors: [{ kind, message }],
    warnings: [],
  };
}

function refusedReport(file: InspectInput, err: UserError): InspectReport {
  return refusedFileReport({ name: file.name, size: file.bytes.byteLength, sha256: sha256(file.bytes) }, err.code, err.message);
}

/**
 * Reads the files a user chose, refusing missing and oversized ones (by their size on disk,
 * without reading them) with a report of their own.
 */
export async function readWorkbookFiles(paths: string[]): Promise<{ inputs: InspectInput[]; unreadable: InspectReport[] }> {
  const inputs: InspectInput[] = [];
  const unreadable: InspectReport[] = [];
  for (const path of paths) {
    const name = basename(path);
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch {
      unreadable.push(refusedFileReport({ name, size: 0, sha256: '' }, 'file-not-found', `Không tìm thấy tệp '${path}'.`));
      continue;
    }
    if (size > DEFAULT_WORKBOOK_LIMITS.maxFileBytes) {
      unreadable.push(
        refusedFileReport(
          { name, size, sha256: '' },
          'workbook-too-large',
          `Tệp '${name}' quá lớn (${(size / 1048576).toFixed(1)} MB) đối với một phiếu tự chấm điểm. Hãy kiểm tra lại đúng tệp chưa.`,
        ),
      );
      continue;
    }
    inputs.push({ name, bytes: new Uint8Array(await readFile(path)) });
  }
  return { inputs, unreadable };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Inspects one workbook against the year's scoring table. Never throws for a bad file. */
export async function inspectWorkbook(ctx: YearContext, file: InspectInput): Promise<InspectReport> {
  let wb: ExcelJS.Workbook;
  let results: FormulaResults;
  let linkedFiles: ExternalLink[];
  try {
    const loaded = await loadWorkbookWithParts(file.bytes, file.name);
    wb = loaded.workbook;
    results = new FormulaResults(loaded.parts);
    linkedFiles = externalLinkTargets(loaded.parts);
  } catch (err) {
    if (err instanceof UserError) return refusedReport(file, err);
    return refusedReport(
      file,
      new UserError('workbook-unreadable', `Tệp '${file.name}' không đọc được. Hãy mở bằng Excel, lưu lại dưới dạng .xlsx rồi nhập lại.`),
    );
  }
  try {
    return inspectLoaded(ctx, file, wb, results, linkedFiles);
  } catch (err) {
    // Defensive: an unexpected shape of a workbook must not crash the batch.
    return refusedReport(
      file,
      new UserError(
        'workbook-unreadable',
        `Tệp '${file.name}' có cấu trúc bất thường, không đọc được điểm (${err instanceof Error ? err.message.slice(0, 100) : 'lỗi'}). ` +
          'Hãy dùng mẫu do Khối gửi, điền lại rồi nhập lại.',
      ),
    );
  }
}

function inspectLoaded(
  ctx: YearContext,
  file: InspectInput,
  wb: ExcelJS.Workbook,
  results: FormulaResults,
  linkedFiles: ExternalLink[],
): InspectReport {
  const errors: InspectProblem[] = [];
  const warnings: InspectProblem[] = [];
  const table = ctx.table;

  // Identification.
  let identity: Partial<TemplateIdentity> | null = null;
  const idSheet = wb.worksheets.find((ws) => ws.name === ID_SHEET_NAME) ?? wb.worksheets.find((ws) => identityFromSheet(ws));
  if (idSheet) identity = identityFromSheet(idSheet);
  identity ??= identityFromKeywords(wb.keywords);

  // The input table.
  let layout: InputLayout | null = null;
  for (const ws of wb.worksheets) {
    if (ws === idSheet) continue;
    layout = findLayout(ws);
    if (layout) break;
  }
  const report: InspectReport = {
    file: file.name,
    ok: false,
    refused: false,
    unit: null,
    unitId: null,
    year: null,
    tableVersion: identity?.tableVersion ?? null,
    size: file.bytes.byteLength,
    sha256: sha256(file.bytes),
    scores: [],
    errors,
    warnings,
  };
  if (!layout) {
    errors.push({
      kind: 'no-score-table',
      message:
        `Không tìm thấy bảng điểm trong tệp '${file.name}': cần một dòng tiêu đề có cột "Mã" và cột "Điểm tự chấm". ` +
        'Hãy dùng mẫu phiếu tự chấm do Khối gửi.',
    });
  }
  warnings.push(...externalReferenceWarnings(wb, new Set(idSheet ? [idSheet] : []), linkedFiles));

  // Unit, year, bloc: by the hidden identification, else by the visible header alone.
  const visible = layout
    ? readVisibleHeader(layout.sheet, layout.headerRow, [ctx.data.bloc.name, ctx.data.bloc.shortName, ctx.data.bloc.issuingBody])
    : NO_VISIBLE_HEADER;
  const found = identity ? unitFromHiddenIdentity(ctx, file.name, identity) : unitFromVisibleHeader(ctx, file.name, visible);
  errors.push(...found.errors);
  warnings.push(...found.warnings);
  identity ??= { ...(visible.unitCode ? { unitCode: visible.unitCode } : {}), ...(visible.year !== null ? { year: visible.year } : {}) };
  const unit = found.unit;
  const hints = fileNameHints(file.name, ctx.data.units);
  if (unit && hints.units.length > 0 && !hints.units.some((u) => u.id === unit.id)) {
    errors.push({
      kind: 'name-unit-mismatch',
      message: `Tên tệp '${file.name}' chỉ đơn vị ${hints.units.map((u) => u.code).join(', ')} nhưng nội dung là phiếu của ${unit.name} (${unit.code}). Hãy kiểm tra đơn vị đã gửi nhầm mẫu hay đặt nhầm tên tệp.`,
    });
  }
  if (unit && !ctx.year.memberUnitIds.includes(unit.id) && ctx.year.memberUnitIds.length > 0) {
    warnings.push({ kind: 'not-member', message: `${unit.name} (${unit.code}) không có trong danh sách thành viên của khối năm ${ctx.year.year}.` });
  }
  const year = identity.year ?? hints.year ?? null;
  if (year !== null && year !== ctx.year.year) {
    errors.push({
      kind: 'other-year',
      message: `Tệp '${file.name}' là phiếu tự chấm năm ${year}, không phải năm ${ctx.year.year} đang nhập.`,
    });
  } else if (hints.year !== null && identity.year !== undefined && hints.year !== identity.year) {
    warnings.push({
      kind: 'name-year-mismatch',
      message: `Tên tệp '${file.name}' ghi năm ${hints.year} nhưng nội dung là phiếu năm ${identity.year}.`,
    });
  }
  report.unit = unit?.code ?? null;
  report.unitId = unit?.id ?? null;
  report.year = year;

  // Scoring-table version.
  const currentChecksum = tableChecksum(table);
  if (identity.tableVersion !== undefined && identity.tableChecksum !== undefined) {
    if (identity.tableChecksum !== currentChecksum) {
      errors.push({
        kind: 'table-version',
        message:
          `Tệp '${file.name}' được lập theo bảng chấm điểm phiên bản ${identity.tableVersion}, khác với bảng đang áp dụng (phiên bản ${table.version}). ` +
          'Hãy gửi mẫu mới cho đơn vị điền lại, hoặc đối chiếu từng tiêu chí trước khi nhập.',
      });
    } else if (identity.tableVersion !== table.version) {
      warnings.push({
        kind: 'table-version',
        message: `Tệp '${file.name}' theo bảng chấm điểm phiên bản ${identity.tableVersion}; các tiêu chí giống phiên bản ${table.version} đang áp dụng nên vẫn nhập được.`,
      });
    }
  }

  if (layout) readScores(ctx, table, layout, report, results);
  report.ok = errors.length === 0;
  return report;
}

function looksLikeCode(s: string): boolean {
  return s.length <= 20 && !/\s/.test(s) && /^[A-Za-z0-9IVXLC]+([.\-/][A-Za-z0-9]+)*\.?$/.test(s) && /[0-9]|^[IVXLC]+\.?$/.test(s);
}

function readScores(ctx: YearContext, table: ScoringTable, layout: InputLayout, report: InspectReport, results: FormulaResults): void {
  const { sheet, headerRow, codeCol, selfCol, noteCol } = layout;
  const sheetName = sheet.name;
  const criteria = tableCriteria(table);
  const byCode = new Map(criteria.map((c) => [c.criterion.code, c]));
  const byFolded = new Map(criteria.map((c) => [c.criterion.code.toUpperCase().replace(/\.$/, ''), c]));
  const groupCodes = new Set(table.groups.map((g) => g.code.toUpperCase().replace(/\.$/, '')));
  const hits = new Map<string, RowHit>();
  const addr = (row: number, col: number) => sheet.getCell(row, col).address;

  const last = sheet.rowCount;
  for (let r = headerRow + 1; r <= last; r++) {
    const code = plainText(sheet.getCell(r, codeCol));
    if (!code) continue;
    const key = code.toUpperCase().replace(/\.$/, '');
    const hit = byCode.get(code) ?? byFolded.get(key);
    if (hit) {
      const previous = hits.get(hit.criterion.code);
      if (previous) {
        report.errors.push({
          kind: 'duplicate-code',
          code: hit.criterion.code,
          sheet: sheetName,
          cell: addr(r, codeCol),
          message: `Tiêu chí ${hit.criterion.code} xuất hiện hai lần (ô ${addr(previous.row, codeCol)} và ${addr(r, codeCol)}, trang '${sheetName}'). Hãy xóa dòng thừa.`,
        });
        continue;
      }
      hits.set(hit.criterion.code, { row: r, criterion: hit.criterion, contribution: hit.contribution });
      continue;
    }
    if (groupCodes.has(key) || !looksLikeCode(code)) continue;
    const selfCell = sheet.getCell(r, selfCol);
    const hasValue = parseScoreCell(selfCell, Number.MAX_SAFE_INTEGER, results).kind !== 'blank';
    (hasValue ? report.errors : report.warnings).push({
      kind: 'unknown-code',
      code,
      sheet: sheetName,
      cell: addr(r, codeCol),
      message: hasValue
        ? `Mã "${code}" (ô ${addr(r, codeCol)}, trang '${sheetName}') không có trong bảng chấm điểm năm ${ctx.year.year}, nên điểm ở ô ${selfCell.address} không biết thuộc tiêu chí nào. Hãy sửa lại mã tiêu chí.`
        : `Mã "${code}" (ô ${addr(r, codeCol)}, trang '${sheetName}') không có trong bảng chấm điểm năm ${ctx.year.year}; dòng này được bỏ qua.`,
    });
  }

  for (const { criterion } of criteria) {
    const hit = hits.get(criterion.code);
    if (!hit) {
      report.scores.push({ code: criterion.code, value: null, max: criterion.max, sheet: sheetName, cell: null, note: '', found: false });
      report.warnings.push({
        kind: 'missing-row',
        code: criterion.code,
        sheet: sheetName,
        message: `Không tìm thấy dòng của tiêu chí ${criterion.code} trong trang '${sheetName}' (dòng bị xóa hoặc mã bị sửa); tiêu chí này được coi là chưa chấm.`,
      });
      continue;
    }
    const cell = sheet.getCell(hit.row, selfCol);
    const where = { code: criterion.code, sheet: sheetName, cell: cell.address };
    const parsed = parseScoreCell(cell, criterion.max, results);
    let value: number | null = null;
    let raw: string | undefined;
    if (parsed.kind === 'blank') {
      report.warnings.push({
        kind: 'blank',
        ...where,
        message: `Tiêu chí ${criterion.code} chưa có điểm (ô ${cell.address} để trống, trang '${sheetName}'). Nếu không đạt, hãy nhập 0.`,
      });
    } else if (parsed.kind === 'error') {
      report.errors.push({ kind: 'not-a-number', ...where, message: `Tiêu chí ${criterion.code}, ô ${cell.address} (trang '${sheetName}'): ${parsed.message}` });
    } else {
      value = parsed.value;
      if (parsed.warning) {
        raw = plainText(cell);
        report.warnings.push({ kind: 'text-number', ...where, message: `Tiêu chí ${criterion.code}, ô ${cell.address} (trang '${sheetName}'): ${parsed.warning}` });
      }
      // The one range rule (shared with the verification grid); the place goes in front.
      const problem = scoreValueProblem(criterion, hit.contribution, value);
      if (problem) {
        const at = `Tiêu chí ${criterion.code}, ô ${cell.address} (trang '${sheetName}')`;
        (problem.severity === 'error' ? report.errors : report.warnings).push({ kind: problem.kind, ...where, message: `${at}: ${problem.message}` });
      }
    }
    let note = '';
    if (noteCol) {
      const noteCell = sheet.getCell(hit.row, noteCol);
      const t = cellText(noteCell);
      if (t) {
        const converted = toUnicodeFromCell(t.text, t.font);
        note = converted.text.trim().slice(0, 2000);
        if (converted.converted) {
          report.warnings.push({
            kind: 'legacy-encoding',
            code: criterion.code,
            sheet: sheetName,
            cell: noteCell.address,
            message: `Ghi chú tiêu chí ${criterion.code} (ô ${noteCell.address}) dùng bảng mã ${converted.converted === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI'} cũ, đã chuyển sang Unicode: "${note.slice(0, 80)}".`,
          });
        }
      }
    }
    report.scores.push({
      code: criterion.code,
      value,
      max: criterion.max,
      sheet: sheetName,
      cell: cell.address,
      note,
      found: true,
      ...(raw !== undefined ? { raw } : {}),
      ...(parsed.kind !== 'blank' && 'formula' in parsed && parsed.formula ? { formula: parsed.formula } : {}),
    });
  }
}

/** Marks files of the same unit in one batch: each of them gets an error naming the others. */
export function flagDuplicateUnits(reports: InspectReport[], units: readonly Unit[]): void {
  const byUnit = new Map<string, InspectReport[]>();
  for (const r of reports) {
    if (!r.unitId) continue;
    const list = byUnit.get(r.unitId) ?? [];
    list.push(r);
    byUnit.set(r.unitId, list);
  }
  for (const [unitId, list] of byUnit) {
    if (list.length < 2) continue;
    const unit = units.find((u) => u.id === unitId);
    for (const r of list) {
      const others = list.filter((o) => o !== r).map((o) => `'${o.file}'`);
      r.errors.push({
        kind: 'duplicate-unit',
        message: `Có ${list.length} tệp cho cùng đơn vị ${unit?.name ?? r.unit} (${r.unit}): '${r.file}' và ${others.join(', ')}. Hãy chỉ chọn một tệp cho mỗi đơn vị.`,
      });
      r.ok = false;
    }
  }
}

/** Inspects a batch of files for one year. */
export async function inspectFiles(data: BlocData, year: number, files: readonly InspectInput[]): Promise<InspectReport[]> {
  const ctx = yearContext(data, year);
  const reports: InspectReport[] = [];
  for (const f of files) reports.push(await inspectWorkbook(ctx, f));
  flagDuplicateUnits(reports, ctx.data.units);
  return reports;
}
