/**
 * ISO dates and times as records store them: "2026-03-01" (a day) and "2026-03-01T08:00:00.000Z"
 * (a moment). A string of that shape must also name a day that exists: 2024-13-45 or 0000-00-00
 * would otherwise print as "ngày 45 tháng 13".
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))?)?$/;

/** Years a record may name (four digits, no year 0). */
const MIN_YEAR = 1000;

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when year/month/day is a day of the Gregorian calendar (year 1000–9999). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  return year >= MIN_YEAR && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** "yyyy-mm-dd" naming a real day. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** "yyyy-mm-dd" or "yyyy-mm-ddThh:mm[:ss[.fff]][Z|±hh:mm]" naming a real day and time. */
export function isIsoTime(s: string): boolean {
  const m = ISO_TIME.exec(s);
  if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || (m[6] !== undefined && Number(m[6]) > 59))) return false;
  if (m[7] !== undefined && (Number(m[7]) > 14 || Number(m[8]) > 59)) return false;
  return true;
}
