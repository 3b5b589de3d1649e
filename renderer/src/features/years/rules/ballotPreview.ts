/** The first ballot the draft rules would print, per award: its quota and "chọn không quá N đơn vị". */
import type { RulesProfile, Unit } from '../../../../../shared/model/records';
import { firstBallotPlan, type BallotSectionPlan } from '../../../../../shared/domain/vote/plan';
import { tallyInputFromYear } from '../../../../../shared/domain/vote/year-input';
import { isValidFraction } from '../../../ui/FractionInput';

const validAward = (a: RulesProfile['awards'][number]) =>
  (typeof a.seats === 'number' ? Number.isInteger(a.seats) && a.seats >= 0 : isValidFraction(a.seats)) &&
  (a.maxMarks === null || (Number.isInteger(a.maxMarks) && a.maxMarks >= 1));

/** By award id; an award whose numbers are not valid yet has no entry (nor do the ones after it, whose "còn lại" depends on it). */
export function ballotPreview(rules: RulesProfile, members: readonly Pick<Unit, 'code' | 'name'>[]): Map<string, BallotSectionPlan> {
  const firstBad = rules.awards.findIndex((a) => !validAward(a));
  const awards = firstBad < 0 ? rules.awards : rules.awards.slice(0, firstBad);
  const input = tallyInputFromYear({ year: 0, rules: { ...rules, awards }, members, present: [] });
  return new Map(firstBallotPlan(input).map((p) => [p.id, p]));
}
