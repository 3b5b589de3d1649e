/**
 * The vote's papers read back as a person's viewer reads them: the ballots (every eligible unit in
 * the bloc's order, "chọn không quá 01 đơn vị", the round from round 2, identical copies with no
 * number that could tell one from another, two A5 per landscape A4) and the vote-count minutes
 * (counts, the table with the base named, "Sở Y tế … 7 … 77,78", the chair's decision, an override
 * beside the computed verdict, the engine's verdicts word for word); both also as .docx through
 * LibreOffice, saying what the PDF says.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/errors';
import { parseVoteRecord } from '../../../shared/domain/vote/record';
import { tally } from '../../../shared/domain/vote/tally';
import type { BlocData } from '../../../shared/model/records';
import { buildSampleBlocData, buildSyntheticBlocData } from '../../../shared/sample/sample-bloc';
import { renderDocument, type DocumentJob } from '../../../electron/services/documents/service';
import { convertWithLibreOffice, flatText, wordSet, type Converted } from './docx-probe';
import { probePdf, segments, type PdfProbe, type Word } from './pdf-probe';
import { nineUnits, nineUnitVote, tiedVote, VOTE_YEAR } from './vote-fixtures';

const ASSETS = new URL('../../../assets', import.meta.url).pathname;
const NOW = '2026-01-05T08:00:00.000Z';
const MM = 72 / 25.4;

const sample = buildSampleBlocData(NOW);
const demo = buildSyntheticBlocData({ units: 40, criteria: 0, years: 1, now: NOW });
const nine = nineUnits();
const voteOption = (v: unknown) => v as NonNullable<DocumentJob['options']>['vote'];

const pdf = (job: Omit<DocumentJob, 'format'>) => renderDocument({ ...job, format: 'pdf' }, { assetsDir: ASSETS }, NOW);
const docx = (job: Omit<DocumentJob, 'format'>) => renderDocument({ ...job, format: 'docx' }, { assetsDir: ASSETS }, NOW);

/** The words of each ballot: `count` copies, each on as many pages. */
function perCopy(probe: PdfProbe, count: number): Word[][] {
  const pages = probe.pages / count;
  expect(Number.isInteger(pages)).toBe(true);
  return Array.from({ length: count }, (_, i) => probe.words.filter((w) => w.page > i * pages && w.page <= (i + 1) * pages));
}
/** The words in reading order: page by page, line by line (a table row is one line), left to right. */
function joined(words: Word[]): string {
  const sorted = [...words].sort((a, b) => a.page - b.page || Math.round(a.yMax) - Math.round(b.yMax) || a.xMin - b.xMin);
  return sorted.map((w) => w.text.normalize('NFC')).join(' ');
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const unitNames = (data: BlocData) => data.units.map((u) => u.name);

async function rejection(job: Omit<DocumentJob, 'format'>): Promise<UserError> {
  try {
    await pdf(job);
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error('expected a UserError');
}

describe('ballots (phiếu bầu)', () => {
  let a4: PdfProbe;
  beforeAll(async () => {
    a4 = probePdf(await pdf({ kind: 'ballots', data: sample, year: 2024 }));
  }, 120_000);

  it('prints one identical ballot per unit present, each listing every eligible unit per section in the bloc order', () => {
    const copies = perCopy(a4, 8);
    const first = copies[0]!;
    for (const copy of copies) expect(copy.map((w) => [w.text, Math.round(w.xMin), Math.round(w.yMin), (w.page - 1) % (a4.pages / 8)])).toEqual(first.map((w) => [w.text, Math.round(w.xMin), Math.round(w.yMin), (w.page - 1) % (a4.pages / 8)]));
    const text = joined(first);
    expect(text).toContain('PHIẾU BẦU Bình xét thi đua, khen thưởng năm 2024 và bầu Khối trưởng, Khối phó năm 2025');
    expect(text).not.toContain('Lần bỏ phiếu thứ');
    const headings = [
      'I. ĐỀ NGHỊ TẶNG CỜ THI ĐUA CỦA CHÍNH PHỦ (chọn không quá 01 đơn vị)',
      'II. ĐỀ NGHỊ TẶNG CỜ THI ĐUA CỦA UBND TỈNH (chọn không quá 02 đơn vị)',
      'III. ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH (chọn không quá 03 đơn vị)',
      'IV. BẦU KHỐI TRƯỞNG NĂM 2025 (chọn không quá 01 đơn vị)',
      'V. BẦU KHỐI PHÓ NĂM 2025 (chọn không quá 01 đơn vị)',
    ];
    const at = headings.map((h) => text.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // Each section's table: STT | Tên đơn vị | Đồng ý, then every unit numbered in the bloc's order.
    const rows = unitNames(sample).map((n, i) => `${i + 1} ${n}`).join(' ');
    for (let s = 0; s < headings.length; s++) {
      const body = text.slice(at[s]! + headings[s]!.length, at[s + 1] ?? undefined);
      expect(body.trim().startsWith(`STT Tên đơn vị Đồng ý ${rows}`), headings[s]).toBe(true);
    }
    expect(text).toContain('Hướng dẫn: Đánh dấu X vào ô «Đồng ý» của đơn vị được chọn.');
    expect(text).toContain('phiếu chọn quá số đơn vị không hợp lệ ở mục đó');
  });

  it('carries no number beyond the row numbers, the quotas and the years, and no page number', () => {
    const digits = perCopy(a4, 8)[0]!.filter((w) => /\d/.test(w.text)).map((w) => w.text.replace(/[()]/g, ''));
    const stt = Array.from({ length: 5 }, () => ['1', '2', '3', '4', '5', '6', '7', '8']).flat();
    const expected = [...stt, '01', '02', '03', '01', '01', '2024', '2025', '2025', '2025'];
    expect([...digits].sort()).toEqual([...expected].sort());
  });

  it('fits the header of a half page on one line and prints two A5 ballots per landscape A4, cut in the middle', async () => {
    const two = probePdf(await pdf({ kind: 'ballots', data: sample, year: 2024, options: { sectionIds: ['award-gov-flag'], spares: 2, perPage: 2 } }));
    // 8 units present + 2 spares, two per page
    expect(two.pages).toBe(5);
    for (const size of two.sizes) expect([Math.round(size.width), Math.round(size.height)]).toEqual([842, 595]);
    const segs = segments(two.words);
    for (let page = 1; page <= 5; page++) {
      expect(segs.filter((s) => s.page === page && s.text === 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toHaveLength(2);
      expect(two.words.filter((w) => w.page === page && w.text === 'PHIẾU')).toHaveLength(2);
      // The same margin on both sides of each half once cut: 8 mm of page margin outside, 8 mm of padding inside.
      const onPage = two.words.filter((w) => w.page === page);
      const half = 841.89 / 2;
      expect(Math.min(...onPage.map((w) => w.xMin))).toBeCloseTo(16 * MM, -0.5);
      expect(Math.min(...onPage.filter((w) => w.xMin > half).map((w) => w.xMin))).toBeCloseTo(half + 8 * MM, -0.5);
    }
    expect(joined(two.words)).toContain('I. ĐỀ NGHỊ TẶNG CỜ THI ĐUA CỦA CHÍNH PHỦ (chọn không quá 01 đơn vị)');
  });

  it('refuses two per page when a ballot cannot fit half a page, saying what to do', async () => {
    const err = await rejection({ kind: 'ballots', data: sample, year: 2024, options: { perPage: 2 } });
    expect(err.code).toBe('ballots-too-long-for-a5');
    expect(err.message).toBe(
      'Phiếu bầu có 5 mục, 40 dòng đơn vị: không vừa khổ A5 (2 phiếu trên một trang A4). Hãy in mỗi phiếu một trang A4, hoặc in riêng từng mục.',
    );
  });

  it('prints the re-vote from round 2 with only the tied units, "Lần bỏ phiếu thứ 2", from the vote entered', async () => {
    const probe = probePdf(await pdf({ kind: 'ballots', data: nine, year: VOTE_YEAR, options: { round: 2, copies: 1, vote: voteOption(tiedVote()) } }));
    const text = joined(probe.words);
    expect(text).toContain('PHIẾU BẦU Bình xét thi đua, khen thưởng năm 2024 Lần bỏ phiếu thứ 2');
    expect(text).toContain('I. ĐỀ NGHỊ TẶNG CỜ THI ĐUA CỦA UBND TỈNH (chọn không quá 01 đơn vị) STT Tên đơn vị Đồng ý 1 Sở Lao động - Thương binh và Xã hội 2 Sở Văn hóa, Thể thao và Du lịch Hướng dẫn:');
    expect(text).not.toContain('Sở Y tế');
  });

  it('leaves ineligible units off, and marks "Đồng ý / Không đồng ý" in the approve mode', async () => {
    const vote = nineUnitVote();
    const gov = { ...vote.sections[0]!, ineligible: ['DV1'], marking: 'approve' as const, rounds: [] };
    const probe = probePdf(await pdf({ kind: 'ballots', data: nine, year: VOTE_YEAR, options: { copies: 1, vote: voteOption({ ...vote, sections: [gov] }) } }));
    const text = joined(probe.words);
    expect(text).toContain('STT Tên đơn vị Đồng ý Không đồng ý 1 Sở Giáo dục và Đào tạo');
    expect(text).not.toContain('Sở Y tế');
    expect(text).toContain('Ở mỗi đơn vị, đánh dấu X vào một trong hai ô «Đồng ý» hoặc «Không đồng ý».');
  });

  it('says why a later round cannot be printed', async () => {
    const none = await rejection({ kind: 'ballots', data: sample, year: 2024, options: { round: 2 } });
    expect(none.code).toBe('ballots-no-result');
    const notDue = await rejection({ kind: 'ballots', data: nine, year: VOTE_YEAR, options: { round: 3, vote: voteOption(tiedVote()) } });
    expect(notDue.message).toBe('Không có mục nào cần bỏ phiếu lần thứ 3 năm 2024:\nCờ thi đua của UBND tỉnh: lần bỏ phiếu tiếp theo là lần thứ 2');
    const unknown = await rejection({ kind: 'ballots', data: sample, year: 2024, options: { sectionIds: ['co-thi-dua'] } });
    expect(unknown.message).toContain('Phiếu bầu lần thứ 1 không có mục "co-thi-dua" (các mục: "award-gov-flag" – Cờ thi đua của Chính phủ;');
  });

  it('lays a 40-unit bloc over several pages, every unit in every section', async () => {
    const probe = probePdf(await pdf({ kind: 'ballots', data: demo, year: 2024, options: { copies: 1 } }));
    const text = joined(probe.words);
    unitNames(demo).forEach((name, i) => {
      // "N Tên đơn vị" ending the row: the next row's number, a repeated header, the next section or the instructions
      const row = new RegExp(`(?<!\\d)${i + 1} ${escape(name)}(?= \\d| STT| [IVX]+\\.| Hướng)`, 'g');
      expect(text.match(row)?.length, name).toBe(5);
    });
    // a long section runs on with its header row repeated
    expect(text).toContain(`STT Tên đơn vị Đồng ý 30 ${demo.units[29]!.name}`);
  });
});

describe('vote-count minutes (biên bản kiểm phiếu)', () => {
  let probe: PdfProbe;
  let text: string;
  beforeAll(async () => {
    probe = probePdf(await pdf({ kind: 'vote-minutes', data: nine, year: VOTE_YEAR, options: { vote: voteOption(nineUnitVote()) } }));
    text = joined(probe.words);
  }, 120_000);

  it('opens with the header, time, place, committee and the secret ballot', () => {
    expect(text).toContain('Số: 05/BB-KTĐ');
    expect(text).toContain('Hà Nam, ngày 05 tháng 01 năm 2025');
    expect(text).toContain('BIÊN BẢN KIỂM PHIẾU Bình xét thi đua, khen thưởng năm 2024');
    expect(text).toContain('Hôm nay, vào lúc 08 giờ 30, ngày 05 tháng 01 năm 2025, tại Hội trường Sở Y tế,');
    expect(text).toContain('1. Nguyễn Văn An, Phó Giám đốc Sở Y tế – Trưởng ban;');
    expect(text).toContain('3. Lê Văn Cường, Trưởng phòng Đài Phát thanh và Truyền hình tỉnh – Thành viên.');
    expect(text).toContain('2. Hình thức: bỏ phiếu kín.');
    expect(text).toContain('Có mặt 9/9 đơn vị thành viên, đủ số lượng theo quy chế');
  });

  it('prints the counts, the table with its base named, and "Sở Y tế … 7 … 77,78"', () => {
    expect(text).toContain('Số phiếu phát ra: 9; số phiếu thu vào: 9; số phiếu hợp lệ: 9; số phiếu không hợp lệ: 0.');
    expect(text).toContain('số phiếu không hợp lệ: 1 (1 phiếu chọn quá số lượng ở mục này).');
    expect(text).toContain('(so với tổng số phiếu hợp lệ)');
    expect(probe.layoutText).toMatch(/\s1\s+Sở Y tế\s+7\s+77,78\s+Được đề nghị/);
    expect(probe.layoutText).toMatch(/\s2\s+Sở Giáo dục và Đào tạo\s+2\s+22,22\s+Không đạt/);
  });

  it("shows the chair's decision with its reason and the override beside the computed verdict", () => {
    expect(text).toContain('chủ trì hội nghị quyết định chọn (lý do: Đơn vị có nhiều đóng góp cho phong trào thi đua của Khối): đề nghị Cờ thi đua của UBND tỉnh.');
    expect(text).toContain(
      'Điều chỉnh: Theo quy chế: Đài Phát thanh và Truyền hình tỉnh đạt 4/9 phiếu hợp lệ = 44,44%, chưa trên 1/2 (cần ít nhất 5 phiếu): không đề nghị. Hội nghị quyết định điều chỉnh: đề nghị Bằng khen của Chủ tịch UBND tỉnh. Lý do: Hội nghị thống nhất đề nghị do có thành tích đột xuất.',
    );
  });

  it('concludes with the verdicts of the vote engine, word for word, then the reading and the signatures', () => {
    const parsed = parseVoteRecord(nineUnitVote());
    if (!parsed.ok) throw new Error(parsed.issues.join('\n'));
    const names = Object.fromEntries(nine.units.map((u) => [u.code, u.name]));
    const result = tally({ ...parsed.record.input, names });
    expect(result.sections.map((s) => s.winners)).toEqual([['DV1'], ['DV2', 'DV3'], ['DV6', 'DV7']]);
    for (const s of result.sections) expect(text).toContain(`– ${flatText(s.explanation)}`);
    expect(text).toContain('Biên bản lập xong vào hồi 10 giờ 15 cùng ngày, được đọc trước hội nghị.');
    const segs = segments(probe.words);
    expect(segs.some((s) => s.text === 'TRƯỞNG BAN KIỂM PHIẾU')).toBe(true);
    expect(segs.filter((s) => s.text === 'THÀNH VIÊN')).toHaveLength(2);
    for (const name of ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường']) expect(segs.some((s) => s.text === name)).toBe(true);
  });

  it('names another base in the table, and says so when the quorum is not met', async () => {
    const vote = nineUnitVote();
    vote.sections = [{ ...vote.sections[0]!, threshold: { num: 2, den: 3, comparison: 'gte', base: 'present' } }];
    const present = joined(probePdf(await pdf({ kind: 'vote-minutes', data: nine, year: VOTE_YEAR, options: { vote: voteOption(vote) } })).words);
    expect(present).toContain('(so với số đơn vị có mặt)');
    expect(present).toContain('ngưỡng: từ 2/3 số đơn vị có mặt trở lên.');

    const absent = joined(
      probePdf(await pdf({ kind: 'vote-minutes', data: nine, year: VOTE_YEAR, options: { vote: voteOption({ ...nineUnitVote(), present: ['DV1', 'DV2', 'DV3', 'DV4', 'DV5'] }) } })).words,
    );
    expect(absent).toContain('Có mặt 5/9 đơn vị thành viên, không đủ số lượng theo quy chế (từ 2/3 trở lên số đơn vị thành viên, cần ít nhất 6 đơn vị)');
    expect(absent).toContain('hội nghị không tiến hành bỏ phiếu');
    expect(absent).not.toContain('Số phiếu phát ra');
  });

  it('refuses an entry that does not add up, and a year without a vote', async () => {
    const vote = nineUnitVote();
    vote.sections[0]!.rounds[0]!.ballots.valid = 8;
    const err = await rejection({ kind: 'vote-minutes', data: nine, year: VOTE_YEAR, options: { vote: voteOption(vote) } });
    expect(err.code).toBe('vote-minutes-inconsistent');
    expect(err.message.startsWith('Số liệu kiểm phiếu năm 2024 chưa nhất quán, chưa lập được biên bản:\n')).toBe(true);
    const none = await rejection({ kind: 'vote-minutes', data: nine, year: VOTE_YEAR });
    expect(none.message).toBe('Năm 2024 chưa có số liệu kiểm phiếu: nhập kết quả kiểm phiếu trước (hoặc dùng tệp số liệu bỏ phiếu, --vote <tệp.json>).');
    const stranger = await rejection({ kind: 'vote-minutes', data: nine, year: VOTE_YEAR, options: { vote: voteOption({ ...nineUnitVote(), members: [...nineUnitVote().members, 'SXD'] }) } });
    expect(stranger.code).toBe('vote-unknown-units');
  });
});

describe('the vote papers in Word say what the PDF says (LibreOffice)', () => {
  const jobs = {
    ballotsA4: { kind: 'ballots', data: sample, year: 2024, options: { copies: 1 } },
    ballotsA5: { kind: 'ballots', data: sample, year: 2024, options: { sectionIds: ['award-gov-flag'], copies: 2, perPage: 2 } },
    minutes: { kind: 'vote-minutes', data: nine, year: VOTE_YEAR, options: { vote: voteOption(nineUnitVote()) } },
  } satisfies Record<string, Omit<DocumentJob, 'format'>>;
  const pdfs = new Map<string, Uint8Array>();
  let office: Converted;
  beforeAll(async () => {
    const files: Record<string, Uint8Array> = {};
    for (const [name, job] of Object.entries(jobs)) {
      pdfs.set(name, await pdf(job));
      files[name] = await docx(job);
    }
    office = convertWithLibreOffice(files);
  }, 240_000);

  for (const name of Object.keys(jobs)) {
    it(`${name}: the same words, with no page number`, () => {
      const fromPdf = new Set(probePdf(pdfs.get(name)!).words.filter((w) => name === 'minutes' ? w.yMax > 20 * MM : true).map((w) => w.text.normalize('NFC')));
      const fromWord = wordSet(office.text.get(name)!);
      expect([...fromPdf].filter((w) => !fromWord.has(w)), 'chữ có trong PDF mà thiếu trong Word').toEqual([]);
      expect([...fromWord].filter((w) => !fromPdf.has(w)), 'chữ có trong Word mà PDF không có').toEqual([]);
    });
  }

  it('LibreOffice lays the A5 ballots two per landscape page', () => {
    const lo = probePdf(office.pdf.get('ballotsA5')!);
    expect(lo.pages).toBe(1);
    expect([Math.round(lo.sizes[0]!.width), Math.round(lo.sizes[0]!.height)]).toEqual([842, 595]);
    expect(lo.words.filter((w) => w.text === 'PHIẾU')).toHaveLength(2);
    expect(flatText(office.text.get('minutes')!)).toContain('Sở Y tế 7 77,78');
  });
});
