/**
 * The two reports, with their figures filled in from the data and the prose from the draft:
 * - Báo cáo tổng kết công tác thi đua, khen thưởng năm N và phương hướng năm N+1 (BC): members and
 *   who led the bloc; the pledge signed; self-assessments received (on time or late when a deadline
 *   is set); the ranking table and classification counts; the proposals per award with their votes;
 *   the comparison with past years where the history exists (a table, each unit's rank over the
 *   years and the awards per year as charts); then shortcomings and causes, lessons,
 *   directions for next year.
 * - Báo cáo sơ kết 6 tháng: the pledge, the self-assessments so far, the cross-inspection notes.
 */
import {
  awardOutcomes,
  classificationCounts,
  fieldOf,
  historyRows,
  midyearReportDraftOf,
  pledgeFigures,
  provinceBoard,
  sectionOf,
  submissionFigures,
  summaryReportDraftOf,
  type ConferenceContext,
} from '../../../../shared/domain/documents';
import type { RankingResult } from '../../../../shared/domain/ranking';
import type { BlocData } from '../../../../shared/model/records';
import { asciiSlug, formatDateVi } from '../../../../shared/text/vietnamese';
import { bodyParagraph, closing, documentModel, title, type Block, type DocumentModel } from '../model/index';
import { historyCharts } from './history-charts';
import { awardLines } from './minutes';
import { blocSigner, conferenceHeader, conferenceJob, count2, dataTable, heading, nameList, points, prose, rankingOrNull, roman, type ConferenceJob } from './conference-parts';
import type { DocumentModule } from './kind';

const RECIPIENTS = (ctx: ConferenceContext) => [provinceBoard(ctx), 'Các đơn vị thành viên Khối', 'Lưu: VT'];

function membersParagraph(ctx: ConferenceContext): Block {
  const lead = [
    ctx.leader ? `Khối trưởng: ${ctx.leader.name}` : '',
    ctx.deputy ? `Khối phó: ${ctx.deputy.name}` : '',
  ].filter(Boolean);
  return bodyParagraph(
    `Năm ${ctx.year}, Khối có ${count2(ctx.members.length)} đơn vị thành viên: ${nameList(ctx.members.map((u) => u.name))}.` +
      (lead.length ? ` ${lead.join('; ')}.` : ''),
  );
}

function pledgeParagraph(data: BlocData, ctx: ConferenceContext): Block {
  const p = pledgeFigures(data, ctx.year);
  if (!p) return bodyParagraph(`Hồ sơ năm ${ctx.year} chưa có bản giao ước thi đua.`);
  return bodyParagraph(`Ngày ${formatDateVi(p.date)}, ${count2(p.signers)}/${count2(ctx.members.length)} đơn vị thành viên ký kết giao ước thi đua năm ${ctx.year}.`);
}

function submissionParagraphs(data: BlocData, ctx: ConferenceContext, ranking: RankingResult | null, deadline: string, soFar: boolean): Block[] {
  if (!ranking) return [bodyParagraph(`Năm ${ctx.year} chưa có bảng chấm điểm nên chưa có số liệu tự chấm điểm.`)];
  const s = submissionFigures(data, ctx, ranking, deadline);
  const received = s.complete.length + s.incomplete.length;
  const out: Block[] = [];
  let first = `${soFar ? 'Đến thời điểm báo cáo, đã nhận' : 'Đã nhận'} phiếu tự chấm điểm của ${count2(received)}/${count2(s.expected)} đơn vị`;
  if (s.timing) {
    first += ` (đúng hạn ${formatDateVi(s.timing.deadline)}: ${count2(s.timing.onTime.length)} đơn vị; chậm: ${count2(s.timing.late.length)} đơn vị`;
    first += s.timing.unknown.length ? `; không rõ ngày nhận: ${count2(s.timing.unknown.length)} đơn vị)` : ')';
  }
  out.push(bodyParagraph(`${first}.`));
  if (s.timing?.late.length) out.push(bodyParagraph(`Đơn vị gửi chậm: ${nameList(s.timing.late.map((u) => u.name))}.`));
  if (s.incomplete.length) out.push(bodyParagraph(`Đơn vị chấm chưa đủ các tiêu chí: ${nameList(s.incomplete.map((u) => u.name))}.`));
  if (s.missing.length) out.push(bodyParagraph(`Đơn vị chưa gửi: ${nameList(s.missing.map((u) => u.name))}.`));
  return out;
}

function rankingBlocks(ctx: ConferenceContext, ranking: RankingResult | null): Block[] {
  if (!ranking) return [bodyParagraph(`Năm ${ctx.year} chưa có kết quả chấm điểm, xếp hạng.`)];
  const ranked = ranking.entries.filter((e) => e.rank !== null);
  if (!ranked.length) return [bodyParagraph('Chưa có đơn vị nào đủ điểm để xếp hạng.')];
  const classified = ranked.some((e) => e.classification);
  const rows = ranking.entries.map((e) => [
    e.rank === null ? '' : String(e.rank),
    e.name,
    e.totals ? points(e.totals.total) : 'chưa nộp',
    ...(classified ? [e.classification ?? ''] : []),
  ]);
  const out: Block[] = [
    bodyParagraph(`Kết quả chấm điểm, xếp hạng thi đua năm ${ctx.year} của ${count2(ranked.length)} đơn vị như sau:`),
    dataTable(
      ['Xếp hạng', 'Tên đơn vị', 'Tổng điểm', ...(classified ? ['Xếp loại'] : [])],
      rows,
      classified ? [52, '*', 62, 80] : [52, '*', 70],
      ['center', 'left', 'center', 'center'],
    ),
  ];
  const counts = classificationCounts(ranking);
  if (counts.length) out.push(bodyParagraph(`Xếp loại: ${counts.map((c) => `${c.label} ${count2(c.count)} đơn vị`).join('; ')}.`));
  return out;
}

function voteBlocks(ctx: ConferenceContext): Block[] {
  if (!ctx.vote) return [bodyParagraph('Chưa có kết quả bình xét, suy tôn.')];
  const leaders = [
    ctx.nextLeader ? `Khối trưởng năm ${ctx.year + 1}: ${ctx.nextLeader.name}` : '',
    ctx.nextDeputy ? `Khối phó năm ${ctx.year + 1}: ${ctx.nextDeputy.name}` : '',
  ].filter(Boolean);
  return [
    bodyParagraph(`Hội nghị tổng kết đã bình xét, suy tôn bằng hình thức bỏ phiếu kín, kết quả:`),
    ...awardLines(awardOutcomes(ctx)),
    ...(leaders.length ? [bodyParagraph(`Hội nghị bầu ${leaders.join('; ')}.`)] : []),
  ];
}

function historyBlocks(data: BlocData, ctx: ConferenceContext, ranking: RankingResult | null): Block[] {
  const rows = historyRows(data, ctx.year, (y) => (y === ctx.year ? ranking : rankingOrNull(data, y)));
  if (rows.length < 2) return [];
  return [
    dataTable(
      ['Năm', 'Số đơn vị', 'Đơn vị nộp đủ', 'Điểm bình quân', 'Đơn vị dẫn đầu', 'Khối trưởng'],
      rows.map((r) => [String(r.year), String(r.members), r.ranked === null ? '' : String(r.ranked), points(r.average), r.top ?? '', r.leader ?? '']),
      [36, 44, 50, 56, '*', '*'],
      ['center', 'center', 'center', 'center', 'left', 'left'],
      { fontSize: 11 },
    ),
    ...historyCharts(data, ctx.year),
  ];
}

/** Prose of a draft section, under its own (editable) title as a numbered sub-heading. */
function sectionBlocks(job: ConferenceJob, key: string, label?: string): Block[] {
  const s = sectionOf(job.draft, key);
  if (!s) return [];
  const head = label ?? s.title.trim();
  return [...(head ? [heading(head, 2)] : []), ...prose(s.text)];
}

/** Sections the user added to a report: each a part of its own after the known ones. */
function extraSections(job: ConferenceJob, known: string[], nextPart: number): Block[] {
  const out: Block[] = [];
  for (const s of job.draft.sections) {
    if (known.includes(s.key)) continue;
    out.push(heading(`${roman(nextPart++)}. ${s.title.trim() || 'Nội dung khác'}`), ...prose(s.text));
  }
  return out;
}

export function summaryReportModel(job: ConferenceJob): DocumentModel {
  const { data, ctx, draft } = job;
  const ranking = rankingOrNull(data, ctx.year);
  const history = historyBlocks(data, ctx, ranking);
  const titleOf = (key: string, fallback: string) => sectionOf(draft, key)?.title.trim() || fallback;
  let sub = 0;
  const n = () => `${++sub}. `;
  const body: Block[] = [
    conferenceHeader(job, 'summary-report'),
    title('BÁO CÁO', { subject: fieldOf(draft, 'subject') }),
    heading(`I. ${titleOf('situation', 'Đặc điểm, tình hình')}`),
    membersParagraph(ctx),
    ...prose(sectionOf(draft, 'situation')?.text ?? ''),
    heading('II. Kết quả thực hiện công tác thi đua, khen thưởng'),
    heading(`${n()}Tổ chức phong trào thi đua, ký kết giao ước`, 2),
    pledgeParagraph(data, ctx),
    ...sectionBlocks(job, 'results', `${n()}${titleOf('results', 'Kết quả đạt được')}`),
    heading(`${n()}Tự chấm điểm thi đua`, 2),
    ...submissionParagraphs(data, ctx, ranking, fieldOf(draft, 'deadline'), false),
    heading(`${n()}Kết quả chấm điểm, xếp hạng`, 2),
    ...rankingBlocks(ctx, ranking),
    heading(`${n()}Kết quả bình xét, suy tôn`, 2),
    ...voteBlocks(ctx),
    ...(history.length ? [heading(`${n()}So sánh với các năm trước`, 2), ...history] : []),
    heading('III. Tồn tại, hạn chế và nguyên nhân'),
    ...sectionBlocks(job, 'shortcomings', `1. ${titleOf('shortcomings', 'Tồn tại, hạn chế')}`),
    ...sectionBlocks(job, 'causes', `2. ${titleOf('causes', 'Nguyên nhân')}`),
    heading(`IV. ${titleOf('lessons', 'Bài học kinh nghiệm')}`),
    ...prose(sectionOf(draft, 'lessons')?.text ?? ''),
    heading(`V. ${titleOf('directions', `Phương hướng, nhiệm vụ năm ${ctx.year + 1}`)}`),
    ...prose(sectionOf(draft, 'directions')?.text ?? ''),
    ...extraSections(job, ['situation', 'results', 'shortcomings', 'causes', 'lessons', 'directions'], 6),
    closing(RECIPIENTS(ctx), blocSigner(draft)),
  ];
  return documentModel({ title: `Báo cáo tổng kết công tác thi đua, khen thưởng năm ${ctx.year}`, author: ctx.bloc.issuingBody || ctx.bloc.name }, body);
}

export function midyearReportModel(job: ConferenceJob): DocumentModel {
  const { data, ctx, draft } = job;
  const ranking = rankingOrNull(data, ctx.year);
  const titleOf = (key: string, fallback: string) => sectionOf(draft, key)?.title.trim() || fallback;
  const body: Block[] = [
    conferenceHeader(job, 'midyear-report'),
    title('BÁO CÁO', { subject: fieldOf(draft, 'subject') }),
    heading(`I. ${titleOf('results', 'Kết quả thực hiện 6 tháng đầu năm')}`),
    membersParagraph(ctx),
    heading('1. Ký kết và thực hiện giao ước thi đua', 2),
    pledgeParagraph(data, ctx),
    ...prose(sectionOf(draft, 'results')?.text ?? ''),
    heading('2. Tự chấm điểm thi đua', 2),
    ...submissionParagraphs(data, ctx, ranking, '', true),
    ...sectionBlocks(job, 'inspection', `3. ${titleOf('inspection', 'Kết quả kiểm tra chéo')}`),
    heading(`II. ${titleOf('shortcomings', 'Tồn tại, hạn chế')}`),
    ...prose(sectionOf(draft, 'shortcomings')?.text ?? ''),
    heading(`III. ${titleOf('tasks', 'Nhiệm vụ 6 tháng cuối năm')}`),
    ...prose(sectionOf(draft, 'tasks')?.text ?? ''),
    ...extraSections(job, ['results', 'inspection', 'shortcomings', 'tasks'], 4),
    closing(RECIPIENTS(ctx), blocSigner(draft)),
  ];
  return documentModel({ title: `Báo cáo sơ kết 6 tháng đầu năm ${ctx.year}`, author: ctx.bloc.issuingBody || ctx.bloc.name }, body);
}

const slug = (data: BlocData) => asciiSlug(data.bloc.shortName || data.bloc.name, 30);

export const summaryReportKind: DocumentModule = {
  kind: 'summary-report',
  title: 'Báo cáo tổng kết công tác thi đua, khen thưởng',
  formats: ['pdf', 'docx'],
  options: ['draft', 'vote', 'issued'],
  fileName: (data, year) => `Bao-cao-tong-ket-thi-dua-${year}-${slug(data)}`,
  build: (data, year, options) => summaryReportModel(conferenceJob(data, year, 'summary-report', options, summaryReportDraftOf)),
};

export const midyearReportKind: DocumentModule = {
  kind: 'midyear-report',
  title: 'Báo cáo sơ kết 6 tháng',
  formats: ['pdf', 'docx'],
  options: ['draft', 'issued'],
  fileName: (data, year) => `Bao-cao-so-ket-6-thang-${year}-${slug(data)}`,
  build: (data, year, options) => midyearReportModel(conferenceJob(data, year, 'midyear-report', options, midyearReportDraftOf)),
};
