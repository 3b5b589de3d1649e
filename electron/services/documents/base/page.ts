/**
 * Page setup of Nghị định 30/2020/NĐ-CP (Phụ lục I): A4 portrait, margins in millimetres, serif
 * body 13–14 pt, page numbers centred in the top margin from page 2 on. `createDocument` wraps a
 * document module's content into a pdfmake definition and normalises every string to NFC.
 */
import { deepNfc } from '../../../../shared/text/vietnamese';
import type { FontSet } from './fonts';
import type { Content, DocumentDefinition, NodeInfo } from './types';

export type Orientation = 'portrait' | 'landscape';

export interface PageMarginsMm {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Nghị định 30/2020: top 20–25, bottom 20–25, left 30–35, right 15–20 (mm). */
export const DEFAULT_MARGINS_MM: PageMarginsMm = { top: 20, bottom: 20, left: 30, right: 15 };

/** How a document is set: chosen by the user's settings, the same for every document module. */
export interface DocumentSetup {
  fontSet: FontSet;
  margins?: Partial<PageMarginsMm>;
  /** Body text size, 13 or 14 pt (default 13). */
  bodyFontSize?: 13 | 14;
}

export const A4 = { width: 595.28, height: 841.89 } as const;
export const PT_PER_MM = 72 / 25.4;
export const mm = (value: number): number => value * PT_PER_MM;

/** The page's geometry in points, derived once from a setup. */
export interface PageGeometry {
  orientation: Orientation;
  /** Page size in points (turned for landscape). */
  page: { width: number; height: number };
  margins: PageMarginsMm;
  /** [left, top, right, bottom] in points. */
  marginsPt: [number, number, number, number];
  contentWidth: number;
  contentHeight: number;
  bodyFontSize: number;
}

/** The margins and body size of a setup; the font is the PDF's own concern. */
export type PageSetup = Pick<DocumentSetup, 'margins' | 'bodyFontSize'>;

export function pageGeometry(setup: PageSetup, orientation: Orientation = 'portrait'): PageGeometry {
  const margins = { ...DEFAULT_MARGINS_MM, ...definedOnly(setup.margins ?? {}) };
  const marginsPt: [number, number, number, number] = [mm(margins.left), mm(margins.top), mm(margins.right), mm(margins.bottom)];
  const page = orientation === 'landscape' ? { width: A4.height, height: A4.width } : { width: A4.width, height: A4.height };
  return {
    orientation,
    page,
    margins,
    marginsPt,
    contentWidth: page.width - marginsPt[0] - marginsPt[2],
    contentHeight: page.height - marginsPt[1] - marginsPt[3],
    bodyFontSize: setup.bodyFontSize ?? 13,
  };
}

export interface DocumentMeta {
  /** PDF title (document properties). */
  title: string;
  /** PDF author: usually the issuing body. */
  author: string;
}

export interface DocumentLayout {
  /** Orientation of the first page (default portrait). */
  orientation?: Orientation;
  /** Page numbers from page 2 on (default true). */
  pageNumbers?: boolean;
}

/** The complete pdfmake definition of one document. */
export function createDocument(setup: DocumentSetup, meta: DocumentMeta, content: Content[], layout: DocumentLayout = {}): DocumentDefinition {
  const geometry = pageGeometry(setup, layout.orientation);
  const [left, top, right] = geometry.marginsPt;
  const pageNumberSize = geometry.bodyFontSize;
  const pageNumbers = layout.pageNumbers ?? true;
  return {
    pageSize: 'A4',
    pageOrientation: geometry.orientation,
    pageMargins: geometry.marginsPt,
    info: deepNfc({ title: meta.title, author: meta.author, creator: 'BlocDesk', producer: 'BlocDesk' }),
    language: 'vi-VN',
    defaultStyle: { font: setup.fontSet.family, fontSize: geometry.bodyFontSize, lineHeight: 1.1 },
    header: (currentPage) =>
      pageNumbers && currentPage >= 2
        ? {
            text: String(currentPage),
            alignment: 'center',
            fontSize: pageNumberSize,
            // Vertically centred in the top margin.
            margin: [left, Math.max(4, (top - pageNumberSize) / 2), right, 0],
          }
        : null,
    // Only when there is a heading: pdfmake describes every node to the function on each layout.
    ...(hasHeading(content) ? { pageBreakBefore: headingBreak } : {}),
    content: deepNfc(content),
  };
}

/** How far down the page a heading may start above a table that goes on to the next page. */
const HEADING_LOW = 0.85;

/**
 * A heading (headlineLevel 1) never ends a page: it moves to the next page when nothing follows it
 * there, or when it sits low on the page above a table that pdfmake carried on to the next page
 * (the table's header, kept with its first row, left; its cells still list this page).
 */
export function headingBreak(node: NodeInfo, nodes: { getFollowingNodesOnPage(): NodeInfo[] }): boolean {
  if (node.headlineLevel !== 1) return false;
  const following = nodes.getFollowingNodesOnPage();
  const next = following[0];
  if (!next) return true;
  return next.table !== undefined && next.pageNumbers.length > 1 && (node.startPosition?.verticalRatio ?? 0) > HEADING_LOW;
}

/** True when some node of the content is a heading (headlineLevel). */
export function hasHeading(content: unknown): boolean {
  if (Array.isArray(content)) return content.some(hasHeading);
  if (!content || typeof content !== 'object') return false;
  const node = content as Record<string, unknown>;
  if (node.headlineLevel !== undefined) return true;
  return ['stack', 'columns', 'text'].some((k) => Array.isArray(node[k]) && hasHeading(node[k])) || (!!node.table && hasHeading((node.table as { body?: unknown }).body));
}

function definedOnly<T extends object>(o: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => typeof v === 'number' && Number.isFinite(v))) as Partial<T>;
}
