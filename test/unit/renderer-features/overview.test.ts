import { describe, expect, it } from 'vitest';
import { selfScoreMatrix, yearOverview } from '../../../renderer/src/features/assessment/overview';
import type { ImportBatch, Score, ScoringTable, Unit } from '../../../shared/model/records';

const now = '2025-01-10T08:00:00.000Z';
const unit = (id: string, order: number): Unit => ({
  id, blocId: 'b', code: id.toUpperCase(), name: `Sở ${id}`, shortName: '', head: '', headTitle: '', signer: 'head', deputyName: '', deputyTitle: '', address: '', phone: '',
  order, active: true, createdAt: now, updatedAt: now,
});
const units = [unit('a', 1), unit('b', 2), unit('c', 3), unit('d', 4)];
const table: Pick<ScoringTable, 'groups'> = {
  groups: [
    { id: 'g1', code: 'I', title: 'Chuyên môn', kind: 'normal', criteria: [
      { id: '1', code: '1.1', title: 'x', max: 10, kind: 'qualitative', guidance: '' },
      { id: '2', code: '1.2', title: 'y', max: 10, kind: 'qualitative', guidance: '' },
    ] },
    { id: 'g2', code: 'II', title: 'Thưởng', kind: 'bonus', cap: 3, criteria: [
      { id: '3', code: '2.1', title: 'z', max: 5, kind: 'bonus', guidance: '' },
    ] },
    { id: 'g3', code: 'III', title: 'Trừ', kind: 'deduction', criteria: [
      { id: '4', code: '3.1', title: 'w', max: 5, kind: 'deduction', guidance: '' },
    ] },
  ],
};
const score = (unitId: string, code: string, self: number | null): Score => ({
  id: `2024:${unitId}:${code}`, blocId: 'b', year: 2024, unitId, code, self, verified: null, note: '', history: [], updatedAt: now,
});
const batch = (unitId: string, at: string, undoneAt: string | null = null): ImportBatch => ({
  id: `batch-${unitId}-${at}`, blocId: 'b', year: 2024, createdAt: at, files: [{ name: `${unitId}.xlsx`, sha256: 'x', unitId, receivedAt: at }],
  changes: [], undoneAt,
});

describe('year overview', () => {
  const scores = [
    ...['1.1', '1.2', '2.1', '3.1'].map((c) => score('a', c, c === '3.1' ? 0 : 8)),
    score('b', '1.1', 5),
    score('b', '1.2', null),
  ];
  it('tells submitted, incomplete, with errors and missing apart, a zero counting as given', () => {
    const o = yearOverview(units, table, scores, [batch('a', '2025-01-02T00:00:00Z'), batch('a', '2025-01-05T00:00:00Z'), batch('d', '2025-01-06T00:00:00Z', '2025-01-07T00:00:00Z')], [
      { unitId: 'c', errors: 2 },
    ]);
    expect(o.map((r) => [r.unit.id, r.status, r.filled, r.total, r.lastFileAt])).toEqual([
      ['a', 'submitted', 4, 4, '2025-01-05T00:00:00Z'],
      ['b', 'incomplete', 1, 4, null],
      ['c', 'errors', 0, 4, null],
      ['d', 'missing', 0, 4, null],
    ]);
  });

  it('builds the matrix with capped bonus and deductions taken away', () => {
    const m = selfScoreMatrix(units, table, [
      score('a', '1.1', 9.5), score('a', '1.2', 10), score('a', '2.1', 5), score('a', '3.1', 2),
      score('b', '1.1', 0),
    ]);
    expect(m[0]!.values).toEqual({ '1.1': 9.5, '1.2': 10, '2.1': 5, '3.1': 2 });
    expect(m[0]!.total).toBe(20.5);
    expect(m[1]!.total).toBe(0);
    expect(m[2]!.total).toBeNull();
  });
});
