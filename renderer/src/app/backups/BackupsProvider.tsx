/**
 * The app's automatic backups of the open bloc (issue 12), shared by every screen:
 *   - the scheduler (schedule.ts): at start-up when the data changed since the last backup, then at
 *     most every 15 minutes while changes keep coming;
 *   - backups around user actions: after an import (`backupInBackground`), before a destructive one
 *     (`runAfterBackup`, which asks before going on without a backup), before a restore or on demand
 *     (`backupNow`);
 *   - the bloc is read in a worker and sent to main a part at a time (app/upload-bloc.ts,
 *     `backups.takeUploaded`), so a large bloc never freezes the window;
 *   - the status: the open bloc's newest backup, whether the folder can be written (backups.status),
 *     the last failure.
 * Backups never stop the user: they run in the background, a failure is shown (status line, banner,
 * one notice per distinct problem) and tried again later, never thrown at a screen.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ApiError, ApiResult } from '../../../../shared/api/contract';
import type { BackupFolderStatus, BackupReason, BackupTaken } from '../../../../shared/package/backup';
import { api, ApiCallError, toApiError } from '../../api';
import { lastChangeOfBloc } from '../../db/bloc-worker-client';
import { uploadBloc } from '../upload-bloc';
import { onDataChanged } from '../../db/changes';
import { db } from '../../db/database';
import { phase } from '../../db/phase-timing';
import { useAsk } from '../../ui/Confirm';
import { useNotice } from '../../ui/Notice';
import { useSession } from '../session';
import { useSettings } from '../settings';
import { afterBackup } from './backup-first';
import { nextBackupStep, type SchedulerState } from './schedule';

/** How often the folder is checked while nothing else asks (a USB stick may be pulled out at any time). */
const STATUS_REFRESH_MS = 5 * 60_000;

export interface BackupsApi {
  /** The backups folder as last checked; null before the first check. */
  folder: BackupFolderStatus | null;
  /** The open bloc's newest backup (ISO), or null. */
  lastBackupAt: string | null;
  running: boolean;
  /** The last backup that failed, until one succeeds. */
  lastError: ApiError | null;
  /** Changes whenever a backup was written (lists re-read the folder). */
  revision: number;
  /** Backs the bloc up as it is now, in the background; the status shows how it went. */
  backupInBackground(blocId: string, reason: BackupReason): void;
  /** Backs the bloc up as it is now and waits; the result or the failure (never throws). */
  backupNow(blocId: string, reason: BackupReason): Promise<ApiResult<BackupTaken>>;
  /**
   * Runs a destructive action after backing the bloc up. When the backup fails the user is asked
   * whether to "{what}" anyway; null when they chose not to (nothing changed).
   */
  runAfterBackup<T>(blocId: string, reason: BackupReason, what: string, action: () => Promise<T>): Promise<{ value: T } | null>;
  /** A backup was written by another path (the copy kept before "Thay thế"): refresh the status and lists. */
  noteBackupWritten(): void;
  refreshStatus(): void;
}

const BackupsContext = createContext<BackupsApi | null>(null);
const nowIso = () => new Date().toISOString();
const AUTOMATIC: ReadonlySet<BackupReason> = new Set(['startup', 'periodic']);

export function BackupsProvider({ children }: { children: ReactNode }) {
  const { blocId } = useSession();
  const { settings, loaded } = useSettings();
  const notice = useNotice();
  const ask = useAsk();
  const [folder, setFolder] = useState<BackupFolderStatus | null>(null);
  const [lastBackupAt, setLastBackupAt] = useState<string | null>(null);
  const [inFlight, setInFlight] = useState(0);
  const [lastError, setLastError] = useState<ApiError | null>(null);
  const [revision, setRevision] = useState(0);
  // Whether the app started with a bloc in storage (the start-up check is only for such a bloc).
  const [startedWithData] = useState(() => db.blocs.count().then((n) => n > 0).catch(() => false));

  const openBloc = useRef<string | null>(null);
  openBloc.current = blocId;
  // Read through a ref so the scheduler's callbacks stay the same for the app's whole life.
  const current = useRef({ notice, ask, backupFolder: settings.backupFolder });
  current.current = { notice, ask, backupFolder: settings.backupFolder };
  const sched = useRef<SchedulerState>({
    blocId: null,
    startupPending: false,
    backedUpTo: null,
    lastChangeAt: null,
    pendingSince: null,
    running: false,
    lastFailureAt: null,
  });
  const startupUsed = useRef(false);
  // Backups being taken, per bloc (reading included): the scheduler never starts a second one beside them.
  const inflight = useRef(new Map<string, number>());
  const evaluateRef = useRef<() => void>(() => undefined);
  // Per bloc, up to when its data is in a backup taken in this session (the folder is read later).
  const takenUpTo = useRef(new Map<string, string>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const notified = useRef<string | null>(null);

  const refreshStatus = useCallback(() => {
    const forBloc = openBloc.current;
    void api.invoke('backups.status', ...(forBloc ? [forBloc] : [])).then((r) => {
      if (forBloc !== openBloc.current) return;
      if (r.ok) {
        setFolder(r.value);
        setLastBackupAt(r.value.lastBackupAt);
      } else {
        const chosen = current.current.backupFolder;
        setFolder({ folder: chosen, isDefault: !chosen, exists: false, writable: false, freeBytes: null, problem: r.error.message, lastBackupAt: null });
      }
    });
  }, []);

  /** Every backup goes through here: the status, the list revision and the failure notice follow. */
  const settle = useCallback(
    async (blocOf: string, reason: BackupReason, readAt: string, send: () => Promise<ApiResult<BackupTaken>>): Promise<ApiResult<BackupTaken>> => {
      try {
        const r = await send();
        const s = sched.current;
        if (r.ok) {
          if (blocOf === openBloc.current) setLastBackupAt(r.value.time);
          if ((takenUpTo.current.get(blocOf) ?? '') < readAt) takenUpTo.current.set(blocOf, readAt);
          if (s.blocId === blocOf) {
            s.backedUpTo = readAt;
            s.pendingSince = s.lastChangeAt !== null && s.lastChangeAt > readAt ? s.lastChangeAt : null;
            s.lastFailureAt = null;
          }
          setLastError(null);
          notified.current = null;
          setRevision((n) => n + 1);
        } else {
          if (s.blocId === blocOf && AUTOMATIC.has(reason)) s.lastFailureAt = nowIso();
          setLastError(r.error);
          if (AUTOMATIC.has(reason) && notified.current !== r.error.message) {
            notified.current = r.error.message;
            // Short: the banner above every screen says what is wrong and what to do.
            current.current.notice.notify('error', 'Chưa sao lưu tự động được; xem cảnh báo ở đầu màn hình.');
          }
        }
        return r;
      } finally {
        refreshStatus();
      }
    },
    [refreshStatus],
  );

  /**
   * Reads the bloc in the worker (bloc-worker-client.ts) and sends it a part at a time (upload-bloc.ts):
   * a large bloc never freezes the window while it is read and handed to main.
   */
  const backupOfBloc = useCallback(
    async (blocToSave: string, reason: BackupReason): Promise<ApiResult<BackupTaken>> => {
      const sent = await phase('backup:upload', () => uploadBloc(blocToSave));
      // A failed read or send counts as a failed backup (shown, and tried again after a pause).
      if (!sent.ok) return settle(blocToSave, reason, nowIso(), async () => sent);
      return settle(blocToSave, reason, sent.value.readAt, () => phase('backup:finish', () => api.invoke('backups.takeUploaded', sent.value.upload, reason)));
    },
    [settle],
  );

  /** Counts a backup of the bloc as running from start (reading the bloc) to end, then lets the scheduler look again. */
  const track = useCallback(async <T,>(forBloc: string, work: Promise<T>): Promise<T> => {
    const count = (delta: number) => {
      const n = (inflight.current.get(forBloc) ?? 0) + delta;
      if (n > 0) inflight.current.set(forBloc, n);
      else inflight.current.delete(forBloc);
      setInFlight([...inflight.current.values()].reduce((a, b) => a + b, 0));
    };
    count(1);
    try {
      return await work;
    } finally {
      count(-1);
      evaluateRef.current();
    }
  }, []);

  const takeBloc = useCallback((blocToSave: string, reason: BackupReason) => track(blocToSave, backupOfBloc(blocToSave, reason)), [backupOfBloc, track]);

  // ---- The scheduler ----
  const evaluate = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const s = sched.current;
    s.running = s.blocId !== null && inflight.current.has(s.blocId);
    const step = nextBackupStep(s, nowIso());
    if (step.kind === 'idle') {
      if (step.startupChecked) s.startupPending = false;
      return;
    }
    if (step.kind === 'wait') {
      timer.current = setTimeout(evaluate, Math.max(0, Date.parse(step.until) - Date.now()));
      return;
    }
    s.startupPending = false;
    void takeBloc(s.blocId!, step.reason);
  }, [takeBloc]);
  evaluateRef.current = evaluate;

  // A bloc is opened: what its newest backup and its latest change are, then ask the scheduler.
  useEffect(() => {
    const s = sched.current;
    s.blocId = null;
    setLastBackupAt(null);
    if (!blocId) return;
    let live = true;
    void Promise.all([api.invoke('backups.status', blocId), lastChangeOfBloc(blocId).catch(() => null), startedWithData]).then(([status, change, withData]) => {
      if (!live) return;
      const found = status.ok ? status.value.lastBackupAt : null;
      const taken = takenUpTo.current.get(blocId) ?? null;
      const backedUpTo = found === null || (taken !== null && taken > found) ? taken : found;
      if (status.ok) {
        setFolder(status.value);
        if (found !== null) setLastBackupAt(found);
      }
      Object.assign(s, {
        blocId,
        startupPending: withData && !startupUsed.current,
        backedUpTo,
        lastChangeAt: change,
        pendingSince: change !== null && (backedUpTo === null || change > backedUpTo) ? change : null,
        lastFailureAt: null,
      });
      startupUsed.current = true;
      evaluate();
    });
    return () => {
      live = false;
    };
  }, [blocId, startedWithData, evaluate]);

  useEffect(
    () =>
      onDataChanged(() => {
        const s = sched.current;
        if (!s.blocId) return;
        const now = nowIso();
        s.lastChangeAt = now;
        s.pendingSince ??= now;
        evaluate();
      }),
    [evaluate],
  );
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  // The folder: checked when the setting changes, when the window comes back into focus, and every few minutes.
  useEffect(() => {
    if (!loaded) return;
    refreshStatus();
    // A newly chosen folder deserves a backup as soon as it is due, not after the failures' pause.
    sched.current.lastFailureAt = null;
    evaluate();
    const every = setInterval(refreshStatus, STATUS_REFRESH_MS);
    window.addEventListener('focus', refreshStatus);
    return () => {
      clearInterval(every);
      window.removeEventListener('focus', refreshStatus);
    };
  }, [loaded, settings.backupFolder, refreshStatus, evaluate]);

  const backupInBackground = useCallback((forBloc: string, reason: BackupReason) => void takeBloc(forBloc, reason), [takeBloc]);
  const backupNow = takeBloc;
  const runAfterBackup = useCallback(
    async <T,>(forBloc: string, reason: BackupReason, what: string, action: () => Promise<T>) => {
      const r = await afterBackup(
        (id, why) => track(id, backupOfBloc(id, why)),
        forBloc,
        reason,
        async (error) =>
          (await current.current.ask({
            title: 'Chưa sao lưu được',
            message: (
              <>
                <p>Không sao lưu được dữ liệu của khối trước khi {what}: {error.message}</p>
                <p>Vẫn {what} khi chưa có bản sao lưu?</p>
              </>
            ),
            choices: [{ value: 'go', label: `Vẫn ${what}`, kind: 'danger' }],
            cancelLabel: 'Không, giữ nguyên',
          })) === 'go',
        action,
      );
      return r.done ? { value: r.value } : null;
    },
    [backupOfBloc, track],
  );
  const noteBackupWritten = useCallback(() => {
    setRevision((n) => n + 1);
    refreshStatus();
  }, [refreshStatus]);

  const value = useMemo<BackupsApi>(
    () => ({ folder, lastBackupAt, running: inFlight > 0, lastError, revision, backupInBackground, backupNow, runAfterBackup, noteBackupWritten, refreshStatus }),
    [folder, lastBackupAt, inFlight, lastError, revision, backupInBackground, backupNow, runAfterBackup, noteBackupWritten, refreshStatus],
  );
  return <BackupsContext.Provider value={value}>{children}</BackupsContext.Provider>;
}

export function useBackups(): BackupsApi {
  const b = useContext(BackupsContext);
  if (!b) throw new Error('useBackups outside BackupsProvider');
  return b;
}

/** The failure of a backup taken before an action, as the error to show (the action did not happen). */
export function backupFailed(error: ApiError, what: string): ApiCallError {
  return new ApiCallError({ ...error, message: `Chưa ${what} vì không sao lưu được bản đang có trên máy: ${error.message}` });
}
