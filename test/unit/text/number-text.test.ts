/**
 * One rule for a number typed as text (shared/text/vietnamese.ts readNumberText): the app's number
 * fields (parseLooseNumber), the self-assessment importer (inspect's scoreFromText, with the
 * criterion's maximum) and the scoring-table import read the same text the same way.
 */
import { describe, expect, it } from 'vitest';
import { scoreFromText } from '../../../electron/services/assessment/inspect-scores';
import { parseCriterionKindText } from '../../../shared/domain/scoring-table';
import { formatNumberVi, parseLooseNumber, readNumberText } from '../../../shared/text/vietnamese';

describe('readNumberText', () => {
  it.each([
    ['10', undefined, 10, 'integer'],
    ['8,5', undefined, 8.5, 'decimal-comma'],
    ['8.5', undefined, 8.5, 'decimal-point'],
    ['0,125', 1, 0.125, 'decimal-comma'],
    ['1.234.567', undefined, 1234567, 'grouped'],
    ['1.000,5', undefined, 1000.5, 'grouped'],
    ['1,000.5', undefined, 1000.5, 'grouped'],
    ['1 000', undefined, 1000, 'grouped'],
    // The ambiguous one group of three digits: a thousand, unless that is above the maximum.
    ['1.000', undefined, 1000, 'thousands'],
    ['1,000', undefined, 1000, 'thousands'],
    ['1.000', 1000, 1000, 'thousands'],
    ['1.000', 5000, 1000, 'thousands'],
    ['1.000', 10, 1, 'decimal-by-max'],
    ['1,000', 10, 1, 'decimal-by-max'],
    ['12,500', 20, 12.5, 'decimal-by-max'],
    ['12.500', 100_000, 12500, 'thousands'],
    // Neither reading fits: the default reading, so the range check names the number typed.
    ['5.000', 0.5, 5000, 'thousands'],
  ] as const)('reads %j (max %s) as %d (%s)', (raw, max, value, how) => {
    expect(readNumberText(raw, max === undefined ? {} : { max })).toEqual({ kind: 'number', value, how });
    expect(parseLooseNumber(raw, max === undefined ? {} : { max })).toBe(value);
  });

  it('tells blank from text that is not a number', () => {
    expect(readNumberText(' \u00a0 ')).toEqual({ kind: 'blank' });
    for (const raw of ['abc', '8,', '1.2.3', '1e3', '4 điểm']) expect(readNumberText(raw, { max: 10 }), raw).toEqual({ kind: 'invalid' });
  });
});

describe('every reader follows it', () => {
  const cases: [string, number][] = [
    ['8,5', 10], ['8.5', 10], ['1.000', 10], ['1.000', 1000], ['12,500', 20], ['1.000,5', 2000], ['7', 10], [' 4.5 ', 5], ['0,125', 1],
  ];

  it('the self-assessment importer reads the same value and shows it back', () => {
    for (const [raw, max] of cases) {
      const parsed = scoreFromText(raw, max);
      expect(parsed.kind, raw).toBe('number');
      if (parsed.kind !== 'number') continue;
      expect([raw, max, parsed.value]).toEqual([raw, max, parseLooseNumber(raw, { max })]);
      expect(parsed.warning, raw).toContain(`"${raw.trim()}"`);
      expect(parsed.warning, raw).toContain(formatNumberVi(parsed.value));
    }
    expect(scoreFromText('1.000', 10)).toMatchObject({ value: 1, warning: expect.stringContaining('vì điểm tối đa là 10') });
    expect(scoreFromText('1.000', 1000)).toMatchObject({ value: 1000, warning: expect.stringContaining('dấu phân cách hàng nghìn') });
  });

  it('the scoring-table import reads points per item by the same rule', () => {
    expect(parseCriterionKindText('Theo số lượng (0,5 điểm/lần)')).toEqual({ kind: 'count', perItem: 0.5 });
    expect(parseCriterionKindText('Theo số lượng (1.5 điểm/lần)')).toEqual({ kind: 'count', perItem: 1.5 });
  });
});
