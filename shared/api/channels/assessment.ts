/** Self-assessment round trip: templates out, returned files inspected, the matrix exported. */
import { z } from 'zod';
import { channel } from '../contract';
import { BlocDataSchema, Id } from '../../model/records';
import type { InspectReport } from '../../domain/assessment-import';
import { FileBytesSchema } from './foundation';

const Year = z.number().int().min(2000).max(2100);

export const assessmentChannels = {
  /** Builds the templates of the given units (all members when empty), asks for a folder or a zip path, writes them. */
  'assessment.exportTemplates': channel<{ paths: string[] } | null>()(
    z.tuple([
      z.object({
        data: BlocDataSchema,
        year: Year,
        unitIds: z.array(Id).max(1000),
        mode: z.enum(['folder', 'zip']),
      }),
    ]),
  ),
  /** Open dialog (many .xlsx), then inspects every chosen file; null when cancelled. */
  'assessment.pickAndInspect': channel<InspectReport[] | null>()(z.tuple([z.object({ data: BlocDataSchema, year: Year })])),
  /** Inspects files dropped on the window. */
  'assessment.inspectFiles': channel<InspectReport[]>()(
    z.tuple([z.object({ data: BlocDataSchema, year: Year, files: z.array(FileBytesSchema).min(1).max(200) })]),
  ),
  /** The unit × criterion matrix of self scores with totals, as .xlsx bytes. */
  'assessment.matrixXlsx': channel<Uint8Array>()(z.tuple([z.object({ data: BlocDataSchema, year: Year })])),
  /** The full unit × criterion matrix with self and verified sub-columns, totals and rank, as .xlsx bytes. */
  'assessment.verificationMatrixXlsx': channel<Uint8Array>()(z.tuple([z.object({ data: BlocDataSchema, year: Year })])),
};
