/**
 * Which serif font the documents use: the PC's own Times New Roman when the user pointed to a
 * folder holding all four of its styles, else Liberation Serif 2.1.5 bundled in assets/fonts
 * (same metrics, full Vietnamese coverage, SIL OFL 1.1).
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FontFiles {
  normal: string;
  bold: string;
  italics: string;
  bolditalics: string;
}

export interface FontSet {
  /** pdfmake family name. */
  family: string;
  /** Human-readable name (shown in settings, reports). */
  label: string;
  /** The folder every file lives in (the only folder pdfmake may read). */
  folder: string;
  files: FontFiles;
}

const LIBERATION_FILES: FontFiles = {
  normal: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italics: 'LiberationSerif-Italic.ttf',
  bolditalics: 'LiberationSerif-BoldItalic.ttf',
};
/** Windows' file names for Times New Roman. */
const TIMES_FILES: FontFiles = {
  normal: 'times.ttf',
  bold: 'timesbd.ttf',
  italics: 'timesi.ttf',
  bolditalics: 'timesbi.ttf',
};

/** The bundled Liberation Serif, from the assets folder. */
export function liberationSerif(assetsDir: string): FontSet {
  const folder = resolve(assetsDir, 'fonts');
  return {
    family: 'LiberationSerif',
    label: 'Liberation Serif 2.1.5',
    folder,
    files: mapFiles(LIBERATION_FILES, (name) => join(folder, name)),
  };
}

/**
 * Times New Roman from `dir` when all four styles are there (file names matched without regard to
 * case, as on Windows); null otherwise.
 */
export function timesNewRoman(dir: string): FontSet | null {
  if (!dir.trim()) return null;
  const folder = resolve(dir);
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return null;
  }
  const byLowerName = new Map(entries.map((e) => [e.toLowerCase(), e]));
  const found = mapFiles(TIMES_FILES, (name) => byLowerName.get(name));
  if (!found.normal || !found.bold || !found.italics || !found.bolditalics) return null;
  return {
    family: 'TimesNewRoman',
    label: 'Times New Roman',
    folder,
    files: mapFiles(found as FontFiles, (name) => join(folder, name)),
  };
}

/** The font the documents use for the given settings. */
export function resolveFontSet(assetsDir: string, timesFontDir = ''): FontSet {
  return timesNewRoman(timesFontDir) ?? liberationSerif(assetsDir);
}

/**
 * The bundled assets folder when no context gives one (CLI, bench): the nearest `assets` folder
 * holding fonts, walking up from this module.
 */
export function defaultAssetsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'assets');
    if (existsSync(join(candidate, 'fonts', LIBERATION_FILES.normal))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error('Không tìm thấy thư mục phông chữ (assets/fonts) của BlocDesk.');
}

function mapFiles<T>(files: FontFiles, f: (name: string) => T): { [K in keyof FontFiles]: T } {
  return { normal: f(files.normal), bold: f(files.bold), italics: f(files.italics), bolditalics: f(files.bolditalics) };
}
