/** The conference papers' pure side: default drafts, laying an edited draft over them, the context, the vote outcome, report figures. */
import { describe, expect, it } from 'vitest';
import {
  AGENDA,
  classificationCounts,
  conferenceContextOf,
  defaultInvitationDraft,
  defaultMidyearReportDraft,
  defaultMinutesDraft,
  defaultProgrammeDraft,
  defaultProposalDraft,
  defaultSummaryReportDraft,
  historyRows,
  longDate,
  parseClock,
  pledgeFigures,
  resolveDraft,
  submissionFigures,
  voteOutcome,
} from '../../../shared/domain/documents';
import { rankUnits } from '../../../shared/domain/ranking';
import { yearRanking } from '../../../electron/services/ranking/year-ranking';
import { sampleConference } from './conference-fixture';

const f = sampleConference();
const Y = f.year;

describe('default drafts', () => {
  it('each kind has one, built from the data of the year', () => {
    const inv = defaultInvitationDraft(f.data, Y);
    expect(inv.fields.subject).toBe('Dự Hội nghị tổng kết công tác thi đua, khen thưởng năm 2024 và triển khai nhiệm vụ năm 2025');
    expect(inv.fields.guests!.split('\n')).toEqual(['Ban Thi đua - Khen thưởng tỉnh Hà Nam', 'Lãnh đạo UBND tỉnh phụ trách Khối']);
    expect(inv.fields.place).toBe('Hà Nam');
    const leader = f.data.units.find((u) => u.id === f.data.years.find((y) => y.year === Y)!.leaderUnitId)!;
    expect(inv.fields.signerName).toBe(leader.head);
    expect(inv.sections.map((s) => s.key)).toEqual(['purpose', 'programme', 'attendees', 'bring', 'closing']);
    expect(defaultSummaryReportDraft(f.data, Y).sections.map((s) => s.key)).toEqual(['situation', 'results', 'shortcomings', 'causes', 'lessons', 'directions']);
    expect(defaultSummaryReportDraft(f.data, Y).sections.at(-1)!.title).toBe('Phương hướng, nhiệm vụ năm 2025');
    expect(defaultMidyearReportDraft(f.data, Y).sections.map((s) => s.key)).toEqual(['results', 'inspection', 'shortcomings', 'tasks']);
    expect(defaultProposalDraft(f.data, Y).fields.recipient).toBe('Hội đồng Thi đua - Khen thưởng tỉnh Hà Nam');
    const minutes = defaultMinutesDraft(f.data, Y);
    expect(minutes.fields.chair).toBe(`Đồng chí ${leader.head}, ${leader.headTitle} ${leader.name}, Khối trưởng`);
    expect(minutes.sections.map((s) => s.key)).toEqual(AGENDA.map((a) => a.key));
  });

  it('the programme follows the typical order, with consecutive times from 08h00', () => {
    const p = defaultProgrammeDraft(f.data, Y);
    expect(p.sections.map((s) => s.title)).toEqual([
      'Tuyên bố lý do, giới thiệu đại biểu; khai mạc hội nghị',
      'Báo cáo tổng kết công tác thi đua, khen thưởng năm 2024, phương hướng, nhiệm vụ năm 2025',
      'Tham luận, ý kiến của các đơn vị thành viên',
      'Công bố kết quả chấm điểm, xếp hạng thi đua năm 2024',
      'Bầu Ban kiểm phiếu',
      'Bình xét, suy tôn đơn vị đề nghị khen thưởng (bỏ phiếu kín)',
      'Công bố biên bản kiểm phiếu',
      'Bầu Khối trưởng, Khối phó năm 2025',
      'Ký kết giao ước thi đua năm 2025',
      'Phát biểu của đại biểu lãnh đạo tỉnh; thông qua biên bản, bế mạc hội nghị',
    ]);
    const times = p.sections.map((s) => p.fields[`time:${s.key}`]!);
    expect(times[0]).toBe('08h00 - 08h10');
    for (let i = 1; i < times.length; i++) expect(times[i]!.slice(0, 5)).toBe(times[i - 1]!.slice(-5));
    expect(times.at(-1)).toBe('10h10 - 10h20');
    expect(parseClock('8:30')).toBe(510);
    expect(parseClock('08 giờ 15')).toBe(495);
    expect(parseClock('sáng')).toBeNull();
  });

  it('dates in words follow the ND 30/2020 form, with gaps when not set', () => {
    expect(longDate('2026-01-05')).toBe('ngày 05 tháng 01 năm 2026');
    expect(longDate('2026-03-15')).toBe('ngày 15 tháng 3 năm 2026');
    expect(longDate('')).toBe('ngày … tháng … năm …');
  });
});

describe('an edited draft over the default', () => {
  it('replaces the fields and sections it names, keeps the rest and their order, adds new sections at the end', () => {
    const base = defaultSummaryReportDraft(f.data, Y);
    const edited = resolveDraft(base, {
      fields: { signerName: 'Trần Văn Bình' },
      sections: [
        { key: 'extra', title: 'Kiến nghị', text: 'Đề nghị tỉnh tăng kinh phí.' },
        { key: 'lessons', title: '', text: 'Bài học đã sửa.' },
      ],
    });
    expect(edited.fields.signerName).toBe('Trần Văn Bình');
    expect(edited.fields.subject).toBe(base.fields.subject);
    expect(edited.sections.map((s) => s.key)).toEqual([...base.sections.map((s) => s.key), 'extra']);
    const lessons = edited.sections.find((s) => s.key === 'lessons')!;
    expect(lessons).toEqual({ key: 'lessons', title: 'Bài học kinh nghiệm', text: 'Bài học đã sửa.' });
    expect(resolveDraft(base, null)).toBe(base);
  });
});

describe('the conference context', () => {
  it('reads the members and this year’s leaders; next year’s from the next year’s record, else from the vote', () => {
    const plain = conferenceContextOf(f.data, Y);
    expect(plain.members.map((u) => u.code)).toEqual(f.vote.members);
    expect(plain.vote).toBeNull();
    expect(plain.present).toBeNull();
    expect(plain.nextLeader).toBeNull();
    expect(plain.symbol).toBe('KTĐVHXH');
    expect(plain.register).toEqual([]);

    const voted = conferenceContextOf(f.data, Y, { vote: f.vote });
    expect(voted.nextLeader?.code).toBe(f.vote.members[6]);
    expect(voted.nextDeputy?.code).toBe(f.vote.members[7]);
    expect(voted.present?.map((u) => u.code)).toEqual(f.vote.present);

    const withNext = structuredClone(f.data);
    const next = { ...withNext.years.find((y) => y.year === Y)!, id: 'y-next', year: Y + 1, leaderUnitId: withNext.units[3]!.id, deputyUnitId: null };
    withNext.years.push(next);
    const ctx = conferenceContextOf(withNext, Y, { vote: f.vote });
    expect(ctx.nextLeader?.id).toBe(withNext.units[3]!.id);
    // No deputy in the year's record: the vote's deputy stands.
    expect(ctx.nextDeputy?.code).toBe(f.vote.members[7]);
  });

  it('gives each award’s proposed units with votes, base and percent; an undecided section says why', () => {
    const out = voteOutcome(conferenceContextOf(f.data, Y, { vote: f.vote }));
    expect(out.map((s) => [s.id, s.kind, s.winners.map((w) => `${w.code} ${w.votes}/${w.base} ${w.percent}`)])).toEqual([
      ['co-chinh-phu', 'award', ['SYT 7/7 100,00']],
      ['co-tinh', 'award', ['SGDDT 6/7 85,71', 'SLDTBXH 5/7 71,43']],
      ['bang-khen', 'award', ['SVHTTDL 6/7 85,71', 'BHXH 5/7 71,43', 'BQLATTP 4/7 57,14']],
      ['leader', 'office', [`${f.vote.members[6]} 7/7 100,00`]],
      ['deputy', 'office', [`${f.vote.members[7]} 6/7 85,71`]],
    ]);
    expect(out[0]!.baseColumn).toBe('so với tổng số phiếu hợp lệ');
    const tie = structuredClone(f.vote);
    // Two seats: one unit clear, two level for the second seat, to be re-voted.
    tie.sections[1]!.rounds[0]!.votes = { SGDDT: 5, SLDTBXH: 4, SVHTTDL: 4 };
    const pending = voteOutcome(conferenceContextOf(f.data, Y, { vote: tie }))[1]!;
    expect(pending.pending).toBe('có đơn vị bằng phiếu chưa được giải quyết');
  });
});

describe('report figures', () => {
  const ctx = conferenceContextOf(f.data, Y);
  const ranking = yearRanking(f.data, Y).result;

  it('the pledge: its date and how many signed', () => {
    expect(pledgeFigures(f.data, Y)).toEqual({ date: '2024-02-20', signers: 8 });
    expect(pledgeFigures(f.data, 2023)).toBeNull();
  });

  it('self-assessments: complete, incomplete, missing; on time or late against a deadline by the files’ receipt', () => {
    const data = structuredClone(f.data);
    const last = ctx.members.at(-1)!;
    const second = ctx.members.at(-2)!;
    const firstCode = data.scoringTables.find((t) => t.year === Y)!.groups[0]!.criteria[0]!.code;
    data.scores = data.scores.filter((s) => !(s.year === Y && s.unitId === last.id) && !(s.year === Y && s.unitId === second.id && s.code === firstCode));
    const r = yearRanking(data, Y).result;
    const s = submissionFigures(data, ctx, r, '2024-12-15');
    expect(s.expected).toBe(8);
    expect(s.missing.map((u) => u.id)).toEqual([last.id]);
    expect(s.incomplete.map((u) => u.id)).toEqual([second.id]);
    expect(s.complete).toHaveLength(6);
    // Files of the last two received on 16/12 (one of them sent nothing).
    expect(s.timing!.late.map((u) => u.id)).toEqual([ctx.members.at(-3)!.id, second.id]);
    expect(s.timing!.onTime).toHaveLength(5);
    expect(s.timing!.unknown).toEqual([]);
    expect(submissionFigures(data, ctx, r, '').timing).toBeNull();
    // An undone import no longer counts as received.
    data.importBatches = data.importBatches.map((b) => ({ ...b, undoneAt: '2024-12-20T00:00:00.000Z' }));
    expect(submissionFigures(data, ctx, r, '2024-12-15').timing!.unknown).toHaveLength(7);
  });

  it('classification counts follow the ranking’s bands; history rows for every year up to this one', () => {
    expect(classificationCounts(ranking)).toEqual([]);
    const table = f.data.scoringTables.find((t) => t.year === Y)!;
    const banded = rankUnits({
      table,
      units: ctx.members,
      scores: f.data.scores.filter((s) => s.year === Y),
      tieRules: [],
      bands: [
        { label: 'Xuất sắc', min: 100 },
        { label: 'Tốt', min: 85 },
      ],
    });
    expect(classificationCounts(banded)).toEqual([
      { label: 'Xuất sắc', count: 3 },
      { label: 'Tốt', count: 5 },
    ]);
    const rows = historyRows(f.data, Y, (y) => yearRanking(f.data, y).result);
    expect(rows.map((r) => [r.year, r.members, r.ranked, r.top])).toEqual([
      [2023, 8, 8, 'Sở Y tế'],
      [2024, 8, 8, 'Sở Y tế'],
    ]);
    expect(rows[1]!.average).toBe(Math.round((ranking.entries.reduce((a, e) => a + e.totals!.total, 0) / 8) * 100) / 100);
  });
});
