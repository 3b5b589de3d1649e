/**
 * When to take an automatic backup. Pure: the app asks it at start-up, after each change and on
 * its timer, and before or after the actions that always warrant one.
 *
 *   - 'startup': only when data changed since the last backup (or there is data and no backup yet);
 *   - 'periodic': while changes keep coming, at most one backup every PERIODIC_BACKUP_MINUTES; a
 *     change made within that time is backed up when the interval is over (`dueAt`);
 *   - every other reason (before a destructive action, after an import, a lock or a vote, before a
 *     restore, manual): always, even when nothing changed, because the user is about to rely on it.
 * A last backup dated after `now` means the PC clock went back: its age is unknown, so a backup is
 * taken rather than none for as long as the clock is off.
 */
import type { BackupReason } from './backup';

export const PERIODIC_BACKUP_MINUTES = 15;

export interface BackupScheduleInput {
  trigger: BackupReason;
  /** ISO time of the newest backup of the bloc, or null when there is none. */
  lastBackupAt: string | null;
  /** ISO time of the latest change to the bloc's data, or null when nothing is known to have changed. */
  lastChangeAt: string | null;
  now: string;
}

export interface BackupScheduleDecision {
  take: boolean;
  /** For 'periodic' with unsaved changes that are not due yet: when to ask again (ISO). */
  dueAt: string | null;
}

const NO = { take: false, dueAt: null } as const;
const YES = { take: true, dueAt: null } as const;

export function backupDecision(input: BackupScheduleInput): BackupScheduleDecision {
  const { trigger } = input;
  if (trigger !== 'startup' && trigger !== 'periodic') return YES;
  const now = Date.parse(input.now);
  const last = input.lastBackupAt === null ? null : Date.parse(input.lastBackupAt);
  const change = input.lastChangeAt === null ? null : Date.parse(input.lastChangeAt);
  if (change === null || Number.isNaN(change)) return NO;
  if (last === null || Number.isNaN(last) || last > now) return YES;
  if (change <= last) return NO;
  if (trigger === 'startup') return YES;
  const due = last + PERIODIC_BACKUP_MINUTES * 60_000;
  return now >= due ? YES : { take: false, dueAt: new Date(due).toISOString() };
}
