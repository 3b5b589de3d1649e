/**
 * Parts of the document model the vote's papers brought: a cell framed alone (the stamp box), a
 * table continuing the one before, blocks kept on one page, a document's own margins, and the ND
 * 30/2020 header scaled down to fit half a page.
 */
import { describe, expect, it } from 'vitest';
import { HEADER_SIZE, headerLayout, headerSizes, NATIONAL_NAME } from '../../../electron/services/documents/base/header';
import { textWidth } from '../../../electron/services/documents/base/metrics';
import { pageGeometry } from '../../../electron/services/documents/base/page';
import { bodyParagraph, documentModel, keepTogether, textCell, type Block, type TableBlock } from '../../../electron/services/documents/model/index';
import { renderModel } from '../../../electron/services/documents/service';
import { docxPart, tags } from './docx-probe';
import { probePdf } from './pdf-probe';

const ASSETS = new URL('../../../assets', import.meta.url).pathname;
const MM = 72 / 25.4;

function table(rows: number, extra: Partial<TableBlock> = {}): TableBlock {
  return {
    kind: 'table',
    columns: [{ width: 30 }, { width: '*' }],
    headerRows: 1,
    rows: [[textCell('STT'), textCell('Tên đơn vị')], ...Array.from({ length: rows }, (_, i) => [textCell(String(i + 1)), textCell(`Đơn vị số ${i + 1}`)])],
    borders: true,
    padding: { x: 3, y: 2 },
    ...extra,
  };
}

describe('model parts of the vote papers', () => {
  it('keeps a heading with its table on the next page when they do not fit the rest of this one', async () => {
    const filler: Block[] = Array.from({ length: 20 }, (_, i) => bodyParagraph(`Đoạn văn số ${i + 1} để lấp gần hết trang đầu tiên của văn bản thử.`));
    const heading = bodyParagraph('TIÊU ĐỀ GIỮ CÙNG BẢNG');
    const model = documentModel({ title: 't', author: 'a' }, [...filler, keepTogether([heading, table(12)])]);
    const loose = documentModel({ title: 't', author: 'a' }, [...filler, heading, table(12)]);
    const pageOf = async (m: typeof model, word: string) => probePdf(await renderModel(m, 'pdf', { assetsDir: ASSETS })).words.find((w) => w.text === word)!.page;
    expect(await pageOf(loose, 'GIỮ')).toBe(1);
    expect(await pageOf(model, 'GIỮ')).toBe(2);
    const xml = docxPart(await renderModel(model, 'docx', { assetsDir: ASSETS }));
    // Word keeps the heading and every row but the last with the next.
    expect(xml.split('<w:keepNext/>').length - 1).toBeGreaterThanOrEqual(1 + 12 * 2);
  });

  it('joins a continuing table to the one before and frames a single cell of a borderless table', async () => {
    const first = table(2);
    const rest: TableBlock = { ...table(2), rows: table(2).rows.slice(1), headerRows: 0, continues: true };
    const boxed: TableBlock = { kind: 'table', columns: [{ width: 60 }, { width: '*' }], headerRows: 0, rows: [[{ paras: [{ runs: [{ text: ' ' }] }], box: true }, textCell('Tiêu đề')]], borders: false, padding: { x: 0, y: 0 } };
    const xml = docxPart(await renderModel(documentModel({ title: 't', author: 'a' }, [boxed, first, rest]), 'docx', { assetsDir: ASSETS }));
    expect(xml).toContain('</w:tbl><w:tbl>');
    const cellBorders = tags(xml, 'w:tcBorders');
    expect(cellBorders).toHaveLength(1);
    const cell = xml.slice(xml.indexOf('<w:tcBorders>'), xml.indexOf('</w:tcBorders>'));
    for (const side of ['top', 'left', 'bottom', 'right']) expect(cell).toContain(`<w:${side} w:val="single"`);
  });

  it('prints with the margins a document sets for itself, in both formats', async () => {
    const model = documentModel({ title: 't', author: 'a' }, [bodyParagraph('Lề riêng của văn bản')], { margins: { left: 8, right: 8, top: 8, bottom: 8 } });
    const words = probePdf(await renderModel(model, 'pdf', { assetsDir: ASSETS })).words;
    expect(Math.min(...words.map((w) => w.xMin))).toBeCloseTo(8 * MM + 28.35, -0.5);
    const [margins] = tags(docxPart(await renderModel(model, 'docx', { assetsDir: ASSETS })), 'w:pgMar');
    expect(margins).toMatchObject({ 'w:left': String(Math.round(8 * MM * 20)), 'w:top': String(Math.round(8 * MM * 20)) });
  });

  it('scales the header down together only when "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" would not fit one line', () => {
    const a4 = pageGeometry({});
    expect(headerSizes(a4, false)).toEqual(HEADER_SIZE);
    const half = { ...pageGeometry({}, 'landscape'), contentWidth: 340 };
    const sizes = headerSizes(half, false);
    expect(sizes.nationalName).toBeLessThan(HEADER_SIZE.nationalName);
    expect(sizes.motto / sizes.nationalName).toBeCloseTo(HEADER_SIZE.motto / HEADER_SIZE.nationalName, 1);
    const layout = headerLayout(half, { issuer: { body: 'Khối thi đua Văn hóa - Xã hội', parent: 'UBND tỉnh Hà Nam', partyFormat: false }, place: '', date: null });
    expect(textWidth(NATIONAL_NAME, sizes.nationalName, true)).toBeLessThanOrEqual(layout.widths[1]);
  });
});
