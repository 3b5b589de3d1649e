/** The ranking of one year of a bloc's data: the table in force, the year's members and scores, the rules profile's tie rules. */
import { rankUnits, type ChairDecision, type ClassificationBand, type Eligibility, type RankingResult } from '../../../shared/domain/ranking';
import type { BlocData, Year } from '../../../shared/model/records';
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
 * Eligibility, the decisions on shared ranks and the classification bands of a year. The bands
 * come from the rules profile; the data model does not store eligibility or decisions yet (the
 * verification work adds them), so every unit is eligible and no decision is entered.
 */
export function rankingExtras(year: Year): RankingExtras {
  return { eligibility: new Map(), decisions: [], bands: year.rules.classificationBands.map((b) => ({ label: b.label, min: b.min })) };
}

export function yearRanking(data: BlocData, yearNumber: number, extras?: Partial<RankingExtras>): YearRanking {
  const ctx = yearContext(data, yearNumber);
  const scores = data.scores.filter((s) => s.blocId === data.bloc.id && s.year === yearNumber);
  const result = rankUnits({
    table: ctx.table,
    units: ctx.units,
    scores,
    tieRules: ctx.year.rules.tieRules,
    ...rankingExtras(ctx.year),
    ...extras,
  });
  return { ctx, result };
}
