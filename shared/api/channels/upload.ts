/**
 * A whole bloc sent to main in parts (shared/package/bloc-parts.ts), for the handover export and the
 * automatic backups: begin, every part as it is read, then `handover.export` or
 * `backups.takeUploaded` with the upload's id (or abort). Main checks each part as it comes.
 */
import { z } from 'zod';
import { channel } from '../contract';
import { PART_KEYS, UPLOAD_MAX_PARTS } from '../../package/bloc-parts';

export const UploadIdSchema = z.string().min(1).max(64);
/** A part's bytes: a few attachments (8 MB of base64 each) at most. */
const PART_MAX_BYTES = 64 * 1024 * 1024;

export const uploadChannels = {
  'blocUpload.begin': channel<{ upload: string }>()(z.tuple([])),
  /** Part `index` (from 0) of the upload, the records of `key`; a bad part ends the upload with the reason. */
  'blocUpload.part': channel<null>()(
    z.tuple([
      z.object({
        upload: UploadIdSchema,
        index: z.number().int().min(0).max(UPLOAD_MAX_PARTS),
        key: z.enum(PART_KEYS as [string, ...string[]]),
        /** The part's records: UTF-8 JSON, an array; with `sheets`, stored score sheets (bloc-parts.ts, sheetParts). */
        bytes: z.instanceof(Uint8Array).refine((b) => b.length <= PART_MAX_BYTES, 'Phần dữ liệu quá lớn.'),
        sheets: z.literal(true).optional(),
      }),
    ]),
  ),
  /** Drops an upload the renderer gives up (reading the bloc failed). */
  'blocUpload.abort': channel<null>()(z.tuple([z.object({ upload: UploadIdSchema })])),
};
