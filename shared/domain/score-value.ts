/**
 * The one check of a score against its criterion, used by the importer (each value read from a
 * returned file) and by the verification grid (each value the verifier types): never below 0 (a
 * deduction is entered as the positive number of points taken away), never above the criterion's
 * maximum (for a bonus or deduction criterion that maximum is its cap), and for a per-count
 * criterion a whole number of items (the maximum itself is always accepted, as a capped count).
 *
 * Messages say what is wrong without saying where; each caller puts the place in front
 * ("Tiêu chí 1.1, ô E9 (trang 'Tự chấm điểm'): …", "Sở Y tế, tiêu chí 1.1: …").
 */
import type { CriteriaGroup, Criterion } from '../model/records';
import { formatNumberVi } from '../text/vietnamese';
import { roundPoints, type Contribution } from './scoring';

export type ScoreValueProblemKind = 'negative' | 'above-max' | 'per-item';

export interface ScoreValueProblem {
  kind: ScoreValueProblemKind;
  /** An error refuses the value; a warning lets it through with the message shown. */
  severity: 'error' | 'warning';
  /** Vietnamese, without the place. */
  message: string;
}

const n = (v: number) => formatNumberVi(v);
const EPS = 1e-9;

/** What is wrong with `value` for the criterion (null when nothing is). */
export function scoreValueProblem(
  criterion: Pick<Criterion, 'max' | 'kind' | 'perItem'>,
  contribution: Contribution,
  value: number,
): ScoreValueProblem | null {
  if (!Number.isFinite(value)) return { kind: 'negative', severity: 'error', message: 'giá trị không phải là số hữu hạn.' };
  if (value < 0) {
    return {
      kind: 'negative',
      severity: 'error',
      message:
        contribution === 'deduct'
          ? `nhập số điểm bị trừ dưới dạng số dương (ví dụ ${n(-value)}), không nhập ${n(value)}.`
          : `điểm ${n(value)} là số âm; điểm phải từ 0 đến ${n(criterion.max)}.`,
    };
  }
  if (value > criterion.max + EPS) {
    const what = contribution === 'deduct' ? 'số điểm bị trừ' : 'điểm';
    return { kind: 'above-max', severity: 'error', message: `${what} ${n(value)} vượt quá điểm tối đa ${n(criterion.max)}.` };
  }
  if (criterion.kind === 'count' && criterion.perItem && criterion.perItem > 0) {
    const items = value / criterion.perItem;
    if (Math.abs(items - Math.round(items)) > EPS && Math.abs(value - criterion.max) > EPS) {
      return {
        kind: 'per-item',
        severity: 'warning',
        message: `${n(value)} điểm không phải bội số của ${n(criterion.perItem)} điểm/lần.`,
      };
    }
  }
  return null;
}

/**
 * A group whose criteria add up to more than the group's cap (bonus at most 5): the totals count
 * the cap (scoring.ts), so this is told, not refused. Null when the group has no cap or stays under it.
 */
export function groupCapNotice(group: Pick<CriteriaGroup, 'code' | 'kind' | 'cap'>, sum: number): string | null {
  if (group.cap === undefined || sum <= group.cap + EPS) return null;
  const what = group.kind === 'deduction' ? 'số điểm bị trừ' : 'điểm';
  return `Nhóm ${group.code}: tổng ${what} ${n(roundPoints(sum))} vượt mức tối đa của nhóm ${n(group.cap)}; chỉ tính ${n(group.cap)}.`;
}
