/**
 * The CLI's command shape. A command is one entry in the registry (electron/cli/commands/index.ts:
 * name, usage, descriptions) plus one module, electron/cli/commands/<name>.ts, exporting a `Command` (its `run`).
 * The module is imported only when its command runs, so `--help` and light commands never load
 * exceljs, pdfmake or the fonts.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Runs a command; returns the exit code: 0 success, 1 user error (the command prints its message). */
export type CommandRun = (argv: string[], io: CliIo) => Promise<number>;

/** What a command module exports (as `<name>Command`). */
export interface Command {
  run: CommandRun;
}

export interface CommandEntry {
  name: string;
  /** One line: the usage, e.g. "pledge --data <tệp.blocdesk> --year <YYYY> --out <tệp.pdf>". */
  usage: string;
  /** What it does, in Vietnamese. */
  vi: string;
  /** The same, in English. */
  en: string;
  /** Imports the command's module (a dynamic import, so it stays a separate chunk in the bundle). */
  load: () => Promise<Command>;
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
