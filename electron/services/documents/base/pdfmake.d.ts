/** The part of pdfmake 0.3's Node (server) API that BlocDesk uses; the package ships no types. */
declare module 'pdfmake' {
  interface PdfmakeFontFiles {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }
  interface PdfmakeOutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  interface PdfmakeServer {
    /** Font files by family; paths on disk (Buffers crash 0.3.11's server build). */
    setFonts(fonts: Record<string, PdfmakeFontFiles>): void;
    addFonts(fonts: Record<string, PdfmakeFontFiles>): void;
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
    createPdf(docDefinition: object, options?: object): PdfmakeOutputDocument;
  }
  const pdfmake: PdfmakeServer;
  export default pdfmake;
}
