/** The CLI's command shape. Each command lives in electron/cli/commands/<name>.ts. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface Command {
  name: string;
  /** One line: the usage, e.g. "pledge --data <tệp.blocdesk> --year <YYYY> --out <tệp.pdf>". */
  usage: string;
  /** What it does, in Vietnamese. */
  description: string;
  /** Returns the exit code: 0 success, 1 user error (the command prints its message). */
  run(argv: string[], io: CliIo): Promise<number>;
}

/** Wrong usage: exit code 2, message and the command's usage on stderr. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** parseArgs with strict checking, turning its errors into UsageError. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

/** A required string option; UsageError when it is missing. */
export function requireOption(value: string | boolean | undefined, flag: string): string {
  if (typeof value !== 'string' || value === '') throw new UsageError(`Thiếu tham số --${flag}.`);
  return value;
}

/** Parses --year. */
export function parseYear(value: string | boolean | undefined): number {
  const s = requireOption(value, 'year');
  if (!/^\d{4}$/.test(s)) throw new UsageError(`--year phải là năm có 4 chữ số, nhận được "${s}".`);
  return Number(s);
}
