/**
 * The year's verification audit as a workbook: every change of a self score, verified score or note
 * (each score's history), of a unit's status, lock, eligibility or explanations (the unit reviews),
 * and of the year's lock and chair decisions (the year review), oldest first: time, who, unit,
 * what, criterion, old → new, reason. Written through workbookBytes (formula-like text neutralised).
 */
import ExcelJS from 'exceljs';
import type { BlocData } from '../../../shared/model/records';
import { localParts } from '../../../shared/domain/office-time';
import { workbookBytes } from './write-workbook';

export const AUDIT_SHEET = 'Lịch sử thẩm định';
export const AUDIT_HEADERS = ['Thời gian', 'Người thực hiện', 'Mã đơn vị', 'Đơn vị', 'Việc', 'Tiêu chí / đối tượng', 'Giá trị cũ', 'Giá trị mới', 'Lý do'];

const SCORE_FIELDS: Record<string, string> = { self: 'Điểm tự chấm', verified: 'Điểm thẩm định', note: 'Ghi chú của đơn vị' };
const ACTIONS: Record<string, string> = {
  verify: 'Điểm thẩm định',
  accept: 'Chấp nhận điểm tự chấm',
  restore: 'Trả lại điểm tự chấm',
  explanation: 'Giải trình',
  'explanation-decision': 'Quyết định về giải trình',
  status: 'Trạng thái thẩm định',
  lock: 'Khóa',
  unlock: 'Mở khóa (phúc tra)',
  eligibility: 'Đủ điều kiện đề nghị khen thưởng',
  'chair-decision': 'Quyết định của chủ trì (đồng hạng)',
};
/** dd/mm/yyyy HH:MM on the office clock (UTC+7), whatever the machine's time zone. */
function officeTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const p = localParts(ms);
  const two = (v: number) => String(v).padStart(2, '0');
  return `${two(p.day)}/${two(p.month)}/${p.year} ${two(p.hour)}:${two(p.minute)}`;
}

const STATUS: Record<string, string> = { reviewing: 'Đang thẩm định', reviewed: 'Đã thẩm định', locked: 'Đã khóa' };

function shown(v: unknown): string | number {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'có' : 'không';
  return STATUS[String(v)] ?? String(v);
}

interface Row {
  at: string;
  by: string;
  unitId: string | null;
  what: string;
  target: string;
  old: unknown;
  next: unknown;
  reason: string;
}

/** The audit rows of a year, oldest first (score histories, unit reviews, the year review). */
export function verificationAuditRows(data: BlocData, year: number): Row[] {
  const blocId = data.bloc.id;
  const rows: Row[] = [];
  for (const s of data.scores) {
    if (s.blocId !== blocId || s.year !== year) continue;
    for (const h of s.history) rows.push({ at: h.at, by: h.by, unitId: s.unitId, what: SCORE_FIELDS[h.field] ?? h.field, target: s.code, old: h.old, next: h.new, reason: h.reason });
  }
  for (const r of data.unitReviews) {
    if (r.blocId !== blocId || r.year !== year) continue;
    // A score's own history already holds verify/accept/restore: the review keeps the other decisions here.
    for (const h of r.history) {
      if (h.action === 'verify' || h.action === 'accept' || h.action === 'restore') continue;
      rows.push({ at: h.at, by: h.by, unitId: r.unitId, what: ACTIONS[h.action] ?? h.action, target: h.target === r.unitId ? '' : h.target, old: h.old, next: h.new, reason: h.reason });
    }
  }
  for (const y of data.yearReviews) {
    if (y.blocId !== blocId || y.year !== year) continue;
    for (const h of y.history) rows.push({ at: h.at, by: h.by, unitId: null, what: `${ACTIONS[h.action] ?? h.action} năm ${year}`, target: h.action === 'lock' || h.action === 'unlock' ? '' : h.target, old: h.old, next: h.new, reason: h.reason });
  }
  return rows.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

export async function verificationAuditXlsx(data: BlocData, year: number): Promise<Uint8Array> {
  const units = new Map(data.units.map((u) => [u.id, u]));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(AUDIT_SHEET, { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.getCell('A1').value = `LỊCH SỬ THẨM ĐỊNH KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM ${year}`;
  ws.getCell('A1').font = { name: 'Times New Roman', bold: true, size: 13 };
  ws.getCell('A2').value = data.bloc.name;
  const head = ws.getRow(3);
  head.values = AUDIT_HEADERS;
  head.font = { name: 'Times New Roman', bold: true };
  const widths = [18, 22, 10, 32, 28, 16, 14, 14, 50];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const r of verificationAuditRows(data, year)) {
    const unit = r.unitId ? units.get(r.unitId) : undefined;
    // Chair decisions name units by id lists; show their codes.
    const target = r.what.startsWith('Quyết định của chủ trì') ? r.target.split(',').map((id) => units.get(id)?.code ?? id).join(', ') : r.target;
    const mapIds = (v: unknown) => (typeof v === 'string' && r.what.startsWith('Quyết định của chủ trì') ? v.split(',').map((id) => units.get(id)?.code ?? id).join(', ') : shown(v));
    const row = ws.addRow([officeTime(r.at), r.by, unit?.code ?? '', unit?.name ?? '', r.what, target, mapIds(r.old), mapIds(r.next), r.reason]);
    row.font = { name: 'Times New Roman' };
    for (const c of [7, 8]) {
      const cell = row.getCell(c);
      if (typeof cell.value === 'number') cell.numFmt = Number.isInteger(cell.value) ? '0' : '0.0#';
    }
  }
  return workbookBytes(wb);
}
