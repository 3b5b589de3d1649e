import { describe, expect, it } from 'vitest';
import { MAX_SETTLE_MS, nextBackupStep, RETRY_MS, SETTLE_MS, type SchedulerState } from '../../../renderer/src/app/backups/schedule';

const BASE = Date.parse('2026-05-14T03:00:00.000Z');
const T = (min: number) => new Date(BASE + min * 60_000).toISOString();
const S = (sec: number) => new Date(BASE + sec * 1000).toISOString();

const state = (patch: Partial<SchedulerState>): SchedulerState => ({
  blocId: 'khoi',
  startupPending: false,
  backedUpTo: null,
  lastChangeAt: null,
  pendingSince: null,
  running: false,
  lastFailureAt: null,
  ...patch,
});

describe('automatic backups of the open bloc', () => {
  it('at start-up: a backup when the data changed since the newest backup, none when it did not', () => {
    expect(nextBackupStep(state({ startupPending: true, backedUpTo: T(0), lastChangeAt: T(5) }), T(60))).toEqual({ kind: 'take', reason: 'startup' });
    expect(nextBackupStep(state({ startupPending: true, backedUpTo: T(10), lastChangeAt: T(5) }), T(60))).toEqual({ kind: 'idle', startupChecked: true });
    expect(nextBackupStep(state({ startupPending: true, backedUpTo: null, lastChangeAt: T(5) }), T(60))).toEqual({ kind: 'take', reason: 'startup' });
  });

  it('nothing without a bloc, nor while a backup is being taken', () => {
    expect(nextBackupStep(state({ blocId: null, lastChangeAt: T(5) }), T(60))).toEqual({ kind: 'idle' });
    expect(nextBackupStep(state({ running: true, lastChangeAt: T(5), pendingSince: T(5) }), T(60))).toEqual({ kind: 'idle' });
    expect(nextBackupStep(state({ running: true, startupPending: true, lastChangeAt: T(5) }), T(60))).toEqual({ kind: 'idle' });
  });

  it('a change after a quiet time: backed up once the writes settled', () => {
    const s = state({ backedUpTo: T(0), lastChangeAt: T(30), pendingSince: T(30) });
    expect(nextBackupStep(s, T(30))).toEqual({ kind: 'wait', until: new Date(Date.parse(T(30)) + SETTLE_MS).toISOString() });
    expect(nextBackupStep(s, new Date(Date.parse(T(30)) + SETTLE_MS).toISOString())).toEqual({ kind: 'take', reason: 'periodic' });
  });

  it('changes within 15 minutes of the last backup wait for the 15 minutes', () => {
    const s = state({ backedUpTo: T(0), lastChangeAt: T(3), pendingSince: T(2) });
    expect(nextBackupStep(s, T(4))).toEqual({ kind: 'wait', until: T(15) });
    expect(nextBackupStep(s, T(15))).toEqual({ kind: 'take', reason: 'periodic' });
  });

  it('while changes keep coming: at most every 15 minutes, never put off more than a minute by the settling', () => {
    // A change every 2 seconds from minute 1 on; the last backup at minute 0.
    let taken: number | null = null;
    for (let sec = 60; sec < 40 * 60 && taken === null; sec += 1) {
      const lastChange = sec - (sec % 2);
      const step = nextBackupStep(state({ backedUpTo: T(0), lastChangeAt: S(lastChange), pendingSince: T(1) }), S(sec));
      if (step.kind === 'take') taken = sec;
    }
    expect(taken).not.toBeNull();
    expect(taken! * 1000).toBeGreaterThanOrEqual(15 * 60_000);
    expect(taken! * 1000).toBeLessThanOrEqual(15 * 60_000 + MAX_SETTLE_MS);
  });

  it('the first backup of a bloc never backed up is not put off forever either', () => {
    const step = (sec: number) => nextBackupStep(state({ backedUpTo: null, lastChangeAt: S(sec - 1), pendingSince: S(0) }), S(sec));
    expect(step(10).kind).toBe('wait');
    expect(step(MAX_SETTLE_MS / 1000)).toEqual({ kind: 'take', reason: 'periodic' });
  });

  it('no change since the last backup: nothing to do', () => {
    expect(nextBackupStep(state({ backedUpTo: T(10), lastChangeAt: T(5) }), T(60))).toEqual({ kind: 'idle' });
    expect(nextBackupStep(state({ backedUpTo: T(10), lastChangeAt: null }), T(60))).toEqual({ kind: 'idle' });
  });

  it('after a failed backup (folder removed, disk full) the next try waits RETRY_MS', () => {
    const s = state({ backedUpTo: T(0), lastChangeAt: T(20), pendingSince: T(20), lastFailureAt: T(30) });
    expect(nextBackupStep(s, T(30.5))).toEqual({ kind: 'wait', until: new Date(Date.parse(T(30)) + RETRY_MS).toISOString() });
    expect(nextBackupStep(s, new Date(Date.parse(T(30)) + RETRY_MS).toISOString())).toEqual({ kind: 'take', reason: 'periodic' });
    const startup = state({ startupPending: true, backedUpTo: T(0), lastChangeAt: T(20), lastFailureAt: T(30) });
    expect(nextBackupStep(startup, T(31)).kind).toBe('wait');
  });
});
