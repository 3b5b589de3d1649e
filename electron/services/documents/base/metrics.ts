/**
 * Advance widths of Times New Roman-compatible serif fonts (Liberation Serif 2.1.5 and Times New
 * Roman share these metrics), used before layout to size the rules under header lines and to break
 * unit names into even lines (name-lines.ts). Vietnamese letters are measured by their base letter
 * (a tone or vowel mark does not change the advance), except the horned Ơ Ư ơ ư, measured from
 * Liberation Serif 2.1.5 itself. Within about 1% of the font's own layout for Vietnamese text, never
 * narrower (checked against fontkit when written).
 */

/** Advances in font units (2048 per em) for code points 32..126. */
const REGULAR = [
  512, 682, 836, 1024, 1024, 1706, 1593, 369, 682, 682, 1024, 1155, 512, 682, 512, 569, 1024, 1024, 1024, 1024, 1024, 1024,
  1024, 1024, 1024, 1024, 569, 569, 1155, 1155, 1155, 909, 1886, 1479, 1366, 1366, 1479, 1251, 1139, 1479, 1479, 682, 797,
  1479, 1251, 1821, 1479, 1479, 1139, 1479, 1366, 1139, 1251, 1479, 1479, 1933, 1479, 1479, 1251, 682, 569, 682, 961, 1024,
  682, 909, 1024, 909, 1024, 909, 682, 1024, 1024, 569, 569, 1024, 569, 1593, 1024, 1024, 1024, 1024, 682, 797, 569, 1024,
  1024, 1479, 1024, 1024, 909, 983, 410, 983, 1108,
];
const BOLD = [
  512, 682, 1137, 1024, 1024, 2048, 1706, 569, 682, 682, 1024, 1167, 512, 682, 512, 569, 1024, 1024, 1024, 1024, 1024, 1024,
  1024, 1024, 1024, 1024, 682, 682, 1167, 1167, 1167, 1024, 1905, 1479, 1366, 1479, 1479, 1366, 1251, 1593, 1593, 797, 1024,
  1593, 1366, 1933, 1479, 1593, 1251, 1593, 1479, 1139, 1366, 1479, 1479, 2048, 1479, 1479, 1366, 682, 569, 682, 1190, 1024,
  682, 1024, 1139, 909, 1139, 909, 682, 1024, 1139, 569, 682, 1139, 569, 1706, 1139, 1024, 1139, 1139, 909, 797, 682, 1139,
  1024, 1479, 1024, 1024, 909, 807, 451, 807, 1065,
];
const UNITS_PER_EM = 2048;

/** Horned letters (Ơ Ư ơ ư and their toned forms) are wider than their base letter. */
const HORNED: Record<string, { regular: number; bold: number }> = {
  O: { regular: 1479, bold: 1593 },
  U: { regular: 1589, bold: 1630 },
  o: { regular: 1083, bold: 1134 },
  u: { regular: 1110, bold: 1229 },
};
const COMBINING_HORN = '\u031b';

/** Width in points of one line of text set in the serif font. */
export function textWidth(text: string, fontSize: number, bold: boolean): number {
  const table = bold ? BOLD : REGULAR;
  const chars = [...text.normalize('NFD')];
  let units = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const code = ch.codePointAt(0) ?? 32;
    // Tone and vowel marks add no advance; the horn widens its letter.
    if (code >= 0x300 && code <= 0x36f) continue;
    const horned = chars[i + 1] === COMBINING_HORN ? HORNED[ch] : undefined;
    if (horned) units += bold ? horned.bold : horned.regular;
    else if (ch === 'đ' || ch === 'Đ') units += table[(ch === 'đ' ? 'd' : 'D').charCodeAt(0) - 32] ?? 1024;
    else units += code >= 32 && code < 127 ? (table[code - 32] ?? 1024) : 1024;
  }
  return (units / UNITS_PER_EM) * fontSize;
}
