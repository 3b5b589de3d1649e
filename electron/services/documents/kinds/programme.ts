/**
 * Chương trình hội nghị: the agenda of the year-end conference as a table (time, content, who),
 * from the default order (opening; summary report; speeches; ranking; vote-count committee; vote;
 * vote-count minutes; next year's leadership; next year's pledge; closing), each row editable.
 */
import { fieldOf, programmeDraftOf } from '../../../../shared/domain/documents';
import { asciiSlug } from '../../../../shared/text/vietnamese';
import { documentModel, title, type DocumentModel } from '../model/index';
import { conferenceHeader, conferenceJob, dataTable, type ConferenceJob } from './conference-parts';
import type { DocumentModule } from './kind';

export function programmeModel(job: ConferenceJob): DocumentModel {
  const { draft, ctx } = job;
  const rows = draft.sections.map((s) => [fieldOf(draft, `time:${s.key}`), s.title.trim(), s.text.trim()]);
  return documentModel({ title: `Chương trình hội nghị tổng kết năm ${ctx.year}`, author: ctx.bloc.issuingBody || ctx.bloc.name }, [
    conferenceHeader(job, 'programme'),
    title('CHƯƠNG TRÌNH', { subject: fieldOf(draft, 'subject') }),
    dataTable(['Thời gian', 'Nội dung', 'Người thực hiện'], rows, [82, '*', 150], ['center', 'left', 'left'], { fontSize: 13 }),
  ]);
}

export const programmeKind: DocumentModule = {
  kind: 'programme',
  title: 'Chương trình hội nghị',
  formats: ['pdf', 'docx'],
  options: ['draft', 'vote'],
  fileName: (data, year) => `Chuong-trinh-hoi-nghi-tong-ket-${year}-${asciiSlug(data.bloc.shortName || data.bloc.name, 30)}`,
  build: (data, year, options) => programmeModel(conferenceJob(data, year, 'programme', options, programmeDraftOf)),
};
