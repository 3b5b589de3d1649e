/** The numbers behind the history's two charts (pure; the renderer draws them, the tables show the same). */
import type { AwardsChartData, BlocHistory, RankChartData } from './types';

/** Each unit's rank over the years: one series per unit ranked at least once, null where it was not ranked. */
export function rankChartData(history: BlocHistory): RankChartData {
  const years = history.years.map((y) => y.year);
  const series = history.units
    .filter((u) => u.years.some((y) => y.rank !== null))
    .map((u) => ({ unitId: u.unitId, label: `${u.name} (${u.code})`, ranks: u.years.map((y) => y.rank) }));
  const maxRank = Math.max(1, ...history.years.map((y) => y.rankedCount));
  return { years, maxRank, series };
}

/** Per year: the awards the rules profile allowed, those proposed and those granted. */
export function awardsChartData(history: BlocHistory): AwardsChartData {
  return {
    years: history.years.map((y) => y.year),
    quota: history.years.map((y) => y.quotas.reduce((n, q) => n + q.max, 0)),
    proposed: history.years.map((y) => y.awards.length),
    granted: history.years.map((y) => y.awards.filter((a) => a.outcome === 'granted').length),
  };
}
