/** A section's seats: a cap ("không quá N đơn vị"), fixed or a share of the units not yet awarded. */
import { fractionText } from './fraction';
import type { SeatRule } from './types';

/**
 * The seats of a section. A share is taken of the member units not proposed in an earlier section
 * ("không quá 50% số đơn vị còn lại", Quảng Ninh) and rounded down, since it is a cap. Ineligible
 * units still count among "số đơn vị còn lại": the quota is a share of the bloc, eligibility is a
 * separate filter on who may take a seat.
 */
export function resolveSeats(rule: SeatRule, remainingUnits: number): number {
  if (typeof rule === 'number') return rule;
  const product = rule.num * remainingUnits;
  return (product - (product % rule.den)) / rule.den;
}

/** "không quá 01 đơn vị" / "không quá 50% số đơn vị còn lại (3 đơn vị)". */
export function seatRuleText(rule: SeatRule, resolved: number): string {
  const n = String(resolved).padStart(2, '0');
  if (typeof rule === 'number') return `không quá ${n} đơn vị`;
  return `không quá ${fractionText(rule)} số đơn vị còn lại (${n} đơn vị)`;
}
