/**
 * Exact fractions for vote thresholds and quorums. Every decision is made with integers
 * (votes × den against num × base), never by comparing rounded percentages: 6 of 9 passes
 * "từ 2/3 trở lên" although 66,67% is printed.
 *
 * Counts are small non-negative integers (ballots, units); fractions are validated at the input
 * (den ≥ 1, 0 ≤ num ≤ den, both at most 1 000 000), so every product stays far below 2^53 and is exact.
 */

import { reduceFraction, type Fraction } from '../../model/fraction';

export { reduceFraction, type Fraction };

/** 'gt' = strictly more ("trên", "quá"); 'gte' = at least ("từ … trở lên"). */
export type Comparison = 'gt' | 'gte';

/** Integer division rounded down, exact for non-negative safe integers. */
function divFloor(n: number, d: number): number {
  return (n - (n % d)) / d;
}

/** Whether `count` of `whole` is more than (gt) or at least (gte) the fraction. A whole of 0 never meets it. */
export function meetsFraction(count: number, whole: number, fraction: Fraction, comparison: Comparison): boolean {
  if (whole <= 0) return false;
  const left = count * fraction.den;
  const right = fraction.num * whole;
  return comparison === 'gt' ? left > right : left >= right;
}

/** The smallest count that meets the fraction of `whole` (may exceed `whole` for "trên 100%"). */
export function minCountFor(whole: number, fraction: Fraction, comparison: Comparison): number {
  const product = fraction.num * whole;
  if (comparison === 'gt') return divFloor(product, fraction.den) + 1;
  return divFloor(product + fraction.den - 1, fraction.den);
}

/**
 * `part / whole` as a percent with two decimals, rounded half-up, decimal comma: 7/9 → "77,78",
 * 1/8 → "12,50". Computed in integers (hundredths of a percent), so 1,005% prints "1,01" where
 * floating point would print "1,00". A whole of 0 prints "0,00" (callers report why).
 */
export function percentText(part: number, whole: number): string {
  if (whole <= 0) return '0,00';
  // hundredths of a percent, half-up: floor((part·10000 + whole/2) / whole), doubled to stay integral
  const hundredths = divFloor(2 * part * 10_000 + whole, 2 * whole);
  const units = divFloor(hundredths, 100);
  const cents = hundredths % 100;
  return `${units},${String(cents).padStart(2, '0')}`;
}

/**
 * How a fraction is written in Vietnamese texts: "1/2", "2/3"; a fraction of 100 (or 10 000) as a
 * percent ("70%", "66,67%"), as regulations write "từ 70%". Written as entered, not reduced.
 */
export function fractionText(f: Fraction): string {
  if (f.den === 100) return `${f.num}%`;
  if (f.den === 10_000) return `${percentText(f.num, f.den)}%`;
  return `${f.num}/${f.den}`;
}

/**
 * An exact fraction from a percent with at most two decimals (the old percent-only rules), kept in
 * percent so it reads as before: 50 → 50/100 ("50%"), 66.67 → 6667/10000 ("66,67%").
 */
export function fractionFromPercent(percent: number): Fraction {
  const hundredths = Math.round(percent * 100);
  return hundredths % 100 === 0 ? { num: hundredths / 100, den: 100 } : { num: hundredths, den: 10_000 };
}

export type ParsedFraction = { ok: true; fraction: Fraction } | { ok: false; message: string };

const FRACTION_TEXT = /^(\d{1,7})\s*\/\s*(\d{1,7})$/;
const PERCENT_TEXT = /^(\d{1,3})(?:[.,](\d{1,2}))?\s*%$/;

/**
 * A share typed by a user: "1/2", "2/3", "70/100" (kept as written) or a percent with at most two
 * decimals, "70%", "66,67%" (see fractionFromPercent). Refused, with the reason in Vietnamese: a
 * bare number (a fraction or a percent?), a denominator of 0, more than the whole.
 */
export function parseFractionText(raw: string): ParsedFraction {
  const text = raw.trim();
  const hint = 'Nhập tỷ lệ dạng 1/2, 2/3 hoặc 70%.';
  if (!text) return { ok: false, message: `Chưa nhập tỷ lệ. ${hint}` };
  const f = FRACTION_TEXT.exec(text);
  if (f) {
    const num = Number(f[1]);
    const den = Number(f[2]);
    if (den === 0) return { ok: false, message: 'Mẫu số phải lớn hơn 0.' };
    if (num > den) return { ok: false, message: `Tỷ lệ ${num}/${den} lớn hơn 1 (tử số lớn hơn mẫu số).` };
    if (den > 1_000_000) return { ok: false, message: 'Mẫu số quá lớn (tối đa 1.000.000).' };
    return { ok: true, fraction: { num, den } };
  }
  const p = PERCENT_TEXT.exec(text);
  if (p) {
    const percent = Number(`${p[1]}.${p[2] ?? '0'}`);
    if (percent > 100) return { ok: false, message: `Tỷ lệ ${text} lớn hơn 100%.` };
    return { ok: true, fraction: fractionFromPercent(percent) };
  }
  if (/^\d+(?:[.,]\d+)?$/.test(text)) return { ok: false, message: `"${text}" là phân số hay phần trăm? ${hint}` };
  return { ok: false, message: `"${text}" không phải một tỷ lệ. ${hint}` };
}
