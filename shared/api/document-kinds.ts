/**
 * Every printable document kind and output format. Kept free of imports so the CLI's `--help`
 * can list them without loading the record schemas. Each kind has one module in
 * electron/services/documents/kinds/ and one entry in electron/services/documents/registry.ts.
 */
export const DOCUMENT_KINDS = [
  'pledge',
  'scoring-table',
  'invitation',
  'programme',
  'minutes',
  'summary-report',
  'midyear-report',
  'proposal',
  'dossier',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** 'zip': a bundle of separate files (the dossier's PDF and Word files). */
export const DOCUMENT_FORMATS = ['pdf', 'docx', 'zip'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
