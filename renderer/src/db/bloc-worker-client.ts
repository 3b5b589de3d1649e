/**
 * Reading a large bloc without freezing the window: the work runs in bloc-worker.ts when the
 * platform has workers, and here, on the calling thread, when it has not (tests under Node) or the
 * worker could not start. Same results either way.
 */
import type { BlocHistory } from '../../../shared/domain/history';
import { blocHistory } from '../../../shared/domain/history';
import { ownBuffer, type PartKey } from '../../../shared/package/bloc-parts';
import { readHistoryInput } from './history-read';
import { lastChangeOf, readBlocParts } from './repo-package';
import { RepoError } from './repo-errors';

export type WorkerRequest = { id: number; kind: 'history' | 'parts' | 'lastChange'; blocId: string };
/** One part of a 'parts' job (shared/package/bloc-parts.ts: UTF-8 JSON, or stored score sheets with `sheets`), numbered from 0. */
export type WorkerPart = { id: number; ok: true; kind: 'part'; index: number; key: PartKey; bytes: ArrayBuffer; sheets?: true };
export type WorkerReply =
  | { id: number; ok: true; kind: 'history'; history: BlocHistory | null }
  | { id: number; ok: true; kind: 'lastChange'; lastChange: string | null }
  | WorkerPart
  | { id: number; ok: true; kind: 'parts'; count: number; readAt: string }
  | { id: number; ok: false; name: string; message: string };

type Final = Exclude<WorkerReply, WorkerPart>;
type Pending = { resolve: (reply: Final) => void; onPart: (part: WorkerPart) => void; request: WorkerRequest };

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
      if (e.data.ok && e.data.kind === 'part') return job?.onPart(e.data);
      pending.delete(e.data.id);
      job?.resolve(e.data);
    };
    worker.onerror = (e) => {
      // The worker could not load or crashed: run what was waiting (and everything after) here.
      // A 'parts' job starts again from its first part (main refuses a part it already has, so a
      // job that had sent parts fails and is tried again as a whole by its caller).
      e.preventDefault();
      worker?.terminate();
      worker = null;
      const waiting = [...pending.values()];
      pending.clear();
      for (const job of waiting) void runHere(job.request, job.onPart).then(job.resolve);
    };
  } catch {
    worker = null;
  }
  return worker;
}

async function runHere(request: WorkerRequest, onPart: (part: WorkerPart) => void): Promise<Final> {
  const { id, kind, blocId } = request;
  try {
    if (kind === 'history') {
      const input = await readHistoryInput(blocId);
      return { id, ok: true, kind, history: input ? blocHistory(input) : null };
    }
    if (kind === 'lastChange') return { id, ok: true, kind, lastChange: await lastChangeOf(blocId) };
    const readAt = new Date().toISOString();
    let index = 0;
    const count = await readBlocParts(blocId, ({ key, bytes, sheets }) =>
      onPart({ id, ok: true, kind: 'part', index: index++, key, bytes: ownBuffer(bytes), ...(sheets ? { sheets } : {}) }),
    );
    return { id, ok: true, kind, count, readAt };
  } catch (err) {
    return { id, ok: false, name: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err) };
  }
}

function run(kind: WorkerRequest['kind'], blocId: string, onPart: (part: WorkerPart) => void = () => undefined): Promise<Final> {
  const request = { id: nextId++, kind, blocId };
  const w = getWorker();
  if (!w) return runHere(request, onPart);
  return new Promise((resolve) => {
    pending.set(request.id, { resolve, onPart, request });
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

/**
 * Reads the whole bloc a part at a time (readBlocParts, off this thread): `onPart` gets each part
 * (its key and its records as UTF-8 JSON) as soon as it is read, numbered from 0. Resolves when every part is out, with their
 * number and when the bloc was read.
 */
export async function readBlocInParts(
  blocId: string,
  onPart: (part: { index: number; key: PartKey; bytes: Uint8Array<ArrayBuffer>; sheets?: true }) => void,
): Promise<{ count: number; readAt: string }> {
  const reply = await run('parts', blocId, (part) =>
    onPart({ index: part.index, key: part.key, bytes: new Uint8Array(part.bytes), ...(part.sheets ? { sheets: part.sheets } : {}) }),
  );
  if (!reply.ok) throw failure(reply);
  if (reply.kind !== 'parts') throw new Error('bloc worker: unexpected reply');
  return { count: reply.count, readAt: reply.readAt };
}

/** When the bloc last changed (lastChangeOf), or null when it is not there. */
export async function lastChangeOfBloc(blocId: string): Promise<string | null> {
  const reply = await run('lastChange', blocId);
  if (!reply.ok) throw failure(reply);
  if (reply.kind !== 'lastChange') throw new Error('bloc worker: unexpected reply');
  return reply.lastChange;
}
