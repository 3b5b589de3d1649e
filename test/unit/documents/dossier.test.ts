/**
 * The dossier (hồ sơ đề nghị khen thưởng): the proposal, the conference minutes, the vote-count
 * minutes and the ranking table in order, then the nominees' own files; one merged PDF with a list
 * of contents giving each part's first page, or a zip of the separate PDF and Word files. The
 * vote-count minutes and the ranking are other kinds of the registry: until they are registered,
 * stand-ins print them here, and the real service names what is missing.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentKind, DocumentOptions } from '../../../shared/api/channels/documents';
import { dossierBundle, DOSSIER_PARTS } from '../../../electron/services/documents/kinds/dossier';
import type { BundleContext, DocumentModule } from '../../../electron/services/documents/kinds/kind';
import { bodyParagraph, documentModel, header, title } from '../../../electron/services/documents/model/index';
import { documentRegistry } from '../../../electron/services/documents/registry';
import { renderDocument, renderModel } from '../../../electron/services/documents/service';
import { CONFERENCE_NOW, sampleConference, type ConferenceFixture } from './conference-fixture';
import { docxPart } from './docx-probe';
import { probePdf, segments, type PdfProbe } from './pdf-probe';
import { refusalOf } from '../support/user-error';

const ASSETS = new URL('../../../assets', import.meta.url).pathname;
const ENV = { assetsDir: ASSETS };

/** A plain document of the bloc standing in for a kind another module will provide. */
function standIn(kind: string, heading: string, pages: number): DocumentModule {
  return {
    kind: kind as DocumentKind,
    title: heading,
    formats: ['pdf', 'docx'],
    options: ['vote', 'issued'],
    fileName: () => kind,
    build: (data, year) =>
      documentModel({ title: heading, author: data.bloc.name }, [
        header({ parent: data.bloc.issuingParent, body: data.bloc.issuingBody, partyFormat: false }, { place: data.bloc.province, date: `${year + 1}-01-06` }),
        title(heading),
        ...Array.from({ length: pages * 30 }, (_, i) => bodyParagraph(`Dòng ${i + 1} của ${heading.toLowerCase()}.`)),
      ]),
  };
}

const STAND_INS: Record<string, DocumentModule> = {
  'vote-minutes': standIn('vote-minutes', 'BIÊN BẢN KIỂM PHIẾU', 1),
  ranking: standIn('ranking', 'BẢNG TỔNG HỢP XẾP HẠNG', 2),
};

/**
 * The service's bundle context. The vote-count minutes and the ranking are printed by stand-ins, so
 * these tests check the bundling (order, numbers, list of contents, merge, zip) whatever those kinds
 * print; the real kinds are printed in the dossier by the demo test (test/unit/cli/demo-documents.test.ts).
 */
function bundleContext(f: ConferenceFixture, asked: { kind: string; options: DocumentOptions }[] = []): BundleContext {
  const registered = (kind: string) => (Object.hasOwn(STAND_INS, kind) ? undefined : Object.hasOwn(documentRegistry, kind) ? documentRegistry[kind as DocumentKind] : undefined);
  return {
    now: CONFERENCE_NOW,
    moduleOf: (kind) => registered(kind) ?? STAND_INS[kind],
    renderPart: async (kind, format, options) => {
      asked.push({ kind, options });
      if (registered(kind)) return renderDocument({ kind: kind as DocumentKind, data: f.data, year: f.year, format, options }, ENV, CONFERENCE_NOW);
      return renderModel(STAND_INS[kind]!.build(f.data, f.year, options, { now: CONFERENCE_NOW }), format, ENV);
    },
    renderModel: (model, format) => renderModel(model, format, ENV),
  };
}

/** A one-page PDF of ASCII text (pdf-lib's standard fonts have no Vietnamese), as a unit's scan would be. */
async function unitPdf(text: string, pages = 1): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) doc.addPage([595.28, 841.89]).drawText(`${text} ${i + 1}`, { x: 80, y: 700, size: 16, font });
  return new Uint8Array(await doc.save());
}

/** The first line of a table row on a page: the segments level with the one that starts with `label`. */
function rowLine(probe: PdfProbe, page: number, label: string): string {
  const segs = segments(probe.words).filter((s) => s.page === page);
  const start = segs.find((s) => s.text.startsWith(label));
  if (!start) return '';
  return segs
    .filter((s) => Math.abs(s.yMin - start.yMin) < 1)
    .sort((a, b) => a.xMin - b.xMin)
    .map((s) => s.text)
    .join(' | ');
}

const pageText = (probe: PdfProbe, page: number) =>
  probe.words
    .filter((w) => w.page === page)
    .map((w) => w.text)
    .join(' ');

let f: ConferenceFixture;
let options: DocumentOptions;
let merged: PdfProbe;
let mergedBytes: Uint8Array;
const asked: { kind: string; options: DocumentOptions }[] = [];

beforeAll(async () => {
  f = sampleConference();
  const [gov, prov] = [f.vote.sections[0]!, f.vote.sections[1]!];
  options = {
    vote: f.vote,
    issued: { number: 7, date: '2025-01-08' },
    references: { minutes: { number: 3, date: '2025-01-06' }, voteMinutes: { number: 4, date: '2025-01-06' } },
    attachments: [
      { unitCode: Object.keys(prov.rounds[0]!.votes)[0]!, name: 'bao-cao-sgd.pdf', bytes: await unitPdf('BAO CAO THANH TICH SGDDT', 2) },
      { unitCode: Object.keys(gov.rounds[0]!.votes)[0]!, name: 'Báo cáo thành tích SYT.pdf', bytes: await unitPdf('BAO CAO THANH TICH SYT') },
      { unitCode: Object.keys(gov.rounds[0]!.votes)[0]!, name: 'phu-luc.docx', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]) },
    ],
  };
  mergedBytes = await dossierBundle(f.data, f.year, 'pdf', options, bundleContext(f, asked));
  merged = probePdf(mergedBytes);
}, 120_000);

describe('the dossier as one PDF', () => {
  it('opens with a list of contents giving the first page of each part, in order', () => {
    const cover = pageText(merged, 1);
    expect(cover).toContain('DANH MỤC HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG');
    const starts: number[] = [];
    for (const heading of ['TỜ TRÌNH', 'BIÊN BẢN Hội nghị', 'BIÊN BẢN KIỂM PHIẾU', 'BẢNG TỔNG HỢP XẾP HẠNG', 'BAO CAO THANH TICH SYT 1', 'BAO CAO THANH TICH SGDDT 1']) {
      const page = Array.from({ length: merged.pages }, (_, i) => i + 1).find((p) => pageText(merged, p).includes(heading));
      expect(page, heading).toBeDefined();
      starts.push(page!);
    }
    // In the dossier's order, the nominees' reports in the order of the awards (Government flag first).
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    const range = (i: number) => (starts[i + 1]! - starts[i]! > 1 ? `${starts[i]} - ${starts[i + 1]! - 1}` : String(starts[i]));
    expect(starts[0]).toBe(2);
    expect(rowLine(merged, 1, 'Tờ trình đề nghị')).toBe(`1 | Tờ trình đề nghị khen thưởng | Số 07/TTr-KTĐVHXH, | ${range(0)}`);
    expect(rowLine(merged, 1, 'Biên bản hội nghị')).toBe(`2 | Biên bản hội nghị tổng kết | Số 03/BB-KTĐVHXH, | ${range(1)}`);
    expect(rowLine(merged, 1, 'Biên bản kiểm phiếu')).toBe(`3 | Biên bản kiểm phiếu | Số 04/BB-KTĐVHXH, | ${range(2)}`);
    expect(rowLine(merged, 1, 'Bảng tổng hợp')).toMatch(new RegExp(`^4 \\| Bảng tổng hợp .* \\| ${range(3)}$`));
    expect(rowLine(merged, 1, 'Báo cáo thành tích của Sở Y tế')).toBe(`5 | Báo cáo thành tích của Sở Y tế | ${range(4)}`);
    expect(rowLine(merged, 1, 'Báo cáo thành tích của Sở Giáo')).toMatch(new RegExp(`^6 \\| Báo cáo thành tích của Sở Giáo.* \\| ${starts[5]} - ${starts[5]! + 1}$`));
    expect(merged.pages).toBe(starts[5]! + 1);
    // A Word file cannot be merged: listed as a file of its own.
    expect(rowLine(merged, 1, 'Báo cáo thành tích của Sở Y tế (tệp')).toMatch(/^7 \| .* \| Tệp riêng$/);
    expect(flat(merged.layoutText)).toContain('gửi kèm trong bộ hồ sơ .zip');
  });

  it('prints each part with the number the register (or the dossier) gives it and the vote', () => {
    const byKind = new Map(asked.map((a) => [a.kind, a.options]));
    expect([...byKind.keys()]).toEqual(DOSSIER_PARTS.map((p) => p.kind));
    expect(byKind.get('proposal')).toEqual({ vote: f.vote, issued: { number: 7, date: '2025-01-08' }, references: options.references });
    expect(byKind.get('minutes')).toEqual({ vote: f.vote, issued: { number: 3, date: '2025-01-06' } });
    expect(byKind.get('vote-minutes')).toEqual({ vote: f.vote, issued: { number: 4, date: '2025-01-06' } });
    expect(merged.layoutText).toContain('Số: 07/TTr-KTĐVHXH');
    expect(merged.layoutText).toContain('Số: 03/BB-KTĐVHXH');
  });

  it('every page is A4 with its fonts embedded', () => {
    expect(merged.sizes.every((s) => Math.abs(s.width - 595.28) < 0.5 && Math.abs(s.height - 841.89) < 0.5)).toBe(true);
    // The bloc's own pages embed their fonts; the units' scans keep whatever their files had (Helvetica here).
    expect(merged.fonts.filter((x) => !x.embedded).map((x) => x.name)).toEqual(['Helvetica', 'Helvetica']);
    expect(merged.fonts.filter((x) => x.name.includes('Liberation')).every((x) => x.embedded && x.unicode)).toBe(true);
  });
});

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('the dossier as a zip', () => {
  it('holds the list of contents and each part as PDF and Word, then the nominees’ files as they are', async () => {
    const zip = unzipSync(await dossierBundle(f.data, f.year, 'zip', options, bundleContext(f)));
    const names = Object.keys(zip);
    expect(names).toEqual([
      '00-Danh_muc_ho_so.pdf',
      '00-Danh_muc_ho_so.docx',
      '01-To_trinh_de_nghi_khen_thuong.pdf',
      '01-To_trinh_de_nghi_khen_thuong.docx',
      '02-Bien_ban_hoi_nghi_tong_ket.pdf',
      '02-Bien_ban_hoi_nghi_tong_ket.docx',
      '03-Bien_ban_kiem_phieu.pdf',
      '03-Bien_ban_kiem_phieu.docx',
      '04-Bang_tong_hop_ket_qua_cham_diem_xep_hang.pdf',
      '04-Bang_tong_hop_ket_qua_cham_diem_xep_hang.docx',
      '05-Bao_cao_thanh_tich-SYT.pdf',
      '06-Bao_cao_thanh_tich-SYT-2.docx',
      '07-Bao_cao_thanh_tich-SGDDT.pdf',
    ]);
    expect(zip['06-Bao_cao_thanh_tich-SYT-2.docx']).toEqual(options.attachments![2]!.bytes);
    expect(zip['05-Bao_cao_thanh_tich-SYT.pdf']).toEqual(options.attachments![1]!.bytes);
    expect(probePdf(zip['01-To_trinh_de_nghi_khen_thuong.pdf']!).layoutText).toContain('TỜ TRÌNH');
    expect(strFromU8(zip['02-Bien_ban_hoi_nghi_tong_ket.docx']!.subarray(0, 2))).toBe('PK');
    // The list names every file (read from the Word copy, where a cell's text stays together).
    const cover = docxPart(zip['00-Danh_muc_ho_so.docx']!).replace(/<[^>]+>/g, '');
    for (const name of names.slice(2)) expect(cover).toContain(name);
    expect(probePdf(zip['00-Danh_muc_ho_so.pdf']!).layoutText).toContain('DANH MỤC HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG');
  });
});

describe('what stops a dossier', () => {
  it('names every part whose kind the registry does not have yet', async () => {
    const missing = DOSSIER_PARTS.filter((p) => !Object.hasOwn(documentRegistry, p.kind));
    const run = () => renderDocument({ kind: 'dossier', data: f.data, year: f.year, format: 'pdf', options: { vote: f.vote } }, ENV, CONFERENCE_NOW);
    if (missing.length === 0) {
      expect(probePdf(await run()).layoutText).toContain('DANH MỤC HỒ SƠ');
      return;
    }
    const e = await refusalOf(run);
    expect(e.code).toBe('dossier-part-missing');
    expect(e.message).toBe(`Chưa lập được hồ sơ đề nghị khen thưởng năm 2024: phần mềm chưa có mẫu ${missing.map((p) => p.missing).join(', ')} để đưa vào hồ sơ.`);
    // The same check through a context without the stand-ins, whatever the registry holds.
    const bare = { ...bundleContext(f), moduleOf: (k: string) => (k === 'ranking' ? undefined : bundleContext(f).moduleOf(k)) };
    expect((await refusalOf(() => dossierBundle(f.data, f.year, 'pdf', { vote: f.vote }, bare))).message).toContain('chưa có mẫu bảng xếp hạng');
  });

  it('refuses a file for a unit that is not proposed, a damaged PDF, and a year without a vote', async () => {
    const c = bundleContext(f);
    const stray = await refusalOf(() =>
      dossierBundle(f.data, f.year, 'pdf', { vote: f.vote, attachments: [{ unitCode: f.vote.members.at(-1)!, name: 'x.pdf', bytes: new Uint8Array([37, 80, 68, 70]) }] }, c),
    );
    expect(stray.message).toBe(
      `Tệp "x.pdf" gắn cho đơn vị mã "${f.vote.members.at(-1)}", nhưng đơn vị này không có trong danh sách đề nghị khen thưởng năm 2024.`,
    );
    const broken = new TextEncoder().encode('%PDF-1.7\nkhông phải nội dung PDF');
    const damaged = await refusalOf(() => dossierBundle(f.data, f.year, 'pdf', { vote: f.vote, attachments: [{ unitCode: f.vote.members[0]!, name: 'hong.pdf', bytes: broken }] }, c));
    expect(damaged.message).toBe(
      'Tệp "hong.pdf" (Báo cáo thành tích của Sở Y tế) không đọc được như một tệp PDF (tệp có thể bị hỏng). Hãy xuất lại tệp PDF rồi chọn lại.',
    );
    const novote = await refusalOf(() => dossierBundle(f.data, f.year, 'pdf', {}, c));
    expect(novote.code).toBe('proposal-no-vote');
  });
});
