/**
 * The bloc's history as a workbook, one sheet per view of the "Lịch sử khối" screen:
 *   - "Theo năm": leader, deputy, members, table, ranked units, the top units, awards proposed;
 *   - "Theo đơn vị": every unit in every year (membership, role, total, rank of how many,
 *     classification, awards), the unit's years as leader or deputy and its best rank;
 *   - "Thứ hạng qua các năm": the rank chart as a table (a row per unit, a column per year);
 *   - "Khen thưởng theo năm": the awards chart as a table (quota, proposed, granted per year).
 * Everything comes from shared/domain/history (the screen shows the same numbers). Written through
 * workbookBytes, so a unit name starting with "=" stays text.
 */
import ExcelJS from 'exceljs';
import { awardsChartData, blocHistory, rankChartData, type BlocHistory, type HistoryInput, type ProposedAward } from '../../../shared/domain/history';
import { formatNumberVi, upperVi } from '../../../shared/text/vietnamese';
import { workbookBytes } from './write-workbook';
import { a4FitToWidth } from './print-setup';

const FONT = 'Times New Roman';
const THIN: Partial<ExcelJS.Border> = { style: 'thin' };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const POINTS = '#,##0.##';

export const HISTORY_SHEETS = ['Theo năm', 'Theo đơn vị', 'Thứ hạng qua các năm', 'Khen thưởng theo năm'] as const;

const OUTCOME_TEXT: Record<ProposedAward['outcome'], string> = {
  proposed: 'đã đề nghị',
  granted: 'được tặng',
  'not-granted': 'không được tặng',
};

function awardsText(awards: readonly ProposedAward[], nameOf: (unitId: string) => string): string {
  if (awards.length === 0) return 'Chưa có kết quả bình xét';
  return awards.map((a) => `${a.award}: ${nameOf(a.unitId)} (${OUTCOME_TEXT[a.outcome]})`).join('\n');
}

const yearsText = (years: readonly number[]) => (years.length ? years.join(', ') : '');

/** A sheet with a title row, a header row and data rows, bordered, widths given per column. */
function table(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  columns: { header: string; width: number; points?: boolean; center?: boolean }[],
  rows: (string | number | null)[][],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    pageSetup: a4FitToWidth('landscape', [3, 3]),
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  ws.mergeCells(1, 1, 1, Math.max(1, columns.length));
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { name: FONT, size: 14, bold: true };
  t.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = 36;
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
    const cell = ws.getCell(3, i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BOX;
  });
  rows.forEach((values, r) => {
    const row = ws.getRow(4 + r);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.font = { name: FONT, size: 12 };
      cell.border = BOX;
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: columns[i]?.center ? 'center' : undefined };
      if (columns[i]?.points) cell.numFmt = POINTS;
    });
  });
  return ws;
}

export function historyWorkbook(data: HistoryInput, history: BlocHistory = blocHistory(data)): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'BlocDesk';
  wb.title = `Lịch sử ${data.bloc.name}`;
  const names = new Map(data.units.map((u) => [u.id, u.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const blocTitle = upperVi(data.bloc.name);

  table(
    wb,
    HISTORY_SHEETS[0],
    `LỊCH SỬ ${blocTitle} THEO NĂM`,
    [
      { header: 'Năm', width: 8, center: true },
      { header: 'Khối trưởng', width: 28 },
      { header: 'Khối phó', width: 28 },
      { header: 'Số thành viên', width: 11, center: true },
      { header: 'Bảng chấm điểm', width: 14, center: true },
      { header: 'Số đơn vị được xếp hạng', width: 13, center: true },
      { header: 'Đơn vị dẫn đầu', width: 44 },
      { header: 'Khen thưởng đề nghị và kết quả', width: 40 },
    ],
    [...history.years].reverse().map((y) => [
      y.year,
      y.leader?.name ?? '',
      y.deputy?.name ?? '',
      y.memberCount,
      y.table ? `Phiên bản ${y.table.version}${y.table.status === 'locked' ? '' : ' (nháp)'}` : 'Chưa có',
      y.rankedCount,
      y.top.map((t) => `${t.rank}. ${t.name}${t.total === null ? '' : ` (${formatNumberVi(t.total)} điểm)`}`).join('\n'),
      awardsText(y.awards, nameOf),
    ]),
  );

  const unitRows: (string | number | null)[][] = [];
  for (const u of history.units) {
    for (const y of u.years) {
      unitRows.push([
        u.name,
        u.code,
        y.year,
        y.member ? 'Có' : 'Không',
        y.role === 'leader' ? 'Khối trưởng' : y.role === 'deputy' ? 'Khối phó' : '',
        y.total,
        y.rank,
        y.rank === null ? null : y.rankedCount,
        y.classification ?? '',
        y.awards.map((a) => `${a.award} (${OUTCOME_TEXT[a.outcome]})`).join('\n'),
        yearsText(u.leaderYears),
        yearsText(u.deputyYears),
        u.bestRank,
      ]);
    }
  }
  table(
    wb,
    HISTORY_SHEETS[1],
    `KẾT QUẢ CỦA TỪNG ĐƠN VỊ QUA CÁC NĂM`,
    [
      { header: 'Đơn vị', width: 30 },
      { header: 'Mã', width: 10 },
      { header: 'Năm', width: 8, center: true },
      { header: 'Thành viên', width: 10, center: true },
      { header: 'Vai trò', width: 13 },
      { header: 'Tổng điểm', width: 11, points: true },
      { header: 'Thứ hạng', width: 9, center: true },
      { header: 'Số đơn vị xếp hạng', width: 11, center: true },
      { header: 'Xếp loại', width: 12 },
      { header: 'Khen thưởng', width: 30 },
      { header: 'Các năm làm Khối trưởng', width: 16 },
      { header: 'Các năm làm Khối phó', width: 16 },
      { header: 'Thứ hạng cao nhất', width: 10, center: true },
    ],
    unitRows,
  );

  const ranks = rankChartData(history);
  table(
    wb,
    HISTORY_SHEETS[2],
    'THỨ HẠNG CỦA CÁC ĐƠN VỊ QUA CÁC NĂM',
    [{ header: 'Đơn vị', width: 36 }, ...ranks.years.map((y) => ({ header: String(y), width: 8, center: true }))],
    ranks.series.map((s) => [s.label, ...s.ranks]),
  );

  const awards = awardsChartData(history);
  table(
    wb,
    HISTORY_SHEETS[3],
    'KHEN THƯỞNG THEO NĂM',
    [
      { header: 'Năm', width: 8, center: true },
      { header: 'Số đề nghị tối đa theo quy chế', width: 18, center: true },
      { header: 'Số đã đề nghị', width: 14, center: true },
      { header: 'Số được tặng', width: 14, center: true },
    ],
    awards.years.map((y, i) => [y, awards.quota[i]!, awards.proposed[i]!, awards.granted[i]!]),
  );
  return wb;
}

/** The history workbook as .xlsx bytes. */
export async function historyXlsx(data: HistoryInput): Promise<Uint8Array<ArrayBuffer>> {
  return workbookBytes(historyWorkbook(data));
}
