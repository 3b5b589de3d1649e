/**
 * Every part of the document model printed by both renderers (specimen.ts): read back from the
 * PDF, from the .docx's XML, and from LibreOffice's reading of the .docx.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderModel } from '../../../electron/services/documents/service';
import { documentRegistry } from '../../../electron/services/documents/registry';
import { DOCUMENT_KINDS } from '../../../shared/api/channels/documents';
import { upperVi } from '../../../shared/text/vietnamese';
import { convertWithLibreOffice, docxPart, flatText, tags, wordSet } from './docx-probe';
import { probePdf, segments, type PdfProbe } from './pdf-probe';
import { pngBytes } from './png';
import { SPECIMEN, specimenModel, specimenSigner, specimenUnit } from './specimen';

const ASSETS = new URL('../../../assets', import.meta.url).pathname;
const MM = 72 / 25.4;
const png = (w: number, h: number) => `data:image/png;base64,${pngBytes(w, h, () => [30, 30, 160, 255]).toString('base64')}`;

let pdf: PdfProbe;
let docx: Uint8Array;
let office: PdfProbe;
let officeText: string;

beforeAll(async () => {
  const model = specimenModel(png(60, 20), png(40, 40));
  pdf = probePdf(await renderModel(model, 'pdf', { assetsDir: ASSETS }));
  docx = await renderModel(model, 'docx', { assetsDir: ASSETS });
  const converted = convertWithLibreOffice({ specimen: docx });
  office = probePdf(converted.pdf.get('specimen')!);
  officeText = converted.text.get('specimen')!;
}, 240_000);

/** Words of a page, in reading order. */
const pageText = (p: PdfProbe, page: number) =>
  p.words
    .filter((w) => w.page === page)
    .map((w) => w.text)
    .join(' ');
const orientation = (p: PdfProbe) => p.sizes.map((s) => (s.width > s.height ? 'landscape' : 'portrait'));

describe('the document model in PDF and in Word', () => {
  for (const [label, read] of [
    ['PDF', () => pdf],
    ['Word (read by LibreOffice)', () => office],
  ] as const) {
    it(`${label}: Party header, title, list, table with a repeated two-level header, signatures, "Nơi nhận"`, () => {
      const p = read();
      const first = flatText(pageText(p, 1));
      expect(first).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
      expect(first).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(first).toContain('Số 12-BB/KTĐ');
      expect(first).toContain('Hà Nam, ngày 09 tháng 3 năm 2026');
      expect(first).toContain(upperVi(SPECIMEN.title));
      expect(first).toContain('Về việc bầu Khối trưởng');
      expect(first).toContain('1. Ban kiểm phiếu gồm 3 người.');
      // A number typed by the user is not doubled.
      expect(first).toContain('2. Số phiếu phát ra: 20.');
      // The merged header ("Số phiếu" over "Đồng ý" / "Không đồng ý") repeats on the table's second page.
      const all = flatText(p.words.map((w) => w.text).join(' '));
      for (let i = 0; i < SPECIMEN.rowCount; i++) expect(all).toContain(specimenUnit(i));
      const tablePages = [...new Set(p.words.filter((w) => /^Đơn$/.test(w.text)).map((w) => w.page))];
      expect(tablePages.length).toBeGreaterThanOrEqual(2);
      for (const page of tablePages.filter((n) => orientation(p)[n - 1] === 'portrait')) {
        expect(flatText(pageText(p, page)), `trang ${page}`).toContain('Số phiếu');
        expect(flatText(pageText(p, page)), `trang ${page}`).toContain('Không đồng ý');
      }
      expect(all).toContain('CHỨNG KIẾN');
      expect(all).toContain('Trịnh Thị Ngọc Diệp');
      expect(all).toContain('Các thành viên Ban kiểm phiếu');
      for (let i = 0; i < 5; i++) expect(all).toContain(specimenSigner(i));
      expect(all).toContain('Nơi nhận:');
      expect(all).toContain('- Ban Thi đua - Khen thưởng tỉnh;');
      expect(all).toContain('- Lưu: VT.');
      expect(all).toContain('TM. KHỐI THI ĐUA');
      expect(all).toContain('Nguyễn Văn An');
    });

    it(`${label}: a landscape page, then ballots two to a page, and page numbers from page 2`, () => {
      const p = read();
      const turns = orientation(p);
      const landscapeFrom = turns.indexOf('landscape');
      expect(landscapeFrom).toBeGreaterThan(0);
      expect(turns.slice(0, landscapeFrom).every((o) => o === 'portrait')).toBe(true);
      expect(turns.slice(landscapeFrom).every((o) => o === 'landscape')).toBe(true);
      expect(flatText(pageText(p, landscapeFrom + 1))).toContain(SPECIMEN.landscapeHeading);
      // Three ballots: two side by side on one page, the third on the next.
      const ballots = segments(p.words).filter((s) => s.text === upperVi(SPECIMEN.ballotTitle));
      expect(ballots).toHaveLength(SPECIMEN.ballots);
      const [a, b, c] = ballots.sort((x, y) => x.page - y.page || x.xMin - y.xMin);
      expect(a!.page).toBe(b!.page);
      expect(Math.abs(a!.yMin - b!.yMin)).toBeLessThan(1);
      expect(b!.xMin - a!.xMin).toBeGreaterThan(300);
      expect(c!.page).toBe(a!.page + 1);
      expect(turns[a!.page - 1]).toBe('landscape');
      expect(p.pages).toBe(c!.page);
      for (let page = 1; page <= p.pages; page++) {
        const inMargin = p.words.filter((w) => w.page === page && w.yMax <= 20 * MM).map((w) => w.text);
        expect(inMargin).toEqual(page === 1 ? [] : [String(page)]);
      }
    });
  }

  it('Word holds the same words as the PDF', () => {
    const pdfWords = new Set(pdf.words.filter((w) => w.yMax > 20 * MM).map((w) => w.text));
    const wordWords = wordSet(officeText);
    expect([...pdfWords].filter((w) => !wordWords.has(w))).toEqual([]);
    expect([...wordWords].filter((w) => !pdfWords.has(w))).toEqual([]);
  });

  it('Word: merged cells, two repeated header rows, runs in bold and italic, "Nơi nhận" in bold italic 12 pt, a landscape section, dashed cut lines', () => {
    const xml = docxPart(docx);
    expect(tags(xml, 'w:gridSpan').some((g) => g['w:val'] === '2')).toBe(true);
    expect(tags(xml, 'w:vMerge').some((g) => g['w:val'] === 'restart')).toBe(true);
    const results = xml.slice(xml.lastIndexOf('<w:tbl>', xml.indexOf('>TT<')), xml.indexOf('</w:tbl>', xml.indexOf('>TT<')));
    expect(tags(results, 'w:tblHeader')).toHaveLength(2);
    const run = (text: string) => {
      const at = xml.indexOf(`>${text}</w:t>`);
      return xml.slice(xml.lastIndexOf('<w:r>', at), at);
    };
    expect(run('ngày 09 tháng 3 năm 2026')).toContain('<w:b/>');
    expect(run('ngày 09 tháng 3 năm 2026')).not.toContain('<w:i/>');
    expect(run('Sở Y tế')).toContain('<w:i/>');
    expect(run('Nơi nhận:')).toMatch(/<w:b\/>[\s\S]*<w:i\/>[\s\S]*<w:sz w:val="24"\/>/);
    expect(run('- Lưu: VT.')).toContain('<w:sz w:val="22"/>');
    expect(tags(xml, 'w:pgSz').map((s) => s['w:orient'])).toEqual(['portrait', 'landscape']);
    expect(tags(xml, 'w:insideV').some((b) => b['w:val'] === 'dashed')).toBe(true);
  });
});

describe('the registry of documents', () => {
  it('has one module for every kind, printing to PDF and Word (a bundle: one PDF or a zip)', () => {
    expect(Object.keys(documentRegistry).sort()).toEqual([...DOCUMENT_KINDS].sort());
    for (const [kind, module] of Object.entries(documentRegistry)) {
      expect(module.kind).toBe(kind);
      expect(module.title).toMatch(/^\p{Lu}/u);
      expect([...module.formats].sort()).toEqual(module.bundle ? ['pdf', 'zip'] : ['docx', 'pdf']);
    }
  });
});
