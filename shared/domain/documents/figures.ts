/**
 * The figures the reports print, computed from the data (pure): the pledge, the self-assessments
 * received (on time or late when a deadline is set and the files' receipt is known), the ranking's
 * classification counts and the comparison with past years. The ranking itself is computed by the
 * ranking engine and handed in (`RankingResult`), so this file never re-derives a score.
 */
import type { BlocData, Unit } from '../../model/records';
import { isIsoDate } from '../../text/dates';
import { localParts } from '../office-time';
import type { RankedUnit, RankingResult } from '../ranking/types';
import type { ConferenceContext } from './conference-context';

export interface PledgeFigures {
  /** ISO date the pledge was signed. */
  date: string;
  /** Units that signed it. */
  signers: number;
}

export function pledgeFigures(data: BlocData, year: number): PledgeFigures | null {
  const pledge = data.pledges.find((p) => p.year === year);
  if (!pledge) return null;
  const members = data.years.find((y) => y.year === year)?.memberUnitIds.length ?? 0;
  return { date: pledge.date, signers: pledge.unitIds.length || members };
}

export interface SubmissionFigures {
  expected: number;
  /** Every criterion self-scored. */
  complete: Unit[];
  /** Some criteria self-scored. */
  incomplete: Unit[];
  /** No self score at all (chưa nộp). */
  missing: Unit[];
  /** Set when a deadline is given: received units split by the time their file arrived. */
  timing: { deadline: string; onTime: Unit[]; late: Unit[]; unknown: Unit[] } | null;
}

/** The office-clock day (yyyy-mm-dd) of an ISO time. */
function officeDay(iso: string): string | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const p = localParts(ms);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** When each unit's self-assessment file first arrived (imports not undone), by unit id. */
export function receivedDays(data: BlocData, year: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const batch of data.importBatches) {
    if (batch.year !== year || batch.undoneAt) continue;
    for (const f of batch.files) {
      const day = officeDay(f.receivedAt);
      if (!day) continue;
      const known = out.get(f.unitId);
      if (!known || day < known) out.set(f.unitId, day);
    }
  }
  return out;
}

export function submissionFigures(data: BlocData, ctx: ConferenceContext, ranking: RankingResult, deadline: string): SubmissionFigures {
  const byId = new Map(ctx.members.map((u) => [u.id, u]));
  const pick = (status: RankedUnit['status']) =>
    ranking.entries.filter((e) => e.status === status).map((e) => byId.get(e.unitId)).filter((u): u is Unit => !!u);
  const complete = pick('ranked');
  const incomplete = pick('incomplete');
  const missing = pick('missing');
  let timing: SubmissionFigures['timing'] = null;
  if (isIsoDate(deadline)) {
    const days = receivedDays(data, ctx.year);
    const t = { deadline, onTime: [] as Unit[], late: [] as Unit[], unknown: [] as Unit[] };
    for (const u of [...complete, ...incomplete]) {
      const day = days.get(u.id);
      (day === undefined ? t.unknown : day <= deadline ? t.onTime : t.late).push(u);
    }
    timing = t;
  }
  return { expected: ctx.members.length, complete, incomplete, missing, timing };
}

/** How many ranked units fall in each classification band, in the order the bands are first met. */
export function classificationCounts(ranking: RankingResult): { label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const e of ranking.entries) if (e.classification) counts.set(e.classification, (counts.get(e.classification) ?? 0) + 1);
  return [...counts].map(([label, count]) => ({ label, count }));
}

export interface HistoryRow {
  year: number;
  members: number;
  /** Units ranked (every criterion self-scored); null when the year has no scoring table. */
  ranked: number | null;
  /** Mean total of the ranked units, null when none. */
  average: number | null;
  /** The first-ranked unit's name. */
  top: string | null;
  leader: string | null;
}

/** One row per year up to `year` that the data holds, oldest first; `rankingOf` gives a year's ranking or null. */
export function historyRows(data: BlocData, year: number, rankingOf: (year: number) => RankingResult | null): HistoryRow[] {
  const names = new Map(data.units.map((u) => [u.id, u.name]));
  return data.years
    .filter((y) => y.year <= year)
    .sort((a, b) => a.year - b.year)
    .map((y) => {
      const ranking = rankingOf(y.year);
      const ranked = ranking ? ranking.entries.filter((e) => e.status === 'ranked' && e.totals) : null;
      const totals = ranked?.map((e) => e.totals!.total) ?? [];
      const top = ranked?.find((e) => e.rank === 1) ?? null;
      return {
        year: y.year,
        members: y.memberUnitIds.length,
        ranked: ranked ? ranked.length : null,
        average: totals.length ? Math.round((totals.reduce((a, b) => a + b, 0) / totals.length) * 100) / 100 : null,
        top: top ? top.name : null,
        leader: y.leaderUnitId ? (names.get(y.leaderUnitId) ?? null) : null,
      };
    });
}
