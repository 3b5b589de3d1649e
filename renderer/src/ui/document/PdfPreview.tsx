/**
 * Shows a PDF inside the app: every page rendered by pdf.js into a canvas. The worker is the
 * bundled file of pdfjs-dist (Vite `?url`), never a CDN; eval stays off (the CSP forbids it).
 */
import { useEffect, useRef, useState } from 'react';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/** pdf.js is large: load it the first time a preview is shown, not at start-up. */
let pdfjsLoading: Promise<typeof import('pdfjs-dist')> | null = null;
function loadPdfjs(): Promise<typeof import('pdfjs-dist')> {
  pdfjsLoading ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    return pdfjs;
  });
  return pdfjsLoading;
}

interface Props {
  pdf: Uint8Array;
  /** Width of a page on screen in CSS pixels. */
  pageWidth?: number;
}

type State = { kind: 'loading' } | { kind: 'ready'; pages: number } | { kind: 'failed'; message: string };

export function PdfPreview({ pdf, pageWidth = 720 }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let task: ReturnType<Awaited<ReturnType<typeof loadPdfjs>>['getDocument']> | null = null;
    const container = host.current;
    setState({ kind: 'loading' });
    (async () => {
      const pdfjs = await loadPdfjs();
      if (cancelled) return;
      // pdf.js takes ownership of the buffer it gets: give it a copy.
      task = pdfjs.getDocument({ data: pdf.slice(), isEvalSupported: false, disableFontFace: false });
      const doc = await task.promise;
      if (cancelled || !container) return;
      container.replaceChildren();
      const ratio = window.devicePixelRatio || 1;
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        if (cancelled) return;
        const base = page.getViewport({ scale: 1 });
        const scale = pageWidth / base.width;
        const viewport = page.getViewport({ scale: scale * ratio });
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.style.width = `${Math.floor(base.width * scale)}px`;
        canvas.style.height = `${Math.floor(base.height * scale)}px`;
        canvas.className = 'pdf-page';
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', `Trang ${n} / ${doc.numPages}`);
        container.appendChild(canvas);
        await page.render({ canvas, viewport }).promise;
      }
      if (!cancelled) setState({ kind: 'ready', pages: doc.numPages });
    })().catch((err: unknown) => {
      if (cancelled) return;
      setState({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
    });
    return () => {
      cancelled = true;
      void task?.destroy();
    };
  }, [pdf, pageWidth]);

  return (
    <div className="pdf-preview" data-testid="pdf-preview" data-state={state.kind}>
      {state.kind === 'loading' && <p className="muted">Đang dựng bản xem trước…</p>}
      {state.kind === 'failed' && (
        <p role="alert" className="error-text">
          Không hiển thị được bản xem trước ({state.message}). Bạn vẫn có thể lưu PDF và mở bằng chương trình đọc PDF.
        </p>
      )}
      {state.kind === 'ready' && <p className="muted">{state.pages} trang</p>}
      <div ref={host} className="pdf-pages" />
    </div>
  );
}
