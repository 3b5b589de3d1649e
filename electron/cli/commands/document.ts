/**
 * `document`: prints any document kind of the registry (electron/services/documents/registry.ts)
 * from a handover package, as PDF, Word or (a bundle such as the dossier) a zip by the extension of
 * --out. `pledge` and `scoring-table` are shortcuts over the same path. The conference papers take
 * the vote entry (--vote, the `tally` file), an edited draft (--draft), the register's number
 * (--number/--date), other options as JSON (--options) and nominees' files (--attach CODE=path).
 * The renderers load inside `run`, so `--help` stays quick.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { UserError } from '../../../shared/errors';
import { DOCUMENT_KINDS, DocumentOptionsSchema, MAX_ATTACHMENT_BYTES, type DocumentFormat, type DocumentKind, type DocumentOptions } from '../../../shared/api/channels/documents';
import { DocumentDraftSchema } from '../../../shared/domain/documents/draft';
import { jsonPath } from '../../../shared/domain/vote/schema';
import { isIsoDate } from '../../../shared/text/dates';
import { parseCommandArgs, parseYear, requireOption, UsageError, type CliIo, type Command } from '../command';
import { withoutOptimizer } from '../short-run';
import { VOTE_OPTION_SPECS, voteDocumentOptions } from './vote-options';

/** The format of an output path: .pdf or .docx (any letter case), or one of `extra` (zip, xlsx). */
export function documentFormatOf(out: string, extra: string[] = []): DocumentFormat | string {
  const ext = extname(out).toLowerCase().slice(1);
  if (ext === 'pdf' || ext === 'docx' || extra.includes(ext)) return ext;
  const allowed = ['pdf', 'docx', ...extra].map((e) => `.${e}`);
  const list = allowed.length > 2 ? `${allowed.slice(0, -1).join(', ')} hoặc ${allowed.at(-1)}` : allowed.join(' hoặc ');
  throw new UsageError(`--out phải là tệp ${list}, nhận được "${out}".`);
}

/** Parses --version (a scoring table's version). */
export function parseVersion(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{1,4}$/.test(value) || Number(value) < 1) {
    throw new UsageError(`--version phải là số nguyên dương, nhận được "${String(value)}".`);
  }
  return Number(value);
}

/** Parses a date option given as yyyy-mm-dd (a real calendar date). */
export function parseIsoDate(value: string | boolean | undefined, flag: string): string {
  const s = requireOption(value, flag);
  if (!isIsoDate(s)) throw new UsageError(`--${flag} phải là một ngày có thật dạng yyyy-mm-dd, nhận được "${s}".`);
  return s;
}

export interface DocumentOutput {
  kind: DocumentKind;
  dataPath: string;
  year: number;
  out: string;
  format: DocumentFormat;
  options: DocumentOptions;
}

/** Reads the package, makes the document and writes it atomically; returns the kind's title. */
export async function writeDocument(job: DocumentOutput): Promise<string> {
  const [{ readPackageFile }, { writeFileAtomic }, { buildDocument, documentModule, renderDocument, renderModel }, { defaultAssetsDir }] = await Promise.all([
    import('../../services/handover/package-file'),
    import('../../services/fs/atomic-write'),
    import('../../services/documents/service'),
    import('../../services/documents/base/fonts'),
  ]);
  let module: ReturnType<typeof documentModule>;
  try {
    module = documentModule(job.kind, job.format, job.options);
  } catch (err) {
    // An option the kind does not take is wrong usage, not wrong data.
    if (err instanceof UserError && (err.code === 'document-option-unknown' || err.code === 'document-format-unsupported')) throw new UsageError(err.message);
    throw err;
  }
  const { data } = await readPackageFile(job.dataPath);
  const documentJob = { kind: job.kind, data, year: job.year, format: job.format, options: job.options };
  const env = { assetsDir: defaultAssetsDir() };
  let bytes: Uint8Array;
  // A bundle (the dossier) renders many parts: long enough for the optimizing compiler to pay.
  if (module.bundle) bytes = await renderDocument(documentJob, env);
  else {
    // The model is made from the bloc (as large as the bloc) with the compiler; only printing it,
    // as large as the document, runs without. pdfmake (through its code cache) loads before.
    const model = buildDocument(documentJob);
    if (job.format === 'pdf') await import('../../services/documents/render/pdf');
    bytes = await withoutOptimizer(() => renderModel(model, job.format, env));
  }
  await writeFileAtomic(job.out, bytes);
  return module.title;
}

/** Reads a JSON file given on the command line; a missing file or bad JSON is wrong usage. */
async function readJson(path: string, flag: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`--${flag}: không đọc được tệp ${path}.`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UsageError(`--${flag}: tệp ${path} không phải JSON hợp lệ (${err instanceof Error ? err.message : String(err)}).`);
  }
}

/** "SYT=bao-cao.pdf" → the unit's file, read whole (at most MAX_ATTACHMENT_BYTES). */
async function readAttachment(spec: string): Promise<NonNullable<DocumentOptions['attachments']>[number]> {
  const eq = spec.indexOf('=');
  if (eq <= 0 || eq === spec.length - 1) throw new UsageError(`--attach phải có dạng MÃ_ĐƠN_VỊ=tệp, nhận được "${spec}".`);
  const path = resolve(spec.slice(eq + 1));
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new UsageError(`--attach: không đọc được tệp ${path}.`);
  }
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw new UsageError(`--attach: tệp ${path} lớn quá 50 MB.`);
  return { unitCode: spec.slice(0, eq), name: basename(path), bytes: new Uint8Array(bytes) };
}

/** The options of the command line, checked with the same schema as the bridge. */
export async function documentOptionsOf(values: Record<string, string | boolean | string[] | undefined>): Promise<DocumentOptions> {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const options: Record<string, unknown> = str('options') ? ((await readJson(resolve(str('options')!), 'options')) as Record<string, unknown>) : {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new UsageError('--options phải là một đối tượng JSON {...}.');
  const version = parseVersion(str('version'));
  if (version !== undefined) options.version = version;
  // Ballot and vote options (--round, --copies, --spares, --per-page, --sections, --vote: the vote record).
  Object.assign(options, await voteDocumentOptions(values as Parameters<typeof voteDocumentOptions>[0]));
  if (str('unit') !== undefined) options.unitId = requireOption(str('unit'), 'unit');
  if (str('deadline') !== undefined) options.deadline = parseIsoDate(str('deadline')!, 'deadline');
  if (str('draft')) {
    const path = resolve(str('draft')!);
    const parsed = DocumentDraftSchema.safeParse(await readJson(path, 'draft'));
    if (!parsed.success) throw new UsageError(`--draft: tệp ${path} không đúng cấu trúc bản nháp (${parsed.error.issues.map((i) => jsonPath(i.path)).join(', ')}).`);
    options.draft = parsed.data;
  }
  if (values['per-recipient'] === true) options.perRecipient = true;
  const number = str('number');
  const date = str('date');
  if (number !== undefined || date !== undefined) {
    if (!number || !/^\d{1,5}$/.test(number) || Number(number) < 1) throw new UsageError(`--number phải là số văn bản (số nguyên dương), nhận được "${number ?? ''}".`);
    if (!date || !isIsoDate(date)) throw new UsageError(`--date phải là ngày ban hành dạng YYYY-MM-DD có thật, nhận được "${date ?? ''}".`);
    options.issued = { number: Number(number), date };
  }
  const attach = values.attach;
  if (Array.isArray(attach) && attach.length) options.attachments = await Promise.all(attach.map(readAttachment));
  const parsed = DocumentOptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new UsageError(`Tùy chọn văn bản không hợp lệ: ${parsed.error.issues.map((i) => `${jsonPath(i.path)}: ${i.message}`).join('; ')}.`);
  }
  return parsed.data;
}

export const documentCommand: Command = {
  async run(argv: string[], io: CliIo) {
    const { values } = parseCommandArgs(argv, {
      kind: { type: 'string' },
      data: { type: 'string' },
      year: { type: 'string' },
      out: { type: 'string' },
      version: { type: 'string' },
      unit: { type: 'string' },
      deadline: { type: 'string' },
      ...VOTE_OPTION_SPECS,
      draft: { type: 'string' },
      'per-recipient': { type: 'boolean' },
      number: { type: 'string' },
      date: { type: 'string' },
      options: { type: 'string' },
      attach: { type: 'string', multiple: true },
    });
    const kind = requireOption(values.kind, 'kind');
    if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(`--kind phải là một trong: ${DOCUMENT_KINDS.join(', ')}; nhận được "${kind}".`);
    }
    const dataPath = resolve(requireOption(values.data, 'data'));
    const year = parseYear(values.year);
    const out = resolve(requireOption(values.out, 'out'));
    const format = documentFormatOf(requireOption(values.out, 'out'), ['zip']) as DocumentFormat;
    const options = await documentOptionsOf(values);
    const title = await writeDocument({ kind: kind as DocumentKind, dataPath, year, out, format, options });
    io.stdout(`Đã ghi ${title.charAt(0).toLowerCase()}${title.slice(1)} năm ${year}: ${out}\n`);
    return 0;
  },
};
