import { describe, expect, it } from 'vitest';
import { backupDecision, PERIODIC_BACKUP_MINUTES } from '../../../shared/package/backup-schedule';
import { BACKUP_REASONS } from '../../../shared/package/backup';

const T = (min: number) => new Date(Date.parse('2026-05-14T03:00:00.000Z') + min * 60_000).toISOString();

describe('when to take a backup', () => {
  it('at start-up only when data changed since the last backup', () => {
    expect(backupDecision({ trigger: 'startup', lastBackupAt: T(0), lastChangeAt: T(5), now: T(60) }).take).toBe(true);
    expect(backupDecision({ trigger: 'startup', lastBackupAt: T(10), lastChangeAt: T(5), now: T(60) }).take).toBe(false);
    expect(backupDecision({ trigger: 'startup', lastBackupAt: T(5), lastChangeAt: T(5), now: T(60) }).take).toBe(false);
  });

  it('at start-up with data and no backup yet: take one; with nothing changed ever: none', () => {
    expect(backupDecision({ trigger: 'startup', lastBackupAt: null, lastChangeAt: T(-600), now: T(0) }).take).toBe(true);
    expect(backupDecision({ trigger: 'startup', lastBackupAt: null, lastChangeAt: null, now: T(0) }).take).toBe(false);
  });

  it('a start-up one minute after the last backup still backs up the newer change (no rate limit at start-up)', () => {
    expect(backupDecision({ trigger: 'startup', lastBackupAt: T(0), lastChangeAt: T(0.5), now: T(1) }).take).toBe(true);
  });

  it('while changes keep coming: at most every 15 minutes, with the time to ask again', () => {
    expect(PERIODIC_BACKUP_MINUTES).toBe(15);
    const early = backupDecision({ trigger: 'periodic', lastBackupAt: T(0), lastChangeAt: T(3), now: T(4) });
    expect(early).toEqual({ take: false, dueAt: T(15) });
    expect(backupDecision({ trigger: 'periodic', lastBackupAt: T(0), lastChangeAt: T(14), now: T(14.99) }).take).toBe(false);
    expect(backupDecision({ trigger: 'periodic', lastBackupAt: T(0), lastChangeAt: T(14), now: T(15) })).toEqual({ take: true, dueAt: null });
    // The change came before the interval ran out and nothing since: still backed up once it is due.
    expect(backupDecision({ trigger: 'periodic', lastBackupAt: T(0), lastChangeAt: T(1), now: T(40) }).take).toBe(true);
  });

  it('periodic without a change since the last backup: nothing to do, nothing to wait for', () => {
    expect(backupDecision({ trigger: 'periodic', lastBackupAt: T(0), lastChangeAt: T(0), now: T(100) })).toEqual({ take: false, dueAt: null });
    expect(backupDecision({ trigger: 'periodic', lastBackupAt: T(0), lastChangeAt: null, now: T(100) })).toEqual({ take: false, dueAt: null });
  });

  it('periodic with changes and no backup yet: at once', () => {
    expect(backupDecision({ trigger: 'periodic', lastBackupAt: null, lastChangeAt: T(0), now: T(0) }).take).toBe(true);
  });

  it('a last backup dated in the future (clock went back): back up rather than wait for the clock', () => {
    expect(backupDecision({ trigger: 'periodic', lastBackupAt: T(600), lastChangeAt: T(1), now: T(2) }).take).toBe(true);
    expect(backupDecision({ trigger: 'startup', lastBackupAt: T(600), lastChangeAt: T(1), now: T(2) }).take).toBe(true);
  });

  it('before destructive actions, after imports, locks and votes, before a restore and on demand: always', () => {
    const always = BACKUP_REASONS.filter((r) => r !== 'startup' && r !== 'periodic');
    expect(always).toHaveLength(10);
    for (const trigger of always) {
      expect(backupDecision({ trigger, lastBackupAt: T(0), lastChangeAt: null, now: T(0.1) })).toEqual({ take: true, dueAt: null });
    }
  });
});
