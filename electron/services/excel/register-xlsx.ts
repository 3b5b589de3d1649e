/**
 * The register of outgoing documents (sổ văn bản đi) of a calendar year as a workbook: the rows of
 * the register's rules (shared/domain/register), written through the one workbook writer.
 */
import ExcelJS from 'exceljs';
import { registerOf, registerRows } from '../../../shared/domain/register';
import type { BlocData } from '../../../shared/model/records';
import { workbookBytes } from './write-workbook';

const FONT = 'Times New Roman';
const THIN: Partial<ExcelJS.Border> = { style: 'thin' };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const WIDTHS = [6, 22, 14, 14, 60, 24, 36];

export async function registerToXlsx(data: BlocData, year: number): Promise<Uint8Array<ArrayBuffer>> {
  const sheet = registerRows(registerOf(data), year, data.bloc.partyFormat);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'BlocDesk';
  wb.title = sheet.title;
  const ws = wb.addWorksheet(`Sổ văn bản đi ${year}`, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' },
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, WIDTHS.length);
  const title = ws.getCell(1, 1);
  title.value = sheet.title;
  title.font = { name: FONT, size: 14, bold: true };
  title.alignment = { horizontal: 'center' };
  ws.getCell(2, 1).value = data.bloc.name;
  ws.getCell(2, 1).font = { name: FONT, size: 12, italic: true };
  const head = ws.getRow(3);
  sheet.columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c;
    cell.font = { name: FONT, size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BOX;
  });
  sheet.rows.forEach((values, r) => {
    const row = ws.getRow(4 + r);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.font = { name: FONT, size: 12 };
      cell.alignment = { vertical: 'top', wrapText: true, ...(i === 0 ? { horizontal: 'center' as const } : {}) };
      cell.border = BOX;
    });
  });
  return workbookBytes(wb);
}
