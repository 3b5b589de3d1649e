/**
 * Joins PDFs into one with pdf-lib (the dossier): every page of each part in order, fonts and images
 * copied as they are. Files a user attaches are checked first: a file that is not a PDF, is damaged
 * or is password-protected gets a Vietnamese UserError naming it.
 */
import { EncryptedPDFError, PDFDocument } from 'pdf-lib';
import { UserError } from '../../../shared/errors';

/** True when the bytes look like a PDF ("%PDF-" within the first kilobyte, as readers accept). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

/** Loads a PDF; `label` names it in the message when it cannot be read. */
export async function loadPdf(bytes: Uint8Array, label: string): Promise<PDFDocument> {
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    // pdf-lib reads damaged files leniently and fails later: walk the page tree now.
    if (doc.getPageCount() < 1) throw new Error('no pages');
    return doc;
  } catch (err) {
    if (err instanceof EncryptedPDFError) {
      throw new UserError('pdf-encrypted', `${label} đang được đặt mật khẩu nên không ghép vào hồ sơ được. Hãy gỡ mật khẩu rồi chọn lại tệp.`);
    }
    throw new UserError('pdf-unreadable', `${label} không đọc được như một tệp PDF (tệp có thể bị hỏng). Hãy xuất lại tệp PDF rồi chọn lại.`);
  }
}

export interface MergePart {
  bytes: Uint8Array;
  label: string;
}

/** The parts joined in order, and how many pages each one has. */
export async function mergePdfs(parts: readonly MergePart[], meta: { title: string; author: string }): Promise<{ bytes: Uint8Array<ArrayBuffer>; pages: number[] }> {
  const out = await PDFDocument.create();
  out.setTitle(meta.title);
  out.setAuthor(meta.author);
  out.setCreator('BlocDesk');
  out.setProducer('BlocDesk (pdf-lib)');
  const pages: number[] = [];
  for (const part of parts) {
    const doc = await loadPdf(part.bytes, part.label);
    const copied = await out.copyPages(doc, doc.getPageIndices());
    for (const page of copied) out.addPage(page);
    pages.push(copied.length);
  }
  const bytes = await out.save();
  return { bytes: new Uint8Array(bytes), pages };
}

/** Pages of a PDF. */
export async function pdfPageCount(bytes: Uint8Array, label: string): Promise<number> {
  return (await loadPdf(bytes, label)).getPageCount();
}
