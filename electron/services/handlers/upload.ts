/** Handlers of the bloc upload channels (shared/api/channels/upload.ts) over handover/bloc-upload.ts. */
import type { uploadChannels } from '../../../shared/api/channels/upload';
import type { PartKey } from '../../../shared/package/bloc-parts';
import type { HandlerMap } from '../bridge/dispatch';
import { abortUpload, beginUpload, receivePart } from '../handover/bloc-upload';

export const uploadHandlers = {
  'blocUpload.begin': async () => ({ upload: beginUpload() }),
  'blocUpload.part': async (_ctx, { upload, index, key, bytes, sheets }) => {
    receivePart(upload, index, key as PartKey, bytes, sheets === true);
    return null;
  },
  'blocUpload.abort': async (_ctx, { upload }) => {
    abortUpload(upload);
    return null;
  },
} satisfies { [K in keyof typeof uploadChannels]: HandlerMap[K] };
