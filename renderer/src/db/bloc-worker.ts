/**
 * A module worker that reads a bloc from the app's IndexedDB off the window's thread: a large bloc
 * (10 years × 60 units × 200 criteria is 120 000 scores with their histories) takes seconds to
 * read and to copy, which would freeze the window. Two jobs:
 *   - 'history': reads what the history needs and computes it (shared/domain/history); only the
 *     small result crosses back;
 *   - 'parts': reads the whole bloc a part at a time (readBlocParts) and sends each part, as soon as
 *     it is read, as UTF-8 JSON or stored score sheets in an ArrayBuffer handed over without a copy
 *     (the window sends it on to main: the handover export and the backups);
 *   - 'lastChange': when the bloc last changed (lastChangeOf looks at every record).
 * Started and spoken to by bloc-worker-client.ts.
 */
import { blocHistory } from '../../../shared/domain/history';
import { readHistoryInput } from './history-read';
import { lastChangeOf, readBlocParts } from './repo-package';
import { ownBuffer } from '../../../shared/package/bloc-parts';
import type { WorkerReply, WorkerRequest } from './bloc-worker-client';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
};

scope.onmessage = (e) => {
  const { id, kind, blocId } = e.data;
  void (async () => {
    try {
      if (kind === 'history') {
        const input = await readHistoryInput(blocId);
        scope.postMessage({ id, ok: true, kind, history: input ? blocHistory(input) : null });
      } else if (kind === 'lastChange') {
        scope.postMessage({ id, ok: true, kind, lastChange: await lastChangeOf(blocId) });
      } else {
        const readAt = new Date().toISOString();
        let index = 0;
        const count = await readBlocParts(blocId, ({ key, bytes, sheets }) => {
          const buffer = ownBuffer(bytes);
          scope.postMessage({ id, ok: true, kind: 'part', index: index++, key, bytes: buffer, ...(sheets ? { sheets } : {}) }, [buffer]);
        });
        scope.postMessage({ id, ok: true, kind, count, readAt });
      }
    } catch (err) {
      scope.postMessage({ id, ok: false, name: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err) });
    }
  })();
};
