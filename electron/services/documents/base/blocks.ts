/** The title block of an administrative document in pdfmake terms (body paragraphs come from the model's builders). */
import { upperVi } from './text';
import type { Content, TextNode } from './types';

/** Document type in bold upper case, centred, with an optional subject line (trích yếu) beneath. */
export function documentTitle(title: string, subject = ''): Content {
  const lines: TextNode[] = [{ text: upperVi(title.trim()), fontSize: 14, bold: true }];
  if (subject.trim()) lines.push({ text: subject.trim(), fontSize: 14, bold: true, margin: [0, 2, 0, 0] });
  return { stack: lines, alignment: 'center', margin: [0, 22, 0, 12], lineHeight: 1.1 };
}
