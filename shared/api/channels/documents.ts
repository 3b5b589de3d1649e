import { z } from 'zod';
import { channel } from '../contract';
import { BlocDataSchema } from '../../model/records';

const Year = z.number().int().min(2000).max(2100);

/** Printed documents: PDF bytes made in main from the bloc's data. */
export const documentsChannels = {
  /** The year's pledge (bản giao ước thi đua); default content when the year has no saved pledge. */
  'documents.pledgePdf': channel<Uint8Array<ArrayBuffer>>()(z.tuple([z.object({ data: BlocDataSchema, year: Year })])),
  /** The year's scoring table (bảng chấm điểm); the latest version when none is given. */
  'documents.scoringTablePdf': channel<Uint8Array<ArrayBuffer>>()(
    z.tuple([z.object({ data: BlocDataSchema, year: Year, version: z.number().int().min(1).optional() })]),
  ),
};
