/**
 * Small builders for the document model, with the body defaults of Nghị định 30/2020: justified
 * paragraphs, first line indented 1 cm, at least 6 pt after each paragraph, line height 1.15.
 */
import type {
  Block,
  ClosingBlock,
  CopiesBlock,
  DocumentModel,
  HeaderBlock,
  Issuer,
  KeepTogetherBlock,
  NumberedListBlock,
  Orientation,
  PageBreakBlock,
  Para,
  ParagraphBlock,
  Run,
  SignatureBlock,
  SignatureCell,
  SignatureGridBlock,
  Signer,
  TableBlock,
  TableCell,
  TitleBlock,
} from './types';

/** First-line indent of body paragraphs: 1 cm (Nghị định 30/2020: 1–1.27 cm). */
export const PARAGRAPH_INDENT = 28.35;
/** Space after a body paragraph (at least 6 pt). */
export const PARAGRAPH_SPACING = 6;
/** Line height of body paragraphs. */
export const BODY_LINE_HEIGHT = 1.15;

export type RunStyle = Omit<Run, 'text'>;

export const run = (text: string, style: RunStyle = {}): Run => ({ text, ...style });

/** Runs from a string (one plain run) or runs as given. */
export const runsOf = (content: string | Run[], style: RunStyle = {}): Run[] =>
  typeof content === 'string' ? [run(content, style)] : content.map((r) => ({ ...style, ...r }));

/** A justified body paragraph with the first line indented. */
export function bodyParagraph(content: string | Run[], style: RunStyle = {}): ParagraphBlock {
  const runs = runsOf(typeof content === 'string' ? content.trim() : content, style);
  return {
    kind: 'paragraph',
    runs,
    align: 'justify',
    indent: PARAGRAPH_INDENT,
    spaceAfter: PARAGRAPH_SPACING,
    lineHeight: BODY_LINE_HEIGHT,
  };
}

/** Căn cứ lines: italic body paragraphs, blank lines left out, each kept as typed. */
export function legalBasis(lines: string[]): ParagraphBlock[] {
  return lines
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => bodyParagraph(line, { italics: true }));
}

/** "1. Text" typed by a user keeps its own wording without a double number. */
export function stripLeadingNumber(item: string): string {
  return item.replace(/^\d{1,3}\s*[.)]\s+/, '');
}

/** Numbered items from typed lines (blank ones left out). */
export function numberedList(items: string[]): NumberedListBlock {
  return {
    kind: 'numbered',
    items: items
      .map((i) => i.trim())
      .filter(Boolean)
      .map((item) => [run(stripLeadingNumber(item))]),
  };
}

export function header(issuer: Issuer, options: { number?: string; place: string; date: string | null }): HeaderBlock {
  return { kind: 'header', issuer, ...(options.number !== undefined ? { number: options.number } : {}), place: options.place, date: options.date };
}

export function title(text: string, options: { subject?: string; notes?: string[] } = {}): TitleBlock {
  const notes = (options.notes ?? []).map((n) => n.trim()).filter(Boolean);
  return {
    kind: 'title',
    title: text,
    ...(options.subject?.trim() ? { subject: options.subject } : {}),
    ...(notes.length ? { notes } : {}),
  };
}

/** A table cell of one paragraph, with the paragraph's style. */
export function textCell(text: string, style: RunStyle & Pick<Para, 'align'> = {}, more: Para[] = []): TableCell {
  const { align, ...runStyle } = style;
  return { paras: [{ runs: [run(text, runStyle)], ...(align ? { align } : {}) }, ...more] };
}

/**
 * A table of data as the office prints it: thin lines around every cell, 12 pt text set tight,
 * 4 × 3 pt of padding, no row split across pages. Column widths in points, '*' for the rest.
 */
export function borderedTable(
  widths: readonly (number | '*')[],
  rows: (TableCell | null)[][],
  options: { headerRows?: number; fontSize?: number; padding?: { x: number; y: number } } = {},
): TableBlock {
  return {
    kind: 'table',
    columns: widths.map((width) => ({ width })),
    headerRows: options.headerRows ?? 1,
    rows,
    fontSize: options.fontSize ?? 12,
    lineHeight: 1.05,
    borders: true,
    padding: options.padding ?? { x: 4, y: 3 },
    keepRowsTogether: true,
  };
}

export function signatureGrid(cells: SignatureCell[], columns: 2 | 3, heading?: string): SignatureGridBlock {
  return { kind: 'signature-grid', columns, cells, ...(heading ? { heading } : {}) };
}

export function signatureBlock(signer: Signer, options: { label?: string; width?: number; position?: 'center' | 'right'; fontSize?: number } = {}): SignatureBlock {
  return {
    kind: 'signature',
    signer,
    ...(options.label ? { label: options.label } : {}),
    width: options.width ?? 0.55,
    position: options.position ?? 'right',
    ...(options.fontSize ? { fontSize: options.fontSize } : {}),
  };
}

export function closing(recipients: string[], signer: Signer | null): ClosingBlock {
  return { kind: 'closing', recipients: recipients.map((r) => r.trim()).filter(Boolean), signer };
}

export function pageBreak(orientation?: Orientation): PageBreakBlock {
  return { kind: 'page-break', ...(orientation ? { orientation } : {}) };
}

/** Blocks kept on one page. */
export function keepTogether(blocks: Block[]): KeepTogetherBlock {
  return { kind: 'keep-together', blocks };
}

/** `count` copies of the blocks, `across` × `down` per page. */
export function copies(blocks: Block[], count: number, across: number, down: number, cutLines = true, padding?: { x: number; y: number }): CopiesBlock {
  return { kind: 'copies', blocks, count, across, down, cutLines, ...(padding ? { padding } : {}) };
}

export function documentModel(
  meta: DocumentModel['meta'],
  body: Block[],
  options: { orientation?: Orientation; pageNumbers?: boolean; margins?: DocumentModel['margins'] } = {},
): DocumentModel {
  return { meta, orientation: options.orientation ?? 'portrait', pageNumbers: options.pageNumbers ?? true, ...(options.margins ? { margins: options.margins } : {}), body };
}
