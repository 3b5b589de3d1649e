/**
 * The year's full unit × criterion matrix after verification, as a workbook: three header rows
 * (group → criterion with its maximum → "Tự chấm" / "Thẩm định"), one row per member unit in the
 * year's order, then the unit's self total and the verified result (criteria points, bonus,
 * deduction, total, rank, criteria not yet verified). A verified score that differs from the self
 * score is shaded; an empty "Thẩm định" cell means not verified yet (the self score counts).
 * Totals and ranks are those of the ranking (services/ranking/year-ranking.ts). Written through
 * workbookBytes, so formula-like text is neutralised.
 */
import ExcelJS from 'exceljs';
import { computeTotals, NOT_SUBMITTED_TEXT, tableCriteria } from '../../../shared/domain/scoring';
import type { RankedUnit } from '../../../shared/domain/ranking';
import type { BlocData, Score } from '../../../shared/model/records';
import { formatNumberVi, upperVi } from '../../../shared/text/vietnamese';
import { yearRanking } from '../ranking/year-ranking';
import { workbookBytes } from './write-workbook';
import { a4FitToWidth, TABLE_MARGINS } from './print-setup';

const FONT = 'Times New Roman';
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const CHANGED: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };

/** First header row; the three header rows are HEAD, HEAD + 1, HEAD + 2. */
export const MATRIX_HEAD_ROW = 5;
/** Columns before the criteria: STT, Mã, Đơn vị. */
export const MATRIX_LEAD_COLUMNS = 3;
export const MATRIX_SHEET = 'Tự chấm và thẩm định';
/** The result columns after the criteria, in order. */
export const MATRIX_RESULT_HEADERS = ['Điểm các tiêu chí', 'Điểm thưởng', 'Điểm trừ', 'Tổng điểm', 'Xếp hạng', 'Tiêu chí chưa thẩm định'];

function rankText(e: RankedUnit): string | number {
  if (e.rank === null) return e.status === 'missing' ? NOT_SUBMITTED_TEXT : `${NOT_SUBMITTED_TEXT} đủ`;
  return e.tiedWith.length > 0 ? `${e.rank} (đồng hạng)` : e.rank;
}

export async function verificationMatrixXlsx(data: BlocData, year: number): Promise<Uint8Array> {
  const { ctx, result } = yearRanking(data, year);
  const criteria = tableCriteria(ctx.table);
  const entries = new Map(result.entries.map((e) => [e.unitId, e]));
  const scores = new Map<string, Score>();
  for (const s of data.scores) if (s.blocId === data.bloc.id && s.year === year) scores.set(`${s.unitId}\u0000${s.code}`, s);

  const wb = new ExcelJS.Workbook();
  wb.creator = 'BlocDesk';
  wb.title = `Tổng hợp điểm tự chấm và thẩm định năm ${year}`;
  const head = MATRIX_HEAD_ROW;
  const first = head + 3;
  const ws = wb.addWorksheet(MATRIX_SHEET, {
    pageSetup: a4FitToWidth('landscape', [head, head + 2], { margins: { ...TABLE_MARGINS, left: 0.5 } }),
    views: [{ state: 'frozen', xSplit: MATRIX_LEAD_COLUMNS, ySplit: head + 2 }],
  });
  const critCol = (i: number) => MATRIX_LEAD_COLUMNS + 1 + 2 * i;
  const selfTotalCol = critCol(criteria.length);
  const resultCol = selfTotalCol + 1;
  const lastCol = resultCol + MATRIX_RESULT_HEADERS.length - 1;

  const title = (row: number, text: string, size: number, italic = false) => {
    ws.mergeCells(row, 1, row, Math.min(lastCol, 30));
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = { name: FONT, size, bold: !italic, italic };
    cell.alignment = { horizontal: 'left', vertical: 'middle' };
  };
  title(1, upperVi(data.bloc.issuingBody || data.bloc.name), 12);
  title(2, `BẢNG TỔNG HỢP ĐIỂM TỰ CHẤM VÀ THẨM ĐỊNH THI ĐUA NĂM ${year}`, 14);
  title(
    3,
    `(${ctx.table.title || 'Bảng chấm điểm'}, phiên bản ${ctx.table.version}. Ô "Thẩm định" để trống: tiêu chí chưa thẩm định, tính theo điểm tự chấm; ô tô màu: điểm thẩm định khác điểm tự chấm.)`,
    11,
    true,
  );

  const put = (row: number, col: number, value: string, toRow = row, toCol = col) => {
    if (toRow !== row || toCol !== col) ws.mergeCells(row, col, toRow, toCol);
    ws.getCell(row, col).value = value;
  };
  put(head, 1, 'STT', head + 2);
  put(head, 2, 'Mã', head + 2);
  put(head, 3, 'Đơn vị', head + 2);
  // A group's points after its cap, by the totals' own rule.
  const maxima = new Map(computeTotals(ctx.table, {}).groups.map((g) => [g.code, g.max]));
  let i = 0;
  for (const group of ctx.table.groups) {
    const n = group.criteria.length;
    if (n === 0) continue;
    const max = maxima.get(group.code) ?? 0;
    const sign = group.kind === 'bonus' ? '+' : group.kind === 'deduction' ? '−' : '';
    put(head, critCol(i), `${group.code}. ${group.title} (${sign}${formatNumberVi(max)} điểm)`, head, critCol(i + n - 1) + 1);
    for (const c of group.criteria) {
      put(head + 1, critCol(i), `${c.code} (${formatNumberVi(c.max)})`, head + 1, critCol(i) + 1);
      // The criterion's wording, shown when the pointer rests on its header.
      ws.getCell(head + 1, critCol(i)).note = c.title;
      put(head + 2, critCol(i), 'Tự chấm');
      put(head + 2, critCol(i) + 1, 'Thẩm định');
      i++;
    }
  }
  put(head, selfTotalCol, 'Tổng điểm tự chấm', head + 2);
  put(head, resultCol, 'Kết quả sau thẩm định', head, lastCol);
  MATRIX_RESULT_HEADERS.forEach((text, k) => put(head + 1, resultCol + k, text, head + 2));

  ctx.units.forEach((unit, u) => {
    const r = first + u;
    const row = ws.getRow(r);
    const e = entries.get(unit.id);
    row.getCell(1).value = u + 1;
    row.getCell(2).value = unit.code;
    row.getCell(3).value = unit.name;
    criteria.forEach(({ criterion }, k) => {
      const s = scores.get(`${unit.id}\u0000${criterion.code}`);
      const self = row.getCell(critCol(k));
      const verified = row.getCell(critCol(k) + 1);
      self.value = s?.self ?? null;
      verified.value = s?.verified ?? null;
      if (s && s.verified !== null && (s.self === null || Math.abs(s.verified - s.self) > 1e-9)) verified.fill = CHANGED;
    });
    const t = e?.totals ?? null;
    row.getCell(selfTotalCol).value = e?.selfTotal ?? (e?.status === 'missing' ? NOT_SUBMITTED_TEXT : null);
    const values: (string | number | null)[] = [t?.base ?? null, t?.bonus ?? null, t?.deduction ?? null, t?.total ?? null, e ? rankText(e) : null, e?.submitted ? e.unverified.length : null];
    values.forEach((v, k) => (row.getCell(resultCol + k).value = v));
  });

  const lastRow = first + ctx.units.length - 1;
  for (let r = head; r <= lastRow; r++) {
    for (let c = 1; c <= lastCol; c++) {
      const cell = ws.getCell(r, c);
      const header = r < first;
      cell.border = BOX;
      cell.font = { name: FONT, size: 11, bold: header || c === resultCol + 3 };
      cell.alignment = { horizontal: c === 3 && !header ? 'left' : 'center', vertical: 'middle', wrapText: header || c === 3 };
    }
  }
  ws.getColumn(1).width = 5;
  ws.getColumn(2).width = 10;
  ws.getColumn(3).width = 34;
  for (let c = critCol(0); c < selfTotalCol; c++) ws.getColumn(c).width = 7.5;
  for (let c = selfTotalCol; c <= lastCol; c++) ws.getColumn(c).width = 11;
  ws.getRow(head).height = 48;
  ws.getRow(head + 1).height = 30;
  return workbookBytes(wb);
}
