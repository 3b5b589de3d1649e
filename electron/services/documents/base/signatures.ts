/**
 * Signature blocks. A block (authority line "TM."/"KT." bold upper case, the signer's position bold
 * upper case, space to sign and stamp, the name bold) never splits across pages. A grid lays out
 * many signers (pledge, vote-count minutes) in 2 or 3 columns, row by row in the given order; the
 * cells of a row share their line positions (every cell reserves as many heading lines as the
 * longest of the row, so the positions sit on one baseline) and a row never splits across pages.
 * The lines of a unit's block come from shared/domain/signer-lines.ts.
 */
import { nameLines } from './name-lines';
import type { PageGeometry } from './page';
import { upperVi } from './text';
import type { Content, ImageNode, StackNode, TableCell, TableLayout, TableNode, TextNode } from './types';

export interface Signer {
  /** "TM. KHỐI THI ĐUA", "KT. KHỐI TRƯỞNG"; empty for none. */
  authority?: string;
  /** The signer's position ("KHỐI TRƯỞNG", "GIÁM ĐỐC"). */
  title: string;
  name: string;
  /** Scanned images as data URLs (PNG or JPEG). */
  signatureImage?: string | null;
  stampImage?: string | null;
}

export interface SignatureCell extends Signer {
  /** Bold upper-case heading above the position (the unit's name in a pledge). */
  heading?: string;
}

/** Height left to sign and stamp, in points (about 27 mm). */
export const SIGN_SPACE = 76;

const NO_LINES: TableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

/**
 * The space to sign: empty, or the signature with the stamp overlapping its left part. The stamp
 * is drawn after the signature, so it lies over the ink as a stamp pressed on a signed paper does.
 * Both are detached from the flow (relativePosition): they overlap instead of stacking.
 */
export function signSpace(width: number, signer: Signer, height = SIGN_SPACE): Content {
  const items: Content[] = [];
  if (signer.signatureImage) {
    const signature: ImageNode = {
      image: signer.signatureImage,
      fit: [Math.min(width - 8, 150), height - 10],
      alignment: 'center',
      relativePosition: { x: 0, y: 5 },
    };
    items.push(signature);
  }
  if (signer.stampImage) {
    const size = height - 2;
    const stamp: ImageNode = {
      image: signer.stampImage,
      fit: [size, size],
      alignment: 'center',
      relativePosition: { x: signer.signatureImage ? -Math.min(width * 0.22, size * 0.45) : 0, y: 1 },
    };
    items.push(stamp);
  }
  items.push({ text: '' });
  return { stack: items, alignment: 'center' };
}

/** One signature block, centred in its width. */
export function signatureBlock(signer: Signer, width: number, fontSize = 14): StackNode {
  const lines: Content[] = [];
  if (signer.authority?.trim()) lines.push({ text: upperVi(signer.authority.trim()), bold: true, fontSize });
  lines.push({ text: upperVi(signer.title.trim()), bold: true, fontSize });
  return {
    unbreakable: true,
    alignment: 'center',
    lineHeight: 1.05,
    stack: [
      ...lines,
      {
        table: { widths: [width - 6], heights: [SIGN_SPACE], body: [[signSpace(width, signer)]] },
        layout: NO_LINES,
      },
      { text: signer.name.trim(), bold: true, fontSize },
    ],
  };
}

/** Sizes of the grid's text: a little smaller with three columns so unit names wrap less. */
export function gridFontSize(columns: 2 | 3): number {
  return columns === 3 ? 12 : 13;
}

/**
 * A grid of signature cells, `columns` per row, in the given order. The last, incomplete row is
 * centred. Each row is one unbreakable table of four lines (heading, position, space, name).
 */
export function signatureGrid(
  geometry: PageGeometry,
  cells: SignatureCell[],
  columns: 2 | 3,
  /** Content kept on the same page as the first row (e.g. the grid's heading). */
  lead?: Content,
): Content[] {
  const cellWidth = geometry.contentWidth / columns;
  const fontSize = gridFontSize(columns);
  const rows: Content[] = [];
  for (let start = 0; start < cells.length; start += columns) {
    const row = signatureRow(cells.slice(start, start + columns), columns, cellWidth, fontSize);
    rows.push({ unbreakable: true, stack: start === 0 && lead ? [lead, row] : [row] });
  }
  return rows;
}

function signatureRow(cells: SignatureCell[], columns: number, cellWidth: number, fontSize: number): TableNode {
  const missing = columns - cells.length;
  const side = (missing * cellWidth) / 2;
  // Padding of 3 pt each side is inside the column width pdfmake adds; subtract it here.
  const inner = cellWidth - 6;
  const widths: number[] = [];
  if (missing > 0) widths.push(Math.max(0, side - 6));
  for (let i = 0; i < cells.length; i++) widths.push(inner);
  if (missing > 0) widths.push(Math.max(0, side - 6));

  const padded = (row: TableCell[]): TableCell[] => (missing > 0 ? [{ text: '' }, ...row, { text: '' }] : row);
  const text = (value: string, bold = true): TextNode => ({ text: value, bold, fontSize, alignment: 'center' });
  // Lines chosen here (even, not inside a phrase); the margin keeps pdfmake from wrapping them again.
  const headings = cells.map((c): TableCell => text(nameLines(upperVi((c.heading ?? '').trim()), inner - 2, fontSize).join('\n')));
  const titles = cells.map((c): TableCell => ({
    margin: [0, 2, 0, 0],
    stack: [
      ...(c.authority?.trim() ? [text(upperVi(c.authority.trim()))] : []),
      text(upperVi(c.title.trim())),
    ],
  }));
  const spaces = cells.map((c): TableCell => signSpace(inner, c));
  const names = cells.map((c): TableCell => text(c.name.trim()));

  return {
    margin: [0, 0, 0, 22],
    lineHeight: 1.05,
    table: {
      widths,
      heights: (row: number) => (row === 2 ? SIGN_SPACE : 'auto'),
      body: [padded(headings), padded(titles), padded(spaces), padded(names)],
    },
    layout: NO_LINES,
  };
}

export interface ClosingOptions {
  /** "Nơi nhận:" list; empty for none. */
  recipients: string[];
  /** Null: "Nơi nhận" alone (the signatures were printed before it). */
  signer: Signer | null;
}

/**
 * The end of a document: "Nơi nhận:" (bold italic 12 pt, list 11 pt) on the left and the
 * signature block on the right, kept together on one page.
 */
export function closing(geometry: PageGeometry, options: ClosingOptions): Content {
  const rightWidth = geometry.contentWidth * 0.55;
  const leftWidth = geometry.contentWidth - rightWidth;
  const recipients: Content = options.recipients.length
    ? {
        stack: [
          { text: 'Nơi nhận:', bold: true, italics: true, fontSize: 12 },
          ...options.recipients.map((r, i): TextNode => ({
            text: `- ${r.trim().replace(/[;.]$/, '')}${i === options.recipients.length - 1 ? '.' : ';'}`,
            fontSize: 11,
          })),
        ],
        lineHeight: 1,
      }
    : { text: '' };
  if (!options.signer) return { unbreakable: true, margin: [0, 10, 0, 0], stack: [recipients] };
  return {
    unbreakable: true,
    margin: [0, 10, 0, 0],
    columns: [
      { width: leftWidth, stack: [recipients] },
      { width: rightWidth, stack: [signatureBlock(options.signer, rightWidth)] },
    ],
  };
}
