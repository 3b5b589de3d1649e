/**
 * Every printable document kind and output format. Kept free of imports so the CLI's `--help`
 * can list them without loading the record schemas. Each kind has one module in
 * electron/services/documents/kinds/ and one entry in electron/services/documents/registry.ts.
 */
export const DOCUMENT_KINDS = [
  'pledge',
  'scoring-table',
  'ranking',
  'verification-notice',
  'ballots',
  'vote-minutes',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_FORMATS = ['pdf', 'docx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/**
 * What of the year's data a document reads (the renderer sends only that: shared/domain/year-slice.ts).
 * `images`: the units' signatures and stamps; `pastYears`: the years before; `table`: which version
 * of the year's scoring table when the request names none (default the one in force). A kind not
 * listed gets the whole year (every version of its table) without images.
 */
export interface DocumentNeeds {
  images?: boolean;
  pastYears?: boolean;
  table?: 'in-force' | 'latest' | 'all';
  /** The year-bound record kinds it reads besides the year and its table (registry keys); default every one. */
  records?: readonly string[];
}

export const DOCUMENT_NEEDS: Readonly<Partial<Record<DocumentKind, DocumentNeeds>>> = {
  pledge: { images: true, records: ['pledges'] },
  'scoring-table': { table: 'latest', records: [] },
};

const WHOLE_YEAR: DocumentNeeds = { table: 'all' };

/** The slice a document request needs: its kind's needs, with the version the request names. */
export function documentNeeds(kind: DocumentKind, options: { version?: number } = {}): Omit<DocumentNeeds, 'table'> & { table?: DocumentNeeds['table'] | { version: number } } {
  const needs = DOCUMENT_NEEDS[kind] ?? WHOLE_YEAR;
  return options.version === undefined ? needs : { ...needs, table: { version: options.version } };
}
