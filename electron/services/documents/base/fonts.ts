/**
 * Which serif font the documents use: the PC's own Times New Roman when the user pointed to a
 * folder holding all four of its styles, else Liberation Serif 2.1.5 bundled in assets/fonts
 * (same metrics, full Vietnamese coverage, SIL OFL 1.1).
 */
import { closeSync, existsSync, openSync, readdirSync, readSync } from 'node:fs';
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

/** The style of each file, as the settings screen names it. */
const STYLE_LABELS: FontFiles = { normal: 'thường', bold: 'đậm', italics: 'nghiêng', bolditalics: 'đậm nghiêng' };
const STYLES = Object.keys(TIMES_FILES) as (keyof FontFiles)[];

/** What a Times New Roman folder holds: the file of each style found, and the styles missing or not fonts. */
interface TimesFolderScan {
  folder: string;
  /** null when the folder cannot be read. */
  found: Partial<FontFiles> | null;
  missing: (keyof FontFiles)[];
  notFonts: (keyof FontFiles)[];
}

function scanTimesFolder(dir: string): TimesFolderScan {
  const folder = resolve(dir);
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return { folder, found: null, missing: [...STYLES], notFonts: [] };
  }
  // File names matched without regard to case, as on Windows.
  const byLowerName = new Map(entries.map((e) => [e.toLowerCase(), e]));
  const found: Partial<FontFiles> = {};
  const missing: (keyof FontFiles)[] = [];
  const notFonts: (keyof FontFiles)[] = [];
  for (const style of STYLES) {
    const name = byLowerName.get(TIMES_FILES[style]);
    if (!name) missing.push(style);
    else if (!isFontFile(join(folder, name))) notFonts.push(style);
    else found[style] = name;
  }
  return { folder, found, missing, notFonts };
}

/** TrueType or OpenType by its first bytes (00 01 00 00, "true", "OTTO"); a renamed file is not a font. */
function isFontFile(path: string): boolean {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(4);
    if (readSync(fd, head, 0, 4, 0) !== 4) return false;
    const tag = head.toString('latin1');
    return head.readUInt32BE(0) === 0x00010000 || tag === 'true' || tag === 'OTTO';
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Times New Roman from `dir` when all four styles are there as font files (names matched without
 * regard to case, as on Windows); null otherwise.
 */
export function timesNewRoman(dir: string): FontSet | null {
  if (!dir.trim()) return null;
  const scan = scanTimesFolder(dir);
  if (!scan.found || scan.missing.length || scan.notFonts.length) return null;
  const found = scan.found as FontFiles;
  return {
    family: 'TimesNewRoman',
    label: 'Times New Roman',
    folder: scan.folder,
    files: mapFiles(found, (name) => join(scan.folder, name)),
  };
}

/**
 * Why `dir` cannot be the Times New Roman folder (Vietnamese, naming the missing files), or null
 * when it holds all four styles. An empty value means "use Liberation Serif" and is fine.
 */
export function timesFontFolderProblem(dir: string): string | null {
  if (!dir.trim()) return null;
  const scan = scanTimesFolder(dir);
  if (!scan.found) return `Không mở được thư mục phông chữ "${scan.folder}". Hãy chọn một thư mục có trên máy.`;
  if (!scan.missing.length && !scan.notFonts.length) return null;
  const list = (styles: (keyof FontFiles)[]) => styles.map((s) => `${TIMES_FILES[s]} (${STYLE_LABELS[s]})`).join(', ');
  const problems = [
    scan.missing.length ? `thiếu ${list(scan.missing)}` : '',
    scan.notFonts.length ? `${list(scan.notFonts)} không phải tệp phông chữ` : '',
  ].filter(Boolean);
  return (
    `Thư mục "${scan.folder}" chưa đủ phông Times New Roman: ${problems.join('; ')}. ` +
    `Cần đủ bốn tệp ${list(STYLES)}; trên Windows chúng nằm trong C:\\Windows\\Fonts. Để trống ô này để dùng phông Liberation Serif đi kèm.`
  );
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
