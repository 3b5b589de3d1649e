/**
 * The bloc's history for the "Lịch sử khối" screen. Computing it means reading every score of every
 * year (120 000 for 10 years × 60 units × 200 criteria), so it is done in the bloc worker
 * (db/bloc-worker-client.ts) and the result is kept in memory until the app's data changes:
 *   - `prepareHistory` computes it in the background as soon as a bloc is opened, so the screen
 *     opens at once;
 *   - after a change the screen keeps showing the last result, marked as being updated, while the
 *     new one is computed.
 */
import { useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/api/contract';
import type { BlocHistory } from '../../../../shared/domain/history';
import { toApiError } from '../../api';
import { historyOfBloc } from '../../db/bloc-worker-client';
import { onDataChanged } from '../../db/changes';

interface Entry {
  /** The data version the history was computed from. */
  version: number;
  history: BlocHistory | null;
}

/** Bumped by every committed write: a cached history of an older version may be out of date. */
let dataVersion = 0;
let listening = false;
const watchers = new Set<() => void>();
const cache = new Map<string, Entry>();
const computing = new Map<string, { version: number; promise: Promise<Entry> }>();

function listen(): void {
  if (listening) return;
  listening = true;
  onDataChanged(() => {
    dataVersion++;
    for (const w of watchers) w();
  });
}

function fresh(blocId: string): Promise<Entry> {
  const version = dataVersion;
  const cached = cache.get(blocId);
  if (cached && cached.version === version) return Promise.resolve(cached);
  const running = computing.get(blocId);
  if (running && running.version === version) return running.promise;
  const promise = historyOfBloc(blocId)
    .then((history) => {
      const entry = { version, history };
      if ((cache.get(blocId)?.version ?? -1) <= version) cache.set(blocId, entry);
      return entry;
    })
    .finally(() => {
      if (computing.get(blocId)?.promise === promise) computing.delete(blocId);
    });
  computing.set(blocId, { version, promise });
  return promise;
}

/** Computes the bloc's history in the background (no-op when it is up to date). */
export function prepareHistory(blocId: string): void {
  listen();
  void fresh(blocId).catch(() => undefined);
}

export interface BlocHistoryState {
  /** undefined while the first result is computed; null when the bloc is not there. */
  history: BlocHistory | null | undefined;
  /** A newer result is being computed (the data changed). */
  updating: boolean;
  error: ApiError | null;
}

/** Waits this long after a change before recomputing (an import is many writes). */
const CHANGE_SETTLE_MS = 800;

export function useBlocHistory(blocId: string | null): BlocHistoryState {
  const [state, setState] = useState<BlocHistoryState>(() => {
    const cached = blocId ? cache.get(blocId) : undefined;
    return { history: cached?.history, updating: false, error: null };
  });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    listen();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const watcher = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => setTick((n) => n + 1), CHANGE_SETTLE_MS);
    };
    watchers.add(watcher);
    return () => {
      watchers.delete(watcher);
      if (timer) clearTimeout(timer);
    };
  }, []);

  useEffect(() => {
    if (!blocId) {
      setState({ history: null, updating: false, error: null });
      return;
    }
    let live = true;
    const cached = cache.get(blocId);
    setState({ history: cached?.history, updating: cached !== undefined && cached.version !== dataVersion, error: null });
    fresh(blocId).then(
      (entry) => live && setState({ history: entry.history, updating: entry.version !== dataVersion, error: null }),
      (err: unknown) => live && setState((s) => ({ ...s, updating: false, error: toApiError(err) })),
    );
    return () => {
      live = false;
    };
  }, [blocId, tick]);

  return state;
}
