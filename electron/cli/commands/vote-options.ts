/** Command-line options of the vote's documents (ballots, vote-count minutes), shared by `document` and `ballots`. */
import { resolve } from 'node:path';
import type { DocumentOptions } from '../../../shared/api/channels/documents';
import { parseVoteRecord } from '../../../shared/domain/vote/record';
import { UsageError } from '../command';
import { readJsonInput } from './tally';

export const VOTE_OPTION_SPECS = {
  round: { type: 'string' },
  copies: { type: 'string' },
  spares: { type: 'string' },
  'per-page': { type: 'string' },
  sections: { type: 'string' },
  vote: { type: 'string' },
} as const;

export { VOTE_OPTIONS_USAGE } from './vote-options-usage';

type Values = Partial<Record<keyof typeof VOTE_OPTION_SPECS, string | boolean>>;

function count(value: string | boolean | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{1,4}$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${flag} phải là số nguyên từ ${min} đến ${max}, nhận được "${String(value)}".`);
  }
  return Number(value);
}

/** The options given, read and checked; the vote file is read and its shape checked (exit 2 when wrong). */
export async function voteDocumentOptions(values: Values): Promise<DocumentOptions> {
  const out: DocumentOptions = {};
  const round = count(values.round, 'round', 1, 10);
  const copies = count(values.copies, 'copies', 1, 1000);
  const spares = count(values.spares, 'spares', 0, 200);
  const perPage = count(values['per-page'], 'per-page', 1, 2);
  if (round !== undefined) out.round = round;
  if (copies !== undefined) out.copies = copies;
  if (spares !== undefined) out.spares = spares;
  if (perPage !== undefined) out.perPage = perPage as 1 | 2;
  if (values.sections !== undefined) {
    const ids = typeof values.sections === 'string' ? values.sections.split(',').map((s) => s.trim()).filter(Boolean) : [];
    if (!ids.length) throw new UsageError('--sections cần danh sách mã mục, cách nhau bằng dấu phẩy (ví dụ award-gov-flag,leader).');
    out.sectionIds = ids;
  }
  if (values.vote !== undefined) {
    if (typeof values.vote !== 'string' || !values.vote) throw new UsageError('Thiếu tên tệp sau --vote.');
    const path = resolve(values.vote);
    const json = await readJsonInput(path);
    const parsed = parseVoteRecord(json);
    if (!parsed.ok) {
      const shown = parsed.issues.slice(0, 10);
      const more = parsed.issues.length > shown.length ? `\n… và ${parsed.issues.length - shown.length} lỗi khác.` : '';
      throw new UsageError(`Tệp ${path} không đúng cấu trúc số liệu bỏ phiếu:\n${shown.join('\n')}${more}`);
    }
    out.vote = json as DocumentOptions['vote'];
  }
  return out;
}
