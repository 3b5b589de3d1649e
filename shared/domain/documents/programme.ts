/**
 * The default draft of the conference programme (Chương trình hội nghị): the agenda in its typical
 * order, each item with a time slot (field `time:<key>`), its content (section title) and who
 * carries it out (section text).
 */
import type { BlocData } from '../../model/records';
import { conferenceContextOf, type ConferenceContext } from './conference-context';
import { placeOf, unitNameOr } from './common';
import type { DocumentDraft } from './draft';

export interface AgendaItem {
  key: string;
  minutes: number;
  content: (y: number) => string;
  by: (ctx: ConferenceContext) => string;
}

/** The typical order of a year-end conference, with the usual length of each item (minutes). */
export const AGENDA: readonly AgendaItem[] = [
  { key: 'opening', minutes: 10, content: () => 'Tuyên bố lý do, giới thiệu đại biểu; khai mạc hội nghị', by: (c) => `Khối trưởng (${unitNameOr(c.leader)})` },
  { key: 'report', minutes: 20, content: (y) => `Báo cáo tổng kết công tác thi đua, khen thưởng năm ${y}, phương hướng, nhiệm vụ năm ${y + 1}`, by: (c) => `Khối trưởng (${unitNameOr(c.leader)})` },
  { key: 'speeches', minutes: 30, content: () => 'Tham luận, ý kiến của các đơn vị thành viên', by: () => 'Các đơn vị thành viên' },
  { key: 'ranking', minutes: 10, content: (y) => `Công bố kết quả chấm điểm, xếp hạng thi đua năm ${y}`, by: (c) => `Khối phó (${unitNameOr(c.deputy)})` },
  { key: 'committee', minutes: 5, content: () => 'Bầu Ban kiểm phiếu', by: () => 'Chủ trì hội nghị' },
  { key: 'vote', minutes: 20, content: () => 'Bình xét, suy tôn đơn vị đề nghị khen thưởng (bỏ phiếu kín)', by: () => 'Ban kiểm phiếu, các đại biểu' },
  { key: 'count', minutes: 10, content: () => 'Công bố biên bản kiểm phiếu', by: () => 'Trưởng Ban kiểm phiếu' },
  { key: 'leadership', minutes: 15, content: (y) => `Bầu Khối trưởng, Khối phó năm ${y + 1}`, by: () => 'Chủ trì hội nghị' },
  { key: 'pledge', minutes: 10, content: (y) => `Ký kết giao ước thi đua năm ${y + 1}`, by: () => 'Thủ trưởng các đơn vị thành viên' },
  { key: 'closing', minutes: 10, content: () => 'Phát biểu của đại biểu lãnh đạo tỉnh; thông qua biên bản, bế mạc hội nghị', by: () => 'Đại biểu lãnh đạo tỉnh, Chủ trì hội nghị' },
];

/** "08h00" from minutes after midnight. */
export function clock(minutes: number): string {
  const h = Math.floor(minutes / 60) % 24;
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}h${String(m).padStart(2, '0')}`;
}

/** Reads "08h00", "8:30", "08 giờ 30" as minutes after midnight; null when not a time. */
export function parseClock(text: string): number | null {
  const m = /^\s*(\d{1,2})\s*(?:h|:|giờ)\s*(\d{1,2})?/iu.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  return h < 24 && min < 60 ? h * 60 + min : null;
}

export function programmeDraftOf(ctx: ConferenceContext): DocumentDraft {
  const y = ctx.year;
  const start = parseClock(ctx.conference?.startTime ?? '') ?? 8 * 60;
  const fields: Record<string, string> = {
    date: ctx.conference?.date ?? '',
    place: placeOf(ctx),
    subject: `Hội nghị tổng kết công tác thi đua, khen thưởng năm ${y} và triển khai nhiệm vụ năm ${y + 1}`,
  };
  let t = start;
  for (const item of AGENDA) {
    fields[`time:${item.key}`] = `${clock(t)} - ${clock(t + item.minutes)}`;
    t += item.minutes;
  }
  return { fields, sections: AGENDA.map((item) => ({ key: item.key, title: item.content(y), text: item.by(ctx) })) };
}

export function defaultProgrammeDraft(data: BlocData, year: number): DocumentDraft {
  return programmeDraftOf(conferenceContextOf(data, year));
}
