/**
 * The register's rules (pure): the next number of a type in a calendar year, issuing a number (only
 * when the user issues the document, never on a preview), voiding it with a reason. A number once
 * given is never given again, voided or not. The caller stores the returned entries.
 */
import { UserError } from '../../errors';
import { isIsoDate } from '../../text/dates';
import { formatDateVi } from '../../text/vietnamese';
import { numberSymbol } from './number-line';
import { REGISTER_TYPES, type IssueRequest, type RegisterEntry, type RegisterType } from './types';

/** Calendar year of an ISO date: the year the number belongs to. */
export function registerYearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

export function isRegisterType(value: string): value is RegisterType {
  return Object.hasOwn(REGISTER_TYPES, value);
}

/** The number the next document of the type gets in the calendar year of `isoDate` (1 on a new year). */
export function nextNumber(entries: readonly RegisterEntry[], type: RegisterType, isoDate: string): number {
  const year = registerYearOf(isoDate);
  let last = 0;
  for (const e of entries) if (e.type === type && e.year === year && e.number > last) last = e.number;
  return last + 1;
}

/** "05/BB-KTĐVHXH" as issued. */
export function entryNumberText(entry: Pick<RegisterEntry, 'number' | 'type' | 'symbol'>, partyFormat = false): string {
  return numberSymbol(entry.number, entry.type, entry.symbol, partyFormat);
}

/**
 * Takes the next number of the type for a document being issued. Refused (UserError, Vietnamese):
 * an unknown type, a date that does not exist, an empty summary or symbol, a date earlier than the
 * last number of the same type that year (the register runs in date order).
 */
export function issueNumber(entries: readonly RegisterEntry[], request: IssueRequest): RegisterEntry {
  if (!isRegisterType(request.type)) {
    throw new UserError('register-type-unknown', `Loại văn bản "${request.type}" không có trong sổ văn bản đi (các loại: ${Object.keys(REGISTER_TYPES).join(', ')}).`);
  }
  if (!isIsoDate(request.date)) {
    throw new UserError('register-date-invalid', `Ngày ban hành "${request.date}" không hợp lệ: cần một ngày có thật (dd/mm/yyyy).`);
  }
  const symbol = request.symbol.trim();
  if (!symbol) throw new UserError('register-symbol-empty', 'Chưa có ký hiệu của Khối để ghi số văn bản (ví dụ KTĐVHXH). Hãy nhập ký hiệu trong phần cài đặt sổ văn bản.');
  const summary = request.summary.trim();
  if (!summary) throw new UserError('register-summary-empty', `Chưa nhập trích yếu nội dung của ${REGISTER_TYPES[request.type].toLowerCase()} cần cấp số.`);
  if (entries.some((e) => e.id === request.id)) {
    throw new UserError('register-id-taken', 'Văn bản này đã được cấp số; mỗi lần ban hành chỉ cấp một số.');
  }
  const year = registerYearOf(request.date);
  const sameType = entries.filter((e) => e.type === request.type && e.year === year);
  const latest = sameType.reduce<RegisterEntry | null>((a, e) => (!a || e.number > a.number ? e : a), null);
  if (latest && request.date < latest.date) {
    throw new UserError(
      'register-date-before-last',
      `Ngày ban hành ${formatDateVi(request.date)} sớm hơn ngày của số ${entryNumberText(latest)} (${formatDateVi(latest.date)}). ` +
        'Sổ văn bản đi ghi số theo thứ tự ngày: hãy chọn ngày từ ' + formatDateVi(latest.date) + ' trở đi.',
    );
  }
  return {
    id: request.id,
    year,
    type: request.type,
    number: nextNumber(entries, request.type, request.date),
    symbol,
    date: request.date,
    documentKind: request.documentKind,
    blocYear: request.blocYear,
    summary,
    signer: request.signer.trim(),
    issuedAt: request.issuedAt,
    voided: null,
  };
}

/** Voids a number with a reason; the entry stays in the register and its number is never reused. */
export function voidEntry(entry: RegisterEntry, reason: string, at: string): RegisterEntry {
  const why = reason.trim();
  if (entry.voided) {
    throw new UserError('register-already-void', `Số ${entryNumberText(entry)} đã bị hủy ngày ${formatDateVi(entry.voided.at)}.`);
  }
  if (!why) throw new UserError('register-void-reason', `Cần ghi lý do hủy số ${entryNumberText(entry)}.`);
  return { ...entry, voided: { at, reason: why } };
}

/**
 * The number a document kind of an emulation year was issued under: the latest entry not voided
 * (a document re-issued after voiding prints its new number); null when none was issued.
 */
export function issuedEntryFor(entries: readonly RegisterEntry[], documentKind: string, blocYear: number): RegisterEntry | null {
  let found: RegisterEntry | null = null;
  for (const e of entries) {
    if (e.voided || e.documentKind !== documentKind || e.blocYear !== blocYear) continue;
    if (!found || e.issuedAt > found.issuedAt || (e.issuedAt === found.issuedAt && e.number > found.number)) found = e;
  }
  return found;
}

/** The register in its order: by date, then type, then number. */
export function registerOrder(entries: readonly RegisterEntry[]): RegisterEntry[] {
  return [...entries].sort((a, b) => a.date.localeCompare(b.date) || a.type.localeCompare(b.type) || a.number - b.number);
}

export const REGISTER_COLUMNS = ['STT', 'Số, ký hiệu', 'Ngày ban hành', 'Loại văn bản', 'Trích yếu nội dung', 'Người ký', 'Ghi chú'] as const;

export interface RegisterSheet {
  title: string;
  columns: readonly string[];
  rows: (string | number)[][];
}

/** The register of a calendar year as the rows of an Excel sheet (header first); voided numbers stay, marked. */
export function registerRows(entries: readonly RegisterEntry[], year: number, partyFormat = false): RegisterSheet {
  const rows = registerOrder(entries.filter((e) => e.year === year)).map((e, i) => [
    i + 1,
    entryNumberText(e, partyFormat),
    formatDateVi(e.date),
    REGISTER_TYPES[e.type],
    e.summary,
    e.signer,
    e.voided ? `Đã hủy ngày ${formatDateVi(e.voided.at)}: ${e.voided.reason}` : '',
  ]);
  return { title: `SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM ${year}`, columns: REGISTER_COLUMNS, rows };
}
