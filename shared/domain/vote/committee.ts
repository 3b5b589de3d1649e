/**
 * The vote-count committee (ban kiểm phiếu): 3 to 5 members with one head, as blocs' rules
 * usually say. Outside that the screen warns (the conference may still decide otherwise).
 */
export const COMMITTEE_MIN = 3;
export const COMMITTEE_MAX = 5;

export interface CommitteeEntry {
  name: string;
  role: 'head' | 'member';
}

/** Warnings about the committee, in Vietnamese; empty when it has 3–5 named members and one head. */
export function committeeWarnings(committee: readonly CommitteeEntry[]): string[] {
  const named = committee.filter((m) => m.name.trim());
  const out: string[] = [];
  if (named.length < COMMITTEE_MIN || named.length > COMMITTEE_MAX) {
    out.push(`Ban kiểm phiếu thường có từ ${COMMITTEE_MIN} đến ${COMMITTEE_MAX} thành viên; hiện có ${named.length}.`);
  }
  const heads = named.filter((m) => m.role === 'head').length;
  if (heads === 0) out.push('Ban kiểm phiếu chưa có Trưởng ban.');
  if (heads > 1) out.push(`Ban kiểm phiếu có ${heads} Trưởng ban; chỉ nên có một.`);
  if (committee.length > named.length) out.push('Có dòng thành viên ban kiểm phiếu chưa ghi họ tên (sẽ không được lưu).');
  return out;
}
