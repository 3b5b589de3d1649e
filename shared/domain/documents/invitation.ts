/**
 * The default draft of the invitation (Giấy mời) to the year-end conference. The time and place
 * are fields (printed as "Thời gian" and "Địa điểm"); the rest is prose.
 */
import type { BlocData } from '../../model/records';
import { conferenceContextOf, type ConferenceContext } from './conference-context';
import { blocName, blocSignerFields, placeOf, provinceBoard } from './common';
import type { DocumentDraft } from './draft';

export function invitationDraftOf(ctx: ConferenceContext): DocumentDraft {
  const y = ctx.year;
  const c = ctx.conference;
  const meetingDate = c?.date ?? '';
  const guests = c?.guests.length ? c.guests : [provinceBoard(ctx), 'Lãnh đạo UBND tỉnh phụ trách Khối'];
  return {
    fields: {
      date: '',
      place: placeOf(ctx),
      subject: `Dự Hội nghị tổng kết công tác thi đua, khen thưởng năm ${y} và triển khai nhiệm vụ năm ${y + 1}`,
      meetingDate,
      startTime: c?.startTime || '08 giờ 00',
      meetingPlace: c?.place || '',
      guests: guests.join('\n'),
      ...blocSignerFields(ctx),
    },
    sections: [
      {
        key: 'purpose',
        title: '',
        text: `Thực hiện Quy chế hoạt động của Khối, ${blocName(ctx)} tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng năm ${y}, bình xét, suy tôn đơn vị đề nghị khen thưởng và triển khai nhiệm vụ năm ${y + 1}.`,
      },
      {
        key: 'programme',
        title: 'Nội dung',
        text: [
          `Báo cáo tổng kết công tác thi đua, khen thưởng năm ${y}, phương hướng, nhiệm vụ năm ${y + 1};`,
          `Công bố kết quả chấm điểm, xếp hạng thi đua năm ${y};`,
          'Bình xét, suy tôn đơn vị đề nghị tặng Cờ thi đua và Bằng khen;',
          `Bầu Khối trưởng, Khối phó năm ${y + 1}; ký kết giao ước thi đua năm ${y + 1}.`,
        ].join('\n'),
      },
      {
        key: 'attendees',
        title: 'Thành phần',
        text: 'Đại diện lãnh đạo các đơn vị thành viên của Khối (mỗi đơn vị 01 đồng chí có thẩm quyền bỏ phiếu) và cán bộ làm công tác thi đua, khen thưởng.',
      },
      {
        key: 'bring',
        title: 'Đề nghị mang theo',
        text: 'Con dấu của đơn vị (để đóng dấu phiếu bầu) và báo cáo thành tích của đơn vị được đề nghị khen thưởng (nếu có).',
      },
      { key: 'closing', title: '', text: 'Rất mong các đồng chí đến dự đúng thời gian và thành phần./.' },
    ],
  };
}

/** The invitation's default draft from the data of a year. */
export function defaultInvitationDraft(data: BlocData, year: number): DocumentDraft {
  return invitationDraftOf(conferenceContextOf(data, year));
}
