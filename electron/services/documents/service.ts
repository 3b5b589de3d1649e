/**
 * The documents service: BlocData in, PDF bytes out. Used by the bridge handlers and the CLI.
 * Fonts and margins come from the user's settings; the pdfmake engine stays warm between calls.
 */
import { requireYear } from '../../../shared/domain/year-table';
import type { BlocData } from '../../../shared/model/records';
import { pdfEngine, resolveFontSet, type DocumentSetup, type PageMarginsMm } from './base/index';
import { pledgeDocument, pledgeForYear } from './pledge';
import { scoringTableDocument, scoringTableForYear } from './scoring-table-pdf';

export interface DocumentEnvironment {
  /** Bundled assets (assets/fonts holds Liberation Serif). */
  assetsDir: string;
  /** The PC's Times New Roman folder (settings.timesFontDir); empty for the bundled font. */
  timesFontDir?: string;
  margins?: Partial<PageMarginsMm>;
}

/** Resolves the font for the environment and registers it with the engine. */
export function documentSetup(env: DocumentEnvironment): DocumentSetup {
  const fontSet = resolveFontSet(env.assetsDir, env.timesFontDir ?? '');
  pdfEngine().use(fontSet);
  return { fontSet, ...(env.margins ? { margins: env.margins } : {}) };
}

/** The year's record, or a UserError naming the year (shared/domain/year-table.ts). */
export { requireYear };

/** The pledge PDF of the year: the saved pledge, or the default content when none is saved. */
export async function pledgePdf(data: BlocData, year: number, env: DocumentEnvironment, now?: string): Promise<Uint8Array<ArrayBuffer>> {
  requireYear(data, year);
  const setup = documentSetup(env);
  return pdfEngine().render(pledgeDocument(data, pledgeForYear(data, year, now), setup));
}

/** The scoring table PDF of the year (the latest version unless one is named). */
export async function scoringTablePdf(data: BlocData, year: number, env: DocumentEnvironment, version?: number): Promise<Uint8Array<ArrayBuffer>> {
  requireYear(data, year);
  const table = scoringTableForYear(data, year, version);
  const setup = documentSetup(env);
  return pdfEngine().render(scoringTableDocument(data, table, setup));
}
