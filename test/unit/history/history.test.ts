import { describe, expect, it } from 'vitest';
import { awardsChartData, blocHistory, rankChartData, TOP_UNITS } from '../../../shared/domain/history';
import { rankUnits } from '../../../shared/domain/ranking';
import { findTable, criteriaInOrder } from '../../../shared/domain/scoring-table';
import type { BlocData, Score, VoteRound } from '../../../shared/model/records';
import { buildSyntheticBlocData, withFullHistory } from '../../../shared/sample/sample-bloc';
import { withYearEnds } from '../../../shared/sample/year-end';

const NOW = '2026-01-05T02:00:00.000Z';

/** 5 units, 3 years (2023–2025), a two-criterion table each year; 2023 has no table, DV05 joins in 2024. */
function bloc(): BlocData {
  const data = buildSyntheticBlocData({ units: 5, criteria: 2, years: 3, now: NOW, lastYear: 2025 });
  const ids = data.units.map((u) => u.id);
  data.scoringTables = data.scoringTables.filter((t) => t.year !== 2023);
  data.years.find((y) => y.year === 2023)!.memberUnitIds = ids.slice(0, 4);
  return data;
}

function score(data: BlocData, year: number, unit: number, code: string, self: number | null, verified: number | null = null): Score {
  const unitId = data.units[unit]!.id;
  return { id: `${year}:${unitId}:${code}`, blocId: data.bloc.id, year, unitId, code, self, verified, note: '', history: [], updatedAt: NOW };
}

/** Criterion codes of the synthetic two-criterion table: 1.1 (max 3) and 1.2 (max 5). */
function scored(): BlocData {
  const data = bloc();
  const s = (year: number, unit: number, a: number, b: number, verifiedB: number | null = null) => [
    score(data, year, unit, '1.1', a),
    score(data, year, unit, '1.2', b, verifiedB),
  ];
  data.scores = [
    // 2024: DV02 8 (1st), DV01 and DV03 7 (tied 2nd, higher total before bonus cannot separate), DV04 5, DV05 only one criterion (not ranked).
    ...s(2024, 0, 3, 4),
    ...s(2024, 1, 3, 5),
    ...s(2024, 2, 2, 5),
    ...s(2024, 3, 2, 3),
    score(data, 2024, 4, '1.1', 3),
    // 2025: DV05 first; DV01's self 5 verified down to 1.
    ...s(2025, 0, 3, 5, 1),
    ...s(2025, 1, 0, 5),
    ...s(2025, 2, 3, 3),
    ...s(2025, 3, 0, 0),
    ...s(2025, 4, 3, 5),
    // A score of another bloc is ignored.
    { ...score(data, 2025, 3, '1.1', 3), blocId: 'khoi-khac', id: 'khac' },
  ];
  return data;
}

describe('the bloc history per year', () => {
  it('names the leader and deputy, counts the members and keeps the years in order', () => {
    const h = blocHistory(scored());
    expect(h.years.map((y) => y.year)).toEqual([2023, 2024, 2025]);
    expect(h.years.map((y) => [y.leader?.code, y.deputy?.code])).toEqual([
      ['DV01', 'DV02'],
      ['DV02', 'DV03'],
      ['DV03', 'DV04'],
    ]);
    expect(h.years.map((y) => y.memberCount)).toEqual([4, 5, 5]);
  });

  it('ranks each year as the ranking does (effective scores, shared ranks, units not submitted last)', () => {
    const data = scored();
    const y2024 = blocHistory(data).years[1]!;
    expect(y2024.results.map((r) => [r.code, r.total, r.rank, r.tied])).toEqual([
      ['DV02', 8, 1, false],
      ['DV01', 7, 2, true],
      ['DV03', 7, 2, true],
      ['DV04', 5, 4, false],
      ['DV05', null, null, false],
    ]);
    expect(y2024.rankedCount).toBe(4);
    expect(y2024.table).toMatchObject({ version: 1, status: 'locked' });
    // The same numbers as rankUnits over the year's table and scores.
    const year = data.years.find((y) => y.year === 2024)!;
    const direct = rankUnits({
      table: findTable(data.scoringTables, 2024)!,
      units: year.memberUnitIds.map((id) => data.units.find((u) => u.id === id)!),
      scores: data.scores.filter((s) => s.year === 2024 && s.blocId === data.bloc.id),
      tieRules: year.rules.tieRules,
    });
    expect(y2024.results.map((r) => [r.unitId, r.rank, r.total])).toEqual(direct.entries.map((e) => [e.unitId, e.rank, e.totals?.total ?? null]));
    // Verified scores count: DV01's self 8 is 4 once its 5 is verified down to 1.
    expect(blocHistory(data).years[2]!.results.map((r) => [r.code, r.total, r.rank])).toEqual([
      ['DV05', 8, 1],
      ['DV03', 6, 2],
      ['DV02', 5, 3],
      ['DV01', 4, 4],
      ['DV04', 0, 5],
    ]);
  });

  it('the top units: the first three, and everyone sharing the third place', () => {
    expect(TOP_UNITS).toBe(3);
    const h = blocHistory(scored());
    // 2024: 1st, then two tied 2nd: three units.
    expect(h.years[1]!.top.map((r) => r.code)).toEqual(['DV02', 'DV01', 'DV03']);
    const data = scored();
    // Make DV04 tie with DV01/DV03 at 7 in 2024: four units share the places 2-4.
    data.scores = data.scores.map((s) => (s.year === 2024 && s.unitId === data.units[3]!.id && s.code === '1.2' ? { ...s, self: 5 } : s));
    expect(blocHistory(data).years[1]!.top.map((r) => r.code)).toEqual(['DV02', 'DV01', 'DV03', 'DV04']);
  });

  it('a year without a scoring table lists its members unranked', () => {
    const y2023 = blocHistory(scored()).years[0]!;
    expect(y2023.table).toBeNull();
    expect(y2023.rankedCount).toBe(0);
    expect(y2023.top).toEqual([]);
    expect(y2023.results.map((r) => [r.code, r.rank, r.status])).toEqual([
      ['DV01', null, 'missing'],
      ['DV02', null, 'missing'],
      ['DV03', null, 'missing'],
      ['DV04', null, 'missing'],
    ]);
  });

  it('awards: the quotas of the rules profile; a year without a stored vote proposes nothing', () => {
    const h = blocHistory(scored());
    expect(h.years[2]!.quotas).toEqual([
      { award: 'Cờ thi đua của Chính phủ', max: 1 },
      { award: 'Cờ thi đua của UBND tỉnh', max: 2 },
      { award: 'Bằng khen của Chủ tịch UBND tỉnh', max: 3 },
    ]);
    expect(h.years.every((y) => y.awards.length === 0)).toBe(true);
    expect(awardsChartData(h)).toEqual({ years: [2023, 2024, 2025], quota: [6, 6, 6], proposed: [0, 0, 0], granted: [0, 0, 0] });
  });
});

/** An accepted round 1 of an award section of 2025 (every member present: 5 ballots). */
function round(data: BlocData, sectionId: string, votes: Record<string, number>, extra: Partial<VoteRound> = {}): VoteRound {
  const id = (code: string) => data.units.find((u) => u.code === code)!.id;
  return {
    id: `vong-${sectionId}-${extra.blocId ?? data.bloc.id}`,
    blocId: data.bloc.id,
    year: 2025,
    sectionId,
    round: 1,
    candidates: [],
    seats: sectionId === 'award-gov-flag' ? 1 : 2,
    counts: { issued: 5, returned: 5, valid: 5, invalid: 0 },
    invalidReasons: [],
    votes: Object.fromEntries(Object.entries(votes).map(([c, n]) => [id(c), n])),
    decision: null,
    overrides: [],
    rulesSnapshot: {},
    status: 'accepted',
    acceptedAt: NOW,
    history: [],
    ballotsBy: '',
    secondEntryBy: '',
    updatedAt: NOW,
    ...extra,
  };
}

describe('the awards proposed, from the stored vote', () => {
  /** 2025 voted: DV02 gets the government flag although DV05 ranks first; the provincial flags are changed by hand. */
  function voted(): BlocData {
    const data = scored();
    const id = (code: string) => data.units.find((u) => u.code === code)!.id;
    data.voteRounds = [
      round(data, 'award-gov-flag', { DV02: 4, DV05: 1 }),
      // Computed: DV01 and DV03 (3 of 5 each); the chair's overrides give DV01's place to DV04.
      round(data, 'award-prov-flag', { DV01: 3, DV03: 3, DV04: 2 }, {
        overrides: [
          { unitId: id('DV01'), winner: false, computed: true, reason: 'Đơn vị đang bị thanh tra, chưa đủ điều kiện đề nghị' },
          { unitId: id('DV04'), winner: true, computed: false, reason: 'Hội nghị thống nhất đề nghị thay' },
        ],
      }),
      // A round still being entered and a round of another bloc say nothing.
      round(data, 'award-certificate', { DV05: 5 }, { status: 'draft', acceptedAt: null }),
      round(data, 'award-certificate', { DV05: 5 }, { blocId: 'khoi-khac' }),
    ];
    return data;
  }
  const codes = (data: BlocData, awards: { award: string; unitId: string }[]) =>
    awards.map((a) => `${a.award}: ${data.units.find((u) => u.id === a.unitId)!.code}`).sort();

  it("proposes each award section's winners, overrides applied, instead of the fallback's nothing", () => {
    const data = voted();
    const h = blocHistory(data);
    const y2025 = h.years.find((y) => y.year === 2025)!;
    // The ranking's first unit (DV05) is not the vote's choice.
    expect(y2025.top[0]!.code).toBe('DV05');
    expect(codes(data, y2025.awards)).toEqual(['Cờ thi đua của Chính phủ: DV02', 'Cờ thi đua của UBND tỉnh: DV03', 'Cờ thi đua của UBND tỉnh: DV04']);
    expect(y2025.awards.every((a) => a.year === 2025 && a.outcome === 'proposed')).toBe(true);
    // 2024 has no stored vote: the fallback, nothing proposed.
    expect(h.years.find((y) => y.year === 2024)!.awards).toEqual([]);
    expect(awardsChartData(h).proposed).toEqual([0, 0, 3]);
    const dv04 = h.units.find((u) => u.code === 'DV04')!;
    expect(dv04.awardCount).toBe(1);
    expect(dv04.years.at(-1)!.awards.map((a) => a.award)).toEqual(['Cờ thi đua của UBND tỉnh']);
    expect(h.units.find((u) => u.code === 'DV01')!.awardCount).toBe(0);
  });

  it('the demo year-end: the awards the recorded conference proposed', () => {
    const data = withYearEnds(withFullHistory(buildSyntheticBlocData({ units: 6, criteria: 4, years: 2, now: NOW, lastYear: 2025 })), NOW);
    const h = blocHistory(data);
    const y2025 = h.years.find((y) => y.year === 2025)!;
    const order = y2025.results.map((r) => r.unitId);
    expect(y2025.awards.map((a) => a.unitId).sort()).toEqual(order.slice(0, 6).sort());
    expect(y2025.awards.find((a) => a.award === 'Cờ thi đua của Chính phủ')!.unitId).toBe(order[0]);
  });
});

describe('the bloc history per unit', () => {
  it('gives each unit its total, rank of how many, role and membership across the years', () => {
    const h = blocHistory(scored());
    const dv01 = h.units.find((u) => u.code === 'DV01')!;
    expect(dv01.years.map((y) => [y.year, y.member, y.total, y.rank, y.rankedCount, y.role])).toEqual([
      [2023, true, null, null, 0, 'leader'],
      [2024, true, 7, 2, 4, null],
      [2025, true, 4, 4, 5, null],
    ]);
    expect(dv01.leaderYears).toEqual([2023]);
    expect(dv01.deputyYears).toEqual([]);
    expect(dv01.bestRank).toBe(2);
    const dv05 = h.units.find((u) => u.code === 'DV05')!;
    expect(dv05.years.map((y) => [y.member, y.rank])).toEqual([
      [false, null],
      [true, null],
      [true, 1],
    ]);
    const dv03 = h.units.find((u) => u.code === 'DV03')!;
    expect([dv03.leaderYears, dv03.deputyYears]).toEqual([[2025], [2024]]);
  });

  it('lists only units that were ever members, in the bloc order', () => {
    const data = scored();
    data.units.push({ ...data.units[0]!, id: 'moi', code: 'MOI', name: 'Đơn vị mới', order: 0 });
    expect(blocHistory(data).units.map((u) => u.code)).toEqual(['DV01', 'DV02', 'DV03', 'DV04', 'DV05']);
  });
});

describe('chart data', () => {
  it('one rank line per unit ranked at least once, null where it was not ranked', () => {
    const chart = rankChartData(blocHistory(scored()));
    expect(chart.years).toEqual([2023, 2024, 2025]);
    expect(chart.maxRank).toBe(5);
    expect(chart.series.map((s) => [s.label, s.ranks])).toEqual([
      ['Sở Tư pháp (DV01)', [null, 2, 4]],
      ['Sở Tài chính (DV02)', [null, 1, 3]],
      ['Sở Xây dựng (DV03)', [null, 2, 2]],
      ['Sở Công Thương (DV04)', [null, 4, 5]],
      ['Sở Nội vụ (DV05)', [null, null, 1]],
    ]);
  });

  it('a bloc without any ranked year has no line', () => {
    const chart = rankChartData(blocHistory(bloc()));
    expect(chart.series).toEqual([]);
    expect(chart.maxRank).toBe(1);
  });
});

describe('the full demo bloc', () => {
  it('every member of every year is scored and verified, so every year ranks everyone', () => {
    const data = withFullHistory(buildSyntheticBlocData({ units: 6, criteria: 10, years: 4, now: NOW, lastYear: 2025 }));
    const table = data.scoringTables[0]!;
    expect(data.scores).toHaveLength(4 * 6 * criteriaInOrder(table).length);
    expect(data.scores.every((s) => s.self !== null && s.verified !== null && s.history.length === 2)).toBe(true);
    expect(data.importBatches).toHaveLength(4);
    const h = blocHistory(data);
    expect(h.years.map((y) => y.rankedCount)).toEqual([6, 6, 6, 6]);
    // Ranks move over the years (the chart has something to show).
    expect(new Set(h.units.map((u) => u.years.map((y) => y.rank).join())).size).toBeGreaterThan(1);
    expect(h.units.some((u) => new Set(u.years.map((y) => y.rank)).size > 1)).toBe(true);
  });
});
