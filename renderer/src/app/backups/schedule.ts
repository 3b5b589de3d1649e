/**
 * When the running app takes its automatic backups of the open bloc (pure; BackupsProvider runs it
 * with the clock and the data-change events).
 *
 * `backupDecision` (shared/domain/backup-schedule.ts) says whether a backup is due: at start-up
 * when the data changed since the last backup, then at most every 15 minutes while changes keep
 * coming. On top of it, the app:
 *   - runs the start-up check once, for the bloc that was open when the app started with data;
 *   - lets a burst of writes settle (an import is many writes) before reading the bloc: SETTLE_MS
 *     after the last change, but never more than MAX_SETTLE_MS past the time the backup was due;
 *   - takes one backup at a time;
 *   - after a failed backup (USB stick removed, disk full) tries again only after RETRY_MS.
 */
import { backupDecision, PERIODIC_BACKUP_MINUTES } from '../../../../shared/package/backup-schedule';

export const SETTLE_MS = 3_000;
export const MAX_SETTLE_MS = 60_000;
export const RETRY_MS = 2 * 60_000;

export interface SchedulerState {
  /** The open bloc; null: nothing to back up. */
  blocId: string | null;
  /** The start-up check is still to run for this bloc. */
  startupPending: boolean;
  /**
   * Up to when the bloc's data is in a backup: when the data of the last backup taken here was
   * read, or the time of the newest backup found in the folder when the bloc was opened.
   */
  backedUpTo: string | null;
  /** The latest change known (record times when the bloc was opened, then the time of each write). */
  lastChangeAt: string | null;
  /** The first change not in a backup yet (null when every known change is): where the settling time is counted from. */
  pendingSince: string | null;
  /** A backup is being taken. */
  running: boolean;
  /** When the last automatic backup failed, if it did and none succeeded since. */
  lastFailureAt: string | null;
}

export type SchedulerStep =
  | { kind: 'take'; reason: 'startup' | 'periodic' }
  /** Ask again at `until` (ISO). */
  | { kind: 'wait'; until: string }
  /** Nothing to do until the next change; `startupChecked` when the start-up check found nothing to back up. */
  | { kind: 'idle'; startupChecked?: true };

const iso = (ms: number) => new Date(ms).toISOString();

/** Since when a backup that is due now has been due: the end of the 15 minutes, or the first change not backed up, whichever is later. */
function dueSince(state: SchedulerState, changeMs: number, nowMs: number): number {
  const last = state.backedUpTo === null ? Number.NaN : Date.parse(state.backedUpTo);
  const intervalEnd = Number.isNaN(last) || last > nowMs ? -Infinity : last + PERIODIC_BACKUP_MINUTES * 60_000;
  const pending = state.pendingSince === null ? Number.NaN : Date.parse(state.pendingSince);
  return Math.min(nowMs, Math.max(intervalEnd, Number.isNaN(pending) ? changeMs : pending));
}

export function nextBackupStep(state: SchedulerState, now: string): SchedulerStep {
  if (!state.blocId || state.running) return { kind: 'idle' };
  const nowMs = Date.parse(now);
  const retryAt = state.lastFailureAt === null ? null : Date.parse(state.lastFailureAt) + RETRY_MS;
  const input = { lastBackupAt: state.backedUpTo, lastChangeAt: state.lastChangeAt, now };

  if (state.startupPending) {
    if (!backupDecision({ ...input, trigger: 'startup' }).take) return { kind: 'idle', startupChecked: true };
    if (retryAt !== null && retryAt > nowMs) return { kind: 'wait', until: iso(retryAt) };
    return { kind: 'take', reason: 'startup' };
  }

  const decision = backupDecision({ ...input, trigger: 'periodic' });
  if (!decision.take && decision.dueAt === null) return { kind: 'idle' };
  const changeMs = Date.parse(state.lastChangeAt!);
  const dueMs = decision.take ? dueSince(state, changeMs, nowMs) : Date.parse(decision.dueAt!);
  let at = Math.max(dueMs, Math.min(changeMs + SETTLE_MS, dueMs + MAX_SETTLE_MS));
  if (retryAt !== null) at = Math.max(at, retryAt);
  return at <= nowMs ? { kind: 'take', reason: 'periodic' } : { kind: 'wait', until: iso(at) };
}
