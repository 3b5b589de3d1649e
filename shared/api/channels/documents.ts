import { z } from 'zod';
import { channel } from '../contract';
import { BlocDataSchema, Id, IsoDateSchema } from '../../model/records';

const Year = z.number().int().min(2000).max(2100);

import { DOCUMENT_FORMATS, DOCUMENT_KINDS } from '../document-kinds';

export { DOCUMENT_FORMATS, DOCUMENT_KINDS, type DocumentFormat, type DocumentKind } from '../document-kinds';

/** Options a document may take; each kind says which ones it reads and refuses the others. */
export const DocumentOptionsSchema = z
  .object({
    /** Scoring table: the version to print (the one in force when left out). */
    version: z.number().int().min(1).optional(),
    /** Verification notice: the unit it is sent to (its id; the CLI also takes its code). */
    unitId: Id.optional(),
    /** Verification notice: the last day for explanations (yyyy-mm-dd; 7 days after today when left out). */
    deadline: IsoDateSchema.optional(),
  })
  .strict();
export type DocumentOptions = z.infer<typeof DocumentOptionsSchema>;

export const DocumentRequestSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  data: BlocDataSchema,
  year: Year,
  format: z.enum(DOCUMENT_FORMATS),
  options: DocumentOptionsSchema.default({}),
});
export type DocumentRequest = z.input<typeof DocumentRequestSchema>;

/** Printed documents, made in main from the bloc's data: one pair of channels for every kind. */
export const documentsChannels = {
  /** The document's bytes (PDF or Word .docx), for a preview or for printing. */
  'documents.render': channel<Uint8Array<ArrayBuffer>>()(z.tuple([DocumentRequestSchema])),
  /** Makes the document, asks where to save it (the documents folder remembered), writes it; null when cancelled. */
  'documents.save': channel<{ path: string } | null>()(z.tuple([DocumentRequestSchema])),
};
