import { describe, expect, it } from 'vitest';
import { applyImportPlan, planImport, type InspectReport } from '../../../shared/domain/assessment-import';
import { scoreId, type Score } from '../../../shared/model/records';

const now = '2024-12-10T08:00:00.000Z';
function stored(unitId: string, code: string, self: number | null): Score {
  return { id: scoreId(2024, unitId, code), blocId: 'b', year: 2024, unitId, code, self, verified: null, note: '', history: [], updatedAt: now };
}
const report: InspectReport = {
  file: 'TuCham_2024_SYT.xlsx', ok: true, refused: false, unit: 'SYT', unitId: 'u-syt', year: 2024, tableVersion: 1, size: 1, sha256: 'x',
  scores: [
    { code: '1.1', value: 18, max: 20, sheet: 'S', cell: 'E9', note: '', found: true },
    { code: '1.2', value: 7, max: 10, sheet: 'S', cell: 'E10', note: '', found: true },
    { code: '1.3', value: 5, max: 5, sheet: 'S', cell: 'E11', note: '', found: true },
  ],
  errors: [], warnings: [],
};

describe('applyImportPlan (the in-memory commit the CLI uses)', () => {
  it('replaces changed scores by id, adds new ones, keeps the rest in place and appends the batch', () => {
    const other = stored('u-stc', '1.1', 12);
    const same = stored('u-syt', '1.3', 5);
    const data = { scores: [stored('u-syt', '1.1', 10), other, same], importBatches: [] };
    const plan = planImport({ blocId: 'b', year: 2024, reports: [report], existing: data.scores, batchId: 'b1', now, by: 'Thư ký' });
    const next = applyImportPlan(data, plan);
    expect(next.scores.map((s) => [s.id, s.self])).toEqual([
      [scoreId(2024, 'u-syt', '1.1'), 18],
      [other.id, 12],
      [same.id, 5],
      [scoreId(2024, 'u-syt', '1.2'), 7],
    ]);
    expect(next.scores[1]).toBe(other);
    expect(next.scores[2]).toBe(same);
    expect(next.scores[0]!.history).toHaveLength(1);
    expect(next.importBatches).toEqual([plan.batch]);
    expect(data.scores[0]!.self).toBe(10);
  });
});
