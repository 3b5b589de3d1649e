/** Conference papers: the register (sổ văn bản đi) as Excel, and a nominee's own file for the dossier. */
import { z } from 'zod';
import { channel } from '../contract';
import { BlocDataSchema } from '../../model/records';
import type { FileBytes } from './foundation';

export const papersChannels = {
  /** The register of a calendar year as .xlsx bytes (voided numbers stay, marked). */
  'papers.registerExcel': channel<Uint8Array<ArrayBuffer>>()(
    z.tuple([z.object({ data: BlocDataSchema, year: z.number().int().min(2000).max(2100) })]),
  ),
  /** Asks for one file (a nominee's achievement report, Mẫu 02) and reads it; null when cancelled. */
  'papers.chooseAttachment': channel<FileBytes | null>()(z.tuple([z.object({ unitName: z.string().max(300) })])),
};
