import { describe, expect, it } from 'vitest';
import { buildSampleBlocData } from '../../../shared/sample/sample-bloc';
import { remapBlocIds } from '../../../shared/package/remap';
import { consistencyProblems } from '../../../electron/services/handover/package-file';
import { scoreId } from '../../../shared/model/records';

describe('remapBlocIds (add as a separate bloc)', () => {
  it('gives every record a new id and keeps every reference consistent', () => {
    const data = buildSampleBlocData('2026-01-01T00:00:00.000Z');
    const u0 = data.units[0]!;
    data.scores.push({
      id: scoreId(2024, u0.id, '1.1'), blocId: data.bloc.id, year: 2024, unitId: u0.id, code: '1.1', self: 18, verified: null, note: '',
      history: [], updatedAt: '2026-01-01T00:00:00.000Z',
    });
    let n = 0;
    const copy = remapBlocIds(data, () => `moi-${++n}`);
    expect(copy.bloc.id).not.toBe(data.bloc.id);
    const oldIds = new Set([data.bloc.id, ...data.units.map((u) => u.id), ...data.years.map((y) => y.id)]);
    for (const id of [copy.bloc.id, ...copy.units.map((u) => u.id), ...copy.years.map((y) => y.id)]) expect(oldIds.has(id)).toBe(false);
    expect(consistencyProblems(copy)).toEqual([]);
    const leader2024 = copy.years.find((y) => y.year === 2024)!.leaderUnitId;
    expect(copy.units.find((u) => u.id === leader2024)!.code).toBe('DPTTH');
    expect(copy.scores[0]!.unitId).toBe(copy.units[0]!.id);
    expect(copy.scores[0]!.id).toBe(scoreId(2024, copy.units[0]!.id, '1.1'));
  });
});
