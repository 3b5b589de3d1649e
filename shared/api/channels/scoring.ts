/** Scoring table (bảng chấm điểm): Excel import preview and Excel export. */
import { z } from 'zod';
import { channel } from '../contract';
import { FileBytesSchema } from './foundation';
import { BlocDataSchema } from '../../model/records';
import type { ScoringTableContent } from '../../domain/scoring-table';
import type { LegacyEncoding } from '../../text/legacy-encodings';

/** One problem found in an imported file; `message` is Vietnamese and names the place. */
export interface ImportIssue {
  message: string;
  sheet?: string;
  /** A1-style address. */
  cell?: string;
}

/** What the main process recognised in a scoring-table workbook; nothing is saved until the user confirms. */
export interface ScoringTableImportPreview {
  fileName: string;
  /** The sheet the table was read from ('' when none was found). */
  sheet: string;
  /** Title, scale and groups with fresh ids, ready to become a draft table of the year. */
  table: ScoringTableContent;
  /** The year named in the file's title rows ("… năm 2024"), if any. */
  year: number | null;
  criteriaCount: number;
  warnings: ImportIssue[];
  /** Problems to fix before the table can be used (duplicate codes, a maximum that is not a number, …). */
  errors: ImportIssue[];
  /** Some text was in TCVN3 (ABC) or VNI and has been converted to Unicode. */
  convertedFromLegacy: boolean;
  legacyEncodings: LegacyEncoding[];
}

export const scoringChannels = {
  /** Asks for an .xlsx file and reads its scoring table; null when the user cancels. */
  'scoring.importExcel': channel<ScoringTableImportPreview | null>()(z.tuple([])),
  /** Reads the scoring table of a workbook given as bytes (dropped on the window). */
  'scoring.readExcel': channel<ScoringTableImportPreview>()(z.tuple([FileBytesSchema])),
  /** The year's table (latest version unless `version` is given) as a printable .xlsx. */
  'scoring.exportExcel': channel<Uint8Array<ArrayBuffer>>()(
    z.tuple([
      z.object({
        data: BlocDataSchema,
        year: z.number().int().min(2000).max(2100),
        version: z.number().int().min(1).optional(),
      }),
    ]),
  ),
};
