/**
 * Dates typed the Vietnamese way, day first: "01/03/2024" is 1 March 2024 (never 3 January, as a
 * browser's date field in an English locale shows it). Stored as ISO yyyy-mm-dd; only days that
 * exist on the calendar are accepted (no 31/02, no 29/02 outside leap years).
 */
import { isCalendarDate as isRealDay, isIsoDate } from './dates';
import { formatDateVi } from './vietnamese';

/** True for a yyyy-mm-dd string naming a real day (years 1000–9999); the records' rule (dates.ts). */
export const isRealIsoDate = isIsoDate;

export type DateParse = { ok: true; iso: string } | { ok: false; empty: boolean; message: string };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Reads "dd/mm/yyyy" (also with - or . between, and one-digit day or month: "1/3/2024").
 * The message says what is wrong, in Vietnamese.
 */
export function parseDateVi(text: string): DateParse {
  const s = text.trim();
  if (!s) return { ok: false, empty: true, message: 'Nhập ngày theo dạng ngày/tháng/năm, ví dụ 01/03/2024.' };
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return { ok: false, empty: false, message: `"${s}" không phải ngày theo dạng ngày/tháng/năm (ví dụ 01/03/2024).` };
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  if (month < 1 || month > 12) return { ok: false, empty: false, message: `Tháng ${month} không có: tháng từ 1 đến 12 (ngày/tháng/năm).` };
  if (!isRealDay(year, month, day)) return { ok: false, empty: false, message: `Ngày ${pad(day)}/${pad(month)}/${year} không có trên lịch.` };
  return { ok: true, iso: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

/** dd/mm/yyyy of an ISO date for a date field; '' when it is not a real date. */
export function dateFieldText(iso: string): string {
  return isRealIsoDate(iso) ? formatDateVi(iso) : '';
}
