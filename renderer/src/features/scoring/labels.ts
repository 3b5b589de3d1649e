/** Vietnamese labels of the scoring table's kinds, shared by the editor, the preview and the matrix. */
import type { CriteriaGroup, CriterionKind } from '../../../../shared/model/records';

export const CRITERION_KIND_LABELS: Record<CriterionKind, string> = {
  qualitative: 'Định tính (đạt tối đa hoặc một phần)',
  target: 'Định lượng theo chỉ tiêu',
  count: 'Theo số lượng, có mức trần',
  bonus: 'Điểm thưởng, có mức trần',
  deduction: 'Điểm trừ, có mức trần',
};

/** Short labels for narrow table cells. */
export const CRITERION_KIND_SHORT: Record<CriterionKind, string> = {
  qualitative: 'Định tính',
  target: 'Theo chỉ tiêu',
  count: 'Theo số lượng',
  bonus: 'Điểm thưởng',
  deduction: 'Điểm trừ',
};

export const GROUP_KIND_LABELS: Record<CriteriaGroup['kind'], string> = {
  normal: 'Nhóm tiêu chí chấm điểm',
  bonus: 'Nhóm điểm thưởng',
  deduction: 'Nhóm điểm trừ',
};

export const CRITERION_KINDS = Object.keys(CRITERION_KIND_LABELS) as CriterionKind[];
export const GROUP_KINDS = Object.keys(GROUP_KIND_LABELS) as CriteriaGroup['kind'][];
