/** Body blocks of an administrative document: title, căn cứ lines, paragraphs, numbered items. */
import { upperVi } from './text';
import type { Content, TextNode } from './types';

/** First-line indent of body paragraphs: 1 cm (Nghị định 30/2020: 1–1.27 cm). */
export const PARAGRAPH_INDENT = 28.35;
/** Space after a body paragraph (at least 6 pt). */
export const PARAGRAPH_SPACING = 6;

/** Document type in bold upper case, centred, with an optional subject line (trích yếu) beneath. */
export function documentTitle(title: string, subject = ''): Content {
  const lines: TextNode[] = [{ text: upperVi(title.trim()), fontSize: 14, bold: true }];
  if (subject.trim()) lines.push({ text: subject.trim(), fontSize: 14, bold: true, margin: [0, 2, 0, 0] });
  return { stack: lines, alignment: 'center', margin: [0, 22, 0, 12], lineHeight: 1.1 };
}

/** A justified body paragraph with the first line indented. */
export function paragraph(text: string, style: Partial<Pick<TextNode, 'bold' | 'italics'>> = {}): TextNode {
  return {
    text: text.trim(),
    alignment: 'justify',
    leadingIndent: PARAGRAPH_INDENT,
    margin: [0, 0, 0, PARAGRAPH_SPACING],
    lineHeight: 1.15,
    ...style,
  };
}

/** Căn cứ lines in italics, each a paragraph ending with ";" and the last with ";" or "." kept as typed. */
export function legalBasis(lines: string[]): Content[] {
  return lines
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => paragraph(line, { italics: true }));
}

/** Numbered items "1. …", each a justified paragraph; the label is bold. */
export function numberedItems(items: string[]): Content[] {
  return items
    .map((i) => i.trim())
    .filter(Boolean)
    .map((item, index) => ({
      text: [{ text: `${index + 1}. `, bold: true }, stripLeadingNumber(item)],
      alignment: 'justify',
      leadingIndent: PARAGRAPH_INDENT,
      margin: [0, 0, 0, PARAGRAPH_SPACING],
      lineHeight: 1.15,
    }));
}

/** A bold heading line inside the body (e.g. "Điều 1." or a section name). */
export function sectionHeading(text: string): TextNode {
  return { text: text.trim(), bold: true, margin: [0, 4, 0, PARAGRAPH_SPACING], leadingIndent: PARAGRAPH_INDENT };
}

/** "1. Text" typed by a user keeps its own wording without a double number. */
function stripLeadingNumber(item: string): string {
  return item.replace(/^\d{1,3}\s*[.)]\s+/, '');
}
