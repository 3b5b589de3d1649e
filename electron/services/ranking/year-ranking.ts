/** The ranking of one year of a bloc's data: the table in force, the year's members and scores, the rules profile's tie rules. */
import { rankUnits, type ChairDecision, type ClassificationBand, type Eligibility, type RankingResult } from '../../../shared/domain/ranking';
import type { BlocData } from '../../../shared/model/records';
import { storedRankingExtras } from '../../../shared/domain/verification';
import { yearContext, type YearContext } from '../assessment/year-context';

export interface YearRanking {
  ctx: YearContext;
  result: RankingResult;
}

export interface RankingExtras {
  eligibility: ReadonlyMap<string, Eligibility>;
  decisions: ChairDecision[];
  bands: ClassificationBand[];
}

/**
 * Eligibility, the decisions on shared ranks and the classification bands of a year, read from the
 * stored unit reviews, year review and rules profile by the one rule (shared/domain/verification.ts
 * storedRankingExtras): the place the ranking, its documents and the CLI read them from.
 */
export function yearRankingExtras(data: BlocData, year: number): RankingExtras {
  const blocId = data.bloc.id;
  const reviews = data.unitReviews.filter((r) => r.blocId === blocId && r.year === year);
  const yearReview = data.yearReviews.find((r) => r.blocId === blocId && r.year === year);
  const rules = data.years.find((y) => y.blocId === blocId && y.year === year)?.rules;
  return storedRankingExtras(reviews, yearReview, rules);
}

export function yearRanking(data: BlocData, yearNumber: number, extras?: Partial<RankingExtras>): YearRanking {
  const ctx = yearContext(data, yearNumber);
  const scores = data.scores.filter((s) => s.blocId === data.bloc.id && s.year === yearNumber);
  const result = rankUnits({
    table: ctx.table,
    units: ctx.units,
    scores,
    tieRules: ctx.year.rules.tieRules,
    ...yearRankingExtras(data, yearNumber),
    ...extras,
  });
  return { ctx, result };
}
