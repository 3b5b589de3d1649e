/** The bloc's multi-year history (shared/domain/history): its Excel export. */
import { z } from 'zod';
import { channel } from '../contract';
import { BlocDataSchema } from '../../model/records';

export const historyChannels = {
  /** The history as a workbook, one sheet per view of the "Lịch sử khối" screen. */
  'history.xlsx': channel<Uint8Array<ArrayBuffer>>()(z.tuple([z.object({ data: BlocDataSchema })])),
};
