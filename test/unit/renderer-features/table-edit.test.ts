import { describe, expect, it } from 'vitest';
import { applyTableEdit, contentTotals, nextCriterionCode, toRoman, type TableContent } from '../../../renderer/src/features/scoring/table-edit';

function base(): TableContent {
  return {
    title: 'Bảng chấm điểm thi đua năm 2025',
    scale: 100,
    groups: [
      {
        id: 'g1',
        code: 'I',
        title: 'Nhiệm vụ chuyên môn',
        kind: 'normal',
        criteria: [
          { id: 'c11', code: '1.1', title: 'Hoàn thành chỉ tiêu', max: 20, kind: 'qualitative', guidance: '' },
          { id: 'c12', code: '1.2', title: 'Tham mưu văn bản', max: 10, kind: 'target', guidance: '' },
        ],
      },
      {
        id: 'g2',
        code: 'II',
        title: 'Điểm thưởng',
        kind: 'bonus',
        cap: 5,
        criteria: [{ id: 'c21', code: '2.1', title: 'Cờ thi đua', max: 10, kind: 'bonus', guidance: '' }],
      },
    ],
  };
}

describe('scoring table editing', () => {
  it('writes Roman numerals', () => {
    expect([1, 4, 9, 14, 40].map(toRoman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XL']);
  });

  it('adds a group with a Roman code and one criterion coded after the group position', () => {
    const t = applyTableEdit(base(), { type: 'addGroup', id: 'g3', criterionId: 'c31' });
    expect(t.groups.map((g) => g.code)).toEqual(['I', 'II', 'III']);
    expect(t.groups[2]!.criteria).toEqual([
      { id: 'c31', code: '3.1', title: 'Tiêu chí mới', max: 1, kind: 'qualitative', guidance: '' },
    ]);
  });

  it('adds a criterion with the next free code and the kind of a bonus group', () => {
    const t = applyTableEdit(base(), { type: 'addCriterion', groupId: 'g2', id: 'c22' });
    expect(t.groups[1]!.criteria.map((c) => [c.code, c.kind])).toEqual([
      ['2.1', 'bonus'],
      ['2.2', 'bonus'],
    ]);
    expect(nextCriterionCode(t, 0)).toBe('1.3');
  });

  it('moves criteria and groups within bounds and leaves out-of-range moves alone', () => {
    let t = applyTableEdit(base(), { type: 'moveCriterion', groupId: 'g1', criterionId: 'c12', by: -1 });
    expect(t.groups[0]!.criteria.map((c) => c.id)).toEqual(['c12', 'c11']);
    t = applyTableEdit(t, { type: 'moveCriterion', groupId: 'g1', criterionId: 'c12', by: -1 });
    expect(t.groups[0]!.criteria.map((c) => c.id)).toEqual(['c12', 'c11']);
    t = applyTableEdit(t, { type: 'moveGroup', groupId: 'g2', by: -1 });
    expect(t.groups.map((g) => g.id)).toEqual(['g2', 'g1']);
  });

  it('keeps perItem only for count criteria and gives it a default', () => {
    let t = applyTableEdit(base(), { type: 'updateCriterion', groupId: 'g1', criterionId: 'c11', patch: { kind: 'count' } });
    expect(t.groups[0]!.criteria[0]).toMatchObject({ kind: 'count', perItem: 1 });
    t = applyTableEdit(t, { type: 'updateCriterion', groupId: 'g1', criterionId: 'c11', patch: { perItem: 2.5 } });
    expect(t.groups[0]!.criteria[0]!.perItem).toBe(2.5);
    t = applyTableEdit(t, { type: 'updateCriterion', groupId: 'g1', criterionId: 'c11', patch: { kind: 'qualitative' } });
    expect('perItem' in t.groups[0]!.criteria[0]!).toBe(false);
  });

  it('turns the criteria of a group made a deduction group into deductions', () => {
    const t = applyTableEdit(base(), { type: 'updateGroup', groupId: 'g1', patch: { kind: 'deduction' } });
    expect(t.groups[0]!.criteria.map((c) => c.kind)).toEqual(['deduction', 'deduction']);
  });

  it('removes a criterion and a group', () => {
    let t = applyTableEdit(base(), { type: 'removeCriterion', groupId: 'g1', criterionId: 'c11' });
    expect(t.groups[0]!.criteria.map((c) => c.id)).toEqual(['c12']);
    t = applyTableEdit(t, { type: 'removeGroup', groupId: 'g1' });
    expect(t.groups.map((g) => g.id)).toEqual(['g2']);
  });

  it('totals normal points, capped bonus and deductions separately', () => {
    expect(contentTotals(base())).toEqual({ normal: 30, bonus: 5, deduction: 0 });
  });

  it('does not change the input', () => {
    const input = base();
    const copy = structuredClone(input);
    applyTableEdit(input, { type: 'updateCriterion', groupId: 'g1', criterionId: 'c11', patch: { max: 3 } });
    expect(input).toEqual(copy);
  });
});
