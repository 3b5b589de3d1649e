/** What a document kind's module provides to the registry (registry.ts). */
import type { DocumentFormat, DocumentKind, DocumentOptions } from '../../../../shared/api/channels/documents';
import type { BlocData } from '../../../../shared/model/records';
import type { DocumentModel } from '../model/types';

export interface BuildContext {
  /** ISO time used where a document needs "now" (the default pledge's date). */
  now: string;
}

/** What a bundle of documents (the dossier) gets from the service to print its parts. */
export interface BundleContext extends BuildContext {
  /** The module of a kind when the registry has it (kinds are looked up at run time). */
  moduleOf(kind: string): DocumentModule | undefined;
  /** Prints one document of the registry in a format, as the service does for a single job. */
  renderPart(kind: string, format: 'pdf' | 'docx', options: DocumentOptions): Promise<Uint8Array<ArrayBuffer>>;
  /** Prints a model (a bundle's own page, e.g. its list of contents). */
  renderModel(model: DocumentModel, format: 'pdf' | 'docx'): Promise<Uint8Array<ArrayBuffer>>;
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
  /** The document of the year; UserError (Vietnamese) when the data cannot make it. For a bundle: its own first page. */
  build(data: BlocData, year: number, options: DocumentOptions, context: BuildContext): DocumentModel;
  /**
   * A bundle of other documents (the dossier) prints itself: given, the service calls it instead of
   * printing `build`'s model, for every format the module lists.
   */
  bundle?(data: BlocData, year: number, format: DocumentFormat, options: DocumentOptions, context: BundleContext): Promise<Uint8Array<ArrayBuffer>>;
}
