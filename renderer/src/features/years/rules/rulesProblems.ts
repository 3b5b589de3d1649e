/** What is wrong in a rules profile being edited, in Vietnamese, with the field it is about; empty when it can be saved. */
import type { RulesProfile } from '../../../../../shared/model/records';

export interface RulesProblem {
  /** The field, as a path in the profile ("awards.1.maxProposals"), so the editor can mark and focus it. */
  path: string;
  message: string;
}

const inRange = (n: number, lo: number, hi: number) => Number.isFinite(n) && n >= lo && n <= hi;

export function rulesProblems(r: RulesProfile): RulesProblem[] {
  const out: RulesProblem[] = [];
  const add = (path: string, message: string) => out.push({ path, message });
  const seen = new Set<string>();
  let duplicate = -1;
  r.awards.forEach((a, i) => {
    if (!a.name.trim()) add(`awards.${i}.name`, `Hình thức khen thưởng thứ ${i + 1}: chưa nhập tên.`);
    if (!Number.isInteger(a.maxProposals) || !inRange(a.maxProposals, 0, 50))
      add(`awards.${i}.maxProposals`, `«${a.name || `Hình thức thứ ${i + 1}`}»: số đơn vị được đề nghị phải là số nguyên từ 0 đến 50.`);
    const key = a.name.trim().toLocaleLowerCase('vi');
    if (seen.has(key) && duplicate < 0) duplicate = i;
    seen.add(key);
  });
  if (duplicate >= 0) add(`awards.${duplicate}.name`, 'Có hai hình thức khen thưởng trùng tên.');
  if (!inRange(r.threshold.percent, 0, 100)) add('threshold.percent', 'Ngưỡng đạt phải là tỷ lệ từ 0 đến 100%.');
  if (!inRange(r.quorumPercent, 0, 100)) add('quorumPercent', 'Số thành viên có mặt tối thiểu phải là tỷ lệ từ 0 đến 100%.');
  r.tieRules.forEach((t, i) => {
    if (t.kind === 'higherGroupScore' && !t.groupCode.trim()) add(`tieRules.${i}.groupCode`, `Quy tắc xếp hạng thứ ${i + 1}: nhập mã nhóm tiêu chí (ví dụ I).`);
  });
  if (r.leaderRotation.kind === 'fixedOrder' && r.leaderRotation.order.length === 0) add('leaderRotation', 'Thứ tự luân phiên Khối trưởng chưa có đơn vị nào.');
  r.legalBasis.forEach((l, i) => {
    if (!l.trim()) add(`legalBasis.${i}`, `Căn cứ thứ ${i + 1} đang để trống; hãy nhập nội dung hoặc bỏ dòng đó.`);
  });
  return out;
}

/** Field path → its first message, for marking fields. */
export function problemsByPath(problems: RulesProblem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) out[p.path] ??= p.message;
  return out;
}
