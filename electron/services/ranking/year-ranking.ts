/** The ranking of one year of a bloc's data: the table in force, the year's members and scores, the rules profile's tie rules. */
import { rankUnits, type ChairDecision, type ClassificationBand, type Eligibility, type RankingResult } from '../../../shared/domain/ranking';
import type { BlocData } from '../../../shared/model/records';
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
 * Eligibility, the decisions on shared ranks and the classification bands of a year: the ONE place
 * the ranking, its documents (bảng tổng hợp, thông báo thẩm định) and the CLI read them from.
 *
 * The data model does not store them yet, so every unit is eligible, no decision is entered and no
 * band is set. Where the storage plugs in (the verification work):
 * - eligibility: the year's unit reviews ("không đủ điều kiện đề nghị khen thưởng" with its reason
 *   and the document it rests on), by unit id;
 * - decisions: the year review's chair decisions on tied units (units, order, reason);
 * - bands: the classification bands of the year's rules profile (read here already).
 */
export function yearRankingExtras(data: BlocData, year: number): RankingExtras {
  const rules = data.years.find((y) => y.year === year)?.rules;
  const bands = (rules?.classificationBands ?? []).map((b) => ({ label: b.label, min: b.min }));
  return { eligibility: new Map(), decisions: [], bands };
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
