/** What is wrong in a rules profile being edited, in Vietnamese; empty when it can be saved. */
import type { RulesProfile } from '../../../../../shared/model/records';

const inRange = (n: number, lo: number, hi: number) => Number.isFinite(n) && n >= lo && n <= hi;

export function rulesProblems(r: RulesProfile): string[] {
  const out: string[] = [];
  r.awards.forEach((a, i) => {
    if (!a.name.trim()) out.push(`Hình thức khen thưởng thứ ${i + 1}: chưa nhập tên.`);
    if (!Number.isInteger(a.maxProposals) || !inRange(a.maxProposals, 0, 50))
      out.push(`«${a.name || `Hình thức thứ ${i + 1}`}»: số đơn vị được đề nghị phải là số nguyên từ 0 đến 50.`);
  });
  const names = r.awards.map((a) => a.name.trim().toLocaleLowerCase('vi'));
  if (new Set(names).size !== names.length) out.push('Có hai hình thức khen thưởng trùng tên.');
  if (!inRange(r.threshold.percent, 0, 100)) out.push('Ngưỡng đạt phải là tỷ lệ từ 0 đến 100%.');
  if (!inRange(r.quorumPercent, 0, 100)) out.push('Số thành viên có mặt tối thiểu phải là tỷ lệ từ 0 đến 100%.');
  r.tieRules.forEach((t, i) => {
    if (t.kind === 'higherGroupScore' && !t.groupCode.trim()) out.push(`Quy tắc xếp hạng thứ ${i + 1}: nhập mã nhóm tiêu chí (ví dụ I).`);
  });
  if (r.leaderRotation.kind === 'fixedOrder' && r.leaderRotation.order.length === 0) out.push('Thứ tự luân phiên Khối trưởng chưa có đơn vị nào.');
  r.legalBasis.forEach((l, i) => {
    if (!l.trim()) out.push(`Căn cứ thứ ${i + 1} đang để trống; hãy nhập nội dung hoặc bỏ dòng đó.`);
  });
  return out;
}
