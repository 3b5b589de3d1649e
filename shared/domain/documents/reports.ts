/**
 * Default drafts of the two reports: the year-end summary (Báo cáo tổng kết công tác thi đua, khen
 * thưởng năm N và phương hướng năm N+1) and the mid-year review (Báo cáo sơ kết 6 tháng). The
 * figures (members, pledge, self-assessments, ranking, votes, history) are printed from the data;
 * the draft holds the prose around them.
 */
import type { BlocData } from '../../model/records';
import { conferenceContextOf, type ConferenceContext } from './conference-context';
import { blocName, blocSignerFields, placeOf } from './common';
import type { DocumentDraft } from './draft';

export function summaryReportDraftOf(ctx: ConferenceContext): DocumentDraft {
  const y = ctx.year;
  const bloc = blocName(ctx);
  return {
    fields: {
      date: ctx.conference?.date ?? '',
      place: placeOf(ctx),
      subject: `Tổng kết công tác thi đua, khen thưởng năm ${y} và phương hướng, nhiệm vụ năm ${y + 1}`,
      /** Due date of the self-assessments (ISO); when set, received files are counted on time or late. */
      deadline: '',
      ...blocSignerFields(ctx),
    },
    sections: [
      {
        key: 'situation',
        title: 'Đặc điểm, tình hình',
        text: `Năm ${y}, các đơn vị thành viên ${bloc} thực hiện nhiệm vụ chính trị trong bối cảnh có nhiều thuận lợi, đồng thời còn không ít khó khăn. Được sự quan tâm chỉ đạo của Hội đồng Thi đua - Khen thưởng tỉnh, các đơn vị đã chủ động triển khai phong trào thi đua gắn với nhiệm vụ chuyên môn.`,
      },
      {
        key: 'results',
        title: 'Kết quả đạt được',
        text: 'Các đơn vị thành viên đã tổ chức phát động phong trào thi đua sâu rộng, gắn với thực hiện nhiệm vụ chính trị được giao; công tác khen thưởng kịp thời, đúng quy định. (Bổ sung kết quả nổi bật của từng đơn vị.)',
      },
      {
        key: 'shortcomings',
        title: 'Tồn tại, hạn chế',
        text: 'Một số đơn vị gửi báo cáo, phiếu tự chấm điểm chưa đúng thời gian quy định; việc phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến có lúc chưa kịp thời.',
      },
      {
        key: 'causes',
        title: 'Nguyên nhân',
        text: 'Khối lượng công việc chuyên môn lớn; cán bộ làm công tác thi đua, khen thưởng ở một số đơn vị còn kiêm nhiệm.',
      },
      {
        key: 'lessons',
        title: 'Bài học kinh nghiệm',
        text: 'Phong trào thi đua phải gắn với nhiệm vụ chính trị của từng đơn vị; có sự phối hợp chặt chẽ giữa các đơn vị trong Khối; tiêu chí chấm điểm rõ ràng, công khai.',
      },
      {
        key: 'directions',
        title: `Phương hướng, nhiệm vụ năm ${y + 1}`,
        text: [
          `Tiếp tục đẩy mạnh phong trào thi đua yêu nước, gắn với thực hiện thắng lợi nhiệm vụ chính trị năm ${y + 1}.`,
          `Tổ chức ký kết giao ước thi đua năm ${y + 1}; thực hiện kiểm tra chéo, sơ kết 6 tháng và tổng kết theo quy chế.`,
          'Thực hiện công tác khen thưởng kịp thời, chính xác; chú trọng phát hiện, nhân rộng điển hình tiên tiến.',
        ].join('\n'),
      },
    ],
  };
}

export function defaultSummaryReportDraft(data: BlocData, year: number): DocumentDraft {
  return summaryReportDraftOf(conferenceContextOf(data, year));
}

export function midyearReportDraftOf(ctx: ConferenceContext): DocumentDraft {
  const y = ctx.year;
  return {
    fields: {
      date: '',
      place: placeOf(ctx),
      subject: `Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm ${y} và nhiệm vụ 6 tháng cuối năm ${y}`,
      ...blocSignerFields(ctx),
    },
    sections: [
      {
        key: 'results',
        title: 'Kết quả thực hiện 6 tháng đầu năm',
        text: `Ngay từ đầu năm ${y}, các đơn vị thành viên đã xây dựng kế hoạch, phát động phong trào thi đua gắn với nhiệm vụ chuyên môn. (Bổ sung kết quả nổi bật của các đơn vị.)`,
      },
      {
        key: 'inspection',
        title: 'Kết quả kiểm tra chéo',
        text: 'Đoàn kiểm tra chéo của Khối đã kiểm tra tại các đơn vị thành viên. (Ghi nhận xét của đoàn kiểm tra.)',
      },
      {
        key: 'shortcomings',
        title: 'Tồn tại, hạn chế',
        text: 'Một số đơn vị chưa gửi báo cáo đúng thời gian quy định.',
      },
      {
        key: 'tasks',
        title: 'Nhiệm vụ 6 tháng cuối năm',
        text: [
          `Tiếp tục thực hiện các nội dung đã ký kết trong giao ước thi đua năm ${y}.`,
          'Các đơn vị tự chấm điểm và gửi về đơn vị Khối trưởng đúng thời gian quy định.',
          'Chuẩn bị tổ chức hội nghị tổng kết công tác thi đua, khen thưởng cuối năm.',
        ].join('\n'),
      },
    ],
  };
}

export function defaultMidyearReportDraft(data: BlocData, year: number): DocumentDraft {
  return midyearReportDraftOf(conferenceContextOf(data, year));
}
