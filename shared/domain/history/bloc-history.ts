/**
 * The bloc's history at a glance (pure): per year the leader and deputy, the members, the ranking
 * and the top units, the awards proposed and their outcome; per unit its total, rank,
 * classification, awards and years as leader or deputy across the years.
 *
 * Ranks come from the year-end ranking itself (shared/domain/ranking, `rankUnits`) over the year's
 * scores and the year's scoring table, with the year's tie rules, so the history never disagrees
 * with the ranking screen or its Excel export. Awards come from `proposedAwards` (awards.ts): the
 * winners of the year's stored vote.
 */
import { resolveSeats } from '../vote/seats';
import type { BlocData, ScoringTable, Unit, Year } from '../../model/records';
import { rankUnits, type RankingScore } from '../ranking';
import { findTable } from '../scoring-table';
import { proposedAwards } from './awards';
import type { BlocHistory, HistoryUnitRef, UnitHistory, UnitYear, YearHistory, YearUnitResult } from './types';

/** How many units "the top units" of a year are. */
export const TOP_UNITS = 3;

/** What the history reads: no pledges, attachments or import batches; the conference, vote rounds and unit reviews for the awards. */
export type HistoryInput = Pick<BlocData, 'bloc' | 'units' | 'years' | 'scoringTables' | 'scores' | 'conferences' | 'voteRounds' | 'unitReviews'>;

/**
 * The scoring table a year is ranked with: the same rule as the ranking service
 * (electron/services/assessment/year-context.ts), the highest version of the year.
 */
function tableOfYear(tables: readonly ScoringTable[], year: number): ScoringTable | null {
  return findTable(tables, year);
}

function ref(unit: Unit): HistoryUnitRef {
  return { unitId: unit.id, code: unit.code, name: unit.name };
}

function scoresByYear(data: HistoryInput): Map<number, RankingScore[]> {
  const out = new Map<number, RankingScore[]>();
  for (const s of data.scores) {
    if (s.blocId !== data.bloc.id) continue;
    let list = out.get(s.year);
    if (!list) out.set(s.year, (list = []));
    list.push(s);
  }
  return out;
}

function topOf(results: readonly YearUnitResult[]): YearUnitResult[] {
  const ranked = results.filter((r) => r.rank !== null);
  const cut = ranked[TOP_UNITS - 1]?.rank ?? null;
  return cut === null ? ranked : ranked.filter((r) => r.rank! <= cut);
}

function yearHistory(data: HistoryInput, year: Year, byId: ReadonlyMap<string, Unit>, scores: readonly RankingScore[]): YearHistory {
  const members = year.memberUnitIds.flatMap((id) => {
    const u = byId.get(id);
    return u ? [u] : [];
  });
  const table = tableOfYear(
    data.scoringTables.filter((t) => t.blocId === data.bloc.id),
    year.year,
  );
  let results: YearUnitResult[];
  if (table) {
    const ranking = rankUnits({ table, units: members, scores, tieRules: year.rules.tieRules });
    results = ranking.entries.map((e) => ({
      unitId: e.unitId,
      code: e.code,
      name: e.name,
      total: e.totals?.total ?? null,
      rank: e.rank,
      tied: e.tiedWith.length > 0,
      classification: e.classification,
      status: e.status,
    }));
  } else {
    results = members.map((u) => ({ ...ref(u), total: null, rank: null, tied: false, classification: null, status: 'missing' as const }));
  }
  const leader = year.leaderUnitId ? byId.get(year.leaderUnitId) : undefined;
  const deputy = year.deputyUnitId ? byId.get(year.deputyUnitId) : undefined;
  return {
    year: year.year,
    leader: leader ? ref(leader) : null,
    deputy: deputy ? ref(deputy) : null,
    memberCount: members.length,
    table: table ? { version: table.version, status: table.status, title: table.title, scale: table.scale } : null,
    results,
    rankedCount: results.filter((r) => r.rank !== null).length,
    top: topOf(results),
    awards: proposedAwards(data, year.year),
    // A share quota is resolved against all members: the most the bloc could have proposed.
    quotas: year.rules.awards.map((a) => ({ award: a.name, max: resolveSeats(a.seats, members.length) })),
  };
}

export function blocHistory(data: HistoryInput): BlocHistory {
  const byId = new Map(data.units.map((u) => [u.id, u]));
  const byYear = scoresByYear(data);
  const years = data.years
    .filter((y) => y.blocId === data.bloc.id)
    .sort((a, b) => a.year - b.year)
    .map((y) => yearHistory(data, y, byId, byYear.get(y.year) ?? []));

  const seen = new Set(data.years.flatMap((y) => y.memberUnitIds));
  const units: UnitHistory[] = data.units
    .filter((u) => seen.has(u.id))
    .sort((a, b) => a.order - b.order)
    .map((u) => {
      const perYear: UnitYear[] = years.map((y) => {
        const result = y.results.find((r) => r.unitId === u.id);
        return {
          year: y.year,
          member: result !== undefined,
          total: result?.total ?? null,
          rank: result?.rank ?? null,
          rankedCount: y.rankedCount,
          classification: result?.classification ?? null,
          role: y.leader?.unitId === u.id ? 'leader' : y.deputy?.unitId === u.id ? 'deputy' : null,
          awards: y.awards.filter((a) => a.unitId === u.id),
        };
      });
      const ranks = perYear.flatMap((y) => (y.rank === null ? [] : [y.rank]));
      return {
        ...ref(u),
        active: u.active,
        years: perYear,
        leaderYears: perYear.filter((y) => y.role === 'leader').map((y) => y.year),
        deputyYears: perYear.filter((y) => y.role === 'deputy').map((y) => y.year),
        awardCount: perYear.reduce((n, y) => n + y.awards.length, 0),
        bestRank: ranks.length ? Math.min(...ranks) : null,
      };
    });
  return { years, units };
}
