/** What a document kind's module provides to the registry (registry.ts). */
import type { DocumentFormat, DocumentKind, DocumentOptions } from '../../../../shared/api/channels/documents';
import type { BlocData } from '../../../../shared/model/records';
import type { DocumentModel } from '../model/types';

export interface BuildContext {
  /** ISO time used where a document needs "now" (the default pledge's date). */
  now: string;
}

export interface DocumentModule {
  kind: DocumentKind;
  /** The document's name in Vietnamese ("Bản giao ước thi đua"). */
  title: string;
  formats: readonly DocumentFormat[];
  /** The options it reads; any other option is refused. */
  options: readonly (keyof DocumentOptions)[];
  /** The suggested file name, without extension ("Giao-uoc-thi-dua-2026"). */
  fileName(data: BlocData, year: number, options: DocumentOptions): string;
  /** The document of the year; UserError (Vietnamese) when the data cannot make it. */
  build(data: BlocData, year: number, options: DocumentOptions, context: BuildContext): DocumentModel;
}
