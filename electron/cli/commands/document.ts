/**
 * `document`: prints any document kind of the registry (electron/services/documents/registry.ts)
 * from a handover package, as PDF or Word by the extension of --out. `pledge` and `scoring-table`
 * are shortcuts over the same path. The renderers load inside `run`, so `--help` stays quick.
 */
import { extname, resolve } from 'node:path';
import { UserError } from '../../../shared/api/contract';
import { DOCUMENT_KINDS, type DocumentFormat, type DocumentKind, type DocumentOptions } from '../../../shared/api/channels/documents';
import { isIsoDate } from '../../../shared/text/dates';
import { parseCommandArgs, parseYear, requireOption, UsageError, type CliIo, type Command } from '../command';
import { VOTE_OPTION_SPECS, voteDocumentOptions } from './vote-options';

/** The format of an output path: .pdf or .docx (any letter case). */
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
  const [{ readPackageFile }, { writeFileAtomic }, { documentModule, renderDocument }, { defaultAssetsDir }] = await Promise.all([
    import('../../services/handover/package-file'),
    import('../../services/fs/atomic-write'),
    import('../../services/documents/service'),
    import('../../services/documents/base/fonts'),
  ]);
  let title: string;
  try {
    title = documentModule(job.kind, job.format, job.options).title;
  } catch (err) {
    // An option the kind does not take is wrong usage, not wrong data.
    if (err instanceof UserError && err.code === 'document-option-unknown') throw new UsageError(err.message);
    throw err;
  }
  const { data } = await readPackageFile(job.dataPath);
  const bytes = await renderDocument({ kind: job.kind, data, year: job.year, format: job.format, options: job.options }, { assetsDir: defaultAssetsDir() });
  await writeFileAtomic(job.out, bytes);
  return title;
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
    });
    const kind = requireOption(values.kind, 'kind');
    if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(`--kind phải là một trong: ${DOCUMENT_KINDS.join(', ')}; nhận được "${kind}".`);
    }
    const dataPath = resolve(requireOption(values.data, 'data'));
    const year = parseYear(values.year);
    const out = resolve(requireOption(values.out, 'out'));
    const format = documentFormatOf(requireOption(values.out, 'out')) as DocumentFormat;
    const version = parseVersion(values.version);
    const options: DocumentOptions = {
      ...(version !== undefined ? { version } : {}),
      ...(values.unit !== undefined ? { unitId: requireOption(values.unit, 'unit') } : {}),
      ...(values.deadline !== undefined ? { deadline: parseIsoDate(values.deadline, 'deadline') } : {}),
      ...(await voteDocumentOptions(values)),
    };
    const title = await writeDocument({ kind: kind as DocumentKind, dataPath, year, out, format, options });
    io.stdout(`Đã ghi ${title.charAt(0).toLowerCase()}${title.slice(1)} năm ${year}: ${out}\n`);
    return 0;
  },
};
