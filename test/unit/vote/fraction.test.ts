import { describe, expect, it } from 'vitest';
import { fractionFromPercent, fractionText, meetsFraction, minCountFor, parseFractionText, percentText } from '../../../shared/domain/vote/fraction';
import type { Comparison, Fraction } from '../../../shared/domain/vote/fraction';

// Fewest votes that pass, worked out by hand: "trên" needs strictly more than num/den × base,
// "từ … trở lên" at least that much.
const CASES: [string, Fraction, Comparison, Record<number, number>][] = [
  ['trên 1/2', { num: 1, den: 2 }, 'gt', { 7: 4, 9: 5, 10: 6, 12: 7 }],
  ['từ 1/2 trở lên', { num: 1, den: 2 }, 'gte', { 7: 4, 9: 5, 10: 5, 12: 6 }],
  ['trên 2/3', { num: 2, den: 3 }, 'gt', { 7: 5, 9: 7, 10: 7, 12: 9 }],
  ['từ 2/3 trở lên', { num: 2, den: 3 }, 'gte', { 7: 5, 9: 6, 10: 7, 12: 8 }],
  ['trên 70%', { num: 70, den: 100 }, 'gt', { 7: 5, 9: 7, 10: 8, 12: 9 }],
  ['từ 70% trở lên', { num: 70, den: 100 }, 'gte', { 7: 5, 9: 7, 10: 7, 12: 9 }],
];

describe('exact fractions', () => {
  for (const [label, f, cmp, expected] of CASES) {
    for (const [base, min] of Object.entries(expected).map(([b, m]) => [Number(b), m] as const)) {
      it(`${label} of ${base}: ${min} passes, ${min - 1} does not`, () => {
        expect(minCountFor(base, f, cmp)).toBe(min);
        expect(meetsFraction(min, base, f, cmp)).toBe(true);
        expect(meetsFraction(min - 1, base, f, cmp)).toBe(false);
      });
    }
  }

  it('decides on integers, not on the rounded percent: 6 of 9 is "từ 2/3 trở lên", 5 of 10 is not "trên 1/2"', () => {
    expect(meetsFraction(6, 9, { num: 2, den: 3 }, 'gte')).toBe(true);
    expect(percentText(6, 9)).toBe('66,67');
    expect(meetsFraction(6, 9, { num: 2, den: 3 }, 'gt')).toBe(false);
    expect(meetsFraction(5, 10, { num: 1, den: 2 }, 'gt')).toBe(false);
    expect(meetsFraction(5, 10, { num: 1, den: 2 }, 'gte')).toBe(true);
    // 66,67% printed, but 66,67 > 66,666…: a percent comparison would wrongly pass "trên 2/3"
    expect(meetsFraction(6667, 10000, { num: 2, den: 3 }, 'gt')).toBe(true);
    expect(meetsFraction(2, 3, { num: 6667, den: 10000 }, 'gte')).toBe(false);
  });

  it('a base of 0 lets nobody pass', () => {
    expect(meetsFraction(0, 0, { num: 0, den: 1 }, 'gte')).toBe(false);
    expect(meetsFraction(3, 0, { num: 1, den: 2 }, 'gt')).toBe(false);
  });
});

describe('percentText', () => {
  it('prints two decimals with a decimal comma', () => {
    expect(percentText(7, 9)).toBe('77,78');
    expect(percentText(2, 3)).toBe('66,67');
    expect(percentText(1, 3)).toBe('33,33');
    expect(percentText(1, 8)).toBe('12,50');
    expect(percentText(9, 9)).toBe('100,00');
    expect(percentText(0, 9)).toBe('0,00');
    expect(percentText(5, 6)).toBe('83,33');
  });

  it('rounds half up exactly at .xx5, where floating point rounds down', () => {
    // 201/20000 = 1,005% exactly; (201 / 20000 * 100).toFixed(2) gives "1.00" in floating point
    expect((201 / 20000 * 100).toFixed(2)).toBe('1.00');
    expect(percentText(201, 20000)).toBe('1,01');
    expect(percentText(1, 800)).toBe('0,13'); // 0,125
    expect(percentText(1, 20000)).toBe('0,01'); // 0,005
    expect(percentText(1, 40000)).toBe('0,00'); // 0,0025
    expect(percentText(1, 16)).toBe('6,25');
    expect(percentText(1007, 8000)).toBe('12,59'); // 12,5875
    expect(percentText(1001, 8000)).toBe('12,51'); // 12,5125
  });

  it('prints 0,00 for a base of 0', () => {
    expect(percentText(0, 0)).toBe('0,00');
    expect(percentText(4, 0)).toBe('0,00');
  });
});

describe('fraction text and migration', () => {
  it('writes fractions as regulations do', () => {
    expect(fractionText({ num: 1, den: 2 })).toBe('1/2');
    expect(fractionText({ num: 2, den: 3 })).toBe('2/3');
    expect(fractionText({ num: 70, den: 100 })).toBe('70%');
    expect(fractionText({ num: 6667, den: 10000 })).toBe('66,67%');
  });

  it('turns an old percent into an exact fraction', () => {
    expect(fractionFromPercent(50)).toEqual({ num: 50, den: 100 });
    expect(fractionFromPercent(66.67)).toEqual({ num: 6667, den: 10000 });
    expect(fractionFromPercent(90)).toEqual({ num: 90, den: 100 });
  });
});

describe('a share typed by a user', () => {
  const ok = (text: string) => {
    const r = parseFractionText(text);
    return r.ok ? r.fraction : r.message;
  };
  it('reads fractions as written and percents with up to two decimals', () => {
    expect(ok('1/2')).toEqual({ num: 1, den: 2 });
    expect(ok(' 2 / 3 ')).toEqual({ num: 2, den: 3 });
    expect(ok('70/100')).toEqual({ num: 70, den: 100 });
    expect(ok('70%')).toEqual({ num: 70, den: 100 });
    expect(ok('66,67%')).toEqual({ num: 6667, den: 10000 });
    expect(ok('66.67 %')).toEqual({ num: 6667, den: 10000 });
    expect(ok('100%')).toEqual({ num: 100, den: 100 });
    expect(ok('0/1')).toEqual({ num: 0, den: 1 });
  });
  it('prints back what it read', () => {
    for (const text of ['1/2', '2/3', '70%', '66,67%', '7/10']) {
      const r = parseFractionText(text);
      expect(r.ok && fractionText(r.fraction)).toBe(text);
    }
  });
  it('refuses what is not a share, saying why in Vietnamese', () => {
    expect(ok('')).toBe('Chưa nhập tỷ lệ. Nhập tỷ lệ dạng 1/2, 2/3 hoặc 70%.');
    expect(ok('1/0')).toBe('Mẫu số phải lớn hơn 0.');
    expect(ok('3/2')).toBe('Tỷ lệ 3/2 lớn hơn 1 (tử số lớn hơn mẫu số).');
    expect(ok('120%')).toBe('Tỷ lệ 120% lớn hơn 100%.');
    expect(ok('50')).toBe('"50" là phân số hay phần trăm? Nhập tỷ lệ dạng 1/2, 2/3 hoặc 70%.');
    expect(ok('0,5')).toBe('"0,5" là phân số hay phần trăm? Nhập tỷ lệ dạng 1/2, 2/3 hoặc 70%.');
    expect(ok('66,667%')).toBe('"66,667%" không phải một tỷ lệ. Nhập tỷ lệ dạng 1/2, 2/3 hoặc 70%.');
    expect(ok('quá nửa')).toBe('"quá nửa" không phải một tỷ lệ. Nhập tỷ lệ dạng 1/2, 2/3 hoặc 70%.');
  });
});
