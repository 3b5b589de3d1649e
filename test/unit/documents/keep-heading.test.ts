/** A heading never ends a page: it goes with what it heads, in the PDF and in Word. */
import { describe, expect, it } from 'vitest';
import { bodyParagraph, documentModel, run, textCell, type Block, type TableBlock } from '../../../electron/services/documents/model/index';
import { renderModel } from '../../../electron/services/documents/service';
import { hasHeading } from '../../../electron/services/documents/base/page';
import { docxPart } from './docx-probe';
import { probePdf } from './pdf-probe';

const ASSETS = new URL('../../../assets', import.meta.url).pathname;

const table: TableBlock = {
  kind: 'table',
  columns: [{ width: 40 }, { width: '*' }],
  headerRows: 1,
  rows: [[textCell('STT', { bold: true }), textCell('Tên đơn vị', { bold: true })], ...Array.from({ length: 6 }, (_, i) => [textCell(String(i + 1)), textCell(`Đơn vị số ${i + 1}`)])],
  borders: true,
  padding: { x: 4, y: 3 },
  keepRowsTogether: true,
};
const heading = (text: string): Block => ({ kind: 'paragraph', runs: [run(text, { bold: true })], keepWithNext: true });

function model(filler: number) {
  return documentModel({ title: 't', author: 'a' }, [
    ...Array.from({ length: filler }, (_, i) => bodyParagraph(`Dòng đệm số ${i + 1}.`)),
    heading('TIÊU ĐỀ BẢNG'),
    table,
    bodyParagraph('Đoạn sau bảng.'),
  ]);
}

describe('headings keep with what follows', () => {
  it('in the PDF, wherever the page would end, the heading shares a page with the table’s header and first row', async () => {
    for (let filler = 26; filler <= 36; filler++) {
      const probe = probePdf(await renderModel(model(filler), 'pdf', { assetsDir: ASSETS }));
      const pageOf = (text: string) => probe.words.find((w) => w.text === text)?.page;
      expect(pageOf('TIÊU'), `filler ${filler}`).toBe(pageOf('STT'));
      expect(pageOf('STT'), `filler ${filler}`).toBe(probe.words.find((w) => w.text === 'số' && probe.words.some((x) => x.text === '1' && x.page === w.page))?.page);
    }
  }, 60_000);

  it('in Word, the heading and the header row are kept with the next paragraph', async () => {
    const xml = docxPart(await renderModel(model(3), 'docx', { assetsDir: ASSETS }));
    const para = xml.slice(xml.lastIndexOf('<w:p>', xml.indexOf('TIÊU ĐỀ BẢNG')), xml.indexOf('TIÊU ĐỀ BẢNG'));
    expect(para).toContain('<w:keepNext/>');
    const header = xml.slice(xml.lastIndexOf('<w:p>', xml.indexOf('>STT<')), xml.indexOf('>STT<'));
    expect(header).toContain('<w:keepNext/>');
    const body = xml.slice(xml.lastIndexOf('<w:p>', xml.indexOf('Đơn vị số 1')), xml.indexOf('Đơn vị số 1'));
    expect(body).not.toContain('<w:keepNext/>');
  });

  it('documents without headings skip the page-break pass', () => {
    expect(hasHeading([{ text: 'a' }, { stack: [{ text: 'b', headlineLevel: 1 }] }])).toBe(true);
    expect(hasHeading([{ table: { body: [[{ text: 'c' }]] } }, { columns: [{ text: 'd' }] }])).toBe(false);
  });
});
