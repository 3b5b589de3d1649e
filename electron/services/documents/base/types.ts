/**
 * The subset of pdfmake's document definition that the document base produces. Keeping our own
 * narrow types makes every document module type-checked without depending on external typings.
 */

export type Alignment = 'left' | 'right' | 'center' | 'justify';
/** [left, top, right, bottom] in points, or one value for all sides. */
export type Margin = number | [number, number] | [number, number, number, number];

interface NodeStyle {
  style?: string | string[];
  margin?: Margin;
  alignment?: Alignment;
  fontSize?: number;
  bold?: boolean;
  italics?: boolean;
  lineHeight?: number;
  /** First-line indent in points. */
  leadingIndent?: number;
  decoration?: 'underline';
  characterSpacing?: number;
  unbreakable?: boolean;
  pageBreak?: 'before' | 'after';
  /** With pageBreak: the orientation of the pages from the break on. */
  pageOrientation?: 'portrait' | 'landscape';
  width?: number | '*' | 'auto';
  color?: string;
  /** Marks a heading: the document's pageBreakBefore moves it to the next page when nothing follows it on its page. */
  headlineLevel?: number;
}

export interface TextNode extends NodeStyle {
  text: string | Array<string | TextNode>;
}
export interface StackNode extends NodeStyle {
  stack: Content[];
}
export interface ColumnsNode extends NodeStyle {
  columns: Content[];
  columnGap?: number;
}
export interface CanvasLine {
  type: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lineWidth?: number;
}
export interface CanvasNode extends NodeStyle {
  canvas: CanvasLine[];
}
export interface ImageNode extends NodeStyle {
  /** A data URL ("data:image/png;base64,...") or a key of the document's images. */
  image: string;
  fit?: [number, number];
  height?: number;
  relativePosition?: { x: number; y: number };
}
/** A vector drawing: pdfmake draws the SVG text at the given size (points). */
export interface SvgNode extends NodeStyle {
  svg: string;
  width: number;
  height: number;
}
export interface TableLayout {
  hLineWidth?: (i: number, node: unknown) => number;
  vLineWidth?: (i: number, node: unknown) => number;
  hLineColor?: (i: number, node: unknown) => string;
  vLineColor?: (i: number, node: unknown) => string;
  paddingLeft?: (i: number, node: unknown) => number;
  paddingRight?: (i: number, node: unknown) => number;
  paddingTop?: (i: number, node: unknown) => number;
  paddingBottom?: (i: number, node: unknown) => number;
  fillColor?: (rowIndex: number, node: unknown, columnIndex: number) => string | null;
  hLineStyle?: (i: number, node: unknown) => { dash: { length: number; space?: number } } | null;
  vLineStyle?: (i: number, node: unknown) => { dash: { length: number; space?: number } } | null;
  /** Whether a cell without its own `border` has lines (pdfmake's default: true). */
  defaultBorder?: boolean;
}
export type TableCell = Content & { colSpan?: number; rowSpan?: number; border?: [boolean, boolean, boolean, boolean] };
export interface TableNode extends NodeStyle {
  table: {
    widths: Array<number | '*' | 'auto'>;
    body: TableCell[][];
    headerRows?: number;
    dontBreakRows?: boolean;
    keepWithHeaderRows?: number;
    heights?: number | Array<number | 'auto'> | ((row: number) => number | 'auto');
  };
  layout?: TableLayout | 'noBorders' | 'lightHorizontalLines' | 'headerLineOnly';
}
export interface EmptyNode extends NodeStyle {
  text: '';
}

export type Content = string | TextNode | StackNode | ColumnsNode | CanvasNode | ImageNode | SvgNode | TableNode;

/** What pdfmake tells pageBreakBefore about a laid-out node. */
export interface NodeInfo {
  headlineLevel?: number;
  table?: unknown;
  pageNumbers: number[];
  /** Where the node starts; verticalRatio is how far down the page (0 top, 1 bottom of the content area). */
  startPosition?: { pageNumber: number; verticalRatio: number };
}

export interface DocumentDefinition {
  pageSize: 'A4';
  pageOrientation: 'portrait' | 'landscape';
  pageMargins: [number, number, number, number];
  info: { title: string; author: string; creator: string; producer: string };
  language: string;
  defaultStyle: { font: string; fontSize: number; lineHeight: number };
  header?: (currentPage: number, pageCount: number) => Content | null;
  /** pdfmake asks it for every node: true puts a page break before the node. */
  pageBreakBefore?: (node: NodeInfo, nodes: { getFollowingNodesOnPage(): NodeInfo[] }) => boolean;
  content: Content[];
}
