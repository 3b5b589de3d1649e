/**
 * The one check of a score against its criterion (shared/domain/score-value.ts): the importer and
 * the verification grid both call it, so a value the importer refuses is refused in the grid too.
 */
import { describe, expect, it } from 'vitest';
import { groupCapNotice, scoreValueProblem } from '../../../shared/domain/score-value';
import type { Criterion } from '../../../shared/model/records';

const criterion = (c: Partial<Criterion>): Pick<Criterion, 'max' | 'kind' | 'perItem'> => ({ max: 10, kind: 'qualitative', ...c });

describe('scoreValueProblem', () => {
  it('accepts 0, the maximum and anything between, decimals included', () => {
    for (const v of [0, 0.5, 8.5, 10]) expect(scoreValueProblem(criterion({}), 'add', v)).toBeNull();
  });

  it('refuses a negative score, and tells a deduction to be entered as a positive number', () => {
    expect(scoreValueProblem(criterion({}), 'add', -1)).toEqual({ kind: 'negative', severity: 'error', message: 'điểm -1 là số âm; điểm phải từ 0 đến 10.' });
    expect(scoreValueProblem(criterion({ kind: 'deduction', max: 5 }), 'deduct', -2)).toEqual({
      kind: 'negative',
      severity: 'error',
      message: 'nhập số điểm bị trừ dưới dạng số dương (ví dụ 2), không nhập -2.',
    });
  });

  it('refuses more than the maximum, which for a bonus or deduction criterion is its cap', () => {
    expect(scoreValueProblem(criterion({}), 'add', 10.5)?.message).toBe('điểm 10,5 vượt quá điểm tối đa 10.');
    expect(scoreValueProblem(criterion({ kind: 'bonus', max: 5 }), 'bonus', 6)?.kind).toBe('above-max');
    expect(scoreValueProblem(criterion({ kind: 'deduction', max: 3 }), 'deduct', 4)?.message).toBe('số điểm bị trừ 4 vượt quá điểm tối đa 3.');
  });

  it('warns (without refusing) about a per-count score that is not a whole number of items, except the capped maximum', () => {
    const count = criterion({ kind: 'count', perItem: 2, max: 5 });
    expect(scoreValueProblem(count, 'add', 3)).toEqual({ kind: 'per-item', severity: 'warning', message: '3 điểm không phải bội số của 2 điểm/lần.' });
    expect(scoreValueProblem(count, 'add', 4)).toBeNull();
    expect(scoreValueProblem(count, 'add', 5)).toBeNull();
    expect(scoreValueProblem(criterion({ kind: 'count', perItem: 0.1, max: 1 }), 'add', 0.3)).toBeNull();
  });
});

describe('groupCapNotice', () => {
  it('tells when a capped group adds up to more than its cap, and says only the cap counts', () => {
    expect(groupCapNotice({ code: 'III', kind: 'bonus', cap: 5 }, 7)).toBe('Nhóm III: tổng điểm 7 vượt mức tối đa của nhóm 5; chỉ tính 5.');
    expect(groupCapNotice({ code: 'IV', kind: 'deduction', cap: 6 }, 6)).toBeNull();
    expect(groupCapNotice({ code: 'I', kind: 'normal' }, 70)).toBeNull();
  });
});
