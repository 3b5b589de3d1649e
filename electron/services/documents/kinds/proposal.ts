/**
 * Tờ trình đề nghị khen thưởng (TTr) to the province's Hội đồng Thi đua - Khen thưởng: the căn cứ
 * lines (the year's legal basis, then the bloc's conference minutes and vote-count minutes by number
 * and date: from the register, else as given), the proposed units per award with their votes,
 * percent, rank and total score, "(Có báo cáo thành tích kèm theo)", "Nơi nhận: Như trên; Lưu: VT, KTĐ."
 * The bloc proposes ("đề nghị"); it never says a unit has won ("đạt") an award.
 */
import { UserError } from '../../../../shared/errors';
import { awardOutcomes, blocName, fieldOf, longDate, proposalDraftOf, sectionOf, type ConferenceContext, type SectionOutcome } from '../../../../shared/domain/documents';
import type { RankingResult } from '../../../../shared/domain/ranking';
import { entryNumberText, issuedEntryFor, numberSymbol, type RegisterEntry } from '../../../../shared/domain/register';
import { asciiSlug } from '../../../../shared/text/vietnamese';
import { bodyParagraph, closing, documentModel, legalBasis, title, type Block, type DocumentModel } from '../model/index';
import { addressee, blocSigner, conferenceHeader, conferenceJob, count2, dataTable, heading, nameList, points, prose, rankingOrNull, type ConferenceJob } from './conference-parts';
import type { DocumentModule } from './kind';

type Reference = Pick<RegisterEntry, 'number' | 'date'>;

/** "số 05/BB-KTĐVHXH ngày 05 tháng 01 năm 2026", or blanks to fill by hand when the number is not known. */
function citation(ctx: ConferenceContext, kind: string, given: Reference | undefined): string {
  const entry = issuedEntryFor(ctx.register, kind, ctx.year);
  if (entry) return `số ${entryNumberText(entry, ctx.bloc.partyFormat)} ${longDate(entry.date)}`;
  if (given) return `số ${numberSymbol(given.number, 'BB', ctx.symbol, ctx.bloc.partyFormat)} ${longDate(given.date)}`;
  return `số ……/BB-${ctx.symbol} ${longDate('')}`;
}

/** The awards with proposed units; a UserError (Vietnamese) when the vote cannot back a proposal. */
export function proposedAwards(ctx: ConferenceContext): SectionOutcome[] {
  const bloc = blocName(ctx);
  if (!ctx.vote) {
    throw new UserError(
      'proposal-no-vote',
      `Chưa có kết quả bỏ phiếu bình xét năm ${ctx.year} của ${bloc}: tờ trình đề nghị khen thưởng cần danh sách đơn vị được đề nghị. Hãy nhập kết quả kiểm phiếu trước.`,
    );
  }
  const awards = awardOutcomes(ctx);
  const pending = awards.filter((s) => s.pending);
  if (pending.length) {
    throw new UserError(
      'proposal-vote-pending',
      `Kết quả bình xét năm ${ctx.year} chưa xong ở mục ${pending.map((s) => `"${s.title}" (${s.pending})`).join(', ')}: chưa lập được tờ trình.`,
    );
  }
  const proposed = awards.filter((s) => s.winners.length > 0);
  if (!proposed.length) {
    throw new UserError('proposal-nobody', `Kết quả bình xét năm ${ctx.year} không có đơn vị nào đủ số phiếu để đề nghị khen thưởng: không có gì để trình.`);
  }
  return proposed;
}

function awardTable(s: SectionOutcome, ranking: RankingResult | null): Block {
  const byUnit = new Map((ranking?.entries ?? []).map((e) => [e.code, e]));
  const rows = s.winners.map((w, i) => {
    const r = byUnit.get(w.code);
    return [String(i + 1), w.name, `${w.votes}/${w.base}`, w.percent, r?.rank ? String(r.rank) : '', points(r?.totals?.total)];
  });
  return dataTable(['STT', 'Tên đơn vị', 'Số phiếu', 'Tỷ lệ (%)', 'Xếp hạng', 'Tổng điểm'], rows, [28, '*', 52, 52, 46, 52], [
    'center',
    'left',
    'center',
    'center',
    'center',
    'center',
  ]);
}

export function proposalModel(job: ConferenceJob): DocumentModel {
  const { data, ctx, draft, options } = job;
  const awards = proposedAwards(ctx);
  const ranking = rankingOrNull(data, ctx.year);
  const bloc = blocName(ctx);
  const subject = fieldOf(draft, 'subject') || `V/v đề nghị tặng ${nameList(awards.map((s) => s.title))} năm ${ctx.year}`;
  const basis = [
    ...(ctx.yearRecord?.rules.legalBasis ?? []),
    `Căn cứ Biên bản Hội nghị tổng kết công tác thi đua, khen thưởng năm ${ctx.year} của ${bloc} ${citation(ctx, 'minutes', options.references?.minutes)};`,
    `Căn cứ Biên bản kiểm phiếu bình xét, suy tôn khen thưởng năm ${ctx.year} của ${bloc} ${citation(ctx, 'vote-minutes', options.references?.voteMinutes)},`,
  ];
  const body: Block[] = [
    conferenceHeader(job, 'proposal'),
    title('TỜ TRÌNH', { subject }),
    ...addressee([fieldOf(draft, 'recipient')]),
    ...legalBasis(basis),
    ...prose(sectionOf(draft, 'intro')?.text ?? ''),
  ];
  awards.forEach((s, i) => {
    body.push(heading(`${i + 1}. Đề nghị tặng ${s.title} (${count2(s.winners.length)} đơn vị):`, 2));
    body.push(awardTable(s, ranking));
    body.push(bodyParagraph(`Tỷ lệ phiếu tính ${s.baseColumn}.`, { italics: true }));
  });
  body.push({ kind: 'paragraph', runs: [{ text: '(Có báo cáo thành tích kèm theo)', italics: true }], align: 'center', spaceBefore: 4, spaceAfter: 6 });
  for (const s of draft.sections) if (s.key !== 'intro' && s.key !== 'closing') body.push(...prose(s.text));
  body.push(...prose(sectionOf(draft, 'closing')?.text ?? ''));
  body.push(closing(['Như trên', 'Lưu: VT, KTĐ'], blocSigner(draft)));
  return documentModel({ title: `Tờ trình đề nghị khen thưởng năm ${ctx.year}`, author: ctx.bloc.issuingBody || ctx.bloc.name }, body);
}

export const proposalKind: DocumentModule = {
  kind: 'proposal',
  title: 'Tờ trình đề nghị khen thưởng',
  formats: ['pdf', 'docx'],
  options: ['draft', 'vote', 'issued', 'references'],
  fileName: (data, year) => `To-trinh-de-nghi-khen-thuong-${year}-${asciiSlug(data.bloc.shortName || data.bloc.name, 30)}`,
  build: (data, year, options) => proposalModel(conferenceJob(data, year, 'proposal', options, proposalDraftOf)),
};
