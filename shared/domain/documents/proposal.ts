/**
 * The default draft of the proposal letter (Tờ trình đề nghị khen thưởng) to the province's
 * Emulation and Commendation Council. The lists of proposed units come from the vote; the căn cứ
 * lines cite the bloc's minutes by number and date (from the register, or as given).
 */
import type { BlocData } from '../../model/records';
import { conferenceContextOf, type ConferenceContext } from './conference-context';
import { blocName, blocSignerFields, placeOf, provinceCouncil } from './common';
import type { DocumentDraft } from './draft';

export function proposalDraftOf(ctx: ConferenceContext): DocumentDraft {
  const y = ctx.year;
  const bloc = blocName(ctx);
  return {
    fields: {
      date: ctx.conference?.date ?? '',
      place: placeOf(ctx),
      recipient: provinceCouncil(ctx),
      ...blocSignerFields(ctx),
    },
    sections: [
      {
        key: 'intro',
        title: '',
        text: `Năm ${y}, các đơn vị thành viên ${bloc} đã hoàn thành xuất sắc nhiệm vụ được giao. Tại Hội nghị tổng kết công tác thi đua, khen thưởng năm ${y}, các đơn vị thành viên đã bình xét, suy tôn bằng hình thức bỏ phiếu kín. ${bloc} kính đề nghị ${provinceCouncil(ctx)} xem xét, đề nghị khen thưởng cho các đơn vị sau:`,
      },
      {
        key: 'closing',
        title: '',
        text: `${bloc} kính trình ${provinceCouncil(ctx)} xem xét, quyết định./.`,
      },
    ],
  };
}

export function defaultProposalDraft(data: BlocData, year: number): DocumentDraft {
  return proposalDraftOf(conferenceContextOf(data, year));
}
