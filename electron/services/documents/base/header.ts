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

/** Column widths of the header: the right one fits the national name on one line. */
export function headerColumns(geometry: PageGeometry, partyFormat: boolean): [number, number] {
  const rightText = partyFormat ? textWidth(PARTY_NAME, HEADER_SIZE.partyName, true) : textWidth(NATIONAL_NAME, HEADER_SIZE.nationalName, true);
  const right = Math.min(geometry.contentWidth * 0.62, Math.max(geometry.contentWidth * 0.5, rightText + 8));
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
  const [leftWidth, rightWidth] = headerColumns(geometry, issuer.partyFormat);
  const fit = leftWidth - 4;
  const bodyLines = balancedLines(upperVi(issuer.body.trim()), fit, HEADER_SIZE.body, true);
  const parentLines = balancedLines(upperVi((issuer.parent ?? '').trim()), fit, HEADER_SIZE.parent, false);
  const left: HeaderLine[] = [];
  if (parentLines.length) left.push({ text: parentLines.join('\n'), size: HEADER_SIZE.parent });
  left.push({ text: bodyLines.join('\n'), size: HEADER_SIZE.body, bold: true });
  // Nghị định 30/2020: a solid rule 1/3 to 1/2 as long as the line above, centred.
  const bodyWidth = Math.max(...bodyLines.map((l) => textWidth(l, HEADER_SIZE.body, true)));
  const leftMark: HeaderLayout['leftMark'] = issuer.partyFormat
    ? { star: { text: '*', size: HEADER_SIZE.body } }
    : { rule: Math.max(28, bodyWidth * 0.4) };
  const right: HeaderLine[] = issuer.partyFormat
    ? [{ text: PARTY_NAME, size: HEADER_SIZE.partyName, bold: true }]
    : [
        { text: NATIONAL_NAME, size: HEADER_SIZE.nationalName, bold: true },
        { text: NATIONAL_MOTTO, size: HEADER_SIZE.motto, bold: true },
      ];
  const rightRule = issuer.partyFormat ? textWidth(PARTY_NAME, HEADER_SIZE.partyName, true) : textWidth(NATIONAL_MOTTO, HEADER_SIZE.motto, true);
  const number = numberLine(options.number ?? '', issuer.partyFormat);
  return {
    widths: [leftWidth, rightWidth],
    left,
    leftMark,
    right,
    rightRule,
    number: number ? { text: number, size: HEADER_SIZE.number } : null,
    placeDate: options.date ? { text: placeDateLine(options.place, options.date), size: HEADER_SIZE.placeDate, italics: true } : null,
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
