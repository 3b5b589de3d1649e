/**
 * A bloc ready for its year-end conference papers: scored years (so the ranking and the history
 * exist), the pledge, the self-assessment files received, and the vote entry (the `tally` shape)
 * with three awards and next year's Khối trưởng / Khối phó. Built over the 8-unit sample or the
 * synthetic bloc of any size.
 */
import { defaultPledge } from '../../../shared/domain/pledge-defaults';
import { leadershipSections } from '../../../shared/domain/vote/leadership';
import type { SectionInput, TallyInput } from '../../../shared/domain/vote/types';
import { scoreId, type BlocData, type ImportBatch, type Score } from '../../../shared/model/records';
import { buildSampleBlocData, buildSyntheticBlocData, sampleScoringTable } from '../../../shared/sample/sample-bloc';

export const CONFERENCE_NOW = '2025-01-06T02:00:00.000Z';

/** Self scores for every criterion of the year's table: unit i scores a little less than unit i-1. */
function scoresFor(data: BlocData, year: number): Score[] {
  const table = data.scoringTables.filter((t) => t.year === year).sort((a, b) => b.version - a.version)[0];
  if (!table) return [];
  const members = data.years.find((y) => y.year === year)!.memberUnitIds;
  const out: Score[] = [];
  members.forEach((unitId, i) => {
    for (const g of table.groups) {
      for (const c of g.criteria) {
        const share = g.kind === 'normal' ? 1 - (i % 17) * 0.02 - Math.floor(i / 17) * 0.005 : g.kind === 'bonus' ? (i < 3 ? 1 : 0) : i % 4 === 3 ? 0.5 : 0;
        const value = Math.round(c.max * share * 2) / 2;
        out.push({
          id: scoreId(year, unitId, c.code),
          blocId: data.bloc.id,
          year,
          unitId,
          code: c.code,
          self: value,
          verified: value,
          note: '',
          history: [],
          updatedAt: CONFERENCE_NOW,
        });
      }
    }
  });
  return out;
}

/** Files received: all but the last unit, the last two received a day after the deadline (2024-12-15). */
function receipts(data: BlocData, year: number): ImportBatch {
  const members = data.years.find((y) => y.year === year)!.memberUnitIds;
  const received = members.slice(0, -1);
  return {
    id: `batch-${year}`,
    blocId: data.bloc.id,
    year,
    createdAt: CONFERENCE_NOW,
    files: received.map((unitId, i) => ({
      name: `TuCham_${year}_${i + 1}.xlsx`,
      sha256: String(i).padStart(64, '0'),
      unitId,
      receivedAt: i >= received.length - 2 ? `${year}-12-16T03:00:00.000Z` : `${year}-12-14T03:00:00.000Z`,
    })),
    changes: [],
    undoneAt: null,
  };
}

export interface ConferenceFixture {
  data: BlocData;
  year: number;
  vote: TallyInput;
}

/** The vote: every unit present but the last; 1 Government flag, 2 provincial flags, 3 Bằng khen, leader and deputy. */
export function voteFor(data: BlocData, year: number): TallyInput {
  const byId = new Map(data.units.map((u) => [u.id, u]));
  const codes = data.years.find((y) => y.year === year)!.memberUnitIds.map((id) => byId.get(id)!.code);
  const present = codes.length > 4 ? codes.slice(0, -1) : codes;
  const p = present.length;
  const ballots = { issued: p, returned: p, valid: p, invalid: 0 };
  const threshold = { num: 1, den: 2, comparison: 'gt' as const, base: 'valid' as const };
  const award = (id: string, title: string, seats: number, votes: Record<string, number>): SectionInput => ({
    id,
    title,
    kind: 'award',
    seats,
    threshold,
    rounds: [{ ballots, votes }],
  });
  const [leader, deputy] = leadershipSections(year + 1);
  return {
    members: codes,
    present,
    names: Object.fromEntries(data.units.map((u) => [u.code, u.name])),
    sections: [
      award('co-chinh-phu', 'Cờ thi đua của Chính phủ', 1, { [codes[0]!]: p }),
      award('co-tinh', 'Cờ thi đua của UBND tỉnh', 2, { [codes[1]!]: p - 1, [codes[2]!]: p - 2 }),
      award('bang-khen', 'Bằng khen của Chủ tịch UBND tỉnh', 3, { [codes[3]!]: p - 1, [codes[4]!]: p - 2, [codes[5]!]: Math.floor(p / 2) + 1 }),
      // Units not proposed for an award (awards are exclusive across the sections of one vote).
      { ...leader!, rounds: [{ ballots, votes: { [codes[6]!]: p } }] },
      { ...deputy!, rounds: [{ ballots, votes: { [codes[7]!]: p - 1 } }] },
    ],
  };
}

function withConference(base: BlocData, year: number): ConferenceFixture {
  const data: BlocData = { ...base };
  data.scores = [...data.years.flatMap((y) => scoresFor(data, y.year))];
  data.pledges = [{ ...defaultPledge(data, year, CONFERENCE_NOW), date: `${year}-02-20` }];
  data.importBatches = [receipts(data, year)];
  return { data, year, vote: voteFor(data, year) };
}

/** The 8-unit sample bloc: 2023 and 2024, both scored (2023 with the 2024 table copied). */
export function sampleConference(): ConferenceFixture {
  const base = buildSampleBlocData(CONFERENCE_NOW);
  base.scoringTables = [...base.scoringTables, sampleScoringTable(base.bloc.id, 2023, CONFERENCE_NOW)];
  // Without the sample's saved drafts and issued numbers: these tests give their own.
  base.documentDrafts = [];
  base.registerEntries = [];
  return withConference(base, 2024);
}

/** A synthetic bloc of `units` members over two years. */
export function demoConference(units = 40): ConferenceFixture {
  return withConference(buildSyntheticBlocData({ units, criteria: 22, years: 2, now: CONFERENCE_NOW }), 2024);
}
