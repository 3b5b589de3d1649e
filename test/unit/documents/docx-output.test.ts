/**
 * The Word versions of the pledge and the scoring table, read back two ways: the .docx's own XML
 * (A4, the ND 30/2020 margins, Times New Roman named, real tables, page numbers from page 2), and
 * LibreOffice opening it headless: it converts without complaint, and its text holds every word of
 * the PDF, every unit name, position and signer name.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { signerLines } from '../../../shared/domain/signer-lines';
import type { BlocData } from '../../../shared/model/records';
import { buildSampleBlocData, buildSyntheticBlocData } from '../../../shared/sample/sample-bloc';
import { upperVi } from '../../../shared/text/vietnamese';
import { pledgeForYear, pledgeUnits } from '../../../electron/services/documents/kinds/pledge';
import { renderDocument, type DocumentJob } from '../../../electron/services/documents/service';
import { convertWithLibreOffice, docxMedia, docxPart, flatText, tags, wordSet, type Converted } from './docx-probe';
import { findCentred, probePdf, segments } from './pdf-probe';
import { pngBytes } from './png';

const ASSETS = new URL('../../../assets', import.meta.url).pathname;
const NOW = '2026-01-05T08:00:00.000Z';
const MM = 72 / 25.4;
const twips = (mm: number) => String(Math.round(mm * MM * 20));

function sampleWithImages(): BlocData {
  const data = buildSampleBlocData(NOW);
  const unitId = data.units[0]!.id;
  // Distinct pixel sizes tell the two images apart: signature 60 × 20, stamp 40 × 40.
  const signature = pngBytes(60, 20, (x, y) => ((x + y) % 5 === 0 ? [20, 40, 160, 255] : [0, 0, 0, 0])).toString('base64');
  const stamp = pngBytes(40, 40, (x, y) => ((x - 20) ** 2 + (y - 20) ** 2 < 380 ? [200, 30, 30, 255] : [0, 0, 0, 0])).toString('base64');
  const attachment = (kind: 'signature' | 'stamp', base64: string, size: number[]) => ({
    id: `a-${kind}`,
    blocId: data.bloc.id,
    unitId,
    kind,
    mime: 'image/png' as const,
    width: size[0]!,
    height: size[1]!,
    data: base64,
    createdAt: NOW,
  });
  data.attachments = [...data.attachments, attachment('signature', signature, [60, 20]), attachment('stamp', stamp, [40, 40])];
  return data;
}

const cases = {
  samplePledge: { kind: 'pledge', data: sampleWithImages(), year: 2024 },
  demoPledge: { kind: 'pledge', data: buildSyntheticBlocData({ units: 40, criteria: 0, years: 1, now: NOW }), year: 2024 },
  scoringTable: { kind: 'scoring-table', data: buildSampleBlocData(NOW), year: 2024 },
} satisfies Record<string, Omit<DocumentJob, 'format'>>;
type Case = keyof typeof cases;
const names = Object.keys(cases) as Case[];

const pdf = new Map<Case, Uint8Array>();
const docx = new Map<Case, Uint8Array>();
let office: Converted;

beforeAll(async () => {
  for (const name of names) {
    pdf.set(name, await renderDocument({ ...cases[name], format: 'pdf' }, { assetsDir: ASSETS }, NOW));
    docx.set(name, await renderDocument({ ...cases[name], format: 'docx' }, { assetsDir: ASSETS }, NOW));
  }
  office = convertWithLibreOffice(Object.fromEntries(docx));
}, 240_000);

/** The PDF's words, without the page numbers in the top margin. */
function pdfWords(bytes: Uint8Array): Set<string> {
  const top = 20 * MM;
  return new Set(probePdf(bytes).words.filter((w) => w.yMax > top).map((w) => w.text.normalize('NFC')));
}

describe('Word documents open in LibreOffice and say what the PDF says', () => {
  for (const name of names) {
    it(`${name}: LibreOffice reads it; the words are those of the PDF`, () => {
      const text = office.text.get(name)!;
      expect(text.length).toBeGreaterThan(500);
      const fromPdf = pdfWords(pdf.get(name)!);
      const fromWord = wordSet(text);
      expect([...fromPdf].filter((w) => !fromWord.has(w)), 'chữ có trong PDF mà thiếu trong Word').toEqual([]);
      expect([...fromWord].filter((w) => !fromPdf.has(w)), 'chữ có trong Word mà PDF không có').toEqual([]);
    });
  }

  for (const name of ['samplePledge', 'demoPledge'] as const) {
    it(`${name}: every unit name, position and signer name, and the title`, () => {
      const { data, year } = cases[name];
      const text = flatText(office.text.get(name)!);
      const segs = segments(probePdf(pdf.get(name)!).words);
      expect(text).toContain(`BẢN GIAO ƯỚC THI ĐUA NĂM ${year}`);
      const units = pledgeUnits(data, pledgeForYear(data, year, NOW));
      expect(units.length).toBe(data.units.length);
      for (const unit of units) {
        const lines = signerLines(unit);
        for (const s of [upperVi(unit.name), lines.title, lines.name, lines.authority].filter(Boolean)) {
          expect(text, `"${s}" của ${unit.code}`).toContain(s);
          expect(findCentred(segs, s), `"${s}" của ${unit.code} trong PDF`).not.toBeNull();
        }
      }
    });
  }

  it('scoringTable: the title, every group and criterion, the total', () => {
    const { data, year } = cases.scoringTable;
    const table = data.scoringTables.find((t) => t.year === year)!;
    const text = flatText(office.text.get('scoringTable')!);
    expect(text).toContain(upperVi(table.title));
    expect(text).toContain('TỔNG ĐIỂM CHUẨN');
    for (const group of table.groups) {
      expect(text).toContain(group.title);
      for (const c of group.criteria) expect(text).toContain(c.title);
    }
  });

  it('LibreOffice prints the page numbers centred in the top margin from page 2 on', () => {
    const probe = probePdf(office.pdf.get('demoPledge')!);
    expect(probe.pages).toBeGreaterThanOrEqual(3);
    const top = 20 * MM;
    const centre = (30 * MM + 595.28 - 15 * MM) / 2;
    for (let page = 1; page <= probe.pages; page++) {
      const inMargin = probe.words.filter((w) => w.page === page && w.yMax <= top);
      if (page === 1) expect(inMargin).toEqual([]);
      else {
        expect(inMargin.map((w) => w.text)).toEqual([String(page)]);
        expect(Math.abs((inMargin[0]!.xMin + inMargin[0]!.xMax) / 2 - centre)).toBeLessThan(3);
      }
    }
    for (const size of probe.sizes) {
      expect(size.width).toBeCloseTo(595.3, 0);
      expect(size.height).toBeCloseTo(841.9, 0);
    }
  });
});

describe('Word documents: page, font and tables', () => {
  it('A4 with the ND 30/2020 margins and Times New Roman named on every run', () => {
    for (const name of names) {
      const xml = docxPart(docx.get(name)!);
      expect(tags(xml, 'w:pgSz')).toEqual([{ 'w:w': '11906', 'w:h': '16838', 'w:orient': 'portrait' }]);
      const [margins] = tags(xml, 'w:pgMar');
      expect(margins).toMatchObject({ 'w:top': twips(20), 'w:bottom': twips(20), 'w:left': twips(30), 'w:right': twips(15) });
      const fonts = tags(xml, 'w:rFonts');
      expect(fonts.length).toBeGreaterThan(20);
      for (const f of fonts) expect(f).toMatchObject({ 'w:ascii': 'Times New Roman', 'w:hAnsi': 'Times New Roman', 'w:cs': 'Times New Roman' });
      const styles = docxPart(docx.get(name)!, 'word/styles.xml');
      const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
      expect(tags(defaults, 'w:rFonts')[0]).toMatchObject({ 'w:ascii': 'Times New Roman' });
      expect(tags(defaults, 'w:sz')[0]).toEqual({ 'w:val': '26' });
    }
  });

  it('uses the margins of the settings', async () => {
    const bytes = await renderDocument({ ...cases.samplePledge, format: 'docx' }, { assetsDir: ASSETS, margins: { top: 25, left: 35, right: 20, bottom: 22 } }, NOW);
    expect(tags(docxPart(bytes), 'w:pgMar')[0]).toMatchObject({ 'w:top': twips(25), 'w:bottom': twips(22), 'w:left': twips(35), 'w:right': twips(20) });
  });

  it('numbers pages in the header from page 2 on (a different, empty first page)', () => {
    const bytes = docx.get('demoPledge')!;
    const xml = docxPart(bytes);
    expect(xml).toContain('<w:titlePg/>');
    const refs = tags(xml, 'w:headerReference');
    expect(refs.map((r) => r['w:type']).sort()).toEqual(['default', 'first']);
    const rels = docxPart(bytes, 'word/_rels/document.xml.rels');
    const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
    const header = (type: string) => docxPart(bytes, `word/${target(refs.find((r) => r['w:type'] === type)!['r:id']!)}`);
    expect(header('default')).toMatch(/PAGE/);
    expect(header('default')).toContain('<w:jc w:val="center"/>');
    expect(header('first')).not.toMatch(/PAGE/);
  });

  it('the header is a borderless two-column table, the signature grid a borderless table of rows kept together', () => {
    const data = cases.samplePledge.data;
    const pledge = pledgeForYear(data, 2024, NOW);
    const xml = docxPart(docx.get('samplePledge')!);
    const body = xml.slice(xml.indexOf('<w:body>') + 8);
    expect(body.startsWith('<w:tbl>')).toBe(true);
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tblGrid>/g)].map((m) => m[0]);
    const [headerTable] = tables;
    expect(tags(headerTable!, 'w:gridCol')).toHaveLength(2);
    const borders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(headerTable!)![1]!;
    expect([...borders.matchAll(/w:val="(\w+)"/g)].map((m) => m[1])).toEqual(new Array(6).fill('none'));
    expect(body.slice(0, body.indexOf('</w:tbl>'))).toContain('KHỐI THI ĐUA');

    const grid = tables.find((t) => tags(t, 'w:gridCol').length === pledge.columns * 2);
    expect(grid, 'bảng ô ký').toBeDefined();
    const gridXml = xml.slice(xml.indexOf(grid!));
    const gridTable = gridXml.slice(0, gridXml.indexOf('</w:tbl>'));
    const rows = Math.ceil(pledge.unitIds.length / pledge.columns);
    expect(tags(gridTable, 'w:cantSplit')).toHaveLength(rows * 4);
    // The space to sign is a row of fixed height, as in the PDF (76 pt).
    expect(tags(gridTable, 'w:trHeight').filter((h) => h['w:hRule'] === 'exact' && h['w:val'] === '1520')).toHaveLength(rows);
  });

  it('embeds the signature and, over it, the stamp', () => {
    const bytes = docx.get('samplePledge')!;
    expect(docxMedia(bytes)).toHaveLength(2);
    const anchors = tags(docxPart(bytes), 'wp:anchor');
    expect(anchors).toHaveLength(2);
    const [signature, stamp] = anchors.map((a) => Number(a['relativeHeight']));
    expect(stamp!).toBeGreaterThan(signature!);
    const extents = [...docxPart(bytes).matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => Number(m[1]) / Number(m[2]));
    // Proportions kept: signature 3:1, stamp 1:1.
    expect(extents[0]).toBeCloseTo(3, 1);
    expect(extents[1]).toBeCloseTo(1, 1);
  });

  it('the scoring table is a real table: thin lines, the header row repeated, rows kept whole', () => {
    const xml = docxPart(docx.get('scoringTable')!);
    const start = xml.indexOf('TT</w:t>');
    const tableStart = xml.lastIndexOf('<w:tbl>', start);
    const table = xml.slice(tableStart, xml.indexOf('</w:tbl>', start));
    expect(tags(table, 'w:gridCol').map((c) => c['w:w'])).toEqual([String((30 + 8) * 20), expect.any(String), String((52 + 8) * 20), String((140 + 8) * 20)]);
    const borders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(table)![1]!;
    expect(new Set([...borders.matchAll(/w:val="(\w+)"/g)].map((m) => m[1]))).toEqual(new Set(['single']));
    const rows = table.split('<w:tr>').slice(1);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows.slice(1).every((r) => !r.includes('<w:tblHeader/>'))).toBe(true);
    expect(rows.every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
  });
});
