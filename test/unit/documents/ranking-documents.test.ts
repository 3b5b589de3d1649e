/**
 * The year-end documents read back: the summary of the ranking (bảng tổng hợp, A4 landscape) and
 * the verification notice of one unit (thông báo kết quả thẩm định), as PDF (poppler) and as Word
 * (LibreOffice reads the .docx; its words are those of the PDF).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/errors';
import type { Eligibility } from '../../../shared/domain/ranking';
import type { BlocData } from '../../../shared/model/records';
import { formatNumberVi } from '../../../shared/text/vietnamese';
import { rankingModel } from '../../../electron/services/documents/kinds/ranking';
import { buildDocument, renderDocument, renderModel, type DocumentJob } from '../../../electron/services/documents/service';
import { yearRanking } from '../../../electron/services/ranking/year-ranking';
import { convertWithLibreOffice, flatText, wordSet, type Converted } from './docx-probe';
import { probePdf, type PdfProbe, type Word } from './pdf-probe';
import { SAMPLE_CHANGES, SAMPLE_TOTALS, SCORED_NOW, sampleScoredBloc, syntheticScoredBloc } from './scored-fixtures';

const ASSETS = new URL('../../../assets', import.meta.url).pathname;
const MM = 72 / 25.4;
const sample = sampleScoredBloc();
const demo = syntheticScoredBloc(40, 30);
const unitId = (data: BlocData, code: string) => data.units.find((u) => u.code === code)!.id;

const cases = {
  ranking: { kind: 'ranking', data: sample, year: 2024 },
  demoRanking: { kind: 'ranking', data: demo, year: 2024 },
  notice: { kind: 'verification-notice', data: sample, year: 2024, options: { unitId: unitId(sample, 'SYT') } },
} satisfies Record<string, Omit<DocumentJob, 'format'>>;
type Case = keyof typeof cases;
const names = Object.keys(cases) as Case[];

const pdf = new Map<Case, PdfProbe>();
let office: Converted;

beforeAll(async () => {
  const docx: Record<string, Uint8Array> = {};
  for (const name of names) {
    const bytes = await renderDocument({ ...cases[name], format: 'pdf' }, { assetsDir: ASSETS }, SCORED_NOW);
    pdf.set(name, probePdf(bytes));
    docx[name] = await renderDocument({ ...cases[name], format: 'docx' }, { assetsDir: ASSETS }, SCORED_NOW);
  }
  office = convertWithLibreOffice(docx);
}, 240_000);

const allText = (p: PdfProbe) => flatText(p.words.map((w) => w.text).join(' '));

/** Lines of words (same page, same baseline), left to right. */
function lines(words: readonly Word[]): string[] {
  const byLine = new Map<string, Word[]>();
  for (const w of words) {
    const key = `${w.page}:${Math.round(w.yMax)}`;
    byLine.set(key, [...(byLine.get(key) ?? []), w]);
  }
  return [...byLine.values()].map((ws) => ws.sort((a, b) => a.xMin - b.xMin).map((w) => w.text).join(' '));
}

const n = (v: number) => formatNumberVi(v);

describe('Bảng tổng hợp kết quả chấm điểm thi đua (sample bloc, 2024 verified)', () => {
  it('prints every unit in rank order with self total, criteria points, bonus, deduction, total and rank, vi-VN decimals', () => {
    const p = pdf.get('ranking')!;
    const text = allText(p);
    expect(text).toContain('BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2024');
    for (const u of sample.units) expect(text, u.name).toContain(u.name);
    const rows = lines(p.words);
    const ranking = yearRanking(sample, 2024).result.entries;
    ranking.forEach((e, i) => {
      if (!e.submitted) return;
      const expected = SAMPLE_TOTALS[e.code]!;
      expect(e.totals!.total).toBe(expected.total);
      const t = e.totals!;
      const figures = `${n(expected.self)} ${n(t.base)} ${n(t.bonus)} ${n(t.deduction)} ${n(expected.total)} ${expected.rank}`;
      const row = rows.find((l) => l.startsWith(`${i + 1} `) && l.includes(figures));
      expect(row, `dòng của ${e.code}: ${figures}`).toBeDefined();
    });
    // Decimal commas, never points.
    expect(text).toContain('102,5');
    expect(text).toContain('99,5');
    expect(text).not.toMatch(/\b\d+\.\d\b/);
  });

  it('shows the shared rank as "đồng hạng", what remains to decide, and why equal totals are placed as they are', () => {
    const text = allText(pdf.get('ranking')!);
    expect(text.match(/3 \(đồng hạng\)/g)).toHaveLength(2);
    expect(text).toContain('Chờ bỏ phiếu lại giữa các đơn vị đồng hạng.');
    expect(text).toContain(
      'Sở Giáo dục và Đào tạo đồng hạng 3 với Bảo hiểm xã hội tỉnh (cùng 99,5 điểm, cùng tổng điểm chưa tính điểm thưởng (97,5), cùng số điểm trừ (0)); còn chờ bỏ phiếu lại giữa các đơn vị đồng hạng.',
    );
    // Said once for the pair, not once per unit.
    expect(text).not.toContain('Bảo hiểm xã hội tỉnh đồng hạng 3 với');
    expect(text).toContain(
      'Bảo hiểm xã hội tỉnh xếp trên Sở Lao động - Thương binh và Xã hội vì cùng 99,5 điểm nhưng tổng điểm chưa tính điểm thưởng cao hơn (97,5 so với 96,5).',
    );
  });

  it('lists the units that did not submit last, as "chưa nộp", without any points', () => {
    const p = pdf.get('ranking')!;
    const rows = lines(p.words);
    // The row holds its number, the name and "chưa nộp" across the score columns: no points.
    expect(rows).toContain('8 Trung tâm Hành chính công chưa nộp');
    expect(rows).toContain('7 Ban Quản lý An toàn thực chưa nộp đủ (còn 18 tiêu chí chưa chấm)');
    const text = allText(p);
    const sixth = text.indexOf('6 Sở Văn hóa, Thể thao và Du');
    expect(sixth).toBeGreaterThan(0);
    expect(text.indexOf('7 Ban Quản lý An toàn thực')).toBeGreaterThan(sixth);
    expect(text.indexOf('8 Trung tâm Hành chính công')).toBeGreaterThan(sixth);
  });

  it('is A4 landscape and signed TM. KHỐI THI ĐUA / KHỐI TRƯỞNG by the head of the year\'s leader unit', () => {
    const p = pdf.get('ranking')!;
    for (const size of p.sizes) {
      expect(size.width).toBeCloseTo(841.9, 0);
      expect(size.height).toBeCloseTo(595.3, 0);
    }
    const text = allText(p);
    const leader = sample.units.find((u) => u.id === sample.years.find((y) => y.year === 2024)!.leaderUnitId)!;
    expect(leader.code).toBe('DPTTH');
    expect(text).toMatch(/TM\. KHỐI THI ĐUA KHỐI TRƯỞNG .*Vũ Quốc Khánh/);
  });

  it('prints eligibility and the chair\'s decision on a shared rank, read through the year\'s extras', async () => {
    const eligibility = new Map<string, Eligibility>([
      [unitId(sample, 'SVHTTDL'), { eligible: false, reason: 'Đang bị thanh tra về công tác tài chính', basis: 'Quyết định số 25/QĐ-TTr ngày 10/11/2024' }],
    ]);
    const decisions = [{ units: [unitId(sample, 'BHXH'), unitId(sample, 'SGDDT')], order: [unitId(sample, 'BHXH'), unitId(sample, 'SGDDT')], reason: 'Biểu quyết tại hội nghị: 5/8 đơn vị đồng ý' }];
    const model = rankingModel(sample, yearRanking(sample, 2024, { eligibility, decisions }), SCORED_NOW);
    const text = allText(probePdf(await renderModel(model, 'pdf', { assetsDir: ASSETS })));
    // Compared without spaces: the narrow column breaks the basis after "25/".
    expect(text.replace(/\s/g, '')).toContain('Không đủ điều kiện đề nghị khen thưởng: Đang bị thanh tra về công tác tài chính (căn cứ: Quyết định số 25/QĐ-TTr ngày 10/11/2024).'.replace(/\s/g, ''));
    expect(text).not.toContain('đồng hạng');
    expect(text).toContain(
      'Bảo hiểm xã hội tỉnh xếp trên Sở Giáo dục và Đào tạo vì cùng 99,5 điểm, cùng tổng điểm chưa tính điểm thưởng (97,5), cùng số điểm trừ (0) và theo kết quả bỏ phiếu lại: Biểu quyết tại hội nghị: 5/8 đơn vị đồng ý.',
    );
  });

  it('refuses to print without a leader unit, naming the year and where to choose it', () => {
    const data = structuredClone(sample);
    data.years.find((y) => y.year === 2024)!.leaderUnitId = null;
    expect(() => buildDocument({ kind: 'ranking', data, year: 2024, format: 'pdf' }, SCORED_NOW)).toThrow(
      new UserError('leader-missing', 'Năm 2024 chưa chọn đơn vị Khối trưởng, nên bảng tổng hợp kết quả chấm điểm thi đua năm 2024 chưa có người ký. Hãy chọn Khối trưởng trong mục Năm thi đua.'),
    );
  });
});

describe('Bảng tổng hợp of a 40-unit bloc', () => {
  it('prints every unit, repeats the two header rows on every page of the table, and lists the 5 units without a file last', () => {
    const p = pdf.get('demoRanking')!;
    expect(p.pages).toBeGreaterThanOrEqual(3);
    const text = allText(p);
    for (const u of demo.units) expect(text, u.name).toContain(u.name);
    const tablePages = [...new Set(p.words.filter((w) => w.text === 'STT').map((w) => w.page))];
    expect(tablePages.length).toBe(p.pages - 1);
    for (const page of tablePages) {
      const words = flatText(p.words.filter((w) => w.page === page).map((w) => w.text).join(' '));
      expect(words, `trang ${page}`).toContain('Kết quả thẩm định');
      expect(words, `trang ${page}`).toContain('Điểm thưởng');
    }
    expect(text.match(/chưa nộp(?! đủ)/g)!.length).toBe(5 + 1); // five rows, and once in the note under the table
  });
});

describe('Thông báo kết quả thẩm định (Sở Y tế)', () => {
  it('lists each changed criterion, self → verified, with the reason in force, and the totals before and after', () => {
    const text = allText(pdf.get('notice')!);
    expect(text).toContain('THÔNG BÁO');
    expect(text).toContain('Kết quả thẩm định điểm tự chấm thi đua năm 2024 của Sở Y tế');
    expect(text).toContain('Kính gửi: Sở Y tế.');
    expect(text).toContain('điều chỉnh điểm của 2 tiêu chí');
    const rows = lines(pdf.get('notice')!.words);
    expect(rows.some((l) => /^1 1\.1\. .* 20 19,5 18,5 Chưa hoàn thành/.test(l))).toBe(true);
    expect(rows.some((l) => /^2 6\.2\. .* 2 2 1 Sáng kiến/.test(l))).toBe(true);
    for (const change of Object.values(SAMPLE_CHANGES.SYT!)) expect(text).toContain(change.reason.slice(0, 30));
    // The superseded reason of an earlier verification is not printed.
    expect(text).not.toContain('Giữ nguyên điểm tự chấm');
    expect(text).toContain('Tổng điểm tự chấm: 104,5 điểm; tổng điểm sau thẩm định: 102,5 điểm.');
  });

  it('gives 7 days for explanations by default, to the leader unit, and signs for the bloc', () => {
    const text = allText(pdf.get('notice')!);
    expect(text).toContain('Hà Nam, ngày 06 tháng 01 năm 2025');
    expect(text).toContain('về Đài Phát thanh và Truyền hình tỉnh (đơn vị Khối trưởng) trước ngày 13/01/2025');
    expect(text).toContain('Nơi nhận:');
    expect(text).toMatch(/TM\. KHỐI THI ĐUA KHỐI TRƯỞNG .*Vũ Quốc Khánh/);
  });

  it('takes a deadline, says when nothing changed, and refuses a past deadline, a missing or unknown unit, a unit without a file', async () => {
    const at = (options: { unitId?: string; deadline?: string }) => ({ kind: 'verification-notice' as const, data: sample, year: 2024, format: 'pdf' as const, options });
    const given = allText(probePdf(await renderDocument(at({ unitId: 'SVHTTDL', deadline: '2025-01-20' }), { assetsDir: ASSETS }, SCORED_NOW)));
    expect(given).toContain('Sở Văn hóa, Thể thao và Du lịch gửi văn bản giải trình');
    expect(given).toContain('trước ngày 20/01/2025');
    expect(given).toContain('Gửi chậm 02 báo cáo định kỳ');

    const same = allText(probePdf(await renderDocument(at({ unitId: unitId(sample, 'DPTTH') }), { assetsDir: ASSETS }, SCORED_NOW)));
    expect(same).toContain('Kết quả thẩm định giữ nguyên điểm tự chấm của đơn vị');
    expect(same).not.toContain('giải trình');

    const refusal = (options: { unitId?: string; deadline?: string }) => {
      try {
        buildDocument(at(options), SCORED_NOW);
      } catch (err) {
        return err instanceof UserError ? err.message : String(err);
      }
      return null;
    };
    expect(refusal({ unitId: 'SYT', deadline: '2025-01-05' })).toBe('Hạn gửi giải trình 05/01/2025 đã qua (hôm nay là 06/01/2025). Hãy chọn một ngày từ hôm nay trở đi.');
    expect(refusal({})).toBe('Thông báo kết quả thẩm định cần chọn đơn vị nhận thông báo (tùy chọn unitId, hoặc --unit ở dòng lệnh).');
    expect(refusal({ unitId: 'XYZ' })).toBe('Không có đơn vị "XYZ" trong các đơn vị thành viên năm 2024.');
    expect(refusal({ unitId: 'TTHCC' })).toBe('Trung tâm Hành chính công tỉnh chưa nộp phiếu tự chấm điểm năm 2024, nên chưa có kết quả thẩm định để thông báo.');
  });
});

describe('the Word versions, read by LibreOffice', () => {
  /** The PDF's words, without the page numbers in the top margin. */
  const pdfWords = (p: PdfProbe) => {
    const words = p.words.filter((w) => w.yMax > 20 * MM).map((w) => w.text.normalize('NFC'));
    // A narrow cell may break a word after "-" or "/" ("112/BC-" | "SYT)"); Word keeps it whole.
    const joined: string[] = [];
    for (const w of words) {
      const last = joined[joined.length - 1];
      if (last !== undefined && /[-/]$/.test(last) && last.length > 1) joined[joined.length - 1] = last + w;
      else joined.push(w);
    }
    return new Set(joined);
  };

  for (const name of names) {
    it(`${name}: LibreOffice reads it; the words are those of the PDF`, () => {
      const text = office.text.get(name)!;
      expect(text.length).toBeGreaterThan(300);
      const fromPdf = pdfWords(pdf.get(name)!);
      const fromWord = wordSet(text);
      expect([...fromPdf].filter((w) => !fromWord.has(w)), 'chữ có trong PDF mà thiếu trong Word').toEqual([]);
      expect([...fromWord].filter((w) => !fromPdf.has(w)), 'chữ có trong Word mà PDF không có').toEqual([]);
    });
  }

  it('ranking: every unit name, the totals, the shared rank, "chưa nộp", landscape pages', () => {
    const text = flatText(office.text.get('ranking')!);
    for (const u of sample.units) expect(text).toContain(u.name);
    for (const t of Object.values(SAMPLE_TOTALS)) expect(text).toContain(n(t.total));
    expect(text).toContain('3 (đồng hạng)');
    expect(text).toContain('chưa nộp');
    const converted = probePdf(office.pdf.get('ranking')!);
    for (const size of converted.sizes) expect(size.width).toBeGreaterThan(size.height);
    const demoText = flatText(office.text.get('demoRanking')!);
    for (const u of demo.units) expect(demoText).toContain(u.name);
  });
});

