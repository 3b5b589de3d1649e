/**
 * Which automatic backups to keep. Pure: the backup service (electron/services/backups) lists the
 * folder, asks this function, and deletes only what it returns in `remove`.
 *
 * Per bloc, on the office's calendar (OFFICE_UTC_OFFSET_MINUTES, UTC+7), a backup is kept when it is
 *   - one of the newest `todayMax` (10) backups taken today;
 *   - the newest backup of its day, for each of the `dailyDays` (14) days before today
 *     (so with today, the last 15 calendar days are covered);
 *   - the newest backup of its month, for the current month and each of the `monthlyMonths` (24)
 *     months before it;
 *   - the bloc's newest backup, whatever its age: the only copy of a bloc is never deleted;
 *   - dated after `now` (the PC clock was wrong when it was taken, or is now): it cannot be placed,
 *     so it is kept rather than guessed about.
 * Buckets keep their NEWEST backup: it holds the most work of that day or month. Everything else,
 * including backups older than the monthly window, is removed. Blocs never affect each other.
 */
import { localDayNumber, localMonthNumber, OFFICE_UTC_OFFSET_MINUTES } from './office-time';

export interface RetentionPolicy {
  todayMax: number;
  dailyDays: number;
  monthlyMonths: number;
  /** Offset of the office clock from UTC, in minutes. */
  utcOffsetMinutes: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = {
  todayMax: 10,
  dailyDays: 14,
  monthlyMonths: 24,
  utcOffsetMinutes: OFFICE_UTC_OFFSET_MINUTES,
};

export interface RetainedBackup {
  /** Unique key (the file's path); breaks ties between backups of the same instant. */
  key: string;
  blocId: string;
  /** ISO timestamp of when the backup was taken. */
  time: string;
}

export interface RetentionDecision<T extends RetainedBackup> {
  keep: T[];
  remove: T[];
}

export function applyRetention<T extends RetainedBackup>(
  backups: readonly T[],
  now: string | Date,
  policy: Partial<RetentionPolicy> = {},
): RetentionDecision<T> {
  const p = { ...DEFAULT_RETENTION, ...policy };
  const nowMs = typeof now === 'string' ? Date.parse(now) : now.getTime();
  if (Number.isNaN(nowMs)) throw new RangeError(`applyRetention: invalid now ${String(now)}`);
  const today = localDayNumber(nowMs, p.utcOffsetMinutes);
  const thisMonth = localMonthNumber(nowMs, p.utcOffsetMinutes);

  const byBloc = new Map<string, { item: T; ms: number }[]>();
  for (const item of backups) {
    const list = byBloc.get(item.blocId) ?? [];
    list.push({ item, ms: Date.parse(item.time) });
    byBloc.set(item.blocId, list);
  }

  const kept = new Set<T>();
  for (const list of byBloc.values()) {
    // Newest first; the key orders backups of the same instant so the result never depends on input order.
    list.sort((a, b) => (b.ms || 0) - (a.ms || 0) || (a.item.key < b.item.key ? 1 : a.item.key > b.item.key ? -1 : 0));
    const newestDated = list.find((x) => !Number.isNaN(x.ms));
    if (newestDated) kept.add(newestDated.item);
    let todayCount = 0;
    const daysSeen = new Set<number>();
    const monthsSeen = new Set<number>();
    for (const { item, ms } of list) {
      if (Number.isNaN(ms) || ms > nowMs) {
        kept.add(item);
        continue;
      }
      const day = localDayNumber(ms, p.utcOffsetMinutes);
      const month = localMonthNumber(ms, p.utcOffsetMinutes);
      const dayAge = today - day;
      const monthAge = thisMonth - month;
      let keep = false;
      if (dayAge === 0 && todayCount < p.todayMax) {
        todayCount++;
        keep = true;
      }
      if (dayAge >= 1 && dayAge <= p.dailyDays && !daysSeen.has(day)) keep = true;
      if (monthAge >= 0 && monthAge <= p.monthlyMonths && !monthsSeen.has(month)) keep = true;
      // The list is newest first, so the first backup met in a bucket is that bucket's newest.
      daysSeen.add(day);
      monthsSeen.add(month);
      if (keep) kept.add(item);
    }
  }
  return {
    keep: backups.filter((b) => kept.has(b)),
    remove: backups.filter((b) => !kept.has(b)),
  };
}
