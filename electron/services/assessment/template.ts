/**
 * Self-assessment templates (phiếu tự chấm điểm): one workbook per unit, built with exceljs.
 * Sheet "Tự chấm điểm": header (bloc, year, unit), the scoring table rows with group rows, the
 * input columns (self score, note/evidence) unlocked and validated, group subtotals and the total
 * by formula; everything else protected without a password. Sheet "Hướng dẫn": instructions.
 * VeryHidden sheet "_blocdesk" + the keywords property: the identification (identity.ts).
 */
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import type { BlocData, CriteriaGroup, ScoringTable, Unit } from '../../../shared/model/records';
import { contributionOf, groupMax, nominalMax, type Contribution } from '../../../shared/domain/scoring';
import { CRITERION_KIND_NAMES, tableChecksum } from '../../../shared/domain/scoring-table';
import {
  HEADERS,
  ID_SHEET_NAME,
  INPUT_SHEET_NAME,
  INSTRUCTIONS_SHEET_NAME,
  TEMPLATE_FORMAT,
  TEMPLATE_FORMAT_VERSION,
  identityKeywords,
  identityRows,
  templateFileNames,
  type TemplateIdentity,
} from './identity';
import { workbookBytes } from '../excel/write-workbook';
import { unitsByIds, yearContext } from './year-context';
import { a4FitToWidth, TABLE_MARGINS } from '../excel/print-setup';

const GROUP_LABELS: Record<CriteriaGroup['kind'], string> = {
  normal: 'Nhóm',
  bonus: 'Nhóm điểm thưởng',
  deduction: 'Nhóm điểm trừ',
};

/** Column positions of the input sheet (1-based). */
export const COLUMNS = { code: 1, title: 2, max: 3, kind: 4, self: 5, note: 6 } as const;
export const HEADER_ROW = 7;

const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const GROUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFBDD7EE' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = 'Times New Roman';

function colLetter(col: number): string {
  return String.fromCharCode(64 + col);
}

/** `E8:E11,E14` from a list of rows (contiguous runs collapsed). */
function rangeList(col: number, rows: number[]): string {
  const parts: string[] = [];
  const c = colLetter(col);
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    parts.push(i === j ? `${c}${rows[i]}` : `${c}${rows[i]}:${c}${rows[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** Row height (points) for wrapped text of ~`charsPerLine` characters per line: Excel and LibreOffice do not grow rows on their own. */
function rowHeight(text: string, charsPerLine: number): number {
  const lines = text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / charsPerLine)), 0);
  return Math.max(1, lines) * 15 + 3;
}

function groupFormula(group: CriteriaGroup, rowsBy: Record<Contribution, number[]>): string {
  const term = (rows: number[]) => {
    const sum = `SUM(${rangeList(COLUMNS.self, rows)})`;
    return group.cap !== undefined ? `MIN(${group.cap},${sum})` : sum;
  };
  const terms: string[] = [];
  if (rowsBy.add.length) terms.push(term(rowsBy.add));
  if (rowsBy.bonus.length) terms.push(`${terms.length ? '+' : ''}${term(rowsBy.bonus)}`);
  if (rowsBy.deduct.length) terms.push(`-${term(rowsBy.deduct)}`);
  return terms.length ? terms.join('') : '0';
}

function instructionLines(id: TemplateIdentity, table: ScoringTable, fileName: string): string[] {
  return [
    `HƯỚNG DẪN ĐIỀN PHIẾU TỰ CHẤM ĐIỂM THI ĐUA NĂM ${id.year}`,
    '',
    `Đơn vị: ${id.unitName} (mã ${id.unitCode}). Khối: ${id.blocName}.`,
    `Bảng chấm điểm: ${table.title} - phiên bản ${table.version}; thang điểm ${table.scale}.`,
    '',
    `1. Mở trang tính "${INPUT_SHEET_NAME}". Chỉ nhập vào các ô màu vàng: cột "${HEADERS.self}" và cột "${HEADERS.note}".`,
    '2. Điểm tự chấm là một số từ 0 đến điểm tối đa của tiêu chí; có thể có phần thập phân (ví dụ 8,5).',
    '3. Với tiêu chí điểm trừ, nhập số điểm bị trừ dưới dạng số dương (ví dụ bị trừ 2 điểm thì nhập 2); tổng điểm tự trừ đi.',
    '4. Tiêu chí không đạt thì nhập 0 - không để trống. Ô để trống được hiểu là đơn vị chưa chấm tiêu chí đó.',
    '5. Không sửa, xóa cột "Mã" và không đổi mã tiêu chí: phần mềm của Khối nhận điểm theo mã tiêu chí.',
    '6. Ghi rõ minh chứng (số, ngày văn bản; kết quả đạt được) ở cột ghi chú để Khối thẩm định.',
    '7. Tổng điểm và điểm từng nhóm được tính tự động.',
    `8. Lưu tệp dưới dạng Excel (.xlsx), giữ nguyên tên tệp (${fileName}) và gửi lại cho thường trực Khối.`,
    '',
    'Trang tính được khóa để tránh sửa nhầm, không cần mật khẩu: nếu cần bỏ khóa, chọn Xem lại (Review) > Bỏ bảo vệ trang tính.',
  ];
}

export interface TemplateFile {
  fileName: string;
  unitId: string;
  unitCode: string;
  bytes: Uint8Array;
}

/** Builds one unit's template workbook. */
export async function buildTemplate(data: BlocData, table: ScoringTable, unit: Unit, year: number): Promise<Uint8Array> {
  const id: TemplateIdentity = {
    format: TEMPLATE_FORMAT,
    formatVersion: TEMPLATE_FORMAT_VERSION,
    blocId: data.bloc.id,
    blocName: data.bloc.name,
    year,
    unitId: unit.id,
    unitCode: unit.code,
    unitName: unit.name,
    tableId: table.id,
    tableVersion: table.version,
    tableChecksum: tableChecksum(table),
  };
  const wb = new ExcelJS.Workbook();
  wb.creator = 'BlocDesk';
  wb.title = `Phiếu tự chấm điểm thi đua năm ${year} - ${unit.name}`;
  wb.subject = data.bloc.name;
  wb.keywords = identityKeywords(id);
  wb.created = new Date();
  wb.calcProperties.fullCalcOnLoad = true;

  const ws = wb.addWorksheet(INPUT_SHEET_NAME, {
    pageSetup: a4FitToWidth('portrait', [HEADER_ROW, HEADER_ROW], { margins: TABLE_MARGINS }),
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
  });
  ws.columns = [
    { key: 'code', width: 8 },
    { key: 'title', width: 62 },
    { key: 'max', width: 10 },
    { key: 'kind', width: 14 },
    { key: 'self', width: 12 },
    { key: 'note', width: 40 },
  ];
  const header = (row: number, text: string, font: Partial<ExcelJS.Font>, align: Partial<ExcelJS.Alignment> = { horizontal: 'center' }) => {
    ws.mergeCells(row, 1, row, 6);
    const c = ws.getCell(row, 1);
    c.value = text;
    c.font = { name: FONT, size: 12, ...font };
    c.alignment = { vertical: 'middle', wrapText: true, ...align };
  };
  header(1, data.bloc.name.toLocaleUpperCase('vi'), { bold: true });
  header(2, `PHIẾU TỰ CHẤM ĐIỂM THI ĐUA NĂM ${year}`, { bold: true, size: 14 });
  header(3, `Đơn vị: ${unit.name}`, { bold: true });
  header(4, `Mã đơn vị: ${unit.code} - Bảng chấm điểm: ${table.title} (phiên bản ${table.version})`, { italic: true, size: 11 });
  header(
    5,
    `Chỉ nhập vào các ô màu vàng (cột "${HEADERS.self}" và "${HEADERS.note}"). Không sửa cột "${HEADERS.code}". Xem trang "${INSTRUCTIONS_SHEET_NAME}".`,
    { italic: true, size: 11, color: { argb: 'FFC00000' } },
    { horizontal: 'left' },
  );
  ws.getRow(5).height = 30;

  const headerRow = ws.getRow(HEADER_ROW);
  headerRow.values = [HEADERS.code, HEADERS.title, HEADERS.max, HEADERS.kind, HEADERS.self, HEADERS.note];
  headerRow.height = 30;
  headerRow.eachCell((c) => {
    c.font = { name: FONT, size: 11, bold: true };
    c.fill = HEADER_FILL;
    c.border = BOX;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });

  let r = HEADER_ROW + 1;
  const groupRows: number[] = [];
  for (const group of table.groups) {
    const groupRow = r++;
    groupRows.push(groupRow);
    const rowsBy: Record<Contribution, number[]> = { add: [], bonus: [], deduct: [] };
    for (const criterion of group.criteria) {
      const row = ws.getRow(r);
      const contribution = contributionOf(criterion, group);
      rowsBy[contribution].push(r);
      row.getCell(COLUMNS.code).value = criterion.code;
      row.getCell(COLUMNS.title).value = criterion.guidance ? `${criterion.title}\n(${criterion.guidance})` : criterion.title;
      row.getCell(COLUMNS.max).value = criterion.max;
      row.getCell(COLUMNS.kind).value =
        criterion.kind === 'count' && criterion.perItem !== undefined
          ? `${CRITERION_KIND_NAMES.count} (${criterion.perItem} điểm/lần)`
          : CRITERION_KIND_NAMES[contribution === 'deduct' ? 'deduction' : contribution === 'bonus' && criterion.kind !== 'count' ? 'bonus' : criterion.kind];
      const self = row.getCell(COLUMNS.self);
      const note = row.getCell(COLUMNS.note);
      for (const c of [self, note]) {
        c.protection = { locked: false };
        c.fill = INPUT_FILL;
      }
      self.numFmt = '0.##';
      const what = contribution === 'deduct' ? 'Số điểm bị trừ (nhập số dương)' : 'Điểm tự chấm';
      self.dataValidation = {
        type: 'decimal',
        operator: 'between',
        allowBlank: true,
        formulae: [0, criterion.max],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: 'Điểm không hợp lệ',
        error: `${what} của tiêu chí ${criterion.code} phải là số từ 0 đến ${criterion.max}.`,
        showInputMessage: true,
        promptTitle: `Tiêu chí ${criterion.code}`,
        prompt: `${what}: từ 0 đến ${criterion.max}.`,
      };
      note.alignment = { wrapText: true, vertical: 'top' };
      row.height = rowHeight(String(row.getCell(COLUMNS.title).value ?? ''), 66);
      row.eachCell({ includeEmpty: true }, (c, col) => {
        if (col > 6) return;
        c.border = BOX;
        c.font = { name: FONT, size: 11 };
        if (col !== COLUMNS.note) c.alignment = { vertical: 'top', wrapText: col === COLUMNS.title, horizontal: col === COLUMNS.title ? 'left' : 'center' };
      });
      r++;
    }
    const g = ws.getRow(groupRow);
    g.getCell(COLUMNS.code).value = group.code;
    g.getCell(COLUMNS.title).value = group.title;
    g.getCell(COLUMNS.max).value = groupMax(group);
    g.getCell(COLUMNS.kind).value = GROUP_LABELS[group.kind];
    g.height = rowHeight(group.title, 62);
    g.getCell(COLUMNS.self).value = { formula: groupFormula(group, rowsBy), result: 0 };
    g.getCell(COLUMNS.self).numFmt = '0.##';
    for (let col = 1; col <= 6; col++) {
      const c = g.getCell(col);
      c.font = { name: FONT, size: 11, bold: true };
      c.fill = GROUP_FILL;
      c.border = BOX;
      c.alignment = { vertical: 'top', wrapText: col === COLUMNS.title, horizontal: col === COLUMNS.title ? 'left' : 'center' };
    }
  }
  const totalRow = ws.getRow(r);
  totalRow.getCell(COLUMNS.title).value = 'TỔNG ĐIỂM TỰ CHẤM';
  totalRow.getCell(COLUMNS.max).value = table.scale || nominalMax(table);
  totalRow.getCell(COLUMNS.self).value = {
    formula: groupRows.length ? `SUM(${rangeList(COLUMNS.self, groupRows)})` : '0',
    result: 0,
  };
  totalRow.getCell(COLUMNS.self).numFmt = '0.##';
  for (let col = 1; col <= 6; col++) {
    const c = totalRow.getCell(col);
    c.font = { name: FONT, size: 12, bold: true };
    c.border = BOX;
    c.fill = HEADER_FILL;
    c.alignment = { horizontal: col === COLUMNS.title ? 'right' : 'center', vertical: 'middle' };
  }
  const signRow = r + 2;
  ws.getCell(signRow, COLUMNS.note).value = 'THỦ TRƯỞNG ĐƠN VỊ';
  ws.getCell(signRow, COLUMNS.note).font = { name: FONT, size: 12, bold: true };
  ws.getCell(signRow, COLUMNS.note).alignment = { horizontal: 'center' };
  ws.getCell(signRow + 1, COLUMNS.note).value = '(Ký, ghi rõ họ tên, đóng dấu)';
  ws.getCell(signRow + 1, COLUMNS.note).font = { name: FONT, size: 11, italic: true };
  ws.getCell(signRow + 1, COLUMNS.note).alignment = { horizontal: 'center' };
  await ws.protect('', {
    spinCount: 1,
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });

  const help = wb.addWorksheet(INSTRUCTIONS_SHEET_NAME, {
    pageSetup: a4FitToWidth('portrait'),
  });
  help.getColumn(1).width = 110;
  instructionLines(id, table, templateFileNames(data.units, year).get(unit.id)!).forEach((line, i) => {
    const c = help.getCell(i + 1, 1);
    c.value = line;
    c.font = { name: FONT, size: i === 0 ? 13 : 12, bold: i === 0 };
    c.alignment = { wrapText: true, vertical: 'top' };
    help.getRow(i + 1).height = rowHeight(line, 100);
  });
  await help.protect('', { spinCount: 1, selectLockedCells: true, selectUnlockedCells: true });

  const hidden = wb.addWorksheet(ID_SHEET_NAME, { state: 'veryHidden' });
  identityRows(id).forEach(([k, v], i) => {
    hidden.getCell(i + 1, 1).value = k;
    hidden.getCell(i + 1, 2).value = typeof v === 'number' ? v : String(v);
  });
  await hidden.protect('', { spinCount: 1 });

  return workbookBytes(wb);
}

/** Templates of the given units (all the year's members when none given). */
export async function buildTemplates(data: BlocData, year: number, unitIds?: readonly string[]): Promise<TemplateFile[]> {
  const ctx = yearContext(data, year);
  const units = unitsByIds(ctx, unitIds);
  const names = templateFileNames(data.units, year);
  const out: TemplateFile[] = [];
  for (const unit of units) {
    out.push({
      fileName: names.get(unit.id)!,
      unitId: unit.id,
      unitCode: unit.code,
      bytes: await buildTemplate(data, ctx.table, unit, year),
    });
  }
  return out;
}

/** One zip holding every template (xlsx are already compressed: stored as is). */
export function zipTemplates(files: readonly TemplateFile[]): Uint8Array {
  const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const f of files) entries[f.fileName] = [f.bytes, { level: 0 }];
  return zipSync(entries);
}

export function zipFileName(year: number): string {
  return `TuCham_${year}.zip`;
}
