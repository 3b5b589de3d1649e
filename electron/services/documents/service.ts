/**
 * The documents service: BlocData in, PDF or Word bytes out, for every kind of the registry. Used
 * by the bridge handlers and the CLI. Fonts and margins come from the user's settings; the pdfmake
 * engine stays warm between calls. Each renderer is loaded the first time its format is asked for.
 */
import { UserError } from '../../../shared/errors';
import { requireYear } from '../../../shared/domain/year-table';
import {
  DocumentOptionsSchema,
  type DocumentFormat,
  type DocumentKind,
  type DocumentOptions,
} from '../../../shared/api/channels/documents';
import type { BlocData } from '../../../shared/model/records';
import { resolveFontSet } from './base/fonts';
import type { DocumentSetup, PageMarginsMm } from './base/page';
import type { DocumentModel } from './model/types';
import { documentRegistry, type DocumentModule } from './registry';

export interface DocumentEnvironment {
  /** Bundled assets (assets/fonts holds Liberation Serif). */
  assetsDir: string;
  /** The PC's Times New Roman folder (settings.timesFontDir); empty for the bundled font. */
  timesFontDir?: string;
  margins?: Partial<PageMarginsMm>;
}

export interface DocumentJob {
  kind: DocumentKind;
  data: BlocData;
  year: number;
  format: DocumentFormat;
  options?: DocumentOptions;
}

/** The font for the environment (PC's Times New Roman or the bundled Liberation Serif) and the margins. */
export function documentSetup(env: DocumentEnvironment): DocumentSetup {
  const fontSet = resolveFontSet(env.assetsDir, env.timesFontDir ?? '');
  return { fontSet, ...(env.margins ? { margins: env.margins } : {}) };
}

export { requireYear };

/** The module of a kind, checked against the format and options asked for. */
export function documentModule(kind: string, format?: DocumentFormat, options: DocumentOptions = {}): DocumentModule {
  const module = Object.hasOwn(documentRegistry, kind) ? documentRegistry[kind as DocumentKind] : undefined;
  if (!module) {
    throw new UserError('document-kind-unknown', `Không có loại văn bản "${kind}" (các loại hiện có: ${Object.keys(documentRegistry).join(', ')}).`);
  }
  if (format && !module.formats.includes(format)) {
    throw new UserError('document-format-unsupported', `${module.title} chưa xuất được ra ${format.toUpperCase()}.`);
  }
  const parsed = DocumentOptionsSchema.safeParse(options);
  const given = parsed.success ? Object.entries(parsed.data).filter(([, v]) => v !== undefined).map(([k]) => k) : Object.keys(options);
  const extra = given.filter((k) => !(module.options as readonly string[]).includes(k));
  if (!parsed.success || extra.length) {
    throw new UserError('document-option-unknown', `${module.title} không dùng tùy chọn ${(extra.length ? extra : given).map((k) => `"${k}"`).join(', ')}.`);
  }
  return module;
}

/** The document model of a job (the year checked first). */
export function buildDocument(job: DocumentJob, now = new Date().toISOString()): DocumentModel {
  const module = documentModule(job.kind, job.format, job.options);
  requireYear(job.data, job.year);
  return module.build(job.data, job.year, job.options ?? {}, { now });
}

/** The file name to suggest for a job, with its extension. */
export function documentFileName(job: DocumentJob): string {
  const module = documentModule(job.kind, job.format, job.options);
  requireYear(job.data, job.year);
  return `${module.fileName(job.data, job.year, job.options ?? {})}.${job.format}`;
}

/** Prints a model in a format (a single document is PDF or Word; only bundles make a zip). */
export async function renderModel(model: DocumentModel, format: DocumentFormat, env: DocumentEnvironment): Promise<Uint8Array<ArrayBuffer>> {
  if (format === 'pdf') {
    const { renderPdf } = await import('./render/pdf');
    return renderPdf(model, documentSetup(env));
  }
  if (format === 'zip') throw new Error('A single document model has no zip format.');
  const { renderDocx } = await import('./render/docx');
  return renderDocx(model, env.margins ? { margins: env.margins } : {});
}

/** The document of a job as bytes (PDF, .docx, or the zip of a bundle). */
export async function renderDocument(job: DocumentJob, env: DocumentEnvironment, now = new Date().toISOString()): Promise<Uint8Array<ArrayBuffer>> {
  const module = documentModule(job.kind, job.format, job.options);
  requireYear(job.data, job.year);
  const options = job.options ?? {};
  if (module.bundle) {
    return module.bundle(job.data, job.year, job.format, options, {
      now,
      moduleOf: (kind) => (Object.hasOwn(documentRegistry, kind) ? documentRegistry[kind as DocumentKind] : undefined),
      renderPart: (kind, format, partOptions) => renderDocument({ kind: kind as DocumentKind, data: job.data, year: job.year, format, options: partOptions }, env, now),
      renderModel: (model, format) => renderModel(model, format, env),
    });
  }
  return renderModel(module.build(job.data, job.year, options, { now }), job.format, env);
}

/** The pledge PDF of the year: the saved pledge, or the default content when none is saved. */
export async function pledgePdf(data: BlocData, year: number, env: DocumentEnvironment, now?: string): Promise<Uint8Array<ArrayBuffer>> {
  return renderDocument({ kind: 'pledge', data, year, format: 'pdf' }, env, now);
}

/** The scoring table PDF of the year (the latest version unless one is named). */
export async function scoringTablePdf(data: BlocData, year: number, env: DocumentEnvironment, version?: number): Promise<Uint8Array<ArrayBuffer>> {
  return renderDocument({ kind: 'scoring-table', data, year, format: 'pdf', ...(version !== undefined ? { options: { version } } : {}) }, env);
}
