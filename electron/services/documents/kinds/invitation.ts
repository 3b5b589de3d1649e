/**
 * Giấy mời (GM) to the year-end conference: the member units and the guests (the province's Ban
 * Thi đua - Khen thưởng, the supervising leader) under "Kính gửi", the time, place, programme,
 * who attends and what to bring. One invitation listing every recipient, or one per recipient
 * (option `perRecipient`, each on its own page, without page numbers: each is a paper of its own).
 */
import { fieldOf, invitationDraftOf, linesOf, longDate, sectionOf } from '../../../../shared/domain/documents';
import { asciiSlug } from '../../../../shared/text/vietnamese';
import { closing, documentModel, pageBreak, title, type Block, type DocumentModel } from '../model/index';
import { addressee, blocSigner, conferenceHeader, conferenceJob, dashList, labelled, prose, type ConferenceJob } from './conference-parts';
import type { DocumentModule } from './kind';

/** Every recipient: the guests first, then the member units in the year's order. */
export function invitationRecipients(job: ConferenceJob): string[] {
  return [...linesOf(fieldOf(job.draft, 'guests')), ...job.ctx.members.map((u) => u.name)];
}

function invitationBody(job: ConferenceJob, recipients: string[]): Block[] {
  const { draft } = job;
  const text = (key: string) => sectionOf(draft, key)?.text ?? '';
  const titleOf = (key: string, fallback: string) => sectionOf(draft, key)?.title.trim() || fallback;
  const when = `${fieldOf(draft, 'startTime') || '…… giờ ……'}, ${longDate(fieldOf(draft, 'meetingDate'))}.`;
  const items: Block[] = [
    conferenceHeader(job, 'invitation'),
    title('GIẤY MỜI', { subject: fieldOf(draft, 'subject') }),
    ...addressee(recipients),
    ...prose(text('purpose')),
    labelled('1. Thời gian', when),
    labelled('2. Địa điểm', `${fieldOf(draft, 'meetingPlace') || '……'}.`),
    labelled(`3. ${titleOf('programme', 'Nội dung')}`, ''),
    ...dashList(linesOf(text('programme')).map((l) => l.replace(/^[-–]\s*/, ''))),
    labelled(`4. ${titleOf('attendees', 'Thành phần')}`, text('attendees').trim()),
    labelled(`5. ${titleOf('bring', 'Đề nghị mang theo')}`, text('bring').trim()),
  ];
  // Sections the user added come before the closing sentence, as plain paragraphs.
  for (const s of draft.sections) {
    if (['purpose', 'programme', 'attendees', 'bring', 'closing'].includes(s.key)) continue;
    items.push(...(s.title.trim() ? [labelled(s.title.trim(), s.text.trim())] : prose(s.text)));
  }
  items.push(...prose(text('closing')));
  items.push(closing(['Như trên', 'Lưu: VT'], blocSigner(draft)));
  return items;
}

export function invitationModel(job: ConferenceJob, perRecipient: boolean): DocumentModel {
  const recipients = invitationRecipients(job);
  const meta = { title: `Giấy mời dự hội nghị tổng kết năm ${job.ctx.year}`, author: job.ctx.bloc.issuingBody || job.ctx.bloc.name };
  if (!perRecipient) return documentModel(meta, invitationBody(job, recipients));
  const body: Block[] = [];
  recipients.forEach((r, i) => {
    if (i > 0) body.push(pageBreak());
    body.push(...invitationBody(job, [r]));
  });
  return documentModel(meta, body, { pageNumbers: false });
}

export const invitationKind: DocumentModule = {
  kind: 'invitation',
  title: 'Giấy mời dự hội nghị',
  formats: ['pdf', 'docx'],
  options: ['draft', 'perRecipient', 'vote', 'issued'],
  fileName: (data, year, options) => `Giay-moi-hoi-nghi-tong-ket-${year}${options.perRecipient ? '-tung-don-vi' : ''}-${asciiSlug(data.bloc.shortName || data.bloc.name, 30)}`,
  build: (data, year, options) => invitationModel(conferenceJob(data, year, 'invitation', options, invitationDraftOf), options.perRecipient === true),
};
