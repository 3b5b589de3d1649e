/**
 * What each tie rule of the rules profile compares between units of equal total. Rules that compare
 * numbers ("key rules") separate units; a re-vote or the chair's decision is made at the conference.
 */
import type { CriteriaGroup, TieRule } from '../../model/records';
import { totalBeforeBonus, type UnitTotals } from '../scoring';

export type DecisionRule = Extract<TieRule, { kind: 'revote' | 'chairDecides' }>;
export type KeyRule = Exclude<TieRule, DecisionRule>;

export function isDecisionRule(rule: TieRule): rule is DecisionRule {
  return rule.kind === 'revote' || rule.kind === 'chairDecides';
}

/** Group codes are typed by people ("I", " i "): compare them trimmed and case-blind. */
export function sameGroupCode(a: string, b: string): boolean {
  return a.trim().toLocaleUpperCase('vi') === b.trim().toLocaleUpperCase('vi');
}

/** The number a key rule looks at, as printed (deductions as positive points); null when the rule cannot apply. */
export function ruleShownValue(rule: KeyRule, totals: UnitTotals): number | null {
  switch (rule.kind) {
    case 'higherGroupScore':
      return totals.groups.find((g) => sameGroupCode(g.code, rule.groupCode))?.subtotal ?? null;
    case 'higherTotalScore':
      // Among equal totals a plain "higher total" cannot separate: the rule means the total before bonus.
      return totalBeforeBonus(totals);
    case 'fewerDeductions':
      return totals.deduction;
  }
}

/** The same number oriented so that higher ranks higher. */
export function ruleRankValue(rule: KeyRule, totals: UnitTotals): number | null {
  const v = ruleShownValue(rule, totals);
  if (v === null) return null;
  return rule.kind === 'fewerDeductions' ? -v : v;
}

/** Tie rules naming a group the table does not have (Vietnamese warnings); such rules are skipped. */
export function unknownGroupWarnings(rules: readonly TieRule[], groups: readonly Pick<CriteriaGroup, 'code'>[]): string[] {
  const out: string[] = [];
  rules.forEach((rule, i) => {
    if (rule.kind !== 'higherGroupScore') return;
    if (groups.some((g) => sameGroupCode(g.code, rule.groupCode))) return;
    out.push(
      `Quy tắc xếp hạng khi bằng điểm thứ ${i + 1} so sánh nhóm "${rule.groupCode.trim()}" nhưng bảng chấm điểm không có nhóm này; quy tắc được bỏ qua. Hãy sửa mã nhóm trong quy định của năm.`,
    );
  });
  return out;
}
