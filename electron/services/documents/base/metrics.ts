/**
 * Advance widths of Times New Roman-compatible serif fonts (Liberation Serif 2.1.5 and Times New
 * Roman share these metrics), used to size the rules under header lines before layout. Vietnamese
 * letters are measured by their base letter (a tone or vowel mark does not change the advance,
 * except for the horned Ơ/Ư which are a few percent wider: close enough for a rule's length).
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

/** Width in points of one line of text set in the serif font. */
export function textWidth(text: string, fontSize: number, bold: boolean): number {
  const table = bold ? BOLD : REGULAR;
  const base = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  let units = 0;
  for (const ch of base) {
    const code = ch.codePointAt(0) ?? 32;
    units += code >= 32 && code < 127 ? (table[code - 32] ?? 1024) : 1024;
  }
  return (units / UNITS_PER_EM) * fontSize;
}
