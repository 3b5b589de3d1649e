/** The conference papers the section drafts, with their Vietnamese names and default drafts. */
import type { BlocData } from '../../../../shared/model/records';
import {
  defaultInvitationDraft,
  defaultMidyearReportDraft,
  defaultMinutesDraft,
  defaultProgrammeDraft,
  defaultProposalDraft,
  defaultSummaryReportDraft,
} from '../../../../shared/domain/documents';
import type { DocumentDraft } from '../../../../shared/domain/documents/draft';

export type DraftedKind = 'invitation' | 'programme' | 'minutes' | 'summary-report' | 'midyear-report' | 'proposal';

export interface PaperKind {
  kind: DraftedKind;
  /** Tab label. */
  label: string;
  /** The document in notices, lower case. */
  noun: string;
  defaults(data: BlocData, year: number): DocumentDraft;
}

export const PAPER_KINDS: readonly PaperKind[] = [
  { kind: 'invitation', label: 'Giấy mời', noun: 'giấy mời', defaults: defaultInvitationDraft },
  { kind: 'programme', label: 'Chương trình', noun: 'chương trình hội nghị', defaults: defaultProgrammeDraft },
  { kind: 'minutes', label: 'Biên bản hội nghị', noun: 'biên bản hội nghị', defaults: defaultMinutesDraft },
  { kind: 'summary-report', label: 'Báo cáo tổng kết', noun: 'báo cáo tổng kết', defaults: defaultSummaryReportDraft },
  { kind: 'midyear-report', label: 'Báo cáo sơ kết 6 tháng', noun: 'báo cáo sơ kết 6 tháng', defaults: defaultMidyearReportDraft },
  { kind: 'proposal', label: 'Tờ trình', noun: 'tờ trình đề nghị khen thưởng', defaults: defaultProposalDraft },
];

/** Labels of the drafts' fields; a field not listed shows its key. */
const FIELD_LABELS: Record<string, string> = {
  date: 'Ngày văn bản',
  place: 'Địa danh',
  subject: 'Trích yếu',
  meetingDate: 'Ngày họp',
  startTime: 'Giờ bắt đầu',
  endTime: 'Giờ kết thúc',
  meetingPlace: 'Địa điểm họp',
  guests: 'Khách mời (mỗi dòng một nơi)',
  chair: 'Chủ trì (đơn vị, chức vụ)',
  chairName: 'Họ tên chủ trì',
  secretary: 'Thư ký (đơn vị, chức vụ)',
  secretaryName: 'Họ tên thư ký',
  recipient: 'Kính gửi',
  deadline: 'Hạn nộp phiếu tự chấm',
  signerAuthority: 'Quyền hạn ký (TM.)',
  signerTitle: 'Chức vụ người ký',
  signerName: 'Họ tên người ký',
};

export function fieldLabel(key: string): string {
  if (key.startsWith('time:')) return `Thời gian: ${key.slice(5)}`;
  return FIELD_LABELS[key] ?? key;
}

/** Fields holding an ISO date (typed as dd/mm/yyyy). */
export const DATE_FIELDS = new Set(['date', 'meetingDate', 'deadline']);
/** Fields typed over several lines. */
export const LINES_FIELDS = new Set(['guests']);
