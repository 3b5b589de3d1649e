/**
 * Issue 12: the charts of the bloc's history printed into the summary report's history section,
 * from the same history domain as the "Lịch sử khối" screen: as vector drawings in the PDF and as
 * Word charts in the .docx (read back by LibreOffice, as a user's office suite opens it).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { awardsChartData, blocHistory, rankChartData } from '../../../shared/domain/history';
import type { BlocData } from '../../../shared/model/records';
import { summaryReportKind } from '../../../electron/services/documents/kinds/reports';
import type { ChartBlock } from '../../../electron/services/documents/model/types';
import { CHART_COLORS } from '../../../electron/services/documents/render/chart-svg';
import { renderDocument } from '../../../electron/services/documents/service';
import { CONFERENCE_NOW, sampleConference } from './conference-fixture';
import { optionsFor } from './conference-jobs';
import { convertWithLibreOffice, docxParts, flatText } from './docx-probe';
import { probePdf, type PdfProbe } from './pdf-probe';

const ASSETS = new URL('../../../assets', import.meta.url).pathname;
const f = sampleConference();
const Y = f.year;
const options = optionsFor('summary-report', f);
const flat = (s: string) => s.replace(/\s+/g, ' ');

const charts = (data: BlocData): ChartBlock[] =>
  summaryReportKind.build(data, Y, options, { now: CONFERENCE_NOW }).body.filter((b): b is ChartBlock => b.kind === 'chart');
const render = (format: 'pdf' | 'docx', data = f.data) => renderDocument({ kind: 'summary-report', data, year: Y, format, options }, { assetsDir: ASSETS }, CONFERENCE_NOW);

/** How many pixels of a page (rendered at 40 dpi) are close to each colour. */
function colouredPixels(pdf: Uint8Array, page: number, colours: readonly string[]): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'blocdesk-chart-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '40', '-f', String(page), '-l', String(page), '-singlefile', join(dir, 'doc.pdf'), join(dir, 'page')]);
    const ppm = readFileSync(join(dir, 'page.ppm'));
    // P6 header: magic, width, height, max value, each followed by whitespace.
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
    const pixels = ppm.subarray(header[0].length);
    const targets = colours.map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)));
    const counts = colours.map(() => 0);
    for (let at = 0; at + 2 < pixels.length; at += 3) {
      targets.forEach((t, i) => {
        if (Math.abs(pixels[at]! - t[0]!) + Math.abs(pixels[at + 1]! - t[1]!) + Math.abs(pixels[at + 2]! - t[2]!) < 40) counts[i]!++;
      });
    }
    return counts;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pageOf = (probe: PdfProbe, word: string) => probe.words.find((w) => w.text === word)?.page ?? 0;

describe('the summary report\'s history charts (model)', () => {
  it('are the rank and awards figures of the history domain, for the years up to the report\'s', () => {
    // A next year already created (its leader written at the conference) stays out of a report of year N.
    const withNext: BlocData = { ...f.data, years: [...f.data.years, { ...f.data.years.find((y) => y.year === Y)!, id: 'nam-sau', year: Y + 1 }] };
    const [rank, awards] = charts(withNext);
    const history = blocHistory({ ...f.data, years: f.data.years.filter((y) => y.year <= Y) });
    const ranks = rankChartData(history);
    expect(rank).toMatchObject({ type: 'line', categories: ['2023', '2024'], axis: { min: 1, max: ranks.maxRank, inverted: true } });
    expect(rank!.series).toEqual(ranks.series.map((s) => ({ label: s.label, values: s.ranks })));
    expect(rank!.series).toHaveLength(8);
    const a = awardsChartData(history);
    expect(awards).toMatchObject({ type: 'bar', categories: ['2023', '2024'] });
    expect(awards!.series.map((s) => s.values)).toEqual([a.quota, a.proposed, a.granted]);
  });

  it('are left out with the history section when the bloc has a single year', () => {
    const oneYear: BlocData = { ...f.data, years: f.data.years.filter((y) => y.year === Y) };
    expect(charts(oneYear)).toEqual([]);
    expect(charts(f.data)).toHaveLength(2);
  });
});

describe('the summary report\'s history charts in the PDF', () => {
  let pdf: Uint8Array;
  let probe: PdfProbe;
  beforeAll(async () => {
    pdf = await render('pdf');
    probe = probePdf(pdf);
  });

  it('prints the history section with both charts, their axes and legend as text in the bundled font', () => {
    const t = flat(probe.layoutText);
    expect(t).toContain('6. So sánh với các năm trước');
    expect(t).toContain('Biểu đồ 1. Thứ hạng của các đơn vị qua các năm (hạng 1 ở trên cùng)');
    expect(t).toContain('Biểu đồ 2. Khen thưởng qua các năm');
    for (const label of ['Thứ hạng', 'Số đơn vị', 'Tối đa theo quy chế', 'Đã đề nghị', 'Được tặng']) expect(t).toContain(label);
    for (const u of f.data.units.slice(0, 8)) expect(t).toContain(`${u.name} (${u.code})`);
    expect(t.indexOf('Biểu đồ 1.')).toBeGreaterThan(t.indexOf('So sánh với các năm trước'));
    expect(t.indexOf('Biểu đồ 2.')).toBeLessThan(t.indexOf('III. TỒN TẠI, HẠN CHẾ'));
    expect(probe.fonts.every((font) => font.embedded && font.name.includes('LiberationSerif'))).toBe(true);
  });

  it('draws the charts as graphics: the series colours are on the page of the charts, and nowhere in a report without them', async () => {
    const page = pageOf(probe, 'Biểu');
    expect(page).toBeGreaterThan(0);
    const [first, second, third] = colouredPixels(pdf, page, CHART_COLORS.slice(0, 3));
    expect(first).toBeGreaterThan(50);
    expect(second).toBeGreaterThan(20);
    expect(third).toBeGreaterThan(20);
    const oneYear = await render('pdf', { ...f.data, years: f.data.years.filter((y) => y.year === Y) });
    const plain = probePdf(oneYear);
    for (let p = 1; p <= plain.pages; p++) expect(colouredPixels(oneYear, p, CHART_COLORS.slice(0, 3))).toEqual([0, 0, 0]);
  });
});

describe('the summary report\'s history charts in the .docx', () => {
  let docx: Uint8Array;
  beforeAll(async () => {
    docx = await render('docx');
  });

  it('holds the two charts as chart parts with their data, referenced from the document', () => {
    const parts = docxParts(docx);
    const rank = parts.get('word/charts/chart1.xml')!;
    const awards = parts.get('word/charts/chart2.xml')!;
    expect(rank).toContain('<c:lineChart>');
    expect(awards).toContain('<c:barChart>');
    for (const u of f.data.units.slice(0, 8)) expect(rank).toContain(`${u.name} (${u.code})`);
    expect(awards).toContain('Tối đa theo quy chế');
    expect(rank).toContain('<c:orientation val="maxMin"/>');
    expect([...parts.keys()].filter((p) => p.startsWith('word/embeddings/'))).toHaveLength(2);
    const doc = parts.get('word/document.xml')!;
    expect(doc.match(/<c:chart /g)).toHaveLength(2);
    expect(parts.get('[Content_Types].xml')).toContain('application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
  });

  it('opens in LibreOffice with the charts drawn and their captions', () => {
    const lo = convertWithLibreOffice({ report: docx });
    const text = flatText(lo.text.get('report')!);
    expect(text).toContain('Biểu đồ 1. Thứ hạng của các đơn vị qua các năm (hạng 1 ở trên cùng)');
    expect(text).toContain('Biểu đồ 2. Khen thưởng qua các năm');
    const pdf = lo.pdf.get('report')!;
    const page = pageOf(probePdf(pdf), 'Biểu');
    const [first, second] = colouredPixels(pdf, page, CHART_COLORS.slice(0, 2));
    expect(first).toBeGreaterThan(50);
    expect(second).toBeGreaterThan(20);
  });
});
