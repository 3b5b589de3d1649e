/**
 * Prints the document model to Word (.docx) through the `docx` package, laid out like the PDF:
 * A4 with the same ND 30/2020 margins, "Times New Roman" named on every run (Word on the user's PC
 * uses its own font; LibreOffice substitutes the metric-compatible Liberation Serif), real tables,
 * the header as a borderless two-column table, signature grids as borderless tables whose rows
 * stay on one page, page numbers in the header from page 2 on (a different first page), and the
 * scanned signature and stamp embedded where the PDF prints them (the stamp over the signature).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeightRule,
  HorizontalPositionRelativeFrom,
  ImageRun,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  Table,
  TableCell as DocxCell,
  TableLayoutType,
  TableRow,
  TextRun,
  TextWrappingType,
  VerticalAlignTable,
  VerticalPositionRelativeFrom,
  WidthType,
  type ISectionOptions,
  type ITableBordersOptions,
  type ParagraphChild,
} from 'docx';
import { deepNfc, upperVi } from '../../../../shared/text/vietnamese';
import { COLUMN_GAP, headerLayout, RULE_WIDTH, type HeaderLine } from '../base/header';
import { nameLines } from '../base/name-lines';
import { A4, pageGeometry, type PageGeometry, type PageSetup } from '../base/page';
import { gridFontSize, SIGN_SPACE } from '../base/signatures';
import { BODY_LINE_HEIGHT, PARAGRAPH_INDENT, PARAGRAPH_SPACING } from '../model/builders';
import type {
  Align,
  Block,
  ChartBlock,
  ClosingBlock,
  CopiesBlock,
  DocumentModel,
  HeaderBlock,
  Orientation,
  Para,
  Run,
  SignatureBlock,
  SignatureGridBlock,
  Signer,
  TableBlock,
  TitleBlock,
} from '../model/types';
import { chartRun } from './docx-chart';
import { imageOf, type DecodedImage } from './images';

/** The font named in the file: Word uses the PC's Times New Roman. */
export const DOCX_FONT = 'Times New Roman';

type Child = Paragraph | Table;

const twip = (pt: number) => Math.round(pt * 20);
const halfPoints = (pt: number) => Math.round(pt * 2);
const EMU_PER_PT = 12700;
/** docx sizes images in pixels at 96 per inch. */
const px = (pt: number) => Math.max(1, Math.round((pt * 96) / 72));

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const NO_BORDERS: ITableBordersOptions = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};
const thinLine = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const THIN_BORDERS: ITableBordersOptions = {
  top: thinLine,
  bottom: thinLine,
  left: thinLine,
  right: thinLine,
  insideHorizontal: thinLine,
  insideVertical: thinLine,
};

interface TextStyle {
  size: number;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
}

function textRun(text: string, style: TextStyle): TextRun {
  return new TextRun({
    text,
    font: DOCX_FONT,
    size: halfPoints(style.size),
    ...(style.bold ? { bold: true } : {}),
    ...(style.italics ? { italics: true } : {}),
    ...(style.underline ? { underline: {} } : {}),
  });
}

/** Text with "\n" as line breaks inside one paragraph. */
function linesRuns(text: string, style: TextStyle): TextRun[] {
  return text.split('\n').map((line, i) =>
    new TextRun({
      text: line,
      font: DOCX_FONT,
      size: halfPoints(style.size),
      ...(i > 0 ? { break: 1 } : {}),
      ...(style.bold ? { bold: true } : {}),
      ...(style.italics ? { italics: true } : {}),
    }),
  );
}

interface ParaOptions {
  align?: Align;
  indent?: number;
  before?: number;
  after?: number;
  lineHeight?: number;
  /** Exact line height in points (for the space to sign). */
  exactLine?: number;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
}

function paragraph(children: ParagraphChild[], o: ParaOptions = {}): Paragraph {
  return new Paragraph({
    children,
    alignment: ALIGN[o.align ?? 'left'],
    spacing: {
      before: twip(o.before ?? 0),
      after: twip(o.after ?? 0),
      ...(o.exactLine
        ? { line: twip(o.exactLine), lineRule: LineRuleType.EXACT }
        : { line: Math.round(240 * (o.lineHeight ?? 1)), lineRule: LineRuleType.AUTO }),
    },
    ...(o.indent ? { indent: { firstLine: twip(o.indent) } } : {}),
    ...(o.keepNext ? { keepNext: true, keepLines: true } : {}),
    ...(o.pageBreakBefore ? { pageBreakBefore: true } : {}),
  });
}

/**
 * A 1 pt paragraph: a rule under it, a page break in it, space before a table, or the paragraph
 * Word needs after a table (two tables in a row would otherwise join into one).
 */
function tinyParagraph(o: { rule?: { length: number; width: number }; before?: number; pageBreak?: boolean } = {}): Paragraph {
  const side = o.rule ? Math.max(0, (o.rule.width - o.rule.length) / 2) : 0;
  return new Paragraph({
    children: o.pageBreak ? [new PageBreak()] : [],
    spacing: { before: twip(o.before ?? 0), after: 0, line: 20, lineRule: LineRuleType.EXACT },
    run: { size: 2 },
    ...(o.rule
      ? {
          indent: { left: twip(side), right: twip(side) },
          border: { bottom: { style: BorderStyle.SINGLE, size: Math.max(2, Math.round(RULE_WIDTH * 8)), color: '000000', space: 0 } },
        }
      : {}),
  });
}

function paraOf(p: Para, defaults: { size: number; lineHeight?: number; keepNext?: boolean }): Paragraph {
  const size = p.size ?? defaults.size;
  return paragraph(
    p.runs.map((r: Run) => textRun(r.text, { size, ...(r.bold ? { bold: true } : {}), ...(r.italics ? { italics: true } : {}), ...(r.underline ? { underline: true } : {}) })),
    {
      ...(p.align ? { align: p.align } : {}),
      ...(p.indent ? { indent: p.indent } : {}),
      ...(p.spaceBefore ? { before: p.spaceBefore } : {}),
      ...(p.spaceAfter ? { after: p.spaceAfter } : {}),
      lineHeight: p.lineHeight ?? defaults.lineHeight ?? 1.1,
      ...(p.keepWithNext || defaults.keepNext ? { keepNext: true } : {}),
    },
  );
}

function cell(children: Child[], o: { width?: number; span?: number; margins?: { x: number; y: number }; valign?: 'top' | 'middle' | 'bottom' } = {}): DocxCell {
  // Word wants a paragraph at the end of every cell.
  const last = children[children.length - 1];
  const content = !last || last instanceof Table ? [...children, tinyParagraph()] : children;
  return new DocxCell({
    children: content,
    ...(o.width !== undefined ? { width: { size: twip(o.width), type: WidthType.DXA } } : {}),
    ...(o.span && o.span > 1 ? { columnSpan: o.span } : {}),
    margins: { top: twip(o.margins?.y ?? 0), bottom: twip(o.margins?.y ?? 0), left: twip(o.margins?.x ?? 0), right: twip(o.margins?.x ?? 0) },
    ...(o.valign ? { verticalAlign: o.valign === 'middle' ? VerticalAlignTable.CENTER : o.valign === 'bottom' ? VerticalAlignTable.BOTTOM : VerticalAlignTable.TOP } : {}),
  });
}

/** A borderless layout table of fixed column widths (points). */
function layoutTable(widths: number[], rows: TableRow[], borders: ITableBordersOptions = NO_BORDERS): Table {
  return new Table({
    rows,
    width: { size: twip(widths.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    columnWidths: widths.map(twip),
    layout: TableLayoutType.FIXED,
    borders,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  });
}

// ------------------------------------------------------------------------------------------ header

function headerLines(lines: HeaderLine[], o: ParaOptions = {}): Paragraph[] {
  return lines.map((l) => paragraph(linesRuns(l.text, l), { align: 'center', lineHeight: 1, ...o }));
}

function headerTable(block: HeaderBlock, geometry: PageGeometry): Table {
  const layout = headerLayout(geometry, {
    issuer: block.issuer,
    ...(block.number !== undefined ? { number: block.number } : {}),
    place: block.place,
    date: block.date,
  });
  const [leftWidth, rightWidth] = layout.widths;
  const rightOuter = rightWidth + COLUMN_GAP;
  const left: Paragraph[] = headerLines(layout.left);
  left.push('star' in layout.leftMark ? headerLines([layout.leftMark.star])[0]! : tinyParagraph({ rule: { length: layout.leftMark.rule, width: leftWidth }, before: 3 }));
  const right: Paragraph[] = [...headerLines(layout.right), tinyParagraph({ rule: { length: layout.rightRule, width: rightWidth }, before: 2 })];
  const rows = [
    new TableRow({
      cantSplit: true,
      children: [cell(left, { width: leftWidth }), new DocxCell({ children: right, width: { size: twip(rightOuter), type: WidthType.DXA }, margins: { left: twip(COLUMN_GAP), right: 0, top: 0, bottom: 0 } })],
    }),
  ];
  if (layout.number || layout.placeDate) {
    const line = (l: HeaderLine | null) => (l ? headerLines([l], { before: 6 }) : [paragraph([], { before: 6 })]);
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          cell(line(layout.number), { width: leftWidth }),
          new DocxCell({ children: line(layout.placeDate), width: { size: twip(rightOuter), type: WidthType.DXA }, margins: { left: twip(COLUMN_GAP), right: 0, top: 0, bottom: 0 } }),
        ],
      }),
    );
  }
  return layoutTable([leftWidth, rightOuter], rows);
}

// ------------------------------------------------------------------------------------------ body

function titleParagraphs(block: TitleBlock): Paragraph[] {
  const out = [paragraph([textRun(upperVi(block.title.trim()), { size: 14, bold: true })], { align: 'center', before: 22, after: block.subject || block.notes ? 0 : 12, lineHeight: 1.1 })];
  if (block.subject?.trim()) {
    out.push(paragraph([textRun(block.subject.trim(), { size: 14, bold: true })], { align: 'center', before: 2, after: block.notes ? 0 : 12, lineHeight: 1.1 }));
  }
  // The PDF pulls the notes 6 pt up under the title's 12 pt; the same 6 pt gap here.
  block.notes?.forEach((note, i, all) =>
    out.push(paragraph([textRun(note, { size: 13, italics: true })], { align: 'center', before: i === 0 ? 6 : 0, after: i === all.length - 1 ? 10 : 0 })),
  );
  return out;
}

function numberedParagraphs(items: Run[][], size: number): Paragraph[] {
  return items.map((runs, index) =>
    paragraph(
      [
        textRun(`${index + 1}. `, { size, bold: true }),
        ...runs.map((r) => textRun(r.text, { size, ...(r.bold ? { bold: true } : {}), ...(r.italics ? { italics: true } : {}), ...(r.underline ? { underline: true } : {}) })),
      ],
      { align: 'justify', indent: PARAGRAPH_INDENT, after: PARAGRAPH_SPACING, lineHeight: BODY_LINE_HEIGHT },
    ),
  );
}

/** Outer column widths (text + padding) in points, the '*' columns sharing the rest of the width. */
function outerWidths(block: TableBlock, width: number): number[] {
  const fixed = block.columns.reduce((t, c) => t + (c.width === '*' ? 0 : c.width + 2 * block.padding.x), 0);
  const stars = block.columns.filter((c) => c.width === '*').length;
  const rest = Math.max(0, width - fixed) / Math.max(1, stars);
  return block.columns.map((c) => (c.width === '*' ? rest : c.width + 2 * block.padding.x));
}

/** How a block is kept with what follows it (inside a keep-together group). */
type Keep = 'none' | 'all' | 'allButLast';

function dataTable(block: TableBlock, geometry: PageGeometry, bodySize: number, keep: Keep = 'none'): Table {
  const widths = outerWidths(block, geometry.contentWidth);
  const size = block.fontSize ?? bodySize;
  const rows = block.rows.map((row, r) => {
    // Word keeps a row with the next through its paragraphs' "keep with next".
    const keepNext = keep === 'all' || (keep === 'allButLast' && r < block.rows.length - 1);
    const cells: DocxCell[] = [];
    row.forEach((c, i) => {
      if (!c) return;
      const span = Math.max(1, c.colSpan ?? 1);
      const width = widths.slice(i, i + span).reduce((a, b) => a + b, 0);
      cells.push(
        new DocxCell({
          // Header rows keep with the first body row, as the PDF's table does.
          children: c.paras.map((p) => paraOf(p, { size, lineHeight: block.lineHeight ?? 1.1, keepNext: keepNext || r < block.headerRows })),
          width: { size: twip(width), type: WidthType.DXA },
          ...(span > 1 ? { columnSpan: span } : {}),
          ...(c.rowSpan && c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
          ...(c.box && !block.borders ? { borders: { top: thinLine, bottom: thinLine, left: thinLine, right: thinLine } } : {}),
          ...(c.valign ? { verticalAlign: c.valign === 'middle' ? VerticalAlignTable.CENTER : c.valign === 'bottom' ? VerticalAlignTable.BOTTOM : VerticalAlignTable.TOP } : {}),
        }),
      );
    });
    return new TableRow({
      children: cells,
      ...(r < block.headerRows ? { tableHeader: true, cantSplit: true } : {}),
      ...(block.keepRowsTogether || keepNext ? { cantSplit: true } : {}),
    });
  });
  return new Table({
    rows,
    width: { size: twip(geometry.contentWidth), type: WidthType.DXA },
    columnWidths: widths.map(twip),
    layout: TableLayoutType.FIXED,
    borders: block.borders ? THIN_BORDERS : NO_BORDERS,
    margins: { top: twip(block.padding.y), bottom: twip(block.padding.y), left: twip(block.padding.x), right: twip(block.padding.x) },
  });
}

// ------------------------------------------------------------------------------------------ signatures

/** Fits an image into a box, keeping its proportions; sizes in points. */
function fit(image: DecodedImage, maxWidth: number, maxHeight: number): { width: number; height: number } {
  const scale = Math.min(maxWidth / image.width, maxHeight / image.height);
  return { width: image.width * scale, height: image.height * scale };
}

/**
 * The space to sign: a paragraph of exactly SIGN_SPACE points holding the signature, centred, and
 * the stamp over its left part, both floating in the cell (as the PDF places them); the stamp is
 * anchored last and on a higher layer, so it lies over the ink.
 */
function signSpace(width: number, signer: Signer, o: { after?: number; keepNext?: boolean } = {}): Paragraph {
  const children: ParagraphChild[] = [];
  const height = SIGN_SPACE;
  const signature = signer.signature ? imageOf(signer.signature) : null;
  const stamp = signer.stamp ? imageOf(signer.stamp) : null;
  const place = (image: DecodedImage, size: { width: number; height: number }, x: number, y: number, z: number) =>
    new ImageRun({
      type: image.type,
      data: image.bytes,
      transformation: { width: px(size.width), height: px(size.height) },
      floating: {
        horizontalPosition: { relative: HorizontalPositionRelativeFrom.COLUMN, offset: Math.round(x * EMU_PER_PT) },
        verticalPosition: { relative: VerticalPositionRelativeFrom.PARAGRAPH, offset: Math.round(y * EMU_PER_PT) },
        allowOverlap: true,
        layoutInCell: true,
        behindDocument: false,
        zIndex: z,
        wrap: { type: TextWrappingType.NONE },
      },
    });
  if (signature) {
    const size = fit(signature, Math.min(width - 8, 150), height - 10);
    children.push(place(signature, size, (width - size.width) / 2, 5, 1));
  }
  if (stamp) {
    const side = height - 2;
    const size = fit(stamp, side, side);
    const shift = signature ? -Math.min(width * 0.22, side * 0.45) : 0;
    children.push(place(stamp, size, (width - size.width) / 2 + shift, 1, 2));
  }
  return paragraph(children, { align: 'center', exactLine: height, ...(o.after ? { after: o.after } : {}), ...(o.keepNext ? { keepNext: true } : {}) });
}

/** Authority line, position, space to sign, name: bold, centred, kept on one page. */
function signerParagraphs(signer: Signer, width: number, size: number, label?: string): Paragraph[] {
  // An authority may take two lines ("TM. KHỐI THI ĐUA\nKT. KHỐI TRƯỞNG"), as in the PDF.
  const line = (text: string) => paragraph(linesRuns(text, { size, bold: true }), { align: 'center', lineHeight: 1.05, keepNext: true });
  const out: Paragraph[] = [];
  if (label?.trim()) out.push(paragraph([textRun(upperVi(label.trim()), { size: 13, bold: true })], { align: 'center', keepNext: true }));
  if (signer.authority?.trim()) out.push(line(upperVi(signer.authority.trim())));
  out.push(line(upperVi(signer.title.trim())));
  out.push(signSpace(width, signer, { keepNext: true }));
  out.push(paragraph([textRun(signer.name.trim(), { size, bold: true })], { align: 'center', lineHeight: 1.05 }));
  return out;
}

function signatureTable(block: SignatureBlock, geometry: PageGeometry): Table {
  const width = geometry.contentWidth * block.width;
  const side = block.position === 'center' ? (geometry.contentWidth - width) / 2 : geometry.contentWidth - width;
  const widths = block.position === 'center' ? [side, width, side] : [side, width];
  const content = signerParagraphs(block.signer, width, block.fontSize ?? 14, block.label);
  const cells = widths.map((w, i) => cell(i === 1 ? content : [paragraph([])], { width: w }));
  return layoutTable(widths, [new TableRow({ cantSplit: true, children: cells })]);
}

/**
 * The grid as one borderless table of `columns` × 2 half-columns: four rows per row of signers
 * (headings, positions, space to sign, names), so a row's lines sit on common baselines as in
 * the PDF. A row of signers stays on one page; the last, incomplete row is centred.
 */
function signatureGridChildren(block: SignatureGridBlock, geometry: PageGeometry): Child[] {
  const { columns } = block;
  const cellWidth = geometry.contentWidth / columns;
  const half = cellWidth / 2;
  const inner = cellWidth - 6;
  const size = gridFontSize(columns);
  const margins = { x: 3, y: 0 };
  const text = (value: string, o: ParaOptions = {}) => paragraph(linesRuns(value, { size, bold: true }), { align: 'center', lineHeight: 1.05, ...o });
  const rows: TableRow[] = [];
  for (let start = 0; start < block.cells.length; start += columns) {
    const group = block.cells.slice(start, start + columns);
    const missing = columns - group.length;
    const row = (make: (c: (typeof group)[number]) => Paragraph[], o: { keepNext: boolean; height?: number }) => {
      const cells: DocxCell[] = [];
      if (missing > 0) cells.push(cell([paragraph([], { keepNext: o.keepNext })], { width: half * missing, span: missing }));
      for (const c of group) cells.push(cell(make(c), { width: cellWidth, span: 2, margins }));
      if (missing > 0) cells.push(cell([paragraph([], { keepNext: o.keepNext })], { width: half * missing, span: missing }));
      return new TableRow({
        cantSplit: true,
        ...(o.keepNext ? { keepNext: true } : {}),
        ...(o.height ? { height: { value: twip(o.height), rule: HeightRule.EXACT } } : {}),
        children: cells,
      });
    };
    rows.push(row((c) => [text(nameLines(upperVi((c.heading ?? '').trim()), inner - 2, size).join('\n'), { keepNext: true })], { keepNext: true }));
    rows.push(
      row(
        (c) =>
          [...(c.authority?.trim() ? [upperVi(c.authority.trim())] : []), upperVi(c.title.trim())].map((t, i) =>
            text(t, { keepNext: true, ...(i === 0 ? { before: 2 } : {}) }),
          ),
        { keepNext: true },
      ),
    );
    rows.push(row((c) => [signSpace(inner, c, { keepNext: true })], { keepNext: true, height: SIGN_SPACE }));
    rows.push(row((c) => [text(c.name.trim(), { after: 22 })], { keepNext: false }));
  }
  const out: Child[] = [];
  if (block.heading) out.push(paragraph([textRun(block.heading, { size: geometry.bodyFontSize, bold: true })], { align: 'center', before: 10, after: 10, keepNext: true }));
  out.push(layoutTable(new Array<number>(columns * 2).fill(half), rows));
  return out;
}

/** "Nơi nhận:" (bold italic 12 pt, list 11 pt) on the left and the signature block on the right. */
function closingTable(block: ClosingBlock, geometry: PageGeometry): Table {
  const rightWidth = geometry.contentWidth * 0.55;
  const leftWidth = geometry.contentWidth - rightWidth;
  const left: Paragraph[] = block.recipients.length
    ? [
        paragraph([textRun('Nơi nhận:', { size: 12, bold: true, italics: true })], { keepNext: true }),
        ...block.recipients.map((r, i) =>
          paragraph([textRun(`- ${r.trim().replace(/[;.]$/, '')}${i === block.recipients.length - 1 ? '.' : ';'}`, { size: 11 })], { keepNext: true }),
        ),
      ]
    : [paragraph([])];
  if (!block.signer) return layoutTable([geometry.contentWidth], [new TableRow({ cantSplit: true, children: [cell(left, { width: geometry.contentWidth })] })]);
  return layoutTable(
    [leftWidth, rightWidth],
    [new TableRow({ cantSplit: true, children: [cell(left, { width: leftWidth }), cell(signerParagraphs(block.signer, rightWidth, 14), { width: rightWidth })] })],
  );
}

/** Pages of copies: one borderless table per page, rows of fixed height, dashed lines to cut along. */
function copiesChildren(block: CopiesBlock, geometry: PageGeometry): Child[] {
  const pad = block.padding ?? { x: 4, y: 4 };
  const perPage = Math.max(1, block.across * block.down);
  const cellWidth = geometry.contentWidth / block.across;
  // Short of the page by the 1 pt paragraph Word keeps after a table, and a little more for rounding.
  const cellHeight = (geometry.contentHeight - 8) / block.down;
  const inner: PageGeometry = { ...geometry, contentWidth: cellWidth - 2 * pad.x, contentHeight: cellHeight - 2 * pad.y };
  const dashed = { style: BorderStyle.DASHED, size: 4, color: '000000' } as const;
  const borders: ITableBordersOptions = block.cutLines ? { ...NO_BORDERS, insideHorizontal: dashed, insideVertical: dashed } : NO_BORDERS;
  const out: Child[] = [];
  for (let start = 0; start < block.count; start += perPage) {
    if (start > 0) out.push(tinyParagraph({ pageBreak: true }));
    const rows: TableRow[] = [];
    for (let r = 0; r < block.down; r++) {
      const cells: DocxCell[] = [];
      for (let c = 0; c < block.across; c++) {
        const filled = start + r * block.across + c < block.count;
        cells.push(cell(filled ? renderBlocks(block.blocks, inner) : [paragraph([])], { width: cellWidth, margins: pad }));
      }
      rows.push(new TableRow({ cantSplit: true, height: { value: twip(cellHeight), rule: HeightRule.EXACT }, children: cells }));
    }
    out.push(layoutTable(new Array<number>(block.across).fill(cellWidth), rows, borders));
  }
  return out;
}

/** The chart, then its caption in italics, kept on one page. */
function chartParagraphs(block: ChartBlock, geometry: PageGeometry): Paragraph[] {
  return [
    paragraph([chartRun(block, geometry.contentWidth, DOCX_FONT)], { align: 'center', before: 4, keepNext: true }),
    paragraph([textRun(block.caption, { size: geometry.bodyFontSize, italics: true })], { align: 'center', before: 2, after: PARAGRAPH_SPACING }),
  ];
}

function blockChildren(block: Block, geometry: PageGeometry, keep: Keep = 'none'): Child[] {
  const size = geometry.bodyFontSize;
  switch (block.kind) {
    case 'keep-together': {
      const out: Child[] = [];
      block.blocks.forEach((b, i) => append(out, blockChildren(b, geometry, i < block.blocks.length - 1 ? 'all' : 'allButLast'), b));
      return out;
    }
    case 'header':
      return [headerTable(block, geometry)];
    case 'title':
      return titleParagraphs(block);
    case 'paragraph':
      return [paraOf(block, { size, keepNext: keep === 'all' })];
    case 'numbered':
      return numberedParagraphs(block.items, size);
    case 'table':
      return [dataTable(block, geometry, size, keep)];
    case 'chart':
      return chartParagraphs(block, geometry);
    case 'signature':
      return [tinyParagraph({ before: 6 }), signatureTable(block, geometry)];
    case 'signature-grid':
      return signatureGridChildren(block, geometry);
    case 'closing':
      return [tinyParagraph({ before: 10 }), closingTable(block, geometry)];
    case 'copies':
      return copiesChildren(block, geometry);
    case 'page-break':
      throw new Error('page-break is handled by the sections');
  }
}

/**
 * Appends children, with a 1 pt paragraph between two tables so Word keeps them apart; a table
 * continuing the one before joins it (Word makes one table of adjacent tables).
 */
function append(into: Child[], children: Child[], block?: Block): void {
  const joins = block?.kind === 'table' && block.continues === true;
  for (const child of children) {
    if (child instanceof Table && into[into.length - 1] instanceof Table && !joins) into.push(tinyParagraph());
    into.push(child);
  }
}

function renderBlocks(blocks: Block[], geometry: PageGeometry): Child[] {
  const out: Child[] = [];
  for (const b of blocks) {
    if (b.kind === 'page-break') throw new Error('Không ngắt trang được bên trong một bản sao.');
    append(out, blockChildren(b, geometry), b);
  }
  return out;
}

interface SectionPart {
  orientation: Orientation;
  children: Child[];
}

/** The body cut into sections where the orientation changes; other page breaks stay inside a section. */
function sections(model: DocumentModel, setup: PageSetup): SectionPart[] {
  const parts: SectionPart[] = [{ orientation: model.orientation, children: [] }];
  let pendingBreak = false;
  for (const block of model.body) {
    let part = parts[parts.length - 1]!;
    if (block.kind === 'page-break') {
      const orientation = block.orientation ?? part.orientation;
      if (orientation !== part.orientation) parts.push({ orientation, children: [] });
      else pendingBreak = true;
      continue;
    }
    part = parts[parts.length - 1]!;
    const copiesAfterContent = block.kind === 'copies' && part.children.length > 0;
    if ((pendingBreak || copiesAfterContent) && part.children.length) part.children.push(tinyParagraph({ pageBreak: true }));
    pendingBreak = false;
    const children = blockChildren(block, pageGeometry(setup, part.orientation));
    // LibreOffice keeps the previous page size when a section opens with a table: open it with a 1 pt paragraph.
    if (parts.length > 1 && part.children.length === 0 && children[0] instanceof Table) part.children.push(tinyParagraph());
    append(part.children, children, block);
  }
  return parts;
}

/** The page number, centred, in the header of every page but the first. */
function pageNumberHeader(size: number): Header {
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: DOCX_FONT, size: halfPoints(size) })] })],
  });
}

/** The model as a Word document (.docx bytes). */
export async function renderDocx(rawModel: DocumentModel, userSetup: PageSetup = {}): Promise<Uint8Array<ArrayBuffer>> {
  const model = deepNfc(rawModel);
  const setup: PageSetup = model.margins ? { ...userSetup, margins: { ...userSetup.margins, ...model.margins } } : userSetup;
  const first = pageGeometry(setup, model.orientation);
  const size = first.bodyFontSize;
  const [left, top, right, bottom] = first.marginsPt;
  const sectionOptions: ISectionOptions[] = sections(model, setup).map((part, index) => {
    const last = part.children[part.children.length - 1];
    const children = last instanceof Table || !last ? [...part.children, tinyParagraph()] : part.children;
    return {
      properties: {
        ...(index > 0 ? { type: SectionType.NEXT_PAGE } : {}),
        ...(index === 0 && model.pageNumbers ? { titlePage: true } : {}),
        page: {
          size: { width: twip(A4.width), height: twip(A4.height), orientation: part.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: { top: twip(top), bottom: twip(bottom), left: twip(left), right: twip(right), header: twip(Math.max(4, (top - size) / 2)), footer: twip(bottom / 2) },
        },
      },
      ...(model.pageNumbers
        ? { headers: { default: pageNumberHeader(size), ...(index === 0 ? { first: new Header({ children: [new Paragraph({ children: [] })] }) } : {}) } }
        : {}),
      children,
    };
  });
  const doc = new Document({
    creator: 'BlocDesk',
    title: model.meta.title,
    lastModifiedBy: model.meta.author,
    styles: {
      default: {
        document: {
          run: { font: DOCX_FONT, size: halfPoints(size), language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0, line: 264, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    sections: sectionOptions,
  });
  const buffer = await Packer.toBuffer(doc);
  return new Uint8Array(buffer);
}
