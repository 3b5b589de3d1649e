/**
 * The register of document numbers (sổ đăng ký văn bản đi) of a calendar year as a workbook: the
 * bloc, the title, then one row per number in date order (STT, number and symbol, date, type,
 * summary, signer, note), voided numbers kept and marked. The rows come from the pure register
 * (shared/domain/register registerRows). A4 landscape, the header row repeated on every page.
 */
import ExcelJS from 'exceljs';
import { registerRows, type RegisterEntry } from '../../../shared/domain/register';
import type { Bloc } from '../../../shared/model/records';
import { upperVi } from '../../../shared/text/vietnamese';
import { workbookBytes } from './write-workbook';
import { a4FitToWidth, TABLE_MARGINS } from './print-setup';

const FONT = 'Times New Roman';
const THIN: Partial<ExcelJS.Border> = { style: 'thin' };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEAD_ROW = 4;
const WIDTHS = [6, 20, 13, 12, 60, 24, 34];

export async function registerToXlsx(bloc: Pick<Bloc, 'name' | 'issuingBody' | 'partyFormat'>, entries: readonly RegisterEntry[], year: number): Promise<Uint8Array<ArrayBuffer>> {
  const sheet = registerRows(entries, year, bloc.partyFormat);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'BlocDesk';
  wb.title = sheet.title;
  const ws = wb.addWorksheet(`Văn bản đi ${year}`, {
    pageSetup: a4FitToWidth('landscape', [HEAD_ROW, HEAD_ROW], { margins: TABLE_MARGINS }),
    views: [{ state: 'frozen', ySplit: HEAD_ROW }],
  });
  const last = sheet.columns.length;
  const title = (row: number, text: string, size: number) => {
    ws.mergeCells(row, 1, row, last);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = { name: FONT, size, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  };
  title(1, upperVi(bloc.issuingBody || bloc.name), 12);
  title(2, sheet.title, 14);
  sheet.columns.forEach((c, i) => {
    const cell = ws.getCell(HEAD_ROW, i + 1);
    cell.value = c;
    cell.font = { name: FONT, size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BOX;
    ws.getColumn(i + 1).width = WIDTHS[i] ?? 15;
  });
  sheet.rows.forEach((values, r) => {
    const row = ws.getRow(HEAD_ROW + 1 + r);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.font = { name: FONT, size: 12, ...(values[6] && i === 1 ? { strike: true } : {}) };
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: i === 0 || i === 2 ? 'center' : 'left' };
      cell.border = BOX;
    });
  });
  return workbookBytes(wb);
}
