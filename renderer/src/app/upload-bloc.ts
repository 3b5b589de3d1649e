/**
 * Sends the whole bloc to main a part at a time (shared/package/bloc-parts.ts) for the handover export
 * and the backups: the bloc worker reads a part, this sends it on (a few calls in flight) while the
 * next is read, and main checks and packs each part as it comes (bloc-upload.ts). The window's
 * thread only passes the worker's bytes on.
 */
import type { ApiError, ApiResult } from '../../../shared/api/contract';
import type { PartKey } from '../../../shared/package/bloc-parts';
import { api, toApiError } from '../api';
import { readBlocInParts } from '../db/bloc-worker-client';
import { phase } from '../db/phase-timing';

/** Calls in flight: main always has the next part at hand while others travel (it packs them in order). */
const IN_FLIGHT = 4;

/** The upload's id (for `handover.export` / `backups.takeUploaded`) and when the bloc was read. */
export async function uploadBloc(blocId: string): Promise<ApiResult<{ upload: string; readAt: string }>> {
  const begun = await api.invoke('blocUpload.begin');
  if (!begun.ok) return begun;
  const { upload } = begun.value;
  const queue: { index: number; key: PartKey; bytes: Uint8Array<ArrayBuffer>; sheets?: true }[] = [];
  let inFlight = 0;
  let failed: ApiError | null = null;
  let drained: (() => void) | null = null;

  const pump = () => {
    while (failed === null && inFlight < IN_FLIGHT && queue.length > 0) {
      const { index, key, bytes, sheets } = queue.shift()!;
      inFlight++;
      void api.invoke('blocUpload.part', { upload, index, key, bytes, ...(sheets ? { sheets } : {}) }).then((r) => {
        inFlight--;
        if (!r.ok) failed ??= r.error;
        pump();
      });
    }
    if ((failed !== null || queue.length === 0) && inFlight === 0) drained?.();
  };

  let readAt: string;
  try {
    ({ readAt } = await phase('upload:read', () =>
      readBlocInParts(blocId, (part) => {
        queue.push(part);
        pump();
      }),
    ));
  } catch (err) {
    queue.length = 0;
    failed ??= toApiError(err);
  }
  await phase('upload:drain', () =>
    new Promise<void>((resolve) => {
      drained = resolve;
      pump();
    }),
  );
  if (failed !== null) {
    // A refused part has ended the upload in main already; a failed read has not.
    await api.invoke('blocUpload.abort', { upload });
    return { ok: false, error: failed };
  }
  return { ok: true, value: { upload, readAt: readAt! } };
}
