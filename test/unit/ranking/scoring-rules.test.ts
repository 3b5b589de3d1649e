import { describe, expect, it } from 'vitest';
import { computeTotals, isSubmitted, totalBeforeBonus } from '../../../shared/domain/scoring';
import { TABLE } from './fixtures';

const full = { '1.1': 30, '1.2': 20, '2.1': 30, '2.2': 20, '3.1': 5, '3.2': 5, '4.1': 1, '4.2': 0 };

describe('scoring rules used by the ranking', () => {
  it('total before bonus is the normal points minus deductions (bonus capped first)', () => {
    const t = computeTotals(TABLE, full);
    expect(t.total).toBe(104);
    expect(totalBeforeBonus(t)).toBe(99);
  });

  it('submitted means every criterion has a self score, zeros included', () => {
    const zeros = Object.fromEntries(Object.keys(full).map((k) => [k, 0]));
    expect(isSubmitted(computeTotals(TABLE, zeros))).toBe(true);
    expect(isSubmitted(computeTotals(TABLE, { ...zeros, '4.2': null }))).toBe(false);
    expect(isSubmitted(computeTotals({ groups: [] }, {}))).toBe(false);
  });
});
