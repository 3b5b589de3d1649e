/**
 * The scoring table of a year as a clean printable workbook: the bloc, the title, year and version,
 * then TT / Nội dung tiêu chí / Điểm tối đa / Loại / Hướng dẫn with the groups in bold and their
 * totals, and a total row. Times New Roman 13, A4 portrait with the margins of Nghị định 30/2020,
 * header row frozen and repeated on every printed page. The importer (scoring-table-import.ts)
 * reads this layout back to the same table.
 */
import ExcelJS from 'exceljs';
import { groupMax, nominalMax } from '../../../shared/domain/scoring';
import { criterionKindText } from '../../../shared/domain/scoring-table';
import { requireYearTable } from '../../../shared/domain/year-table';
import type { BlocData, ScoringTable } from '../../../shared/model/records';
import { formatDateVi, nfc, upperVi } from '../../../shared/text/vietnamese';
import { workbookBytes } from './write-workbook';
import { a4FitToWidth } from './print-setup';

const FONT = 'Times New Roman';
const SIZE = 13;
const HEADERS = ['TT', 'Nội dung tiêu chí', 'Điểm tối đa', 'Loại', 'Hướng dẫn'];
/**
 * Column widths (in Excel character units) fitting the 165 mm between the margins of an A4 page:
 * a wide guidance column only when some criterion has guidance.
 */
function columnWidths(withGuidance: boolean): number[] {
  return withGuidance ? [6, 40, 8, 13, 30] : [6, 50, 8, 13, 12];
}
/** Points per printed line of 13 pt text, and characters of Times 13 per width unit (estimate). */
const LINE_HEIGHT = 17;
const CHARS_PER_UNIT = 1.15;

function linesFor(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * CHARS_PER_UNIT));
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
}
const MM_PER_INCH = 25.4;
const thin: Partial<ExcelJS.Border> = { style: 'thin' };
const box: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** The table of `year` (the given version, or the latest), or a UserError saying what is missing. */
export function tableToExport(data: BlocData, year: number, version?: number): ScoringTable {
  return requireYearTable(data, year, version === undefined ? 'latest' : { version }).table;
}

function versionLine(table: ScoringTable): string {
  const state = table.status === 'locked' && table.lockedAt ? `đã khóa ngày ${formatDateVi(table.lockedAt)}` : 'bản nháp, chưa khóa';
  return `Năm ${table.year} - Phiên bản ${table.version} (${state})`;
}

function styleRow(row: ExcelJS.Row, from: number, to: number, font: Partial<ExcelJS.Font>): void {
  for (let c = from; c <= to; c++) {
    const cell = row.getCell(c);
    cell.font = { name: FONT, size: SIZE, ...font };
  }
}

/** Builds the workbook of one table (exported for tests that want the Workbook itself). */
export function buildScoringTableWorkbook(data: BlocData, table: ScoringTable): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'BlocDesk';
  wb.title = nfc(table.title);
  const ws = wb.addWorksheet(`Bảng chấm điểm ${table.year}`, {
    pageSetup: a4FitToWidth('portrait', undefined, {
      horizontalCentered: true,
      margins: {
        left: 30 / MM_PER_INCH,
        right: 15 / MM_PER_INCH,
        top: 20 / MM_PER_INCH,
        bottom: 20 / MM_PER_INCH,
        header: 8 / MM_PER_INCH,
        footer: 8 / MM_PER_INCH,
      },
    }),
    headerFooter: { oddFooter: '&C&"Times New Roman"&11Trang &P/&N' },
  });
  const widths = columnWidths(table.groups.some((g) => g.criteria.some((c) => c.guidance.trim())));
  ws.columns = widths.map((width) => ({ width }));
  const last = HEADERS.length;

  const titleLine = (text: string, font: Partial<ExcelJS.Font>, height?: number) => {
    const row = ws.addRow([nfc(text)]);
    ws.mergeCells(row.number, 1, row.number, last);
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    styleRow(row, 1, 1, font);
    if (height) row.height = height;
    return row;
  };
  titleLine(upperVi(data.bloc.issuingBody || data.bloc.name), { bold: true });
  titleLine(upperVi(table.title || `Bảng chấm điểm thi đua năm ${table.year}`), { bold: true, size: 14 }, 22);
  titleLine(versionLine(table), { italic: true });
  if (table.version > 1 && table.reason.trim()) titleLine(`Lý do điều chỉnh: ${table.reason}`, { italic: true });
  ws.addRow([]);

  const header = ws.addRow(HEADERS);
  const headerRow = header.number;
  styleRow(header, 1, last, { bold: true });
  header.height = 33;
  for (let c = 1; c <= last; c++) {
    const cell = header.getCell(c);
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = box;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
  }

  const addTableRow = (values: (string | number | null)[], bold: boolean) => {
    const row = ws.addRow(values.map((v) => (typeof v === 'string' ? nfc(v) : v)));
    styleRow(row, 1, last, { bold });
    for (let c = 1; c <= last; c++) {
      const cell = row.getCell(c);
      cell.border = box;
      cell.alignment = {
        vertical: 'top',
        wrapText: true,
        horizontal: c === 1 || c === 3 || c === 4 ? 'center' : 'left',
      };
    }
    // Excel does not fit row heights to wrapped text when it opens a file: set them.
    const lines = Math.max(...values.map((v, i) => (typeof v === 'string' ? linesFor(v, widths[i]!) : 1)));
    if (lines > 1) row.height = lines * LINE_HEIGHT;
    return row;
  };

  for (const group of table.groups) {
    addTableRow([group.code, group.title, groupMax(group), null, null], true);
    for (const c of group.criteria) {
      addTableRow([c.code, c.title, c.max, criterionKindText(c), c.guidance || null], false);
    }
  }
  const totalRow = addTableRow([null, 'TỔNG CỘNG', table.scale || nominalMax(table), null, null], true);
  totalRow.getCell(2).alignment = { horizontal: 'center', vertical: 'top' };

  const bonusOrDeduction = table.groups.some((g) => g.kind !== 'normal');
  if (bonusOrDeduction) {
    const note = ws.addRow([]);
    const noteRow = ws.addRow([
      'Ghi chú: tổng cộng là thang điểm của bảng; điểm thưởng được cộng thêm, điểm trừ được trừ đi khi tính tổng điểm của đơn vị.',
    ]);
    ws.mergeCells(noteRow.number, 1, noteRow.number, last);
    noteRow.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    styleRow(noteRow, 1, 1, { italic: true, size: 12 });
    noteRow.height = 34;
    void note;
  }

  ws.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  ws.pageSetup.printArea = `A1:E${ws.rowCount}`;
  return wb;
}

/** The year's scoring table (latest version unless `version` is given) as .xlsx bytes. */
export async function scoringTableToXlsx(data: BlocData, year: number, version?: number): Promise<Uint8Array<ArrayBuffer>> {
  const table = tableToExport(data, year, version);
  return workbookBytes(buildScoringTableWorkbook(data, table));
}
