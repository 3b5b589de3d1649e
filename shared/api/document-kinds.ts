/**
 * Every printable document kind and output format. Kept free of imports so the CLI's `--help`
 * can list them without loading the record schemas. Each kind has one module in
 * electron/services/documents/kinds/ and one entry in electron/services/documents/registry.ts.
 */
export const DOCUMENT_KINDS = ['pledge', 'scoring-table', 'ballots', 'vote-minutes'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_FORMATS = ['pdf', 'docx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
