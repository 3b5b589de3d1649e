/** What must be completed before the pledge can be saved or printed (pure). */
import { PledgeSchema, type Pledge } from '../../../../shared/model/records';
import { isRealIsoDate } from '../../../../shared/text/date-vi';

/** Vietnamese list of what is wrong with the form; empty when it can be saved. */
export function pledgeProblems(p: Pledge): string[] {
  const problems: string[] = [];
  if (!p.title.trim()) problems.push('Tiêu đề đang để trống.');
  if (p.commitments.every((c) => !c.trim())) problems.push('Chưa có nội dung giao ước nào.');
  p.commitments.forEach((c, i) => !c.trim() && p.commitments.length > 1 && problems.push(`Nội dung giao ước số ${i + 1} đang để trống (hãy điền hoặc xoá).`));
  p.legalBasis.forEach((c, i) => !c.trim() && problems.push(`Dòng căn cứ số ${i + 1} đang để trống (hãy điền hoặc xoá).`));
  if (!isRealIsoDate(p.date)) problems.push('Ngày ký chưa hợp lệ: nhập ngày có thật theo dạng ngày/tháng/năm, ví dụ 01/03/2024.');
  if (p.unitIds.length === 0) problems.push('Chưa có đơn vị nào trong ô ký.');
  if (p.witness && !p.witness.name.trim()) problems.push('Phần CHỨNG KIẾN chưa có họ tên người chứng kiến.');
  const parsed = PledgeSchema.safeParse(p);
  if (!parsed.success && problems.length === 0) problems.push(...parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`));
  return problems;
}

