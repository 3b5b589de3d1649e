/**
 * Reads a scoring table from a province's Excel file into a preview; nothing is saved here (the
 * renderer shows the preview and saves the table as a draft when the user confirms).
 *
 * The files come in many shapes: title rows, a header of one or two rows with merged cells, groups
 * numbered in Roman numerals with their totals, criteria coded 1.1, 1.2 …, a total row, and
 * sometimes extra columns (self score, verified score, notes) or columns in other positions. The
 * reader finds the header row by its labels ("TT"/"STT", "Nội dung…", "Điểm chuẩn"/"Điểm tối
 * đa"/"Thang điểm"), then goes down the rows: each is classified by what it holds
 * (scoring-table-rows.ts: a Roman numeral opens a group, a numeric code is a criterion, "Tổng cộng"
 * ends the table) and handed to the builder (scoring-table-builder.ts), never read by its position.
 * Text in TCVN3 (ABC) or VNI fonts is converted to Unicode cell by cell (scoring-table-cells.ts).
 */
import type ExcelJS from 'exceljs';
import { validateScoringTable, type ScoringTableContent, type ScoringTableIssueKind } from '../../../shared/domain/scoring-table';
import type { LegacyEncoding } from '../../../shared/text/legacy-encodings';
import { fold, parseLooseNumber } from '../../../shared/text/vietnamese';
import { loadWorkbookSafely } from './workbook-guard';
import type { ImportIssue, ScoringTableImportPreview } from '../../../shared/api/channels/scoring';
import { TableBuilder, type IssueSink } from './scoring-table-builder';
import { readNumber, readText } from './scoring-table-cells';
import { classifyRow, COLUMN_NUMBERS, endsTable, isTableCode, locateHeader, sentenceCase, type Columns, type RowCells } from './scoring-table-rows';

export type { ImportIssue, ScoringTableImportPreview };
export { sentenceCase };

export interface ImportOptions {
  /** Id maker for groups and criteria (tests pass a counter). */
  newId?: () => string;
}

/** Reads one sheet's table: the title lines, the rows under the header, each row classified and built. */
class SheetReader implements IssueSink {
  readonly warnings: ImportIssue[] = [];
  readonly errors: ImportIssue[] = [];
  readonly converted = new Map<LegacyEncoding, string[]>();
  private readonly builder: TableBuilder;

  constructor(
    private readonly ws: ExcelJS.Worksheet,
    private readonly columns: Columns,
    newId: () => string,
  ) {
    this.builder = new TableBuilder(this, newId);
  }

  get totalRowMismatch(): boolean {
    return this.builder.totalRowMismatch;
  }

  private addr(row: number, col: number): string {
    return this.ws.getCell(row, col).address;
  }

  warn(message: string, cell?: string): void {
    this.warnings.push({ message, sheet: this.ws.name, ...(cell ? { cell } : {}) });
  }

  fail(message: string, cell?: string): void {
    this.errors.push({ message, sheet: this.ws.name, ...(cell ? { cell } : {}) });
  }

  /** A cell's text; cells converted from a legacy encoding are remembered for one summary warning. */
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

  /** The title lines above the header: the table's title, its year and a scale named in them. */
  private titleLines(headerRow: number, lastCol: number): { title: string; year: number | null; scale: number | null } {
    const lines: string[] = [];
    for (let r = 1; r < headerRow; r++) {
      for (let c = 1; c <= lastCol; c++) {
        const t = this.text(r, c);
        if (t && !lines.includes(t)) lines.push(t);
      }
    }
    for (let c = 1; c <= lastCol; c++) this.text(headerRow, c); // counts converted header cells
    const titleLine =
      lines.find((t) => /^bang\b/.test(fold(t)) && /diem|tieu chi/.test(fold(t))) ?? lines.find((t) => /cham diem|thang diem|tieu chi/.test(fold(t))) ?? '';
    const all = lines.join(' ');
    const yearMatch = /nam\s+(20\d\d)\b/.exec(fold(all)) ?? /\b(20\d\d)\b/.exec(all);
    const scaleMatch = /thang diem\s+(\d[\d.]*)/.exec(fold(all));
    const scale = scaleMatch ? parseLooseNumber(scaleMatch[1]!.replace(/\.$/, '')) : null;
    return {
      title: titleLine ? sentenceCase(titleLine) : 'Bảng chấm điểm thi đua',
      year: yearMatch ? Number(yearMatch[1]) : null,
      scale: typeof scale === 'number' ? scale : null,
    };
  }

  /** The first row of the table: rows under the header that still belong to it (a second header row, column numbers) are skipped. */
  private firstRow(headerRow: number, lastRow: number): number {
    const { code, title, max } = this.columns;
    let r = headerRow + 1;
    for (let guard = 0; guard < 3 && r <= lastRow; guard++) {
      const codeCell = this.ws.getCell(r, code);
      const underHeader = codeCell.isMerged && Number(codeCell.master.row) <= headerRow;
      const numbers = COLUMN_NUMBERS.test(this.text(r, code)) && COLUMN_NUMBERS.test(this.text(r, title));
      const subHeader = !this.text(r, code) && !this.text(r, title) && readNumber(this.ws.getCell(r, max), this.text(r, max)).kind !== 'number';
      if (!(underHeader || numbers || subHeader)) break;
      r++;
    }
    return r;
  }

  private cells(r: number): RowCells {
    const { code, title, max } = this.columns;
    const codeCell = this.ws.getCell(r, code);
    const titleCell = this.ws.getCell(r, title);
    const codeText = this.text(r, code);
    const sameCell = codeCell.isMerged && titleCell.isMerged && codeCell.master.address === titleCell.master.address;
    const titleText = sameCell ? '' : this.text(r, title);
    const maxText = this.text(r, max);
    return { row: r, codeText, titleText, maxText, max: readNumber(this.ws.getCell(r, max), maxText) };
  }

  /** After the total row nothing is read; a group or criterion code below it is reported. */
  private warnRowsAfterTotal(totalRow: number, lastRow: number): void {
    for (let after = totalRow + 1; after <= lastRow; after++) {
      const code = this.text(after, this.columns.code);
      if (isTableCode(code)) {
        this.warn(
          `Các dòng sau dòng tổng cộng (dòng ${totalRow}) không được đọc, kể cả dòng ${after} có mã "${code}". Nếu đó là tiêu chí, hãy đưa lên trên dòng tổng cộng.`,
          this.addr(after, this.columns.code),
        );
        return;
      }
    }
  }

  read(headerRow: number, lastRow: number, lastCol: number): { content: ScoringTableContent; year: number | null; criteriaCount: number } {
    const { title, year, scale } = this.titleLines(headerRow, lastCol);
    const b = this.builder;
    const col = this.columns;
    for (let r = this.firstRow(headerRow, lastRow); r <= lastRow; r++) {
      const row = this.cells(r);
      const what = classifyRow(row);
      if (what.type === 'blank') continue;
      // Notes and signatures under the table end it.
      if (b.hasCriteria && endsTable(row)) break;
      switch (what.type) {
        case 'total':
          b.total(r, row.max, this.addr(r, col.max));
          if (b.hasCriteria) {
            this.warnRowsAfterTotal(r, lastRow);
            return this.finish(title, year, scale, headerRow);
          }
          break;
        case 'group':
          b.group(what.code, what.title, r, row.max, { code: this.addr(r, col.code), max: this.addr(r, col.max) });
          break;
        case 'criterion':
          b.criterion({
            row: r,
            code: what.code,
            title: what.title,
            max: row.max,
            maxText: row.maxText,
            kindText: col.kind !== null ? this.text(r, col.kind) : '',
            guidance: col.guidance !== null ? this.text(r, col.guidance) : '',
            cells: { code: this.addr(r, col.code), title: this.addr(r, col.title), max: this.addr(r, col.max), kind: col.kind !== null ? this.addr(r, col.kind) : null },
            maxFormula: this.ws.getCell(r, col.max).formula || undefined,
          });
          break;
        case 'other-code':
          // Something else in the code column ("a)", "-", a note): text belonging to the criterion above.
          if (!row.maxText && b.appendToLast([row.codeText, row.titleText].filter(Boolean).join(' '))) break;
          this.warn(
            `Dòng ${r} có "${row.codeText}" ở cột mã, không phải mã nhóm (I, II…) hay mã tiêu chí (1.1, 1.2…); dòng này không được đọc.`,
            this.addr(r, col.code),
          );
          break;
        case 'text':
          // A line of explanation under a criterion; title lines above the table are skipped.
          if (!row.titleText || b.appendToLast(row.titleText) || b.empty) break;
          this.warn(`Dòng ${r} có nội dung nhưng không có mã và điểm; dòng này không được đọc.`, this.addr(r, col.title));
          break;
      }
    }
    return this.finish(title, year, scale, headerRow);
  }

  private finish(title: string, year: number | null, scale: number | null, headerRow: number) {
    const content = this.builder.finish(title, scale, (row) => this.addr(row, this.columns.code), this.ws.name, headerRow);
    return { content, year, criteriaCount: this.builder.criteriaCount };
  }
}

const ENCODING_NAMES: Record<LegacyEncoding, string> = { tcvn3: 'TCVN3 (ABC, phông .VnTime)', vni: 'VNI (phông VNI-Times)' };

/** Warnings of validateScoringTable that the row reader does not report itself. */
const TABLE_CHECKS_TO_REPORT: ReadonlySet<ScoringTableIssueKind> = new Set(['scale-mismatch', 'group-cap-above-sum', 'group-empty', 'max-zero']);

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
  const reader = new SheetReader(first.ws, first.columns, newId);
  const { content, year, criteriaCount } = reader.read(first.row, first.lastRow, first.lastCol);
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
