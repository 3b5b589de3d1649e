/**
 * What each conference paper prints, read back from its PDF: the figures from the data, the prose
 * from the draft (default or edited), the vote's outcome, the number line of the register.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentKind, DocumentOptions } from '../../../shared/api/channels/documents';
import { defaultMinutesDraft, type DocumentDraft } from '../../../shared/domain/documents';
import { conferenceJob } from '../../../electron/services/documents/kinds/conference-parts';
import { proposalModel } from '../../../electron/services/documents/kinds/proposal';
import { proposalDraftOf } from '../../../shared/domain/documents';
import { renderDocument, renderModel } from '../../../electron/services/documents/service';
import type { Block, DocumentModel } from '../../../electron/services/documents/model/types';
import { CONFERENCE_NOW, sampleConference } from './conference-fixture';
import { CONFERENCE_FIELDS, optionsFor } from './conference-jobs';
import { probePdf, segments, type PdfProbe } from './pdf-probe';
import { refusalOf } from '../support/user-error';

const ASSETS = new URL('../../../assets', import.meta.url).pathname;
const f = sampleConference();
const Y = f.year;
const byCode = new Map(f.data.units.map((u) => [u.code, u]));
const flat = (s: string) => s.replace(/\s+/g, ' ');

async function print(kind: DocumentKind, options: DocumentOptions = optionsFor(kind, f), data = f.data): Promise<PdfProbe> {
  return probePdf(await renderDocument({ kind, data, year: Y, format: 'pdf', options }, { assetsDir: ASSETS }, CONFERENCE_NOW));
}
const text = (p: PdfProbe) => flat(p.layoutText);
/** Every run of text in a model, in order. */
function modelText(model: DocumentModel): string {
  const out: string[] = [];
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.kind === 'paragraph') out.push(b.runs.map((r) => r.text).join(''));
      if (b.kind === 'table') for (const row of b.rows) for (const c of row) if (c) out.push(c.paras.map((p) => p.runs.map((r) => r.text).join('')).join(' '));
    }
  };
  walk(model.body);
  return out.join('\n');
}

describe('Giấy mời', () => {
  let listing: PdfProbe;
  beforeAll(async () => {
    listing = await print('invitation');
  });

  it('lists every recipient under "Kính gửi": the guests, then every member unit', () => {
    const t = text(listing);
    const recipients = ['Ban Thi đua - Khen thưởng tỉnh Hà Nam', 'Lãnh đạo UBND tỉnh phụ trách Khối', ...f.vote.members.map((c) => byCode.get(c)!.name)];
    let from = t.indexOf('Kính gửi:');
    expect(from).toBeGreaterThan(0);
    for (const r of recipients) {
      const at = t.indexOf(`- ${r}`, from);
      expect(at, r).toBeGreaterThan(from);
      from = at;
    }
    expect(t).toContain('GIẤY MỜI Dự Hội nghị tổng kết công tác thi đua, khen thưởng năm 2024 và triển khai nhiệm vụ năm 2025');
    expect(t).toContain('1. Thời gian: 08 giờ 00, ngày 06 tháng 01 năm 2025.');
    expect(t).toContain(`2. Địa điểm: ${CONFERENCE_FIELDS.meetingPlace}.`);
    expect(t).toContain('5. Đề nghị mang theo: Con dấu của đơn vị');
    expect(t).toContain('Số: 05/GM-KTĐVHXH');
  });

  it('one invitation per recipient: a page each, addressed to that recipient alone, no page numbers', async () => {
    const each = await print('invitation', { ...optionsFor('invitation', f), perRecipient: true });
    const names = ['Ban Thi đua - Khen thưởng tỉnh Hà Nam', 'Lãnh đạo UBND tỉnh phụ trách Khối', ...f.vote.members.map((c) => byCode.get(c)!.name)];
    expect(each.pages).toBe(names.length);
    const segs = segments(each.words);
    names.forEach((name, i) => {
      const page = segs.filter((s) => s.page === i + 1).map((s) => s.text);
      expect(page).toContain(`Kính gửi: ${name}`);
      expect(page).toContain('GIẤY MỜI');
      expect(page.filter((l) => l.startsWith('Kính gửi'))).toHaveLength(1);
    });
    expect(each.words.filter((w) => w.yMax < 56 && /^\d+$/.test(w.text))).toEqual([]);
  });
});

describe('Chương trình hội nghị', () => {
  it('the agenda as a table in the typical order, with the edited times and presenters', async () => {
    const options = optionsFor('programme', f);
    const draft: DocumentDraft = { fields: { ...options.draft!.fields, 'time:opening': '07h30 - 07h45' }, sections: [{ key: 'speeches', title: '', text: 'Sở Y tế, BHXH tỉnh' }] };
    const t = text(await print('programme', { draft }));
    expect(t).toContain('CHƯƠNG TRÌNH Hội nghị tổng kết công tác thi đua');
    const order = ['07h30 - 07h45', 'Báo cáo tổng kết công tác thi đua', 'Tham luận', 'Sở Y tế, BHXH tỉnh', 'Công bố kết quả chấm điểm', 'Bầu Ban kiểm phiếu', 'Bình xét, suy tôn', 'Công bố biên bản kiểm phiếu', 'Bầu Khối trưởng, Khối phó năm 2025', 'Ký kết giao ước thi đua năm 2025', 'bế mạc'];
    let at = 0;
    for (const o of order) {
      const i = t.indexOf(o, at);
      expect(i, o).toBeGreaterThanOrEqual(at);
      at = i;
    }
    expect(t).not.toMatch(/Số:/);
  });
});

describe('Biên bản hội nghị', () => {
  let p: PdfProbe;
  beforeAll(async () => {
    p = await print('minutes');
  });

  it('time, place, participants out of members, chair and secretary, in the order of Mẫu 1.9', () => {
    const t = text(p);
    const expected = [
      'BIÊN BẢN Hội nghị tổng kết công tác thi đua, khen thưởng năm 2024',
      'Thời gian bắt đầu: 08 giờ 00, ngày 06 tháng 01 năm 2025.',
      `Địa điểm: ${CONFERENCE_FIELDS.meetingPlace}.`,
      'Thành phần tham dự:',
      `Các đơn vị thành viên: có mặt 07/08 đơn vị thành viên của Khối (vắng: ${byCode.get(f.vote.members[7]!)!.name}).`,
      'Chủ trì (chủ tọa): Đồng chí',
      `Thư ký (người ghi biên bản): ${CONFERENCE_FIELDS.secretary}.`,
      'Nội dung (theo diễn biến hội nghị):',
      '1. Tuyên bố lý do',
      'Hội nghị kết thúc vào 11 giờ 15, ngày 06 tháng 01 năm 2025/.',
      'Nơi nhận:',
      '- Lưu: VT, Hồ sơ.',
    ];
    let at = 0;
    for (const e of expected) {
      const i = t.indexOf(e, at);
      expect(i, e).toBeGreaterThanOrEqual(at);
      at = i;
    }
  });

  it('the vote’s outcome per award and next year’s Khối trưởng and Khối phó, from the vote', () => {
    const t = text(p);
    expect(t).toContain('a) Cờ thi đua của Chính phủ: đề nghị 01 đơn vị: - Sở Y tế: 7/7 phiếu hợp lệ, tỷ lệ 100,00%.');
    expect(t).toContain(`- ${byCode.get('SLDTBXH')!.name}: 5/7 phiếu hợp lệ, tỷ lệ 71,43%.`);
    expect(t).toContain('c) Bằng khen của Chủ tịch UBND tỉnh: đề nghị 03 đơn vị:');
    expect(t).toContain(`- Khối trưởng năm 2025: ${byCode.get(f.vote.members[6]!)!.name} (7/7 phiếu hợp lệ, tỷ lệ 100,00%);`);
    expect(t).toContain(`- Khối phó năm 2025: ${byCode.get(f.vote.members[7]!)!.name} (6/7 phiếu hợp lệ, tỷ lệ 85,71%).`);
  });

  it('THƯ KÝ signs on the left, CHỦ TỌA on the right, on one line, each name under its block', () => {
    const segs = segments(p.words);
    const secretary = segs.find((s) => s.text === 'THƯ KÝ')!;
    const chair = segs.find((s) => s.text === 'CHỦ TỌA')!;
    expect(secretary.page).toBe(chair.page);
    expect(Math.abs(secretary.yMin - chair.yMin)).toBeLessThan(1);
    expect(secretary.centre).toBeLessThan(chair.centre);
    const leader = f.data.units.find((u) => u.id === f.data.years.find((y) => y.year === Y)!.leaderUnitId)!;
    const names = [CONFERENCE_FIELDS.secretaryName, leader.head].map((n) => segs.find((s) => s.text === n)!);
    expect(Math.abs(names[0]!.centre - secretary.centre)).toBeLessThan(3);
    expect(Math.abs(names[1]!.centre - chair.centre)).toBeLessThan(3);
  });

  it('prints the edited summary of an agenda item and keeps the defaults of the others', async () => {
    const options = optionsFor('minutes', f);
    const draft: DocumentDraft = { fields: options.draft!.fields, sections: [{ key: 'speeches', title: '', text: 'Sở Y tế và Bảo hiểm xã hội tỉnh phát biểu tham luận.' }] };
    const t = text(await print('minutes', { ...options, draft }));
    expect(t).toContain('3. Tham luận, ý kiến của các đơn vị thành viên Sở Y tế và Bảo hiểm xã hội tỉnh phát biểu tham luận.');
    expect(t).toContain(defaultMinutesDraft(f.data, Y).sections.find((s) => s.key === 'pledge')!.text);
  });

  it('without a vote, says the results come from the vote-count minutes', async () => {
    const t = text(await print('minutes', { draft: optionsFor('minutes', f).draft! }));
    expect(t).toContain('(Chưa có kết quả kiểm phiếu: phần này được điền từ biên bản kiểm phiếu.)');
    expect(t).toContain('có mặt ……/08 đơn vị thành viên của Khối.');
  });
});

describe('Báo cáo tổng kết', () => {
  it('fills in members, leaders, pledge, self-assessments on time or late, ranking, proposals, history', async () => {
    const t = text(await print('summary-report'));
    const leader = f.data.units.find((u) => u.id === f.data.years.find((y) => y.year === Y)!.leaderUnitId)!;
    expect(t).toContain('Năm 2024, Khối có 08 đơn vị thành viên: Sở Y tế, Sở Giáo dục và Đào tạo,');
    expect(t).toContain(`Khối trưởng: ${leader.name}`);
    expect(t).toContain('Ngày 20/02/2024, 08/08 đơn vị thành viên ký kết giao ước thi đua năm 2024.');
    expect(t).toContain('Đã nhận phiếu tự chấm điểm của 08/08 đơn vị (đúng hạn 15/12/2024: 05 đơn vị; chậm: 02 đơn vị; không rõ ngày nhận: 01 đơn vị).');
    expect(t).toMatch(/Xếp hạng\s+Tên đơn vị\s+Tổng điểm 1 Sở Y tế 105 2 Sở Giáo dục và Đào tạo 104,5/);
    expect(t).toContain('a) Cờ thi đua của Chính phủ: đề nghị 01 đơn vị: - Sở Y tế: 7/7 phiếu hợp lệ, tỷ lệ 100,00%.');
    expect(t).toContain(`Khối trưởng năm 2025: ${byCode.get(f.vote.members[6]!)!.name}`);
    expect(t).toMatch(/6\. So sánh với các năm trước Năm .* 2023 8 8 /);
    for (const heading of ['III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN', '1. Tồn tại, hạn chế', '2. Nguyên nhân', 'IV. BÀI HỌC KINH NGHIỆM', 'V. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025']) {
      expect(t).toContain(heading);
    }
  });

  it('a year without a scoring table or a vote says so instead of inventing figures', async () => {
    const data = { ...f.data, scoringTables: f.data.scoringTables.filter((x) => x.year !== Y) };
    const t = text(await print('summary-report', { issued: { number: 2, date: '2025-01-06' } }, data));
    expect(t).toContain('Năm 2024 chưa có bảng chấm điểm nên chưa có số liệu tự chấm điểm.');
    expect(t).toContain('Năm 2024 chưa có kết quả chấm điểm, xếp hạng.');
    expect(t).toContain('Chưa có kết quả bình xét, suy tôn.');
  });

  it('edited sections replace the default prose under their own titles; a new section becomes part VI', async () => {
    const draft: DocumentDraft = {
      fields: {},
      sections: [
        { key: 'lessons', title: 'Bài học rút ra', text: 'Phối hợp chặt chẽ giữa các đơn vị.' },
        { key: 'proposals', title: 'Kiến nghị, đề xuất', text: 'Đề nghị tỉnh hỗ trợ kinh phí tổ chức hội nghị.' },
      ],
    };
    const t = text(await print('summary-report', { draft }));
    expect(t).toContain('IV. BÀI HỌC RÚT RA Phối hợp chặt chẽ giữa các đơn vị.');
    expect(t).toContain('VI. KIẾN NGHỊ, ĐỀ XUẤT Đề nghị tỉnh hỗ trợ kinh phí tổ chức hội nghị.');
    // Before a number is issued: a blank number to write by hand.
    expect(t).toMatch(/Số: +\/BC-KTĐVHXH/);
  });
});

describe('Báo cáo sơ kết 6 tháng', () => {
  it('the pledge, the self-assessments so far, the cross-inspection notes', async () => {
    const draft: DocumentDraft = { fields: {}, sections: [{ key: 'inspection', title: '', text: 'Đoàn kiểm tra chéo làm việc tại 08 đơn vị từ ngày 10 đến 20/6.' }] };
    const t = text(await print('midyear-report', { draft, issued: { number: 9, date: '2024-07-05' } }));
    expect(t).toContain('Số: 09/BC-KTĐVHXH');
    expect(t).toContain('ngày 05 tháng 7 năm 2024');
    expect(t).toContain('BÁO CÁO Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2024');
    expect(t).toContain('Ngày 20/02/2024, 08/08 đơn vị thành viên ký kết giao ước thi đua năm 2024.');
    expect(t).toContain('Đến thời điểm báo cáo, đã nhận phiếu tự chấm điểm của 08/08 đơn vị.');
    expect(t).toContain('3. Kết quả kiểm tra chéo Đoàn kiểm tra chéo làm việc tại 08 đơn vị từ ngày 10 đến 20/6.');
  });
});

describe('Tờ trình đề nghị khen thưởng', () => {
  let t: string;
  beforeAll(async () => {
    t = text(await print('proposal'));
  });

  it('cites the bloc’s minutes by number and date, lists each award’s units with votes, percent, rank and score', () => {
    expect(t).toContain('TỜ TRÌNH V/v đề nghị tặng Cờ thi đua của Chính phủ, Cờ thi đua của UBND tỉnh và Bằng khen của Chủ tịch UBND tỉnh năm 2024');
    expect(t).toContain('Kính gửi: Hội đồng Thi đua - Khen thưởng tỉnh Hà Nam');
    expect(t).toContain('Căn cứ Biên bản Hội nghị tổng kết công tác thi đua, khen thưởng năm 2024 của Khối Văn hóa - Xã hội số 03/BB-KTĐVHXH ngày 06 tháng 01 năm 2025;');
    expect(t).toContain('Căn cứ Biên bản kiểm phiếu bình xét, suy tôn khen thưởng năm 2024 của Khối Văn hóa - Xã hội số 04/BB-KTĐVHXH ngày 06 tháng 01 năm 2025,');
    expect(t).toContain('1. Đề nghị tặng Cờ thi đua của Chính phủ (01 đơn vị):');
    expect(t).toMatch(/1 Sở Y tế 7\/7 100,00 1 105/);
    expect(t).toMatch(/2 Sở Lao động - Thương binh và Xã hội 5\/7 71,43 3 103,5/);
    expect(t).toContain('3. Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh (03 đơn vị):');
    expect(t).toContain('(Có báo cáo thành tích kèm theo)');
    expect(t).toContain('- Như trên;');
    expect(t).toContain('- Lưu: VT, KTĐ.');
  });

  it('proposes ("đề nghị") and never says a unit has won ("đạt")', () => {
    expect(t).toContain('đề nghị');
    expect(t.toLowerCase()).not.toMatch(/(^|[^\p{L}])đạt([^\p{L}]|$)/u);
  });

  it('cites the numbers of the register when it holds them, before the ones given', () => {
    const job = conferenceJob(f.data, Y, 'proposal', optionsFor('proposal', f), proposalDraftOf);
    const entry = { id: 'e1', year: 2025, type: 'BB' as const, symbol: 'KTĐVHXH', date: '2025-01-07', documentKind: 'minutes', blocYear: Y, summary: 'Biên bản hội nghị', signer: '', issuedAt: CONFERENCE_NOW, voided: null };
    job.ctx.register = [{ ...entry, number: 11 }, { ...entry, id: 'e2', number: 10, issuedAt: '2025-01-05T00:00:00.000Z' }];
    const m = modelText(proposalModel(job));
    expect(m).toContain('năm 2024 của Khối Văn hóa - Xã hội số 11/BB-KTĐVHXH ngày 07 tháng 01 năm 2025;');
    expect(m).toContain('khen thưởng năm 2024 của Khối Văn hóa - Xã hội số 04/BB-KTĐVHXH');
  });

  it('refuses without a vote, with an undecided award, or with nobody to propose', async () => {
    expect((await refusalOf(() => print('proposal', {}))).message).toBe(
      'Chưa có kết quả bỏ phiếu bình xét năm 2024 của Khối Văn hóa - Xã hội: tờ trình đề nghị khen thưởng cần danh sách đơn vị được đề nghị. Hãy nhập kết quả kiểm phiếu trước.',
    );
    const tie = structuredClone(f.vote);
    tie.sections[1]!.rounds[0]!.votes = { SGDDT: 5, SLDTBXH: 4, SVHTTDL: 4 };
    expect((await refusalOf(() => print('proposal', { vote: tie }))).message).toBe(
      'Kết quả bình xét năm 2024 chưa xong ở mục "Cờ thi đua của UBND tỉnh" (có đơn vị bằng phiếu chưa được giải quyết): chưa lập được tờ trình.',
    );
    const none = structuredClone(f.vote);
    none.sections = none.sections.filter((s) => s.kind === 'award').map((s) => ({ ...s, rounds: [{ ...s.rounds[0]!, votes: {} }] }));
    expect((await refusalOf(() => print('proposal', { vote: none }))).code).toBe('proposal-nobody');
  });
});

describe('drafts in Word too', () => {
  it('the Word file of a paper prints the same edited prose', async () => {
    const draft: DocumentDraft = { fields: {}, sections: [{ key: 'closing', title: '', text: 'Khối kính trình Hội đồng xem xét./.' }] };
    const model = proposalModel(conferenceJob(f.data, Y, 'proposal', { vote: f.vote, draft }, proposalDraftOf));
    const docx = await renderModel(model, 'docx', { assetsDir: ASSETS });
    const { docxPart } = await import('./docx-probe');
    expect(docxPart(docx).replace(/<[^>]+>/g, '')).toContain('Khối kính trình Hội đồng xem xét./.');
  });
});
