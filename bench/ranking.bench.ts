/**
 * Ranking 60 units × 200 criteria (target: well under 50 ms warm). Scores are drawn from a few
 * values so that many totals tie and the tie rules, the shared ranks and the explanations all run;
 * half of the criteria carry a verified score.
 */
import { performance } from 'node:perf_hooks';
import { rankUnits, type RankingInput } from '../shared/domain/ranking';
import { tableCriteria } from '../shared/domain/scoring';
import type { Score } from '../shared/model/records';
import { buildSyntheticBlocData } from '../shared/sample/sample-bloc';

const UNITS = 60;
const CRITERIA = 200;
const NOW = '2024-12-15T08:00:00.000Z';

function input(): RankingInput {
  const data = buildSyntheticBlocData({ units: UNITS, criteria: CRITERIA, years: 1, now: NOW });
  const table = data.scoringTables[0]!;
  const year = data.years[0]!;
  const scores: Score[] = [];
  data.units.forEach((unit, u) => {
    tableCriteria(table).forEach(({ criterion }, c) => {
      // Every fifth unit copies the one before: equal totals for the tie rules to work on.
      const seed = u % 5 === 4 ? u - 1 : u;
      const self = Math.round(criterion.max * (((seed * 7 + c * 3 + ((seed * c) % 7)) % 5) / 4) * 2) / 2;
      const verified = c % 2 === 0 ? Math.max(0, self - (seed % 3 === 0 ? 0.5 : 0)) : null;
      scores.push({
        id: `${year.year}:${unit.id}:${criterion.code}`, blocId: data.bloc.id, year: year.year, unitId: unit.id, code: criterion.code,
        self, verified, note: '', history: [], updatedAt: NOW,
      });
    });
  });
  return {
    table,
    units: data.units,
    scores,
    tieRules: [{ kind: 'higherGroupScore', groupCode: 'I' }, { kind: 'higherTotalScore' }, { kind: 'fewerDeductions' }, { kind: 'revote' }],
    bands: [{ label: 'Xuất sắc', min: 0.95 * table.scale }, { label: 'Tốt', min: 0.85 * table.scale }],
  };
}

export default async function run(): Promise<void> {
  const data = input();
  for (let i = 0; i < 20; i++) rankUnits(data);
  const times: number[] = [];
  let result = rankUnits(data);
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    result = rankUnits(data);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const ranked = result.entries.filter((e) => e.rank !== null).length;
  const shared = result.entries.filter((e) => e.tiedWith.length > 0).length;
  const byRule = result.entries.filter((e) => e.decidedBy && e.decidedBy.by !== 'total').length;
  console.log(`${UNITS} units × ${CRITERIA} criteria (${data.scores.length} scores)`);
  console.log(`rankUnits warm: median ${median.toFixed(2)} ms, best ${times[0]!.toFixed(2)} ms, worst ${times[times.length - 1]!.toFixed(2)} ms (target < 50 ms)`);
  console.log(`ranked ${ranked}, sharing a rank ${shared}, separated by a tie rule ${byRule}`);
}
