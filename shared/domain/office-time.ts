/**
 * The office's local clock. Backups are named and kept by the office's calendar day, not by UTC
 * and not by whatever time zone the PC happens to be set to: Vietnam is UTC+7 all year (no DST),
 * so a fixed offset is exact and keeps the rules deterministic in tests.
 */
export const OFFICE_UTC_OFFSET_MINUTES = 7 * 60;

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface LocalParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Calendar fields of an instant on the office clock. */
export function localParts(ms: number, offsetMinutes = OFFICE_UTC_OFFSET_MINUTES): LocalParts {
  const d = new Date(ms + offsetMinutes * MINUTE);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** Consecutive number of the office's calendar day (days since 1970-01-01 local). */
export function localDayNumber(ms: number, offsetMinutes = OFFICE_UTC_OFFSET_MINUTES): number {
  return Math.floor((ms + offsetMinutes * MINUTE) / DAY);
}

/** Consecutive number of the office's calendar month (year × 12 + month index). */
export function localMonthNumber(ms: number, offsetMinutes = OFFICE_UTC_OFFSET_MINUTES): number {
  const p = localParts(ms, offsetMinutes);
  return p.year * 12 + (p.month - 1);
}

/** The instant written as office-clock fields, e.g. for a file name. */
export function fromLocalParts(p: LocalParts, offsetMinutes = OFFICE_UTC_OFFSET_MINUTES): number {
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - offsetMinutes * MINUTE;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The office's calendar date of an ISO instant, as yyyy-mm-dd (a document's date, "today"). */
export function officeDate(isoTime: string, offsetMinutes = OFFICE_UTC_OFFSET_MINUTES): string {
  const p = localParts(Date.parse(isoTime), offsetMinutes);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}`;
}

/** A yyyy-mm-dd date `days` calendar days later (earlier when negative). */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
}
