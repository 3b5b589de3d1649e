/**
 * The year's ranking as a printable workbook: STT, unit, self total, the subtotal of every normal
 * group, bonus, deduction, total, rank, classification, verification and notes (shared rank and what
 * remains to decide, eligibility, not submitted), then the explanation of each position. Units that
 * did not submit are listed last without points. A4 landscape, two header rows repeated on every page.
 */
import ExcelJS from 'exceljs';
import { decidedByText, type RankedUnit } from '../../../shared/domain/ranking';
import type { BlocData } from '../../../shared/model/records';
import { upperVi } from '../../../shared/text/vietnamese';
import type { YearRanking } from '../ranking/year-ranking';
import { workbookBytes } from './write-workbook';
import { a4FitToWidth, TABLE_MARGINS } from './print-setup';

const FONT = 'Times New Roman';
const THIN: Partial<ExcelJS.Border> = { style: 'thin' };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEAD_ROW = 5;
/** Points per printed line of 12 pt text, and characters of Times 12 per column width unit (estimate). */
const LINE_HEIGHT = 16;
const CHARS_PER_UNIT = 1.2;

/** Wrapped lines of a text in a column (exceljs does not size rows to wrapped text). */
function linesFor(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * CHARS_PER_UNIT));
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
}

function remark(e: RankedUnit): string {
  const parts: string[] = [];
  if (e.status === 'missing') parts.push('Chưa nộp');
  if (e.status === 'incomplete') parts.push(`Chưa chấm đủ (thiếu ${e.missing.length} tiêu chí)`);
  if (e.tiedWith.length > 0) {
    const rest = e.pending === 'revote' ? '; chờ bỏ phiếu lại' : e.pending === 'chairDecides' ? '; chờ chủ trì quyết định' : '';
    parts.push(`Đồng hạng với ${e.tiedWith.join(', ')}${rest}`);
  }
  const decided = decidedByText(e.decidedBy);
  if (decided) parts.push(`Xếp trên đơn vị kế tiếp theo: ${decided}`);
  if (e.submitted && !e.verified) parts.push(`Còn ${e.unverified.length} tiêu chí chưa thẩm định`);
  if (!e.eligible) parts.push(e.notes.find((n) => n.startsWith('Không đủ điều kiện')) ?? 'Không đủ điều kiện đề nghị khen thưởng');
  return parts.join('. ');
}

export async function rankingToXlsx(data: BlocData, ranking: YearRanking): Promise<Uint8Array> {
  const { ctx, result } = ranking;
  const year = ctx.year.year;
  const groups = ctx.table.groups.filter((g) => g.kind === 'normal');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'BlocDesk';
  wb.title = `Kết quả chấm điểm thi đua năm ${year}`;
  const ws = wb.addWorksheet('Xếp hạng', {
    pageSetup: a4FitToWidth('landscape', [HEAD_ROW, HEAD_ROW + 1], { margins: TABLE_MARGINS }),
    views: [{ state: 'frozen', xSplit: 2, ySplit: HEAD_ROW + 1 }],
  });

  // Columns: STT, Đơn vị, Mã, Tự chấm, groups..., Điểm thưởng, Điểm trừ, Tổng điểm, Xếp hạng, Xếp loại, Thẩm định, Ghi chú, Giải thích
  const firstGroupCol = 5;
  const afterGroups = firstGroupCol + groups.length;
  const col = {
    bonus: afterGroups,
    deduction: afterGroups + 1,
    total: afterGroups + 2,
    rank: afterGroups + 3,
    classification: afterGroups + 4,
    verified: afterGroups + 5,
    remark: afterGroups + 6,
    explanation: afterGroups + 7,
  };
  const lastCol = col.explanation;

  const title = (row: number, text: string, size: number, italic = false) => {
    ws.mergeCells(row, 1, row, lastCol);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = { name: FONT, size, bold: !italic, italic };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  title(1, upperVi(data.bloc.issuingBody || data.bloc.name), 12);
  title(2, `BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM ${year}`, 14);
  title(
    3,
    `(Theo ${ctx.table.title || 'bảng chấm điểm'}, phiên bản ${ctx.table.version}; điểm sau thẩm định, tiêu chí chưa thẩm định tính theo điểm tự chấm)`,
    12,
    true,
  );

  const head = (c: number, text: string, rowspan: boolean) => {
    if (rowspan) ws.mergeCells(HEAD_ROW, c, HEAD_ROW + 1, c);
    ws.getCell(HEAD_ROW, c).value = text;
  };
  head(1, 'STT', true);
  head(2, 'Đơn vị', true);
  head(3, 'Mã', true);
  head(4, 'Tự chấm', true);
  if (groups.length > 0) {
    if (groups.length > 1) ws.mergeCells(HEAD_ROW, firstGroupCol, HEAD_ROW, afterGroups - 1);
    ws.getCell(HEAD_ROW, firstGroupCol).value = 'Điểm các nhóm (sau thẩm định)';
    groups.forEach((g, i) => (ws.getCell(HEAD_ROW + 1, firstGroupCol + i).value = `Nhóm ${g.code}`));
  }
  head(col.bonus, 'Điểm thưởng', true);
  head(col.deduction, 'Điểm trừ', true);
  head(col.total, 'Tổng điểm', true);
  head(col.rank, 'Xếp hạng', true);
  head(col.classification, 'Xếp loại', true);
  head(col.verified, 'Thẩm định', true);
  head(col.remark, 'Ghi chú', true);
  head(col.explanation, 'Giải thích thứ hạng', true);

  result.entries.forEach((e, i) => {
    const r = HEAD_ROW + 2 + i;
    const row = ws.getRow(r);
    const t = e.totals;
    row.getCell(1).value = i + 1;
    row.getCell(2).value = e.name;
    row.getCell(3).value = e.code;
    row.getCell(4).value = e.selfTotal;
    groups.forEach((g, k) => (row.getCell(firstGroupCol + k).value = t?.groups.find((x) => x.code === g.code)?.subtotal ?? null));
    row.getCell(col.bonus).value = t?.bonus ?? null;
    row.getCell(col.deduction).value = t?.deduction ?? null;
    row.getCell(col.total).value = t?.total ?? null;
    row.getCell(col.rank).value = e.rank === null ? 'Chưa xếp hạng' : e.tiedWith.length > 0 ? `${e.rank} (đồng hạng)` : e.rank;
    row.getCell(col.classification).value = e.classification ?? '';
    row.getCell(col.verified).value = !e.submitted ? '' : e.verified ? 'Đã thẩm định' : e.unverified.length === t?.criteria ? 'Chưa thẩm định' : 'Chưa đủ';
    row.getCell(col.remark).value = remark(e);
    row.getCell(col.explanation).value = e.explanation;
  });

  const lastRow = HEAD_ROW + 1 + result.entries.length;
  for (let r = HEAD_ROW; r <= lastRow; r++) {
    for (let c = 1; c <= lastCol; c++) {
      const cell = ws.getCell(r, c);
      const header = r <= HEAD_ROW + 1;
      const wide = c === 2 || c === col.remark || c === col.explanation;
      cell.border = BOX;
      cell.font = { name: FONT, size: 12, bold: header || c === col.total };
      cell.alignment = { horizontal: header || !wide ? 'center' : 'left', vertical: 'middle', wrapText: true };
    }
  }
  let note = lastRow + 2;
  for (const w of result.warnings) {
    ws.mergeCells(note, 1, note, lastCol);
    const cell = ws.getCell(note++, 1);
    cell.value = `Lưu ý: ${w}`;
    cell.font = { name: FONT, size: 11, italic: true };
    cell.alignment = { wrapText: true };
  }

  const widths = new Map<number, number>([[1, 5], [2, 30], [3, 10], [col.rank, 11], [col.classification, 11], [col.verified, 12], [col.remark, 28], [col.explanation, 48]]);
  for (let c = 4; c <= col.total; c++) widths.set(c, 9);
  for (const [c, w] of widths) ws.getColumn(c).width = w;
  for (let r = HEAD_ROW + 2; r <= lastRow; r++) {
    const lines = Math.max(
      ...[2, col.remark, col.explanation].map((c) => linesFor(String(ws.getCell(r, c).value ?? ''), widths.get(c)!)),
    );
    ws.getRow(r).height = Math.max(1, lines) * LINE_HEIGHT + 4;
  }
  ws.getRow(HEAD_ROW).height = 2 * LINE_HEIGHT;

  return workbookBytes(wb);
}
