/** The year's ranking classifies units with the rules profile's bands (none by default). */
import { describe, expect, it } from 'vitest';
import { yearRanking } from '../../../electron/services/ranking/year-ranking';
import { tableCriteria } from '../../../shared/domain/scoring';
import { scoreId, type BlocData } from '../../../shared/model/records';
import { buildSampleBlocData } from '../../../shared/sample/sample-bloc';

const NOW = '2026-01-05T08:00:00.000Z';

/** The sample bloc with SYT at every normal criterion's maximum and SGDDT at half of it. */
function scored(): BlocData {
  const data = buildSampleBlocData(NOW);
  const table = data.scoringTables.find((t) => t.year === 2024)!;
  for (const [code, share] of [['SYT', 1], ['SGDDT', 0.5]] as const) {
    const unitId = data.units.find((u) => u.code === code)!.id;
    for (const { criterion, contribution } of tableCriteria(table)) {
      const self = contribution === 'add' ? criterion.max * share : 0;
      data.scores.push({ id: scoreId(2024, unitId, criterion.code), blocId: data.bloc.id, year: 2024, unitId, code: criterion.code, self, verified: null, note: '', history: [], updatedAt: NOW });
    }
  }
  return data;
}

const classes = (data: BlocData) =>
  Object.fromEntries(yearRanking(data, 2024).result.entries.filter((e) => e.submitted).map((e) => [e.code, e.classification]));

describe('classification bands from the rules profile', () => {
  it('classifies nobody without bands, and by the highest band reached with them', () => {
    const data = scored();
    expect(classes(data)).toEqual({ SYT: null, SGDDT: null });
    data.years.find((y) => y.year === 2024)!.rules.classificationBands = [
      { label: 'Tốt', min: 40 },
      { label: 'Xuất sắc', min: 95 },
    ];
    expect(classes(data)).toEqual({ SYT: 'Xuất sắc', SGDDT: 'Tốt' });
  });
});
