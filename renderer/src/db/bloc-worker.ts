/**
 * A module worker that reads a bloc from the app's IndexedDB off the window's thread: a large bloc
 * (10 years × 60 units × 200 criteria is 120 000 scores with their histories) takes seconds to
 * read and to copy, which would freeze the window. Two jobs:
 *   - 'history': reads what the history needs and computes it (shared/domain/history); only the
 *     small result crosses back;
 *   - 'packed': reads the whole bloc (readBlocData) and sends it as UTF-8 JSON in an ArrayBuffer,
 *     handed over without a copy, for `backups.takeEncoded`;
 *   - 'lastChange': when the bloc last changed (lastChangeOf looks at every record).
 * Started and spoken to by bloc-worker-client.ts.
 */
import { blocHistory } from '../../../shared/domain/history';
import { readHistoryInput } from './history-read';
import { lastChangeOf, readBlocData } from './repo-package';
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
        const data = await readBlocData(blocId);
        const bytes = new TextEncoder().encode(JSON.stringify(data));
        const buffer = bytes.buffer as ArrayBuffer;
        scope.postMessage({ id, ok: true, kind, bytes: buffer, readAt }, [buffer]);
      }
    } catch (err) {
      scope.postMessage({ id, ok: false, name: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err) });
    }
  })();
};
