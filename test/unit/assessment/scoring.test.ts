import { describe, expect, it } from 'vitest';
import { computeTotals, nominalMax, pointsForCount, roundPoints, tableCriteria } from '../../../shared/domain/scoring';
import type { ScoringTable } from '../../../shared/model/records';
import { sampleTable, tableFrom } from './fixtures';

function fullValues(table: ScoringTable, pick: (max: number) => number): Record<string, number> {
  return Object.fromEntries(tableCriteria(table).map(({ criterion }) => [criterion.code, pick(criterion.max)]));
}

describe('computeTotals on the sample table', () => {
  const table = sampleTable();

  it('gives the nominal maximum for full marks without bonus or deduction', () => {
    const values = fullValues(table, (m) => m);
    for (const code of ['6.1', '6.2', '7.1', '7.2']) values[code] = 0;
    const t = computeTotals(table, values);
    expect(nominalMax(table)).toBe(100);
    expect(t.base).toBe(100);
    expect(t.total).toBe(100);
    expect(t.complete).toBe(true);
    expect(t.filled).toBe(t.criteria);
    expect(t.criteria).toBe(22);
  });

  it('adds bonus and subtracts deductions entered as positive points; total may exceed the scale', () => {
    const values = fullValues(table, (m) => m);
    values['7.1'] = 2;
    values['7.2'] = 0;
    const t = computeTotals(table, values);
    expect(t.bonus).toBe(5);
    expect(t.deduction).toBe(2);
    expect(t.total).toBe(103);
    const dGroup = t.groups.find((g) => g.code === 'VII')!;
    expect(dGroup.subtotal).toBe(2);
    expect(dGroup.kind).toBe('deduction');
  });

  it('caps the bonus group at its cap and reports the cut', () => {
    const capped = sampleTable();
    capped.groups.find((g) => g.kind === 'bonus')!.cap = 4;
    const t = computeTotals(capped, { '6.1': 3, '6.2': 2 });
    const g = t.groups.find((x) => x.code === 'VI')!;
    expect(g.subtotal).toBe(4);
    expect(g.capped).toBe(true);
    expect(g.max).toBe(4);
    expect(t.bonus).toBe(4);
  });

  it('treats 0 as a value and null/absent as missing', () => {
    const values: Record<string, number | null> = fullValues(table, () => 0);
    values['1.1'] = null;
    delete values['2.3'];
    const t = computeTotals(table, values);
    expect(t.total).toBe(0);
    expect(t.complete).toBe(false);
    expect(t.missing).toEqual(['1.1', '2.3']);
    expect(t.filled).toBe(20);
    const all0 = computeTotals(table, fullValues(table, () => 0));
    expect(all0.complete).toBe(true);
    expect(all0.total).toBe(0);
  });

  it('accepts a Map of values and ignores NaN as missing', () => {
    const t = computeTotals(table, new Map<string, number | null>([['1.1', 8.5], ['1.2', Number.NaN]]));
    expect(t.base).toBe(8.5);
    expect(t.missing).toContain('1.2');
  });

  it('clamps values outside 0..max for the total and lists them', () => {
    const t = computeTotals(table, { '1.1': 25, '1.2': -3, '7.1': 9 });
    expect(t.base).toBe(20);
    expect(t.deduction).toBe(3);
    expect(t.total).toBe(17);
    expect(t.clamped).toEqual(['1.1', '1.2', '7.1']);
  });

  it('keeps decimals exact (0.1 + 0.2)', () => {
    const t = computeTotals(table, { '1.3': 0.1, '1.4': 0.2 });
    expect(t.total).toBe(0.3);
    expect(t.groups[0]!.subtotal).toBe(0.3);
    expect(roundPoints(1.0000000001)).toBe(1);
  });

  it('computes group subtotals and maxima', () => {
    const t = computeTotals(table, fullValues(table, (m) => m / 2));
    expect(t.groups.map((g) => [g.code, g.subtotal, g.max])).toEqual([
      ['I', 20, 40],
      ['II', 10, 20],
      ['III', 7.5, 15],
      ['IV', 7.5, 15],
      ['V', 5, 10],
      ['VI', 2.5, 5],
      ['VII', 2.5, 5],
    ]);
    expect(t.total).toBe(50 + 2.5 - 2.5);
  });
});

describe('mixed kinds', () => {
  const table = tableFrom({
    title: 'Bảng thử',
    scale: 1000,
    groups: [
      {
        code: 'A',
        title: 'Chuyên môn',
        kind: 'normal',
        cap: 30,
        criteria: [
          { code: 'A1', title: 'Định tính', max: 20, kind: 'qualitative' },
          { code: 'A2', title: 'Theo chỉ tiêu', max: 20, kind: 'target' },
          { code: 'A3', title: 'Theo số lượng', max: 10, kind: 'count', perItem: 2 },
          { code: 'A4', title: 'Trừ trong nhóm thường', max: 5, kind: 'deduction' },
          { code: 'A5', title: 'Thưởng trong nhóm thường', max: 5, kind: 'bonus' },
        ],
      },
    ],
  });

  it('caps a normal group and keeps deduction/bonus criteria inside it apart', () => {
    const t = computeTotals(table, { A1: 20, A2: 15, A3: 6, A4: 4, A5: 5 });
    expect(t.base).toBe(30);
    expect(t.bonus).toBe(5);
    expect(t.deduction).toBe(4);
    expect(t.total).toBe(31);
    expect(t.groups[0]!.capped).toBe(true);
    expect(nominalMax(table)).toBe(30);
  });

  it('computes per-count points capped at max', () => {
    const a3 = table.groups[0]!.criteria[2]!;
    expect(pointsForCount(a3, 3)).toBe(6);
    expect(pointsForCount(a3, 7)).toBe(10);
    expect(pointsForCount(a3, -1)).toBe(0);
    expect(pointsForCount({ max: 3 }, 2)).toBe(2);
  });

  it('handles an empty table', () => {
    const t = computeTotals({ groups: [] }, {});
    expect(t).toMatchObject({ total: 0, complete: true, criteria: 0, filled: 0 });
  });
});
