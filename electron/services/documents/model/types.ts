/**
 * The format-neutral document model: what a document says and how it is laid out in the terms of
 * Nghị định 30/2020 (header, title, body, tables, signatures, "Nơi nhận"), with nothing specific to
 * PDF or Word. A document module (kinds/*.ts) turns the bloc's data into a model; the renderers in
 * render/ print the same model to PDF (pdfmake) and to Word (docx).
 *
 * Sizes are in points (1/72 inch). Strings are printed as given (renderers normalise them to NFC).
 */

export type Align = 'left' | 'center' | 'right' | 'justify';
export type Orientation = 'portrait' | 'landscape';

/** A stretch of text with one style. */
export interface Run {
  text: string;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
}

/** One paragraph: runs with a common alignment, size and spacing. */
export interface Para {
  runs: Run[];
  align?: Align;
  /** Font size in points; the body size when left out. */
  size?: number;
  /** First-line indent in points. */
  indent?: number;
  spaceBefore?: number;
  spaceAfter?: number;
  /** Line height as a multiple of the font's line (1.15 for body text). */
  lineHeight?: number;
  /** A heading: kept on the page of what follows it. */
  keepWithNext?: boolean;
}

/** The issuing body of the ND 30/2020 header (left column). */
export interface Issuer {
  /** Superior body above the issuing body (e.g. "UBND TỈNH HÀ NAM"); empty for none. */
  parent?: string;
  /** The issuing body (e.g. "KHỐI THI ĐUA VĂN HÓA - XÃ HỘI"). */
  body: string;
  /** Party format: "ĐẢNG CỘNG SẢN VIỆT NAM" on the right, a star under the body, "Số 127-QĐ/TW". */
  partyFormat: boolean;
}

/** The ND 30/2020 header: issuer and national motto (or Party name), the number and date line. */
export interface HeaderBlock {
  kind: 'header';
  issuer: Issuer;
  /** Number and symbol ("05/BB-KTĐ" or already "Số: 05/BB-KTĐ"); empty for none. */
  number?: string;
  place: string;
  /** ISO date yyyy-mm-dd; null leaves the date out. */
  date: string | null;
}

/** The document type in bold upper case, an optional subject (trích yếu), and italic lines beneath (status, version). */
export interface TitleBlock {
  kind: 'title';
  title: string;
  subject?: string;
  notes?: string[];
}

export interface ParagraphBlock extends Para {
  kind: 'paragraph';
}

/** "1. …", "2. …": justified, first line indented, the number bold. */
export interface NumberedListBlock {
  kind: 'numbered';
  items: Run[][];
}

export interface TableColumn {
  /** Width of the column's text in points (without the cell padding); '*' shares what is left. */
  width: number | '*';
}

export interface TableCell {
  paras: Para[];
  colSpan?: number;
  rowSpan?: number;
  valign?: 'top' | 'middle' | 'bottom';
  /** A thin frame around this cell alone, in a table without borders (the stamp box of a ballot). */
  box?: boolean;
}

/**
 * A table. `rows` holds one entry per grid position: a cell, or null where a cell spanning from the
 * left or from above covers the position. The first `headerRows` rows repeat on every page.
 */
export interface TableBlock {
  kind: 'table';
  columns: TableColumn[];
  headerRows: number;
  rows: (TableCell | null)[][];
  /** Text size of the table (the body size when left out). */
  fontSize?: number;
  lineHeight?: number;
  /** Thin lines around every cell; false for a layout table. */
  borders: boolean;
  /** Cell padding in points. */
  padding: { x: number; y: number };
  /** A row never splits across pages. */
  keepRowsTogether?: boolean;
  /**
   * More rows of the table just before (same columns, no header row): printed right under it as
   * one table, so a heading can stay with the first rows while the rest runs on.
   */
  continues?: boolean;
}

/**
 * A scanned image as a data URL ("data:image/png;base64,…" or JPEG). Renderers read its pixel size
 * from the image itself.
 */
export type ImageSlot = string;

/** Who signs: authority line ("TM. KHỐI THI ĐUA", "KT. GIÁM ĐỐC"), position, name, images. */
export interface Signer {
  authority?: string;
  title: string;
  name: string;
  signature?: ImageSlot | null;
  /** Printed over the signature, as a stamp pressed on a signed paper. */
  stamp?: ImageSlot | null;
}

/** One signature block on its own: centred in a share of the width, or on the right. */
export interface SignatureBlock {
  kind: 'signature';
  signer: Signer;
  /** Bold upper-case line above the block ("CHỨNG KIẾN"); empty for none. */
  label?: string;
  /** Share of the content width the block takes (0–1). */
  width: number;
  position: 'center' | 'right';
  fontSize?: number;
}

export interface SignatureCell extends Signer {
  /** Bold upper-case heading above the position (the unit's name in a pledge). */
  heading?: string;
}

/** Signers in 2 or 3 columns, row by row; a row never splits, the last incomplete row is centred. */
export interface SignatureGridBlock {
  kind: 'signature-grid';
  columns: 2 | 3;
  cells: SignatureCell[];
  /** Bold centred line kept on the page of the first row. */
  heading?: string;
}

/**
 * The end of a document: "Nơi nhận:" on the left (bold italic 12 pt, list 11 pt) and the signature
 * on the right; without a signer, "Nơi nhận" alone (under signatures printed before it, as in minutes).
 */
export interface ClosingBlock {
  kind: 'closing';
  recipients: string[];
  signer: Signer | null;
}

/** A new page, optionally turned to another orientation from there on. */
export interface PageBreakBlock {
  kind: 'page-break';
  orientation?: Orientation;
}

/**
 * The same content repeated `count` times in a grid of `across` × `down` copies per page (ballots:
 * one A4 per page, or two A5 side by side on a landscape A4). Starts on a new page when content
 * precedes it.
 */
export interface CopiesBlock {
  kind: 'copies';
  blocks: Block[];
  count: number;
  across: number;
  down: number;
  /** Dashed lines between the copies, to cut along. */
  cutLines?: boolean;
  /** Space around each copy's content, in points (default 4 on every side). */
  padding?: { x: number; y: number };
}

/**
 * Blocks kept on one page (a heading with its short table): moved to the next page whole when they
 * do not fit. Only for content shorter than a page.
 */
export interface KeepTogetherBlock {
  kind: 'keep-together';
  blocks: Block[];
}

/** One series of a chart: a value per category (null: no value there, a gap in a line). */
export interface ChartSeries {
  label: string;
  values: (number | null)[];
}

/** The value axis of a chart: its range, its title, and whether the smallest value is at the top (ranks). */
export interface ChartAxis {
  label: string;
  min: number;
  max: number;
  /** 1 at the top, as ranks are read. */
  inverted?: boolean;
}

/**
 * A chart over categories (the years): a line per series (each unit's rank) or grouped bars (the
 * awards). Printed as a vector drawing in the PDF and as the same figures in Word (render/).
 */
export interface ChartBlock {
  kind: 'chart';
  type: 'line' | 'bar';
  /** The labels along the x axis, one per value of each series. */
  categories: string[];
  /** Title of the x axis ("Năm"). */
  categoryLabel: string;
  axis: ChartAxis;
  series: ChartSeries[];
  /** Height of the plot area in points (the legend and axes come on top of it). */
  height: number;
  /** The line printed under the chart ("Biểu đồ 1. Thứ hạng của các đơn vị qua các năm"). */
  caption: string;
}

export type Block =
  | KeepTogetherBlock
  | ChartBlock
  | HeaderBlock
  | TitleBlock
  | ParagraphBlock
  | NumberedListBlock
  | TableBlock
  | SignatureBlock
  | SignatureGridBlock
  | ClosingBlock
  | PageBreakBlock
  | CopiesBlock;

export interface DocumentModel {
  /** Document properties: title and author (the issuing body). */
  meta: { title: string; author: string };
  /** Orientation of the first page. */
  orientation: Orientation;
  /** Page numbers centred in the top margin from page 2 on. */
  pageNumbers: boolean;
  /**
   * Page margins in millimetres of this document, over the user's (Nghị định 30/2020) margins:
   * for papers laid out by the page itself, such as two A5 ballots cut from one A4.
   */
  margins?: { top?: number; bottom?: number; left?: number; right?: number };
  body: Block[];
}
