/** Vite's `?url` import of the bundled pdf.js worker: the URL of the file copied into the build. */
declare module 'pdfjs-dist/build/pdf.worker.min.mjs?url' {
  const url: string;
  export default url;
}
