/**
 * Prints the document model to PDF through pdfmake, with the document base (base/): the ND 30/2020
 * page setup and header, body blocks, signature blocks and grids, "Nơi nhận".
 */
import { upperVi } from '../../../../shared/text/vietnamese';
import {
  closing as baseClosing,
  createDocument,
  documentHeader,
  documentTitle,
  pageGeometry,
  pdfEngine,
  signatureBlock as baseSignatureBlock,
  signatureGrid as baseSignatureGrid,
  type Content,
  type DocumentDefinition,
  type DocumentSetup,
  type PageGeometry,
  type Signer as BaseSigner,
  type TableCell as PdfCell,
  type TableLayout,
  type TableNode,
  type TextNode,
} from '../base/index';
import { BODY_LINE_HEIGHT, PARAGRAPH_INDENT, PARAGRAPH_SPACING } from '../model/builders';
import { chartSvg } from './chart-svg';
import type { Block, ChartBlock, CopiesBlock, DocumentModel, Para, Run, SignatureBlock, Signer, TableBlock, TableCell } from '../model/types';

/** Width of table rules in points. */
const RULE = 0.5;

function runNode(r: Run): string | TextNode {
  if (!r.bold && !r.italics && !r.underline) return r.text;
  return { text: r.text, ...runStyle(r) };
}

function runStyle(r: Run): Partial<TextNode> {
  return { ...(r.bold ? { bold: true } : {}), ...(r.italics ? { italics: true } : {}), ...(r.underline ? { decoration: 'underline' as const } : {}) };
}

/** A paragraph as one text node; a single run's style is the node's own. */
export function paraNode(p: Para): TextNode {
  const only = p.runs.length === 1 ? (p.runs[0] as Run) : null;
  const node: TextNode = only ? { text: only.text, ...runStyle(only) } : { text: p.runs.map(runNode) };
  if (p.align) node.alignment = p.align;
  if (p.size) node.fontSize = p.size;
  if (p.indent) node.leadingIndent = p.indent;
  if (p.spaceBefore || p.spaceAfter) node.margin = [0, p.spaceBefore ?? 0, 0, p.spaceAfter ?? 0];
  if (p.lineHeight) node.lineHeight = p.lineHeight;
  if (p.keepWithNext) node.headlineLevel = 1;
  return node;
}

const baseSigner = (s: Signer): BaseSigner => ({
  ...(s.authority !== undefined ? { authority: s.authority } : {}),
  title: s.title,
  name: s.name,
  signatureImage: s.signature ?? null,
  stampImage: s.stamp ?? null,
});

/** Column widths in points, the '*' columns sharing what the fixed ones, padding and rules leave. */
export function tableWidths(block: Pick<TableBlock, 'columns' | 'padding' | 'borders'>, contentWidth: number): number[] {
  const n = block.columns.length;
  const fixed = block.columns.reduce((t, c) => t + (c.width === '*' ? 0 : c.width), 0);
  const stars = block.columns.filter((c) => c.width === '*').length;
  const rules = block.borders ? RULE * (n + 1) : 0;
  const rest = contentWidth - fixed - 2 * block.padding.x * n - rules;
  return block.columns.map((c) => (c.width === '*' ? Math.max(0, rest / Math.max(1, stars)) : c.width));
}

function cellNode(cell: TableCell | null): PdfCell {
  if (!cell) return { text: '' };
  const node: PdfCell = cell.paras.length === 1 ? paraNode(cell.paras[0] as Para) : { stack: cell.paras.map(paraNode) };
  if (cell.colSpan && cell.colSpan > 1) node.colSpan = cell.colSpan;
  if (cell.rowSpan && cell.rowSpan > 1) node.rowSpan = cell.rowSpan;
  if (cell.box) node.border = [true, true, true, true];
  return node;
}

function tableNode(block: TableBlock, geometry: PageGeometry): TableNode {
  // A borderless table with framed cells draws lines only around those cells.
  const boxed = !block.borders && block.rows.some((row) => row.some((c) => c?.box));
  const line = block.borders || boxed ? RULE : 0;
  const layout: TableLayout = {
    ...(boxed ? { defaultBorder: false } : {}),
    // The rows continuing a table start under its last line.
    hLineWidth: (i) => (block.continues && i === 0 ? 0 : line),
    vLineWidth: () => line,
    paddingLeft: () => block.padding.x,
    paddingRight: () => block.padding.x,
    paddingTop: () => block.padding.y,
    paddingBottom: () => block.padding.y,
  };
  return {
    ...(block.fontSize ? { fontSize: block.fontSize } : {}),
    ...(block.lineHeight ? { lineHeight: block.lineHeight } : {}),
    table: {
      headerRows: block.headerRows,
      // The header row never ends a page alone: at least one row goes with it.
      ...(block.headerRows > 0 && block.rows.length > block.headerRows ? { keepWithHeaderRows: 1 } : {}),
      ...(block.keepRowsTogether ? { dontBreakRows: true } : {}),
      widths: tableWidths(block, geometry.contentWidth),
      body: block.rows.map((row) => row.map(cellNode)),
    },
    layout,
  };
}

function signatureNode(block: SignatureBlock, geometry: PageGeometry): Content {
  const width = geometry.contentWidth * block.width;
  const inner = baseSignatureBlock(baseSigner(block.signer), width, block.fontSize ?? 14);
  const label = block.label?.trim();
  const stack: Content[] = label ? [{ text: upperVi(label), bold: true, alignment: 'center' }, inner] : [inner];
  return {
    unbreakable: true,
    margin: [0, 6, 0, 0],
    columns:
      block.position === 'center'
        ? [{ width: '*', text: '' }, { width, stack }, { width: '*', text: '' }]
        : [{ width: '*', text: '' }, { width, stack }],
  };
}

/** Pages of copies: one table per page, the copies in a grid of fixed cells. */
function copiesNodes(block: CopiesBlock, geometry: PageGeometry): Content[] {
  const pad = block.padding ?? { x: 4, y: 4 };
  const line = block.cutLines ? RULE : 0;
  const perPage = Math.max(1, block.across * block.down);
  const cellWidth = geometry.contentWidth / block.across;
  // A little short of the page, so rounding never pushes a row onto a page of its own.
  const cellHeight = (geometry.contentHeight - 6) / block.down;
  const inner: PageGeometry = { ...geometry, contentWidth: cellWidth - 2 * pad.x - line, contentHeight: cellHeight - 2 * pad.y };
  const copy = (): Content => ({ stack: renderBlocks(block.blocks, inner) });
  const dash = { dash: { length: 4, space: 3 } };
  const layout: TableLayout = {
    hLineWidth: (i) => (i > 0 && i < block.down ? line : 0),
    vLineWidth: (i) => (i > 0 && i < block.across ? line : 0),
    hLineStyle: () => dash,
    vLineStyle: () => dash,
    paddingLeft: () => pad.x,
    paddingRight: () => pad.x,
    paddingTop: () => pad.y,
    paddingBottom: () => pad.y,
  };
  const pages: Content[] = [];
  for (let start = 0; start < block.count; start += perPage) {
    const body: PdfCell[][] = [];
    for (let r = 0; r < block.down; r++) {
      const row: PdfCell[] = [];
      for (let c = 0; c < block.across; c++) row.push(start + r * block.across + c < block.count ? copy() : { text: '' });
      body.push(row);
    }
    pages.push({
      ...(start > 0 ? { pageBreak: 'before' as const } : {}),
      table: { widths: new Array<number>(block.across).fill(inner.contentWidth), heights: inner.contentHeight, body, dontBreakRows: true },
      layout,
    });
  }
  return pages;
}

/** The chart as a vector drawing the width of the text, its caption under it, kept on one page. */
function chartNode(block: ChartBlock, geometry: PageGeometry): Content {
  const drawn = chartSvg(block, geometry.contentWidth);
  return {
    unbreakable: true,
    margin: [0, 4, 0, PARAGRAPH_SPACING],
    stack: [
      { svg: drawn.svg, width: drawn.width, height: drawn.height },
      { text: block.caption, italics: true, alignment: 'center', margin: [0, 2, 0, 0] },
    ],
  };
}

function blockNodes(block: Block, geometry: PageGeometry): Content[] {
  switch (block.kind) {
    case 'header':
      return [
        documentHeader(geometry, {
          issuer: block.issuer,
          ...(block.number !== undefined ? { number: block.number } : {}),
          place: block.place,
          date: block.date,
        }),
      ];
    case 'title': {
      const nodes: Content[] = [documentTitle(block.title, block.subject ?? '')];
      if (block.notes?.length) {
        nodes.push({ stack: block.notes.map((text): TextNode => ({ text, italics: true })), alignment: 'center', margin: [0, -6, 0, 10] });
      }
      return nodes;
    }
    case 'paragraph':
      return [paraNode(block)];
    case 'keep-together':
      return [{ stack: renderBlocks(block.blocks, geometry), unbreakable: true }];
    case 'numbered':
      return block.items.map((runs, index) => ({
        text: [{ text: `${index + 1}. `, bold: true }, ...runs.map(runNode)],
        alignment: 'justify',
        leadingIndent: PARAGRAPH_INDENT,
        margin: [0, 0, 0, PARAGRAPH_SPACING],
        lineHeight: BODY_LINE_HEIGHT,
      }));
    case 'table':
      return [tableNode(block, geometry)];
    case 'chart':
      return [chartNode(block, geometry)];
    case 'signature':
      return [signatureNode(block, geometry)];
    case 'signature-grid':
      return baseSignatureGrid(
        geometry,
        block.cells.map((c) => ({ ...baseSigner(c), ...(c.heading !== undefined ? { heading: c.heading } : {}) })),
        block.columns,
        block.heading ? { text: block.heading, bold: true, alignment: 'center', margin: [0, 10, 0, 10] } : undefined,
      );
    case 'closing':
      return [baseClosing(geometry, { recipients: block.recipients, signer: block.signer ? baseSigner(block.signer) : null })];
    case 'copies':
      return copiesNodes(block, geometry);
    case 'page-break':
      throw new Error('page-break is handled by renderBlocks');
  }
}

/**
 * The blocks as pdfmake content. A page break turns into "break before" on what follows it, with
 * the new orientation; the following blocks are laid out for that orientation's width.
 */
function renderBlocks(blocks: Block[], start: PageGeometry, setup?: DocumentSetup): Content[] {
  const out: Content[] = [];
  let geometry = start;
  let pending: { orientation: PageGeometry['orientation'] } | null = null;
  let started = false;
  for (const block of blocks) {
    if (block.kind === 'page-break') {
      if (!setup) throw new Error('Không ngắt trang được bên trong một bản sao.');
      pending = { orientation: block.orientation ?? geometry.orientation };
      continue;
    }
    if (pending && pending.orientation !== geometry.orientation && setup) geometry = pageGeometry(setup, pending.orientation);
    const nodes = blockNodes(block, geometry);
    // Copies start on a page of their own.
    const breakBefore = pending !== null || (block.kind === 'copies' && started);
    if (breakBefore && nodes.length) {
      nodes[0] = { stack: [nodes[0] as Content], pageBreak: 'before', ...(pending ? { pageOrientation: geometry.orientation } : {}) };
    }
    pending = null;
    started = true;
    out.push(...nodes);
  }
  return out;
}

/** The pdfmake definition of the model. */
export function pdfDefinition(model: DocumentModel, userSetup: DocumentSetup): DocumentDefinition {
  const setup: DocumentSetup = model.margins ? { ...userSetup, margins: { ...userSetup.margins, ...model.margins } } : userSetup;
  const geometry = pageGeometry(setup, model.orientation);
  return createDocument(setup, model.meta, renderBlocks(model.body, geometry, setup), {
    orientation: model.orientation,
    pageNumbers: model.pageNumbers,
  });
}

/** The model printed to PDF bytes, with the setup's font (registered with the engine on first use). */
export async function renderPdf(model: DocumentModel, setup: DocumentSetup): Promise<Uint8Array<ArrayBuffer>> {
  const engine = pdfEngine();
  engine.use(setup.fontSet);
  return engine.render(pdfDefinition(model, setup));
}
