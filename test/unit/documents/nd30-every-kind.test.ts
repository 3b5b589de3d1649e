/**
 * Every registered document kind, printed for the 8-unit sample bloc, a 40-unit bloc and a bloc in
 * the Party format, passes the checks of Nghị định 30/2020 read back from the PDF (nd30-checks.ts);
 * its Word file opens in LibreOffice (headless) and carries the same words as the PDF.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentKind } from '../../../shared/api/channels/documents';
import { buildDocument, renderDocument, type DocumentJob } from '../../../electron/services/documents/service';
import type { ChartBlock, DocumentModel } from '../../../electron/services/documents/model/types';
import { pageGeometry } from '../../../electron/services/documents/base/page';
import { chartSvg } from '../../../electron/services/documents/render/chart-svg';
import { CONFERENCE_NOW, demoConference, sampleConference, type ConferenceFixture } from './conference-fixture';
import { documentKinds, jobFor } from './conference-jobs';
import { convertWithLibreOffice, wordSet, type Converted } from './docx-probe';
import { expectationsOf, nd30Problems } from './nd30-checks';
import { probePdf, type PdfProbe, type Word } from './pdf-probe';

const ASSETS = new URL('../../../assets', import.meta.url).pathname;
const MM = 72 / 25.4;

function partyConference(): ConferenceFixture {
  const f = sampleConference();
  f.data.bloc = { ...f.data.bloc, partyFormat: true, issuingBody: 'Đảng ủy Khối các cơ quan tỉnh', issuingParent: 'Đảng bộ tỉnh Hà Nam' };
  return f;
}

const BLOCS = { sample: sampleConference(), demo40: demoConference(40), party: partyConference() };
type BlocName = keyof typeof BLOCS;

/** What each kind must print whatever its data: a number in the register, and "Nơi nhận". */
const KIND_RULES: Partial<Record<DocumentKind, { numbered: boolean; recipients: boolean }>> = {
  invitation: { numbered: true, recipients: true },
  programme: { numbered: false, recipients: false },
  minutes: { numbered: true, recipients: true },
  'summary-report': { numbered: true, recipients: true },
  'midyear-report': { numbered: true, recipients: true },
  proposal: { numbered: true, recipients: true },
  'scoring-table': { numbered: false, recipients: false },
};

/** Variants worth their own check: one invitation per recipient (no page numbers), a pledge with a typed number. */
const EXTRAS: Record<string, DocumentJob> = {
  'sample-invitation-per-recipient': { ...jobFor('invitation', BLOCS.sample, 'pdf'), options: { ...jobFor('invitation', BLOCS.sample, 'pdf').options, perRecipient: true } },
  'party-pledge-numbered': {
    ...jobFor('pledge', BLOCS.party, 'pdf'),
    data: { ...BLOCS.party.data, pledges: BLOCS.party.data.pledges.map((p) => ({ ...p, documentNumber: '02-GƯ/ĐUK' })) },
  },
};

interface Printed {
  model: DocumentModel;
  probe: PdfProbe;
  pdf: Uint8Array;
  docx: Uint8Array;
}
const printed = new Map<string, Printed>();
let office: Converted;
const key = (bloc: BlocName, kind: string) => `${bloc}-${kind}`;

beforeAll(async () => {
  const docx: Record<string, Uint8Array> = {};
  for (const [bloc, f] of Object.entries(BLOCS) as [BlocName, ConferenceFixture][]) {
    for (const kind of documentKinds()) {
      const job = jobFor(kind, f, 'pdf');
      const pdf = await renderDocument(job, { assetsDir: ASSETS }, CONFERENCE_NOW);
      const word = await renderDocument({ ...job, format: 'docx' }, { assetsDir: ASSETS }, CONFERENCE_NOW);
      printed.set(key(bloc, kind), { model: buildDocument(job, CONFERENCE_NOW), probe: probePdf(pdf), pdf, docx: word });
      docx[key(bloc, kind)] = word;
    }
  }
  for (const [name, job] of Object.entries(EXTRAS)) {
    const pdf = await renderDocument(job, { assetsDir: ASSETS }, CONFERENCE_NOW);
    const word = await renderDocument({ ...job, format: 'docx' }, { assetsDir: ASSETS }, CONFERENCE_NOW);
    printed.set(name, { model: buildDocument(job, CONFERENCE_NOW), probe: probePdf(pdf), pdf, docx: word });
    docx[name] = word;
  }
  office = convertWithLibreOffice(docx);
}, 600_000);

/**
 * The words drawn inside the charts (legend, axes, values): the Word file keeps them in its chart
 * parts, not in its text. Each chart is drawn right above its caption ("Biểu đồ N."), as tall as
 * its SVG.
 */
function chartWords(model: DocumentModel, probe: PdfProbe): Set<Word> {
  const charts = model.body.filter((b): b is ChartBlock => b.kind === 'chart');
  const captions = probe.words.filter((w, i) => w.text === 'Biểu' && probe.words[i + 1]?.text === 'đồ');
  const width = pageGeometry({}, model.orientation).contentWidth;
  const out = new Set<Word>();
  charts.forEach((chart, i) => {
    const caption = captions[i];
    if (!caption) throw new Error(`Biểu đồ ${i + 1} thiếu chú thích trong PDF`);
    const top = caption.yMin - chartSvg(chart, width).height - 4;
    for (const w of probe.words) if (w.page === caption.page && w.yMin >= top && w.yMax <= caption.yMin + 0.5) out.add(w);
  });
  return out;
}

/** The PDF's words without the page numbers in the top margin and the text of the charts. */
function pdfWords(probe: PdfProbe, model: DocumentModel): Set<string> {
  const drawn = chartWords(model, probe);
  return new Set(probe.words.filter((w) => w.yMax > 20 * MM && !drawn.has(w)).map((w) => w.text.normalize('NFC')));
}

for (const bloc of Object.keys(BLOCS) as BlocName[]) {
  describe(`every document of the ${bloc} bloc`, () => {
    for (const kind of documentKinds()) {
      it(`${kind}: A4, margins, fonts, NFC, header, number and date, page numbers, signatures, Nơi nhận`, () => {
        const { model, probe } = printed.get(key(bloc, kind))!;
        const expectations = expectationsOf(model);
        const rules = KIND_RULES[kind];
        if (rules) expect({ numbered: expectations.numbered, recipients: expectations.recipients }).toEqual(rules);
        expect(expectations.partyFormat).toBe(bloc === 'party');
        expect(nd30Problems(probe, expectations)).toEqual([]);
      });

      it(`${kind}: the Word file opens in LibreOffice and says what the PDF says`, () => {
        const text = office.text.get(key(bloc, kind))!;
        const { probe, model } = printed.get(key(bloc, kind))!;
        const fromPdf = pdfWords(probe, model);
        const fromWord = wordSet(text);
        expect([...fromPdf].filter((w) => !fromWord.has(w)), 'chữ có trong PDF mà thiếu trong Word').toEqual([]);
        expect([...fromWord].filter((w) => !fromPdf.has(w)), 'chữ có trong Word mà PDF không có').toEqual([]);
      });
    }
  });
}

describe('variants', () => {
  for (const name of Object.keys(EXTRAS)) {
    it(`${name}: passes the checks, and its Word file says what the PDF says`, () => {
      const { model, probe } = printed.get(name)!;
      expect(nd30Problems(probe, expectationsOf(model))).toEqual([]);
      const fromPdf = pdfWords(probe, model);
      const fromWord = wordSet(office.text.get(name)!);
      expect([...fromPdf].filter((w) => !fromWord.has(w))).toEqual([]);
      expect([...fromWord].filter((w) => !fromPdf.has(w))).toEqual([]);
    });
  }
  it('one invitation per recipient has no page numbers; the typed Party number prints as "Số 02-GƯ/ĐUK"', () => {
    expect(expectationsOf(printed.get('sample-invitation-per-recipient')!.model).pageNumbers).toBe(false);
    expect(printed.get('sample-invitation-per-recipient')!.probe.pages).toBe(10);
    expect(expectationsOf(printed.get('party-pledge-numbered')!.model).numbered).toBe(true);
    expect(printed.get('party-pledge-numbered')!.probe.layoutText).toContain('Số 02-GƯ/ĐUK');
  });
});

describe('the 40-unit bloc spans pages', () => {
  it('its long papers run over several pages, numbered from page 2', () => {
    expect(printed.get(key('demo40', 'summary-report'))!.probe.pages).toBeGreaterThanOrEqual(3);
    expect(printed.get(key('demo40', 'pledge'))!.probe.pages).toBeGreaterThanOrEqual(4);
  });
});
