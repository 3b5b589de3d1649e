/**
 * ASCII file names derived from Vietnamese text (unit codes such as "SGDĐT" → "SGDDT"), safe on
 * Windows: only letters, digits, '_', '-' and '.', no reserved device names (CON, NUL, COM1 …), no
 * leading or trailing dot, and unique without regard to case, since Windows and the zip tools of
 * office PCs treat "SYT" and "syt" as the same name.
 */
import { stripDiacritics } from './vietnamese';

/** Device names Windows reserves whatever the extension ("CON.xlsx" cannot be created). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** An ASCII token of `text` for a file name: "SGDĐT" → "SGDDT", "Sở Y tế" → "So_Y_te"; '' when nothing is left. */
export function asciiFileToken(text: string, maxLength = 60): string {
  const token = stripDiacritics(text)
    .replace(/[^A-Za-z0-9_.-]+/g, '_')
    .replace(/_{2,}/g, '_')
    .replace(/^[._-]+/, '');
  return token.slice(0, maxLength).replace(/[._-]+$/, '');
}

/** True when Windows refuses `name` as a file name because of a device name before its first dot. */
export function isReservedWindowsName(name: string): boolean {
  return RESERVED.test(name.split('.')[0]!.trim());
}

/** `base.ext`, with a leading '_' when the base is a reserved Windows device name. */
export function windowsSafeFileName(base: string, ext: string): string {
  const safe = isReservedWindowsName(base) ? `_${base}` : base;
  return ext ? `${safe}.${ext}` : safe;
}

/**
 * ASCII tokens for several texts (unit codes), unique ignoring case. A text that is already its
 * own token keeps it; a text that only folds to a taken token gets "_2", "_3" …; an empty token
 * becomes `${fallback}${position}`. The result depends only on the list, so the same units always
 * get the same names, whichever of them are exported.
 */
export function uniqueFileTokens(texts: readonly string[], fallback: string): string[] {
  const tokens = texts.map((t, i) => asciiFileToken(t) || `${fallback}${i + 1}`);
  const out = new Array<string>(texts.length);
  const taken = new Set<string>();
  const exactFirst = texts.map((_, i) => i).sort((a, b) => Number(tokens[b] === texts[b]) - Number(tokens[a] === texts[a]) || a - b);
  for (const i of exactFirst) {
    const base = tokens[i]!;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    taken.add(name.toLowerCase());
    out[i] = name;
  }
  return out;
}
