/**
 * The exact fraction of the rules profile (thresholds, quorums, seat shares), shared by the record
 * schemas, the schema-3 migration and the vote engine (shared/domain/vote/fraction.ts re-exports it).
 */
export interface Fraction {
  num: number;
  den: number;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** The fraction in lowest terms (70/100 → 7/10). */
export function reduceFraction(f: Fraction): Fraction {
  const g = gcd(f.num, f.den) || 1;
  return { num: f.num / g, den: f.den / g };
}
