/**
 * Biên bản hội nghị (BB), Nghị định 30/2020 Phụ lục III Mẫu 1.9: time it began, place,
 * participants (units present out of members, guests), chủ trì (chủ tọa), thư ký, the agenda items
 * with their summaries, the vote's outcome per award and next year's Khối trưởng / Khối phó (from
 * the vote, through the conference context), the closing time, signatures THƯ KÝ (left) and CHỦ TỌA
 * (right), "Nơi nhận … Lưu: VT, Hồ sơ."
 */
import { awardOutcomes, fieldOf, linesOf, longDate, minutesDraftOf, provinceBoard, voteOutcome, votesPhrase, type SectionOutcome } from '../../../../shared/domain/documents';
import { DEPUTY_SECTION_ID, LEADER_SECTION_ID } from '../../../../shared/domain/vote/leadership';
import { asciiSlug } from '../../../../shared/text/vietnamese';
import { bodyParagraph, closing, documentModel, run, signatureGrid, title, type Block, type DocumentModel, type ParagraphBlock } from '../model/index';
import { conferenceHeader, conferenceJob, count2, dashList, labelled, prose, type ConferenceJob } from './conference-parts';
import type { DocumentModule } from './kind';

/** "Các đơn vị thành viên: có mặt 8/8 đơn vị" (with the absent ones named). */
function attendance(job: ConferenceJob): string {
  const { ctx } = job;
  const total = ctx.members.length;
  if (!ctx.present) return `có mặt ……/${count2(total)} đơn vị thành viên của Khối.`;
  const here = new Set(ctx.present.map((u) => u.id));
  const absent = ctx.members.filter((u) => !here.has(u.id));
  const base = `có mặt ${count2(ctx.present.length)}/${count2(total)} đơn vị thành viên của Khối`;
  return absent.length ? `${base} (vắng: ${absent.map((u) => u.name).join(', ')}).` : `${base}.`;
}

/** The proposed units of each award, with their votes; or why a section has none yet. */
export function awardLines(sections: SectionOutcome[]): Block[] {
  const out: Block[] = [];
  sections.forEach((s, i) => {
    const letter = String.fromCharCode(97 + i);
    if (s.pending) {
      out.push(bodyParagraph([run(`${letter}) ${s.title}: `, { bold: true }), run(`chưa có kết quả (${s.pending}).`)]));
    } else if (s.winners.length === 0) {
      out.push(bodyParagraph([run(`${letter}) ${s.title}: `, { bold: true }), run('không có đơn vị đủ số phiếu theo quy định.')]));
    } else {
      out.push(bodyParagraph([run(`${letter}) ${s.title}: `, { bold: true }), run(`đề nghị ${count2(s.winners.length)} đơn vị:`)]));
      out.push(...dashList(s.winners.map((w) => `${w.name}: ${votesPhrase(w, s)}`), 56.7));
    }
  });
  return out;
}

function voteBlocks(job: ConferenceJob): Block[] {
  if (!job.ctx.vote) return [bodyParagraph('(Chưa có kết quả kiểm phiếu: phần này được điền từ biên bản kiểm phiếu.)', { italics: true })];
  return awardLines(awardOutcomes(job.ctx));
}

function leadershipBlocks(job: ConferenceJob): Block[] {
  const { ctx } = job;
  const sections = voteOutcome(ctx);
  const line = (office: string, sectionId: string, name: string | undefined): string => {
    const s = sections.find((x) => x.id === sectionId);
    const w = s?.winners[0];
    return w ? `${office} năm ${ctx.year + 1}: ${w.name} (${votesPhrase(w, s!)})` : `${office} năm ${ctx.year + 1}: ${name ?? '……'}`;
  };
  return dashList([line('Khối trưởng', LEADER_SECTION_ID, ctx.nextLeader?.name), line('Khối phó', DEPUTY_SECTION_ID, ctx.nextDeputy?.name)]);
}

export function minutesModel(job: ConferenceJob): DocumentModel {
  const { draft, ctx } = job;
  const meeting = fieldOf(draft, 'meetingDate');
  const guests = linesOf(fieldOf(draft, 'guests'));
  const body: Block[] = [
    conferenceHeader(job, 'minutes'),
    title('BIÊN BẢN', { subject: fieldOf(draft, 'subject') }),
    labelled('Thời gian bắt đầu', `${fieldOf(draft, 'startTime') || '…… giờ ……'}, ${longDate(meeting)}.`),
    labelled('Địa điểm', `${fieldOf(draft, 'meetingPlace') || '……'}.`),
    labelled('Thành phần tham dự', ''),
    ...dashList([`Đại biểu khách mời: ${guests.length ? guests.join('; ') : '……'}`, `Các đơn vị thành viên: ${attendance(job).replace(/\.$/, '')}`]),
    labelled('Chủ trì (chủ tọa)', `${fieldOf(draft, 'chair') || '……'}.`),
    labelled('Thư ký (người ghi biên bản)', `${fieldOf(draft, 'secretary') || '……'}.`),
    labelled('Nội dung (theo diễn biến hội nghị)', ''),
  ];
  draft.sections.forEach((s, i) => {
    const head: ParagraphBlock = { ...bodyParagraph([run(`${i + 1}. ${s.title.trim()}`, { bold: true })]), keepWithNext: true };
    body.push(head, ...prose(s.text));
    if (s.key === 'count') body.push(...voteBlocks(job));
    if (s.key === 'leadership') body.push(...leadershipBlocks(job));
  });
  body.push(bodyParagraph(`Hội nghị kết thúc vào ${fieldOf(draft, 'endTime') || '…… giờ ……'}, ${longDate(meeting)}/.`));
  body.push(
    signatureGrid(
      [
        { title: 'THƯ KÝ', name: fieldOf(draft, 'secretaryName') },
        { title: 'CHỦ TỌA', name: fieldOf(draft, 'chairName') },
      ],
      2,
    ),
  );
  body.push(closing(['Các đơn vị thành viên Khối', provinceBoard(ctx), 'Lưu: VT, Hồ sơ'], null));
  return documentModel({ title: `Biên bản hội nghị tổng kết năm ${ctx.year}`, author: ctx.bloc.issuingBody || ctx.bloc.name }, body);
}

export const minutesKind: DocumentModule = {
  kind: 'minutes',
  title: 'Biên bản hội nghị',
  formats: ['pdf', 'docx'],
  options: ['draft', 'vote', 'issued'],
  fileName: (data, year) => `Bien-ban-hoi-nghi-tong-ket-${year}-${asciiSlug(data.bloc.shortName || data.bloc.name, 30)}`,
  build: (data, year, options) => minutesModel(conferenceJob(data, year, 'minutes', options, minutesDraftOf)),
};
