/**
 * The default draft of the conference minutes (Biên bản hội nghị, Nghị định 30/2020 Phụ lục III
 * Mẫu 1.9): the conference's facts as fields, and one editable summary per agenda item. The vote's
 * outcome and next year's leadership are printed from the vote after the items "count" and
 * "leadership"; they are not part of the draft.
 */
import type { BlocData } from '../../model/records';
import { conferenceContextOf, type ConferenceContext } from './conference-context';
import { placeOf, unitNameOr } from './common';
import type { DocumentDraft } from './draft';
import { AGENDA } from './programme';

/** "Đồng chí Nguyễn Văn An, Giám đốc Sở Y tế, Khối trưởng". */
function person(name: string, title: string, unit: string, role: string): string {
  const who = name.trim() ? `Đồng chí ${name.trim()}` : 'Đồng chí ……';
  return [who, [title.trim(), unit].filter(Boolean).join(' '), role].filter(Boolean).join(', ');
}

/** "Nguyễn Văn An" from "Đồng chí Nguyễn Văn An, Giám đốc Sở Y tế" as the conference records it. */
function personName(text: string): string {
  return text.split(',')[0]!.replace(/^\s*đồng chí\s+/iu, '').trim();
}

/** "Ban kiểm phiếu gồm 03 đồng chí: …" from the recorded committee, head first. */
function committeeText(members: NonNullable<ConferenceContext['conference']>['committee']): string {
  const who = (m: (typeof members)[number]) => [m.name, m.unit].filter(Boolean).join(', ');
  const heads = members.filter((m) => m.role === 'head').map(who);
  const others = members.filter((m) => m.role !== 'head').map(who);
  const parts = [...(heads.length ? [`${heads.join('; ')} (Trưởng ban)`] : []), ...(others.length ? [`${others.join('; ')} (thành viên)`] : [])];
  return `Hội nghị biểu quyết bầu Ban kiểm phiếu gồm ${String(members.length).padStart(2, '0')} đồng chí: ${parts.join('; ')}.`;
}

export function minutesDraftOf(ctx: ConferenceContext): DocumentDraft {
  const y = ctx.year;
  const c = ctx.conference;
  const leader = ctx.leader;
  const chair = c?.chair || person(leader?.head ?? '', leader?.headTitle ?? '', leader?.name ?? '', 'Khối trưởng');
  const summaries: Record<string, string> = {
    opening: `${chair.split(',')[0]} tuyên bố lý do, giới thiệu đại biểu và khai mạc hội nghị.`,
    report: `Đại diện ${unitNameOr(leader, 'đơn vị Khối trưởng')} trình bày Báo cáo tổng kết công tác thi đua, khen thưởng năm ${y}, phương hướng, nhiệm vụ năm ${y + 1}. Hội nghị nhất trí thông qua báo cáo.`,
    speeches: 'Hội nghị nghe ý kiến tham luận của các đơn vị thành viên về kết quả thực hiện phong trào thi đua và đề xuất nhiệm vụ năm tới.',
    ranking: `Công bố kết quả chấm điểm, xếp hạng thi đua năm ${y} của các đơn vị thành viên (có bảng tổng hợp kèm theo). Hội nghị nhất trí với kết quả chấm điểm, xếp hạng.`,
    committee: c?.committee.length ? committeeText(c.committee) : 'Hội nghị biểu quyết bầu Ban kiểm phiếu gồm 03 đồng chí: ……… (Trưởng ban), ……… và ……… (thành viên).',
    vote: 'Hội nghị tiến hành bình xét, suy tôn đơn vị đề nghị khen thưởng bằng hình thức bỏ phiếu kín.',
    count: 'Trưởng Ban kiểm phiếu công bố biên bản kiểm phiếu. Kết quả bình xét, suy tôn như sau:',
    leadership: `Hội nghị bầu Khối trưởng, Khối phó năm ${y + 1}. Kết quả:`,
    pledge: `Thủ trưởng các đơn vị thành viên ký kết giao ước thi đua năm ${y + 1}.`,
    closing: 'Đại biểu lãnh đạo tỉnh phát biểu chỉ đạo. Biên bản được thông qua trước hội nghị; các đại biểu dự hội nghị nhất trí với nội dung biên bản.',
  };
  return {
    fields: {
      date: c?.date ?? '',
      place: placeOf(ctx),
      subject: `Hội nghị tổng kết công tác thi đua, khen thưởng năm ${y} và triển khai nhiệm vụ năm ${y + 1}`,
      meetingDate: c?.date ?? '',
      startTime: c?.startTime || '08 giờ 00',
      endTime: c?.endTime || '11 giờ 30',
      meetingPlace: c?.place || '',
      guests: (c?.guests ?? []).join('\n'),
      chair,
      chairName: (c?.chair && personName(c.chair)) || (leader?.head.trim() ?? ''),
      secretary: c?.secretary || '',
      secretaryName: c?.secretary ? personName(c.secretary) : '',
    },
    sections: AGENDA.map((item) => ({ key: item.key, title: item.content(y), text: summaries[item.key] ?? '' })),
  };
}

export function defaultMinutesDraft(data: BlocData, year: number): DocumentDraft {
  return minutesDraftOf(conferenceContextOf(data, year));
}
