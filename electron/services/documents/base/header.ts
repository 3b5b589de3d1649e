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
import type { CanvasNode, Content, StackNode, TableNode } from './types';

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

const SIZE = {
  parent: 13,
  body: 13,
  nationalName: 12,
  motto: 13,
  partyName: 15,
  number: 13,
  placeDate: 14,
} as const;
const RULE_WIDTH = 0.6;
const COLUMN_GAP = 6;

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
  const rightText = partyFormat ? textWidth(PARTY_NAME, SIZE.partyName, true) : textWidth(NATIONAL_NAME, SIZE.nationalName, true);
  const right = Math.min(geometry.contentWidth * 0.62, Math.max(geometry.contentWidth * 0.5, rightText + 8));
  return [geometry.contentWidth - right - COLUMN_GAP, right];
}

export function documentHeader(geometry: PageGeometry, options: HeaderOptions): TableNode {
  const { issuer } = options;
  const [leftWidth, rightWidth] = headerColumns(geometry, issuer.partyFormat);
  // Lines broken evenly by hand; a small safety margin keeps pdfmake from wrapping them again.
  const fit = leftWidth - 4;
  const bodyLines = balancedLines(upperVi(issuer.body.trim()), fit, SIZE.body, true);
  const parentLines = balancedLines(upperVi((issuer.parent ?? '').trim()), fit, SIZE.parent, false);

  const left: Content[] = [];
  if (parentLines.length) left.push({ text: parentLines.join('\n'), fontSize: SIZE.parent });
  left.push({ text: bodyLines.join('\n'), fontSize: SIZE.body, bold: true });
  if (issuer.partyFormat) {
    left.push({ text: '*', fontSize: SIZE.body, margin: [0, 0, 0, 0] });
  } else {
    // Nghị định 30/2020: a solid rule 1/3 to 1/2 as long as the line above, centred.
    const width = Math.max(...bodyLines.map((l) => textWidth(l, SIZE.body, true)));
    left.push(centredRule(Math.max(28, width * 0.4), 3));
  }

  const right: Content[] = issuer.partyFormat
    ? [{ text: PARTY_NAME, fontSize: SIZE.partyName, bold: true }, centredRule(textWidth(PARTY_NAME, SIZE.partyName, true), 2)]
    : [
        { text: NATIONAL_NAME, fontSize: SIZE.nationalName, bold: true },
        { text: NATIONAL_MOTTO, fontSize: SIZE.motto, bold: true },
        centredRule(textWidth(NATIONAL_MOTTO, SIZE.motto, true), 2),
      ];

  const number = numberLine(options.number ?? '', issuer.partyFormat);
  const numberCell: Content = number ? { text: number, fontSize: SIZE.number } : { text: '' };
  const dateCell: Content = options.date
    ? { text: placeDateLine(options.place, options.date), fontSize: SIZE.placeDate, italics: true }
    : { text: '' };

  const stack = (items: Content[]): StackNode => ({ stack: items, alignment: 'center', lineHeight: 1 });
  return {
    table: {
      widths: [leftWidth, rightWidth],
      body: [
        [stack(left), stack(right)],
        // The number and the place-date share a line; left out when the document has neither.
        ...(number || options.date
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
