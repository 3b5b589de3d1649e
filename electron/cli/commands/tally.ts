/**
 * `tally --input <vote.json>`: the verdicts of a year-end conference vote as JSON, by the same
 * engine the screen uses. Exit 0 when the entry is consistent, 1 when it has errors (the JSON is
 * still printed, one Vietnamese line on stderr), 2 on wrong usage or a file that is not a vote entry.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseTallyInput } from '../../../shared/domain/vote/schema';
import { tally } from '../../../shared/domain/vote/tally';
import type { TallyResult, VoteIssue } from '../../../shared/domain/vote/types';
import { parseCommandArgs, requireOption, UsageError, type Command } from '../command';

/** Every blocking error of a result, the vote's own first. */
export function allErrors(result: TallyResult): VoteIssue[] {
  return [...result.errors, ...result.sections.flatMap((s) => s.errors)];
}

/** A JSON file given on the command line; a missing or unreadable file, or one that is not JSON, is wrong usage (exit 2). */
export async function readJsonInput(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    // Not a tally problem: exit 2, so that 1 always means "the entry is inconsistent".
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `Không tìm thấy tệp: ${path}` : `Không đọc được tệp ${path}.`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UsageError(`Tệp ${path} không phải JSON hợp lệ: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export const tallyCommand: Command = {
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { input: { type: 'string' } });
    const path = resolve(requireOption(values.input, 'input'));
    const parsed = parseTallyInput(await readJsonInput(path));
    if (!parsed.ok) {
      const shown = parsed.issues.slice(0, 10);
      const more = parsed.issues.length > shown.length ? `\n… và ${parsed.issues.length - shown.length} lỗi khác.` : '';
      throw new UsageError(`Tệp ${path} không đúng cấu trúc phiếu kiểm:\n${shown.join('\n')}${more}`);
    }
    const result = tally(parsed.input);
    io.stdout(JSON.stringify(result, null, 2) + '\n');
    const errors = allErrors(result);
    if (errors.length === 0) return 0;
    const rest = errors.length > 1 ? ` (và ${errors.length - 1} lỗi khác, xem "errors" trong kết quả)` : '';
    io.stderr(`Số liệu kiểm phiếu chưa nhất quán: ${errors[0]!.message}${rest}\n`);
    return 1;
  },
};
