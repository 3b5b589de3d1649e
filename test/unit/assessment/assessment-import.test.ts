import { describe, expect, it } from 'vitest';
import { planImport, planUndo, type InspectReport } from '../../../shared/domain/assessment-import';
import { scoreId } from '../../../shared/model/records';
import type { Score } from '../../../shared/model/records';

function report(unit: string, values: Record<string, number | null>, notes: Record<string, string> = {}, extra: Partial<InspectReport> = {}): InspectReport {
  return {
    file: `TuCham_2024_${unit}.xlsx`,
    ok: true,
    refused: false,
    unit,
    unitId: `u-${unit.toLowerCase()}`,
    year: 2024,
    tableVersion: 1,
    size: 100,
    sha256: 'ab'.repeat(32),
    scores: Object.entries(values).map(([code, value]) => ({ code, value, max: 20, sheet: 'S', cell: 'E9', note: notes[code] ?? '', found: true })),
    errors: [],
    warnings: [],
    ...extra,
  };
}
const base = { blocId: 'bloc-vhxh', year: 2024, by: 'Thư ký', batchId: 'b1', now: '2024-12-10T08:00:00.000Z' };

describe('planImport', () => {
  it('creates scores with history and a batch on first import', () => {
    const plan = planImport({ ...base, reports: [report('SYT', { '1.1': 18, '1.2': null, '1.3': 0 }, { '1.1': 'BC 12' })], existing: [] });
    expect(plan.changes.map((c) => [c.code, c.field, c.old, c.new])).toEqual([
      ['1.1', 'self', null, 18],
      ['1.1', 'note', '', 'BC 12'],
      ['1.3', 'self', null, 0],
    ]);
    expect(plan.scores.map((s) => [s.id, s.self, s.note])).toEqual([
      [scoreId(2024, 'u-syt', '1.1'), 18, 'BC 12'],
      [scoreId(2024, 'u-syt', '1.3'), 0, ''],
    ]);
    expect(plan.scores[0]!.history).toEqual([
      { at: base.now, by: 'Thư ký', field: 'self', old: null, new: 18, reason: 'Nhập từ tệp TuCham_2024_SYT.xlsx', batchId: 'b1' },
      { at: base.now, by: 'Thư ký', field: 'note', old: '', new: 'BC 12', reason: 'Nhập từ tệp TuCham_2024_SYT.xlsx', batchId: 'b1' },
    ]);
    expect(plan.batch).toMatchObject({ id: 'b1', year: 2024, undoneAt: null, files: [{ name: 'TuCham_2024_SYT.xlsx', unitId: 'u-syt' }] });
    expect(plan.batch.changes).toHaveLength(3);
    expect(plan.perFile).toEqual([{ file: 'TuCham_2024_SYT.xlsx', unitId: 'u-syt', unitCode: 'SYT', changes: 3 }]);
  });

  it('re-importing a corrected file shows only the difference; an identical file changes nothing', () => {
    const first = planImport({ ...base, reports: [report('SYT', { '1.1': 18, '1.2': 9 })], existing: [] });
    const again = planImport({ ...base, batchId: 'b2', reports: [report('SYT', { '1.1': 18, '1.2': 9 })], existing: first.scores });
    expect(again.changes).toEqual([]);
    expect(again.scores).toEqual([]);
    expect(again.perFile[0]!.changes).toBe(0);
    const corrected = planImport({ ...base, batchId: 'b3', reports: [report('SYT', { '1.1': 18, '1.2': 9.5 })], existing: first.scores });
    expect(corrected.changes.map((c) => [c.code, c.old, c.new])).toEqual([['1.2', 9, 9.5]]);
    expect(corrected.scores[0]!.history.map((h) => h.batchId)).toEqual(['b1', 'b3']);
  });

  it('keeps verified scores and leaves criteria missing from the file untouched', () => {
    const stored: Score = {
      id: scoreId(2024, 'u-syt', '1.1'), blocId: 'bloc-vhxh', year: 2024, unitId: 'u-syt', code: '1.1',
      self: 10, verified: 9, note: 'cũ', history: [], updatedAt: 'x',
    };
    const r = report('SYT', { '1.1': 12 });
    r.scores.push({ code: '1.2', value: null, max: 10, sheet: 'S', cell: null, note: '', found: false });
    const plan = planImport({ ...base, reports: [r], existing: [stored] });
    expect(plan.scores).toHaveLength(1);
    expect(plan.scores[0]).toMatchObject({ self: 12, verified: 9, note: '' });
  });

  it('refuses reports with errors, of another year, or two for one unit', () => {
    expect(() => planImport({ ...base, reports: [report('SYT', {}, {}, { ok: false })], existing: [] })).toThrow(/còn lỗi/);
    expect(() => planImport({ ...base, reports: [report('SYT', {}, {}, { year: 2023 })], existing: [] })).toThrow(/năm 2023/);
    expect(() => planImport({ ...base, reports: [report('SYT', {}), report('SYT', {})], existing: [] })).toThrow(/hơn một tệp/);
  });
});

describe('planUndo', () => {
  it('restores old values and marks the batch undone', () => {
    const first = planImport({ ...base, reports: [report('SYT', { '1.1': 18 })], existing: [] });
    const second = planImport({ ...base, batchId: 'b2', now: '2024-12-11T08:00:00.000Z', reports: [report('SYT', { '1.1': 19 }, { '1.1': 'mới' })], existing: first.scores });
    const undo = planUndo({ batch: second.batch, existing: second.scores, now: '2024-12-12T08:00:00.000Z', by: 'Thư ký' });
    expect(undo.batch.undoneAt).toBe('2024-12-12T08:00:00.000Z');
    expect(undo.restored).toBe(2);
    expect(undo.conflicts).toEqual([]);
    expect(undo.scores[0]).toMatchObject({ self: 18, note: '' });
    expect(undo.scores[0]!.history.at(-1)).toMatchObject({ field: 'self', old: 19, new: 18, batchId: 'b2' });
    const undoFirst = planUndo({ batch: first.batch, existing: undo.scores, now: 'z', by: 'Thư ký' });
    expect(undoFirst.scores[0]!.self).toBeNull();
  });

  it('leaves values edited after the import and reports them', () => {
    const first = planImport({ ...base, reports: [report('SYT', { '1.1': 18, '1.2': 5 })], existing: [] });
    const edited = first.scores.map((s) => (s.code === '1.1' ? { ...s, self: 17 } : s));
    const undo = planUndo({ batch: first.batch, existing: edited, now: 'z', by: 'Thư ký' });
    expect(undo.conflicts).toEqual([{ unitId: 'u-syt', code: '1.1', field: 'self', imported: 18, current: 17 }]);
    expect(undo.scores.map((s) => [s.code, s.self])).toEqual([['1.2', null]]);
  });

  it('refuses to undo twice', () => {
    const first = planImport({ ...base, reports: [report('SYT', { '1.1': 18 })], existing: [] });
    expect(() => planUndo({ batch: { ...first.batch, undoneAt: 'x' }, existing: first.scores, now: 'z', by: 'a' })).toThrow(/đã được hoàn tác/);
  });
});
