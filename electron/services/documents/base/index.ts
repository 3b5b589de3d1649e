/**
 * The document base every printed document builds on (pledge, scoring table, later ballots,
 * minutes, letters): page setup, fonts, the Nghị định 30/2020 header, body blocks, signature
 * blocks and grids, and the pdfmake engine that renders a definition to PDF bytes.
 */
export * from './types';
export * from './page';
export * from './fonts';
export * from './header';
export * from './blocks';
export * from './signatures';
export { numberLine, partyDocumentNumber, wrapLines, upperVi } from './text';
export { textWidth } from './metrics';
export { PdfEngine, pdfEngine } from './engine';
