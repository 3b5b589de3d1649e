/**
 * Legacy 8-bit Vietnamese encodings still found in old office files, converted to NFC Unicode.
 *
 * - TCVN3 (ABC, TCVN 5712:1993 VN3), shown with the ".Vn…" fonts (.VnTime, .VnArial, …). Each
 *   Vietnamese letter is one byte; only seven capitals (Ă Â Đ Ê Ô Ơ Ư) have codes, so upper-case
 *   text uses the "H" fonts (.VnTimeH, .VnArialH, …), which draw the lower-case codes as capitals:
 *   convert, then upper-case.
 * - VNI (VNI-Times, VNI-Helve, …): a base letter followed by one mark byte ("Vieät" = "Việt"),
 *   plus single bytes for đ, ơ, ư and the marked i and ỵ.
 *
 * Spreadsheets keep these bytes as the Windows-1252 characters of the same codes, so a TCVN3 cell
 * reads as "Hµ Néi" and a VNI cell as "Haø Noäi". Detection trusts the cell's font name when
 * there is one; otherwise it checks whether reading the text as TCVN3 or VNI turns more of its
 * words into well-formed Vietnamese syllables than reading it as it is. Real Unicode text reads
 * well as it is, so it is never converted; legacy text with a few Unicode letters mixed in (a
 * capital "Ứ" typed with a Unicode keyboard into a .VnTime cell) is converted around them.
 */
import { nfc } from './vietnamese';

export type LegacyEncoding = 'tcvn3' | 'vni';

// ---- TCVN3 ----

/** Unicode letters and their TCVN3 codes, position by position. */
export const TCVN3_LETTERS =
  'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ';
export const TCVN3_CODES =
  'µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u00adõøö÷ùúýûüþ¡¢§£¤¥¦';

const TCVN3_TO_UNICODE = new Map<string, string>();
for (let i = 0; i < TCVN3_CODES.length; i++) TCVN3_TO_UNICODE.set(TCVN3_CODES[i]!, TCVN3_LETTERS[i]!);

function tcvn3ToUnicode(text: string): string {
  let out = '';
  for (const ch of text) out += TCVN3_TO_UNICODE.get(ch) ?? ch;
  return out;
}

// ---- VNI ----

const ACUTE = '\u0301';
const GRAVE = '\u0300';
const HOOK = '\u0309';
const TILDE = '\u0303';
const DOT = '\u0323';
const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';

/** Mark bytes after a vowel, lower and upper case alike: tone only. */
const VNI_TONE: Record<string, string> = { ù: ACUTE, ø: GRAVE, û: HOOK, õ: TILDE, ï: DOT };
/** After a, e, o: circumflex with an optional tone (â = plain circumflex). */
const VNI_CIRCUMFLEX: Record<string, string> = { â: '', á: ACUTE, à: GRAVE, å: HOOK, ã: TILDE, ä: DOT };
/** After a: breve with an optional tone (ê = plain breve). */
const VNI_BREVE: Record<string, string> = { ê: '', é: ACUTE, è: GRAVE, ú: HOOK, ü: TILDE, ë: DOT };
/** Single bytes that are letters of their own. */
const VNI_SINGLE: Record<string, string> = {
  ô: 'ơ', Ô: 'Ơ', ö: 'ư', Ö: 'Ư', ñ: 'đ', Ñ: 'Đ',
  æ: 'ỉ', Æ: 'Ỉ', ó: 'ĩ', Ó: 'Ĩ', ò: 'ị', Ò: 'Ị', î: 'ỵ', Î: 'Ỵ',
};

function vniMark(table: Record<string, string>, ch: string | undefined): string | undefined {
  if (ch === undefined) return undefined;
  return table[ch] ?? table[ch.toLowerCase()];
}

function vniToUnicode(text: string): string {
  const chars = Array.from(text);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const single = VNI_SINGLE[ch];
    const base = single ?? ch;
    const lower = base.toLowerCase();
    const next = chars[i + 1];
    let composed: string | undefined;
    if (lower === 'a') {
      const c = vniMark(VNI_CIRCUMFLEX, next);
      const b = vniMark(VNI_BREVE, next);
      const t = vniMark(VNI_TONE, next);
      if (c !== undefined) composed = base + CIRCUMFLEX + c;
      else if (b !== undefined) composed = base + BREVE + b;
      else if (t !== undefined) composed = base + t;
    } else if (lower === 'e' || lower === 'o') {
      const c = vniMark(VNI_CIRCUMFLEX, next);
      const t = vniMark(VNI_TONE, next);
      if (c !== undefined) composed = base + CIRCUMFLEX + c;
      else if (t !== undefined) composed = base + t;
    } else if (lower === 'u' || lower === 'y' || lower === 'i' || lower === 'ơ' || lower === 'ư') {
      const t = vniMark(VNI_TONE, next);
      if (t !== undefined) composed = base + t;
    }
    if (composed !== undefined) {
      out += composed;
      i++;
    } else {
      out += base;
    }
  }
  return nfc(out);
}

// ---- Vietnamese syllables (for detection) ----

const INITIALS = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?';
const NUCLEI = [
  'iêu', 'yêu', 'oai', 'oay', 'oao', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'uya', 'uyê', 'uyu',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'ôi', 'ơi', 'oo',
  'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'uy', 'ưa', 'ưi', 'ưu', 'ươ', 'yê',
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
];
const FINALS = '(?:ch|ng|nh|[cmnpt])?';
const SYLLABLE = new RegExp(`^${INITIALS}(?:${NUCLEI.join('|')})${FINALS}$`);
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** True when `word` is a well-formed Vietnamese syllable (structure only: initial, vowels, final, at most one tone). */
export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONE_MARKS)?.length ?? 0;
  if (tones > 1) return false;
  const bare = decomposed.replace(TONE_MARKS, '').normalize('NFC');
  return SYLLABLE.test(bare);
}

// ---- Detection ----

/**
 * Characters a legacy cell can hold: Latin-1 plus the Windows-1252 extras (smart quotes, dashes,
 * …). Anything else (ư, ơ, đ, ạ, combining marks, CJK, …) means the text is already Unicode.
 */
const UNICODE_ONLY =
  /[^\u0000-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/;
const HIGH = /[\u00a1-\u00ff]/;
const TOKEN = /[\p{L}\u00a1-\u00ff]+/gu;

/** What a font name says about the encoding of the text drawn with it. */
export function encodingOfFont(fontName: string | undefined | null): { encoding: LegacyEncoding; upper: boolean } | null {
  const name = (fontName ?? '').trim();
  if (/^\.vn/i.test(name)) return { encoding: 'tcvn3', upper: /H$/.test(name) };
  if (/^vni[-\s_]/i.test(name)) return { encoding: 'vni', upper: false };
  return null;
}

function convertToken(token: string, encoding: LegacyEncoding | null): string {
  if (encoding === 'tcvn3') return nfc(tcvn3ToUnicode(token));
  if (encoding === 'vni') return vniToUnicode(token);
  return nfc(token);
}

/**
 * Counts, among the words holding a byte above 0x7F (and longer than one character), how many are
 * well-formed Vietnamese syllables when read as Unicode, as TCVN3 and as VNI.
 */
function syllableEvidence(text: string): { words: number; unicode: number; tcvn3: number; vni: number } {
  const result = { words: 0, unicode: 0, tcvn3: 0, vni: 0 };
  for (const token of text.match(TOKEN) ?? []) {
    if (Array.from(token).length < 2 || !HIGH.test(token)) continue;
    result.words++;
    if (isVietnameseSyllable(convertToken(token, null))) result.unicode++;
    if (isVietnameseSyllable(convertToken(token, 'tcvn3'))) result.tcvn3++;
    if (isVietnameseSyllable(convertToken(token, 'vni'))) result.vni++;
  }
  return result;
}

/**
 * The legacy encoding of `text`, or null when it is Unicode (or plain ASCII without a legacy font).
 * A ".Vn…" font means TCVN3 and a "VNI-…" font means VNI, unless the text holds Unicode-only letters
 * (ư, ơ, đ, ạ, …) and reads better as Unicode.
 */
export function detectLegacyEncoding(text: string, fontName?: string | null): LegacyEncoding | null {
  const t = nfc(text);
  const byFont = encodingOfFont(fontName);
  const unicodeOnly = UNICODE_ONLY.test(t);
  // A legacy font over text without Unicode-only letters: what Excel shows is the legacy reading.
  if (byFont && !unicodeOnly) return byFont.encoding;
  if (!HIGH.test(t)) return null;
  const e = syllableEvidence(t);
  if (e.words === 0) return null;
  if (byFont) {
    // Legacy bytes mixed with a few Unicode letters (a capital typed with a Unicode keyboard).
    return e[byFont.encoding] > e.unicode ? byFont.encoding : null;
  }
  const enough = Math.max(1, Math.ceil(e.words * 0.6));
  const best = e.tcvn3 >= e.vni ? 'tcvn3' : 'vni';
  const bestCount = Math.max(e.tcvn3, e.vni);
  if (bestCount > e.unicode && bestCount >= enough) return best;
  return null;
}

/** Converts legacy text to NFC Unicode; `upper` for the TCVN3 "H" fonts, which draw every letter as a capital. */
export function convertLegacyText(text: string, encoding: LegacyEncoding, options: { upper?: boolean } = {}): string {
  const converted = encoding === 'tcvn3' ? nfc(tcvn3ToUnicode(text)) : vniToUnicode(text);
  return options.upper ? converted.toLocaleUpperCase('vi') : converted;
}

/**
 * One spreadsheet cell's (or rich-text run's) text as NFC Unicode, with the legacy encoding it was
 * converted from (null when it was Unicode already or nothing changed).
 */
export function toUnicodeFromCell(
  text: string,
  fontName?: string | null,
): { text: string; converted: LegacyEncoding | null } {
  const encoding = detectLegacyEncoding(text, fontName);
  if (!encoding) return { text: nfc(text), converted: null };
  const byFont = encodingOfFont(fontName);
  const upper = byFont?.encoding === encoding && byFont.upper;
  const out = convertLegacyText(text, encoding, { upper });
  return out === nfc(text) ? { text: out, converted: null } : { text: out, converted: encoding };
}
