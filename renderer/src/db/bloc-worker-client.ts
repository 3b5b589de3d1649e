/**
 * Reading a large bloc without freezing the window: the work runs in bloc-worker.ts when the
 * platform has workers, and here, on the calling thread, when it has not (tests under Node) or the
 * worker could not start. Same results either way.
 */
import type { BlocHistory } from '../../../shared/domain/history';
import { blocHistory } from '../../../shared/domain/history';
import { readHistoryInput } from './history-read';
import { lastChangeOf, readBlocData } from './repo-package';
import { RepoError } from './repo-errors';

export type WorkerRequest = { id: number; kind: 'history' | 'packed' | 'lastChange'; blocId: string };
export type WorkerReply =
  | { id: number; ok: true; kind: 'history'; history: BlocHistory | null }
  | { id: number; ok: true; kind: 'lastChange'; lastChange: string | null }
  | { id: number; ok: true; kind: 'packed'; bytes: ArrayBuffer; readAt: string }
  | { id: number; ok: false; name: string; message: string };

type Pending = { resolve: (reply: WorkerReply) => void; request: WorkerRequest };

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

/** The worker, started on first use; null where there is none (every pending job then runs here). */
function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') return (worker = null);
  try {
    worker = new Worker(new URL('./bloc-worker.ts', import.meta.url), { type: 'module', name: 'blocdesk-bloc-reader' });
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const job = pending.get(e.data.id);
      pending.delete(e.data.id);
      job?.resolve(e.data);
    };
    worker.onerror = (e) => {
      // The worker could not load or crashed: run what was waiting (and everything after) here.
      e.preventDefault();
      worker?.terminate();
      worker = null;
      const waiting = [...pending.values()];
      pending.clear();
      for (const job of waiting) void runHere(job.request).then(job.resolve);
    };
  } catch {
    worker = null;
  }
  return worker;
}

async function runHere(request: WorkerRequest): Promise<WorkerReply> {
  const { id, kind, blocId } = request;
  try {
    if (kind === 'history') {
      const input = await readHistoryInput(blocId);
      return { id, ok: true, kind, history: input ? blocHistory(input) : null };
    }
    if (kind === 'lastChange') return { id, ok: true, kind, lastChange: await lastChangeOf(blocId) };
    const readAt = new Date().toISOString();
    const bytes = new TextEncoder().encode(JSON.stringify(await readBlocData(blocId)));
    return { id, ok: true, kind, bytes: bytes.buffer as ArrayBuffer, readAt };
  } catch (err) {
    return { id, ok: false, name: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err) };
  }
}

function run(kind: WorkerRequest['kind'], blocId: string): Promise<WorkerReply> {
  const request = { id: nextId++, kind, blocId };
  const w = getWorker();
  if (!w) return runHere(request);
  return new Promise((resolve) => {
    pending.set(request.id, { resolve, request });
    w.postMessage(request);
  });
}

function failure(reply: Extract<WorkerReply, { ok: false }>): Error {
  // Keep the repository's own errors recognisable (toApiError shows their Vietnamese message).
  if (reply.name === 'RepoError') return new RepoError('worker', reply.message);
  const err = new Error(reply.message);
  err.name = reply.name;
  return err;
}

/** The bloc's history (shared/domain/history), or null when the bloc is not there. */
export async function historyOfBloc(blocId: string): Promise<BlocHistory | null> {
  const reply = await run('history', blocId);
  if (!reply.ok) throw failure(reply);
  if (reply.kind !== 'history') throw new Error('bloc worker: unexpected reply');
  return reply.history;
}

/** The whole bloc as UTF-8 JSON (what `backups.takeEncoded` takes), and when it was read. */
export async function packedBlocData(blocId: string): Promise<{ bytes: Uint8Array<ArrayBuffer>; readAt: string }> {
  const reply = await run('packed', blocId);
  if (!reply.ok) throw failure(reply);
  if (reply.kind !== 'packed') throw new Error('bloc worker: unexpected reply');
  return { bytes: new Uint8Array(reply.bytes), readAt: reply.readAt };
}

/** When the bloc last changed (lastChangeOf), or null when it is not there. */
export async function lastChangeOfBloc(blocId: string): Promise<string | null> {
  const reply = await run('lastChange', blocId);
  if (!reply.ok) throw failure(reply);
  if (reply.kind !== 'lastChange') throw new Error('bloc worker: unexpected reply');
  return reply.lastChange;
}
