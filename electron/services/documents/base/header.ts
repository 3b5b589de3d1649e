/**
 * The document header of Nghị định 30/2020 as a two-column block:
 *   left  — superior body (optional), issuing body in bold upper case, a short rule; the number line
 *   right — national motto "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "Độc lập - Tự do - Hạnh phúc" with a
 *           rule as long as the second line; the italic place-and-date line
 * The Party format puts "ĐẢNG CỘNG SẢN VIỆT NAM" (underlined) on the right and a star under the
 * issuing body on the left, with numbers like "Số 127-QĐ/TW".
 */
import { placeDateLine } from '../../../../shared/text/vietnamese';
import { textWidth } from './metrics';
import type { PageGeometry } from './page';
import { balancedLines, numberLine, upperVi } from './text';
import type { CanvasNode, Content, StackNode, TableNode, TextNode } from './types';

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';
export const PARTY_NAME = 'ĐẢNG CỘNG SẢN VIỆT NAM';

export interface Issuer {
  /** Superior body above the issuing body (e.g. "UBND TỈNH HÀ NAM"); empty for none. */
  parent?: string;
  /** The issuing body (e.g. "KHỐI THI ĐUA VĂN HÓA - XÃ HỘI"). */
  body: string;
  partyFormat: boolean;
}

export interface HeaderOptions {
  issuer: Issuer;
  /** Number and symbol ("05/BB-KTĐ" or already "Số: 05/BB-KTĐ"); empty for none. */
  number?: string;
  place: string;
  /** ISO date yyyy-mm-dd; null leaves the date line out. */
  date: string | null;
}

/** Font sizes of the header's lines (points). */
export const HEADER_SIZE = {
  parent: 13,
  body: 13,
  nationalName: 12,
  motto: 13,
  partyName: 15,
  number: 13,
  placeDate: 14,
} as const;
/** Thickness of the header's rules and the gap between its columns (points). */
export const RULE_WIDTH = 0.6;
export const COLUMN_GAP = 6;

/** A centred horizontal rule of `length` points. */
export function centredRule(length: number, marginTop = 1): CanvasNode {
  return {
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: Math.round(length * 10) / 10, y2: 0, lineWidth: RULE_WIDTH }],
    alignment: 'center',
    margin: [0, marginTop, 0, 0],
  };
}

export type HeaderSizes = Record<keyof typeof HEADER_SIZE, number>;

/** Widest share of the content the right column may take. */
const RIGHT_SHARE = 0.62;

/**
 * The header's font sizes for a width: those of Nghị định 30/2020, or all of them scaled down
 * together (in steps of 5%) when "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (or the Party's name) would
 * not fit on one line, as on a ballot half an A4 wide.
 */
export function headerSizes(geometry: PageGeometry, partyFormat: boolean): HeaderSizes {
  const rightText = partyFormat ? textWidth(PARTY_NAME, HEADER_SIZE.partyName, true) : textWidth(NATIONAL_NAME, HEADER_SIZE.nationalName, true);
  const room = geometry.contentWidth * RIGHT_SHARE - 8;
  const scale = rightText <= room ? 1 : Math.floor((room / rightText) * 20) / 20;
  return Object.fromEntries(Object.entries(HEADER_SIZE).map(([k, v]) => [k, Math.round(v * scale * 2) / 2])) as HeaderSizes;
}

/** Column widths of the header: the right one fits the national name on one line. */
export function headerColumns(geometry: PageGeometry, partyFormat: boolean, sizes: HeaderSizes = headerSizes(geometry, partyFormat)): [number, number] {
  const rightText = partyFormat ? textWidth(PARTY_NAME, sizes.partyName, true) : textWidth(NATIONAL_NAME, sizes.nationalName, true);
  const right = Math.min(geometry.contentWidth * RIGHT_SHARE, Math.max(geometry.contentWidth * 0.5, rightText + 8));
  return [geometry.contentWidth - right - COLUMN_GAP, right];
}

/** A line of the header: its text, size and style. */
export interface HeaderLine {
  text: string;
  size: number;
  bold?: boolean;
  italics?: boolean;
}

/**
 * What the header prints, decided once for every format: the column widths, the lines of each
 * column (names broken evenly by hand, with a small safety margin so no renderer wraps them
 * again), the rules' lengths, the number line and the place-date line.
 */
export interface HeaderLayout {
  widths: [number, number];
  left: HeaderLine[];
  /** Under the issuing body: a centred rule of this length (State) or a star (Party). */
  leftMark: { rule: number } | { star: HeaderLine };
  right: HeaderLine[];
  /** Length of the rule under the motto (State) or the Party's name. */
  rightRule: number;
  /** Empty when the document has no number. */
  number: HeaderLine | null;
  /** Null when the document has no date. */
  placeDate: HeaderLine | null;
}

export function headerLayout(geometry: PageGeometry, options: HeaderOptions): HeaderLayout {
  const { issuer } = options;
  const size = headerSizes(geometry, issuer.partyFormat);
  const [leftWidth, rightWidth] = headerColumns(geometry, issuer.partyFormat, size);
  const fit = leftWidth - 4;
  const bodyLines = balancedLines(upperVi(issuer.body.trim()), fit, size.body, true);
  const parentLines = balancedLines(upperVi((issuer.parent ?? '').trim()), fit, size.parent, false);
  const left: HeaderLine[] = [];
  if (parentLines.length) left.push({ text: parentLines.join('\n'), size: size.parent });
  left.push({ text: bodyLines.join('\n'), size: size.body, bold: true });
  // Nghị định 30/2020: a solid rule 1/3 to 1/2 as long as the line above, centred.
  const bodyWidth = Math.max(...bodyLines.map((l) => textWidth(l, size.body, true)));
  const leftMark: HeaderLayout['leftMark'] = issuer.partyFormat
    ? { star: { text: '*', size: size.body } }
    : { rule: Math.max(28, bodyWidth * 0.4) };
  const right: HeaderLine[] = issuer.partyFormat
    ? [{ text: PARTY_NAME, size: size.partyName, bold: true }]
    : [
        { text: NATIONAL_NAME, size: size.nationalName, bold: true },
        { text: NATIONAL_MOTTO, size: size.motto, bold: true },
      ];
  const rightRule = issuer.partyFormat ? textWidth(PARTY_NAME, size.partyName, true) : textWidth(NATIONAL_MOTTO, size.motto, true);
  const number = numberLine(options.number ?? '', issuer.partyFormat);
  return {
    widths: [leftWidth, rightWidth],
    left,
    leftMark,
    right,
    rightRule,
    number: number ? { text: number, size: size.number } : null,
    placeDate: options.date ? { text: placeDateLine(options.place, options.date), size: size.placeDate, italics: true } : null,
  };
}

export function documentHeader(geometry: PageGeometry, options: HeaderOptions): TableNode {
  const layout = headerLayout(geometry, options);
  const line = (l: HeaderLine): TextNode => ({ text: l.text, fontSize: l.size, ...(l.bold ? { bold: true } : {}), ...(l.italics ? { italics: true } : {}) });
  const left: Content[] = layout.left.map(line);
  left.push('star' in layout.leftMark ? { ...line(layout.leftMark.star), margin: [0, 0, 0, 0] } : centredRule(layout.leftMark.rule, 3));
  const right: Content[] = [...layout.right.map(line), centredRule(layout.rightRule, 2)];
  const numberCell: Content = layout.number ? line(layout.number) : { text: '' };
  const dateCell: Content = layout.placeDate ? line(layout.placeDate) : { text: '' };

  const stack = (items: Content[]): StackNode => ({ stack: items, alignment: 'center', lineHeight: 1 });
  return {
    table: {
      widths: layout.widths,
      body: [
        [stack(left), stack(right)],
        // The number and the place-date share a line; left out when the document has neither.
        ...(layout.number || layout.placeDate
          ? [[{ ...stack([numberCell]), margin: [0, 6, 0, 0] } as Content, { ...stack([dateCell]), margin: [0, 6, 0, 0] } as Content]]
          : []),
      ],
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: (i: number) => (i === 0 ? 0 : COLUMN_GAP),
      paddingRight: () => 0,
      paddingTop: () => 0,
      paddingBottom: () => 0,
    },
  };
}
