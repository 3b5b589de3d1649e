/**
 * The one toolbar of every screen that prints: preview, save as PDF, save as Word, print. Placed
 * inside the screen's own toolbar; the preview panel is <DocumentPreview>, placed by the screen.
 */
import type { DocumentActions } from './useDocument';
import { PdfPreview } from './PdfPreview';
import './document.css';

interface Props {
  doc: DocumentActions;
  /** The screen is busy with something else. */
  disabled?: boolean;
}

export function DocumentToolbar({ doc, disabled = false }: Props) {
  const off = disabled || doc.busy !== null;
  return (
    <div className="document-toolbar" role="group" aria-label={`In ${doc.label}`}>
      <button type="button" className="btn" disabled={off} onClick={() => void doc.preview()}>
        {doc.busy === 'preview' ? 'Đang dựng PDF…' : 'Xem trước PDF'}
      </button>
      <button type="button" className="btn" disabled={off} onClick={() => void doc.save('pdf')}>
        {doc.busy === 'pdf' ? 'Đang lưu PDF…' : 'Lưu PDF'}
      </button>
      <button type="button" className="btn" disabled={off} onClick={() => void doc.save('docx')}>
        {doc.busy === 'docx' ? 'Đang lưu Word…' : 'Lưu Word'}
      </button>
      <button type="button" className="btn" disabled={off} onClick={() => void doc.print()}>
        {doc.busy === 'print' ? 'Đang in…' : 'In'}
      </button>
    </div>
  );
}

/** The previewed PDF's pages, with a button to close them; nothing until a preview is made. */
export function DocumentPreview({ doc, pageWidth = 620 }: { doc: DocumentActions; pageWidth?: number }) {
  if (!doc.pdf) return null;
  return (
    <aside className="document-preview" aria-label="Xem trước PDF">
      <div className="toolbar">
        <strong>Xem trước</strong>
        <button type="button" className="btn" onClick={doc.closePreview}>
          Đóng xem trước
        </button>
      </div>
      <PdfPreview pdf={doc.pdf} pageWidth={pageWidth} />
    </aside>
  );
}
