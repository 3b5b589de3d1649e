/**
 * Totals of one unit's scores against a scoring table (pure).
 *
 * - Every value is the points the unit (or the verifier) gives a criterion, a number or null
 *   (missing). 0 is a value: a unit may honestly score 0; completeness, not a total above zero,
 *   says whether everything was filled in.
 * - A value counts at most its criterion's max and never below 0 (the importer reports values out
 *   of range; totals never count more than the table allows).
 * - Normal groups add up. Bonus criteria (in a bonus group or of kind 'bonus') add, deduction
 *   criteria (in a deduction group or of kind 'deduction') are entered as positive points taken
 *   away and are SUBTRACTED. A group's cap (if set) bounds the size of its subtotal.
 * - The total may exceed the table's nominal scale through bonuses, and may be below 0 only if
 *   deductions exceed everything else (kept as is: the table decides).
 */
import type { CriteriaGroup, Criterion, ScoringTable } from '../model/records';

export type ScoreValues = ReadonlyMap<string, number | null> | Readonly<Record<string, number | null | undefined>>;

/** How a criterion's points enter the total. */
export type Contribution = 'add' | 'bonus' | 'deduct';

export interface TableCriterion {
  criterion: Criterion;
  group: CriteriaGroup;
  contribution: Contribution;
}

export interface GroupTotal {
  code: string;
  title: string;
  kind: CriteriaGroup['kind'];
  /** Points of the group, after its cap; positive for every kind (deductions too). */
  subtotal: number;
  /** The group's maximum after its cap (groupMax). */
  max: number;
  /** True when the cap cut the sum. */
  capped: boolean;
  filled: number;
  criteria: number;
}

export interface UnitTotals {
  /** Sum of normal groups + bonus - deductions. */
  total: number;
  /** Points of normal criteria. */
  base: number;
  bonus: number;
  /** Points taken away (a positive number). */
  deduction: number;
  groups: GroupTotal[];
  /** Every criterion has a value (0 counts as a value). */
  complete: boolean;
  missing: string[];
  filled: number;
  criteria: number;
  /** Codes whose value lay outside 0..max and was clamped for the total. */
  clamped: string[];
}

/**
 * The total before bonus points are added (normal points minus deductions): the tie rule "higher
 * total before bonus" compares it, so a unit that reached the same total without bonus points ranks higher.
 */
export function totalBeforeBonus(totals: Pick<UnitTotals, 'base' | 'deduction'>): number {
  return roundPoints(totals.base - totals.deduction);
}

/**
 * Whether a unit has submitted its self-assessment: every criterion has a self score (0 counts).
 * Pass the totals of the SELF scores. A table without criteria asks nothing, so nothing is submitted.
 */
export function isSubmitted(selfTotals: Pick<UnitTotals, 'filled' | 'criteria'>): boolean {
  return selfTotals.criteria > 0 && submissionOf(selfTotals) === 'complete';
}

/** Rounds away binary noise (0.1 + 0.2) while keeping every decimal a user can type. */
export function roundPoints(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

export function contributionOf(criterion: Pick<Criterion, 'kind'>, group: Pick<CriteriaGroup, 'kind'>): Contribution {
  if (criterion.kind === 'deduction' || group.kind === 'deduction') return 'deduct';
  if (criterion.kind === 'bonus' || group.kind === 'bonus') return 'bonus';
  return 'add';
}

/** Every criterion of the table in order, with its group and how it counts. */
export function tableCriteria(table: Pick<ScoringTable, 'groups'>): TableCriterion[] {
  const out: TableCriterion[] = [];
  for (const group of table.groups) {
    for (const criterion of group.criteria) out.push({ criterion, group, contribution: contributionOf(criterion, group) });
  }
  return out;
}

/** Points of a 'count' criterion for a number of items: count × perItem, capped at max. */
export function pointsForCount(criterion: Pick<Criterion, 'max' | 'perItem'>, count: number): number {
  const per = criterion.perItem ?? 1;
  return roundPoints(Math.min(criterion.max, Math.max(0, count) * per));
}

/** A value bounded by a group's cap (no cap: the value itself). */
function capped(group: Pick<CriteriaGroup, 'cap'>, n: number): number {
  return group.cap !== undefined ? Math.min(group.cap, n) : n;
}

/**
 * A group's maximum points after its cap, for each way its criteria count: the maxima of the
 * criteria that add, that are bonus and that are deducted, each summed apart and bounded by the
 * cap (computeTotals bounds each subtotal the same way).
 */
export function groupMaxima(group: Pick<CriteriaGroup, 'kind' | 'cap' | 'criteria'>): Record<Contribution, number> {
  const sums: Record<Contribution, number> = { add: 0, bonus: 0, deduct: 0 };
  for (const c of group.criteria) sums[contributionOf(c, group)] += c.max;
  return { add: roundPoints(capped(group, sums.add)), bonus: roundPoints(capped(group, sums.bonus)), deduct: roundPoints(capped(group, sums.deduct)) };
}

/** How a group's subtotal counts: a normal group adds, a bonus group is bonus, a deduction group is taken away. */
export function groupContribution(group: Pick<CriteriaGroup, 'kind'>): Contribution {
  return group.kind === 'deduction' ? 'deduct' : group.kind === 'bonus' ? 'bonus' : 'add';
}

/**
 * The maximum a group's row shows (documents, templates, the Excel export, the totals): the capped
 * sum of the criteria that count the group's way. A deduction criterion inside a normal group is
 * taken away, so it never raises the group's maximum.
 */
export function groupMax(group: Pick<CriteriaGroup, 'kind' | 'cap' | 'criteria'>): number {
  return groupMaxima(group)[groupContribution(group)];
}

/** Nominal maximum of normal criteria (what the table's scale should be): every group's added points after its cap. */
export function nominalMax(table: Pick<ScoringTable, 'groups'>): number {
  return roundPoints(table.groups.reduce((sum, group) => sum + groupMaxima(group).add, 0));
}

function lookup(values: ScoreValues, code: string): number | null {
  const v = values instanceof Map ? values.get(code) : (values as Record<string, number | null | undefined>)[code];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function computeTotals(table: Pick<ScoringTable, 'groups'>, values: ScoreValues): UnitTotals {
  const result: UnitTotals = {
    total: 0,
    base: 0,
    bonus: 0,
    deduction: 0,
    groups: [],
    complete: true,
    missing: [],
    filled: 0,
    criteria: 0,
    clamped: [],
  };
  for (const group of table.groups) {
    // A group may mix contributions (a deduction criterion inside a normal group); sum each apart.
    const sums: Record<Contribution, number> = { add: 0, bonus: 0, deduct: 0 };
    let filled = 0;
    for (const criterion of group.criteria) {
      result.criteria++;
      const raw = lookup(values, criterion.code);
      if (raw === null) {
        result.missing.push(criterion.code);
        continue;
      }
      filled++;
      const v = Math.min(criterion.max, Math.max(0, raw));
      if (v !== raw) result.clamped.push(criterion.code);
      sums[contributionOf(criterion, group)] += v;
    }
    result.filled += filled;
    const add = capped(group, sums.add);
    const bonus = capped(group, sums.bonus);
    const deduct = capped(group, sums.deduct);
    const own = groupContribution(group);
    const raw = sums[own];
    const subtotal = { add, bonus, deduct }[own];
    result.base += add;
    result.bonus += bonus;
    result.deduction += deduct;
    result.groups.push({
      code: group.code,
      title: group.title,
      kind: group.kind,
      subtotal: roundPoints(subtotal),
      max: groupMax(group),
      capped: group.cap !== undefined && raw > group.cap,
      filled,
      criteria: group.criteria.length,
    });
  }
  result.base = roundPoints(result.base);
  result.bonus = roundPoints(result.bonus);
  result.deduction = roundPoints(result.deduction);
  result.total = roundPoints(result.base + result.bonus - result.deduction);
  result.complete = result.missing.length === 0;
  return result;
}

/**
 * Whether a unit has handed in its self-assessment. Completeness decides, never a total above
 * zero (a unit may honestly score 0): every criterion given → 'complete', some → 'partial',
 * none → 'none' (shown as "chưa nộp", never as a total of 0).
 */
export type Submission = 'complete' | 'partial' | 'none';

export function submissionOf(counts: Pick<UnitTotals, 'filled' | 'criteria'>): Submission {
  if (counts.filled <= 0) return 'none';
  return counts.filled >= counts.criteria ? 'complete' : 'partial';
}

/** What a summary prints instead of a total for a unit without any score. */
export const NOT_SUBMITTED_TEXT = 'chưa nộp';
