/** What is wrong in a rules profile being edited, in Vietnamese, with the field it is about; empty when it can be saved. */
import type { RulesProfile } from '../../../../../shared/model/records';
import { isValidFraction } from '../../../ui/FractionInput';

export interface RulesProblem {
  /** The field, as a path in the profile ("awards.1.seats"), so the editor can mark and focus it. */
  path: string;
  message: string;
}

const inRange = (n: number, lo: number, hi: number) => Number.isFinite(n) && n >= lo && n <= hi;
const SHARE_HINT = 'nhập tỷ lệ dạng 1/2, 2/3 hoặc 70% (không quá 1).';

export function rulesProblems(r: RulesProfile): RulesProblem[] {
  const out: RulesProblem[] = [];
  const add = (path: string, message: string) => out.push({ path, message });
  const seen = new Set<string>();
  let duplicate = -1;
  r.awards.forEach((a, i) => {
    const label = `«${a.name || `Hình thức thứ ${i + 1}`}»`;
    if (!a.name.trim()) add(`awards.${i}.name`, `Hình thức khen thưởng thứ ${i + 1}: chưa nhập tên.`);
    if (typeof a.seats === 'number') {
      if (!Number.isInteger(a.seats) || !inRange(a.seats, 0, 50)) add(`awards.${i}.seats`, `${label}: số đơn vị được đề nghị phải là số nguyên từ 0 đến 50.`);
    } else if (!isValidFraction(a.seats)) {
      add(`awards.${i}.seats`, `${label}: tỷ lệ số đơn vị còn lại chưa hợp lệ, ${SHARE_HINT}`);
    }
    if (a.maxMarks !== null && (!Number.isInteger(a.maxMarks) || !inRange(a.maxMarks, 1, 200))) {
      add(`awards.${i}.maxMarks`, `${label}: số đơn vị được chọn tối đa trên phiếu phải là số nguyên từ 1 đến 200, hoặc để trống (bằng chỉ tiêu).`);
    }
    if (a.threshold && !isValidFraction(a.threshold)) add(`awards.${i}.threshold`, `${label}: ngưỡng riêng chưa hợp lệ, ${SHARE_HINT}`);
    const key = a.name.trim().toLocaleLowerCase('vi');
    if (seen.has(key) && duplicate < 0) duplicate = i;
    seen.add(key);
  });
  if (duplicate >= 0) add(`awards.${duplicate}.name`, 'Có hai hình thức khen thưởng trùng tên.');
  if (!isValidFraction(r.threshold)) add('threshold', `Ngưỡng đạt chưa hợp lệ: ${SHARE_HINT}`);
  if (r.quorum && !isValidFraction(r.quorum)) add('quorum', 'Số đơn vị có mặt tối thiểu chưa hợp lệ: nhập tỷ lệ dạng 1/2, 2/3 hoặc 70% (không quá 1), hoặc để trống nếu quy chế không quy định.');
  if (!Number.isInteger(r.maxRounds) || !inRange(r.maxRounds, 1, 10)) add('maxRounds', 'Số vòng bỏ phiếu tối đa phải là số nguyên từ 1 đến 10.');
  r.tieRules.forEach((t, i) => {
    if (t.kind === 'higherGroupScore' && !t.groupCode.trim()) add(`tieRules.${i}.groupCode`, `Quy tắc xếp hạng thứ ${i + 1}: nhập mã nhóm tiêu chí (ví dụ I).`);
  });
  const mins = new Map<number, number>();
  r.classificationBands.forEach((b, i) => {
    if (!b.label.trim()) add(`classificationBands.${i}.label`, `Mức xếp loại thứ ${i + 1}: chưa nhập tên (ví dụ Xuất sắc).`);
    if (!inRange(b.min, 0, 100000)) add(`classificationBands.${i}.min`, `Mức xếp loại thứ ${i + 1}: điểm tối thiểu phải là số từ 0 trở lên.`);
    else if (mins.has(b.min)) add(`classificationBands.${i}.min`, `Hai mức xếp loại thứ ${mins.get(b.min)! + 1} và thứ ${i + 1} cùng điểm tối thiểu.`);
    else mins.set(b.min, i);
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
