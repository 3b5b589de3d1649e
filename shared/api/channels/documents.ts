import { z } from 'zod';
import { channel } from '../contract';
import { BlocDataSchema, IsoDateSchema, UnitSchema } from '../../model/records';
import { DocumentDraftSchema } from '../../domain/documents/draft';
import { TallyInputSchema } from '../../domain/vote/schema';

const Year = z.number().int().min(2000).max(2100);

import { DOCUMENT_FORMATS, DOCUMENT_KINDS } from '../document-kinds';

export { DOCUMENT_FORMATS, DOCUMENT_KINDS, type DocumentFormat, type DocumentKind } from '../document-kinds';

/** A number taken in the register and the date printed with it. */
const IssuedNumberSchema = z.strictObject({ number: z.number().int().min(1).max(99_999), date: IsoDateSchema });

/** Largest attached file (an achievement report scanned to PDF). */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

/** A nominee's own file attached to the dossier (báo cáo thành tích, Mẫu 02). */
export const DossierAttachmentSchema = z.strictObject({
  unitCode: UnitSchema.shape.code,
  name: z.string().min(1).max(400),
  bytes: z.instanceof(Uint8Array).refine((b) => b.length <= MAX_ATTACHMENT_BYTES, 'Tệp đính kèm lớn quá 50 MB.'),
});
export type DossierAttachment = z.infer<typeof DossierAttachmentSchema>;

/** Options a document may take; each kind says which ones it reads and refuses the others. */
export const DocumentOptionsSchema = z
  .object({
    /** Scoring table: the version to print (the one in force when left out). */
    version: z.number().int().min(1).optional(),
    /** Conference papers: the edited prose (fields and sections); the kind's default draft when left out. */
    draft: DocumentDraftSchema.optional(),
    /** Invitation: one invitation per recipient instead of one listing every recipient. */
    perRecipient: z.boolean().optional(),
    /** The vote entry (the `tally` CLI's shape) while the year has no recorded vote. */
    vote: TallyInputSchema.optional(),
    /** The number taken in the register for this document, with its date; left out on a preview (blank number). */
    issued: IssuedNumberSchema.optional(),
    /** Numbers and dates of the bloc's minutes that the proposal cites, when the register does not hold them. */
    references: z.strictObject({ minutes: IssuedNumberSchema.optional(), voteMinutes: IssuedNumberSchema.optional() }).optional(),
    /** Dossier: each nominee's achievement report as its own file (PDFs are merged, other files zipped). */
    attachments: z.array(DossierAttachmentSchema).max(100).optional(),
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
