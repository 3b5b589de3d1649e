import { z } from 'zod';
import { channel } from '../contract';
import { BlocDataSchema, Id, IsoDateSchema } from '../../model/records';
import { VoteRecordSchema } from '../../domain/vote/record';

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
    /** Ballots: the round (1, the first vote; from 2, the re-vote the tally offers). */
    round: z.number().int().min(1).max(10).optional(),
    /** Ballots: the sections printed (award ids, "leader", "deputy"); every section due when left out. */
    sectionIds: z.array(z.string().min(1).max(64)).min(1).max(30).optional(),
    /** Ballots: how many to print; one per unit present plus `spares` when left out. */
    copies: z.number().int().min(1).max(1000).optional(),
    /** Ballots: spare ballots beyond one per unit present (default 0). */
    spares: z.number().int().min(0).max(200).optional(),
    /** Ballots: one A4 per ballot, or two A5 side by side on a landscape A4. */
    perPage: z.union([z.literal(1), z.literal(2)]).optional(),
    /** Ballots from round 2 and the vote-count minutes: the vote entered (the `tally` input with the conference). */
    vote: VoteRecordSchema.optional(),
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
