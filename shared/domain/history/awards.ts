/**
 * The awards the bloc proposed each year and what became of them: the ONE place the history reads
 * them from.
 *
 * A year with a stored vote (accepted rounds of an award section: shared/domain/vote/stored.ts)
 * proposes the winners of each award section, as the tally engine decides them from the rounds
 * with the chair's decisions and the verdicts changed by hand (the same read as the vote screen
 * and the conference papers: voteContextOf → tallyInputFromYear → tally). A year without one falls
 * back to `awardsWithoutVote`, which knows no award ("chưa có kết quả bình xét"). The province's
 * decision is not recorded yet, so every award is 'proposed'.
 */
import type { BlocData } from '../../model/records';
import { voteContextOf } from '../vote/context';
import { tally } from '../vote/tally';
import { tallyInputFromYear } from '../vote/year-input';
import type { ProposedAward } from './types';

export type AwardsInput = Pick<BlocData, 'bloc' | 'units' | 'years' | 'conferences' | 'voteRounds' | 'unitReviews'>;

/** What the history says of a year with no stored vote: nothing proposed. */
export function awardsWithoutVote(_data: AwardsInput, _year: number): ProposedAward[] {
  return [];
}

export function proposedAwards(data: AwardsInput, year: number): ProposedAward[] {
  const own = { ...data, years: data.years.filter((y) => y.blocId === data.bloc.id), voteRounds: data.voteRounds.filter((r) => r.blocId === data.bloc.id) };
  const ctx = voteContextOf(own, year);
  if (!ctx) return awardsWithoutVote(data, year);
  const input = tallyInputFromYear(ctx);
  if (!input.sections.some((s) => s.rounds.length > 0)) return awardsWithoutVote(data, year);
  const idOf = new Map(ctx.units.map((u) => [u.code, u.id]));
  return tally(input).sections.flatMap((s) =>
    s.winners.flatMap((code) => {
      const unitId = idOf.get(code);
      return unitId ? [{ year, award: s.title, unitId, outcome: 'proposed' as const }] : [];
    }),
  );
}
