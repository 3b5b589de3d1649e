/** The ND 30/2020 checks themselves: each one fails on a paper that breaks its rule. */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, renderDocument } from '../../../electron/services/documents/service';
import { CONFERENCE_NOW, sampleConference } from './conference-fixture';
import { jobFor } from './conference-jobs';
import { dateLineProblem, expectationsOf, nd30Problems, numberLineProblem, type Nd30Expectations } from './nd30-checks';
import { probePdf, type PdfProbe } from './pdf-probe';

const ASSETS = new URL('../../../assets', import.meta.url).pathname;
const f = sampleConference();
let minutes: PdfProbe;
let minutesExpect: Nd30Expectations;
let programme: PdfProbe;

beforeAll(async () => {
  const job = jobFor('minutes', f, 'pdf');
  minutes = probePdf(await renderDocument(job, { assetsDir: ASSETS }, CONFERENCE_NOW));
  minutesExpect = expectationsOf(buildDocument(job, CONFERENCE_NOW));
  programme = probePdf(await renderDocument(jobFor('programme', f, 'pdf'), { assetsDir: ASSETS }, CONFERENCE_NOW));
}, 60_000);

describe('the date and number lines', () => {
  it('days with two digits, months 1–2 with a leading zero and 3–12 without', () => {
    expect(dateLineProblem('Hà Nam, ngày 05 tháng 01 năm 2026')).toBeNull();
    expect(dateLineProblem('Hà Nam, ngày 15 tháng 3 năm 2026')).toBeNull();
    expect(dateLineProblem('Hà Nam, ngày 31 tháng 12 năm 2026')).toBeNull();
    expect(dateLineProblem('Hà Nam, ngày 5 tháng 01 năm 2026')).toBe('ngày "5" phải có 2 chữ số');
    expect(dateLineProblem('Hà Nam, ngày 05 tháng 1 năm 2026')).toBe('tháng 1 phải viết "01"');
    expect(dateLineProblem('Hà Nam, ngày 15 tháng 03 năm 2026')).toBe('tháng 3 không có số 0 đứng trước ("03")');
    expect(dateLineProblem('Hà Nam, 15/3/2026')).toBe('không có dòng "ngày … tháng … năm …"');
  });
  it('"Số: 05/BB-KTĐVHXH" in the State format, "Số 05-BB/ĐUK" in the Party format', () => {
    expect(numberLineProblem('Số: 05/BB-KTĐVHXH', false)).toBeNull();
    expect(numberLineProblem('Số: 12/TTr-KTĐVHXH', false)).toBeNull();
    expect(numberLineProblem('Số: 5/BB-KTĐVHXH', false)).toBe('số 5 dưới 10 phải có số 0 đứng trước');
    expect(numberLineProblem('Số 05-BB/ĐUK', true)).toBeNull();
    expect(numberLineProblem('Số: 05/BB-KTĐVHXH', true)).toContain('không có dòng số, ký hiệu dạng "Số 05-BB/…"');
  });
});

describe('each check fails on a paper that breaks its rule', () => {
  it('the minutes pass as printed', () => {
    expect(nd30Problems(minutes, minutesExpect)).toEqual([]);
  });

  it('margins narrower or wider than Nghị định 30/2020 allows', async () => {
    const job = jobFor('minutes', f, 'pdf');
    const narrow = probePdf(await renderDocument(job, { assetsDir: ASSETS, margins: { left: 22, right: 10, top: 12 } }, CONFERENCE_NOW));
    const problems = nd30Problems(narrow, minutesExpect).join('\n');
    expect(problems).toContain('chữ lấn lề trái');
    expect(problems).toContain('chữ lấn lề phải');
    expect(problems).toContain('chữ lấn lề trên');
    const wide = probePdf(await renderDocument(job, { assetsDir: ASSETS, margins: { left: 45, top: 40 } }, CONFERENCE_NOW));
    const wideProblems = nd30Problems(wide, minutesExpect).join('\n');
    expect(wideProblems).toContain('lề trái rộng quá 35 mm');
    expect(wideProblems).toContain('lề trên rộng quá 25 mm');
  });

  it('a State paper where the Party format is due, and the other way round', () => {
    const problems = nd30Problems(minutes, { ...minutesExpect, partyFormat: true });
    expect(problems).toContain('thiếu "ĐẢNG CỘNG SẢN VIỆT NAM" ở đầu văn bản');
    expect(problems).toContain('văn bản của Đảng không dùng quốc hiệu');
    const noMotto = { ...minutes, words: minutes.words.filter((w) => !['Độc', 'Hạnh'].includes(w.text)) };
    expect(nd30Problems(noMotto, minutesExpect)).toContain('thiếu tiêu ngữ "Độc lập - Tự do - Hạnh phúc"');
  });

  it('page numbers missing, or printed where none are due', () => {
    expect(minutes.pages).toBeGreaterThanOrEqual(2);
    const unnumbered = { ...minutes, words: minutes.words.filter((w) => !(w.page === 2 && w.text === '2' && w.yMax < 57)) };
    expect(nd30Problems(unnumbered, minutesExpect)).toContain('trang 2: lề trên phải chỉ có số trang 2, có ""');
    expect(nd30Problems(minutes, { ...minutesExpect, pageNumbers: false })).toContain('trang 2 có chữ trong lề trên: "2"');
  });

  it('a signer’s name parted from the block’s position line', () => {
    const chair = minutesExpect.signers.find((s) => s.title === 'CHỦ TỌA')!;
    const split = { ...minutes, words: minutes.words.map((w) => (w.text === chair.name.split(' ').at(-1) || chair.name.split(' ').includes(w.text) ? { ...w, page: w.page + 1, yMin: 80, yMax: 92 } : w)) };
    expect(nd30Problems(split, minutesExpect).join('\n')).toContain(`khối chữ ký "CHỦ TỌA" bị tách khỏi tên "${chair.name}"`);
  });

  it('decomposed text, an unembedded font, "Nơi nhận" missing or out of place', () => {
    const nfd = { ...minutes, layoutText: minutes.layoutText.normalize('NFD') };
    expect(nd30Problems(nfd, minutesExpect)).toContain('có chuỗi không ở dạng dựng sẵn (NFC)');
    const font = { ...minutes, fonts: [...minutes.fonts, { name: 'Arial', embedded: false, unicode: true }] };
    expect(nd30Problems(font, minutesExpect)).toContain('phông Arial chưa được nhúng đủ (embedded=false, unicode=true)');
    const programmeExpect: Nd30Expectations = { partyFormat: false, numbered: false, dated: true, pageNumbers: true, recipients: true, signers: [] };
    expect(nd30Problems(programme, programmeExpect)).toContain('thiếu "Nơi nhận:"');
    expect(nd30Problems(minutes, { ...minutesExpect, recipients: false })).toContain('có "Nơi nhận:" ở văn bản không có nơi nhận');
  });
});
