/** The verification grid's pure model: columns and group spans, keys, typed values, reasons, accept, windowing. */
import { describe, expect, it } from 'vitest';
import {
  acceptTargets,
  cellState,
  cellText,
  gridLayout,
  isChange,
  moveFrom,
  needsReason,
  readCellInput,
  scoresByKey,
  scrollToShow,
  groupsInView,
  visibleRange,
  type GridScore,
  type GridTable,
} from '../../../renderer/src/features/verification/grid-model';
import { scoreValueProblem } from '../../../shared/domain/score-value';

const TABLE: GridTable = {
  groups: [
    {
      id: 'g1', code: 'I', title: 'Chuyên môn', kind: 'normal',
      criteria: [
        { id: 'a', code: '1.1', title: 'Chỉ tiêu', max: 20, kind: 'qualitative', guidance: '' },
        { id: 'b', code: '1.2', title: 'Điển hình', max: 10, kind: 'count', perItem: 2, guidance: '' },
      ],
    },
    { id: 'g0', code: 'II', title: 'Trống', kind: 'normal', criteria: [] },
    { id: 'g2', code: 'III', title: 'Điểm thưởng', kind: 'bonus', cap: 5, criteria: [{ id: 'c', code: '3.1', title: 'Cờ', max: 3, kind: 'bonus', guidance: '' }] },
    { id: 'g3', code: 'IV', title: 'Điểm trừ', kind: 'deduction', criteria: [{ id: 'd', code: '4.1', title: 'Chậm báo cáo', max: 2, kind: 'deduction', guidance: '' }] },
  ],
};
const layout = gridLayout(TABLE);
const col = (code: string) => layout.columns.find((c) => c.criterion.code === code)!;

describe('columns', () => {
  it('are the criteria in the table order, under spans of their groups (empty groups left out)', () => {
    expect(layout.columns.map((c) => [c.criterion.code, c.group.code, c.contribution, c.index, c.groupIndex])).toEqual([
      ['1.1', 'I', 'add', 0, 0],
      ['1.2', 'I', 'add', 1, 0],
      ['3.1', 'III', 'bonus', 2, 1],
      ['4.1', 'IV', 'deduct', 3, 2],
    ]);
    expect(layout.groups.map((g) => [g.code, g.start, g.count])).toEqual([['I', 0, 2], ['III', 2, 1], ['IV', 3, 1]]);
  });
  it('the header row of a window holds the whole groups that have a column on screen', () => {
    expect(groupsInView(layout.groups, 1, 2).map((g) => [g.code, g.start, g.count])).toEqual([['I', 0, 2], ['III', 2, 1]]);
    expect(groupsInView(layout.groups, 3, 3).map((g) => g.code)).toEqual(['IV']);
  });
});

describe('keyboard model', () => {
  const size = { rows: 3, cols: 4, pageRows: 2 };
  const at = (row: number, col: number) => ({ row, col });
  it('arrow keys move one cell and stop at the edges', () => {
    expect(moveFrom(at(1, 1), { key: 'ArrowUp' }, size)).toEqual(at(0, 1));
    expect(moveFrom(at(1, 1), { key: 'ArrowDown' }, size)).toEqual(at(2, 1));
    expect(moveFrom(at(1, 1), { key: 'ArrowLeft' }, size)).toEqual(at(1, 0));
    expect(moveFrom(at(1, 1), { key: 'ArrowRight' }, size)).toEqual(at(1, 2));
    expect(moveFrom(at(0, 0), { key: 'ArrowUp' }, size)).toBeNull();
    expect(moveFrom(at(0, 0), { key: 'ArrowLeft' }, size)).toBeNull();
    expect(moveFrom(at(2, 3), { key: 'ArrowRight' }, size)).toBeNull();
  });
  it('Enter goes down (Shift+Enter up), like a spreadsheet', () => {
    expect(moveFrom(at(0, 2), { key: 'Enter' }, size)).toEqual(at(1, 2));
    expect(moveFrom(at(1, 2), { key: 'Enter', shift: true }, size)).toEqual(at(0, 2));
    expect(moveFrom(at(2, 2), { key: 'Enter' }, size)).toBeNull();
  });
  it('Tab goes right and wraps to the next unit; Shift+Tab back; past the last cell it lets the focus leave', () => {
    expect(moveFrom(at(0, 2), { key: 'Tab' }, size)).toEqual(at(0, 3));
    expect(moveFrom(at(0, 3), { key: 'Tab' }, size)).toEqual(at(1, 0));
    expect(moveFrom(at(1, 0), { key: 'Tab', shift: true }, size)).toEqual(at(0, 3));
    expect(moveFrom(at(2, 3), { key: 'Tab' }, size)).toBeNull();
    expect(moveFrom(at(0, 0), { key: 'Tab', shift: true }, size)).toBeNull();
  });
  it('Home/End go to the ends of the unit (with Ctrl: of the grid); Page keys move a page of units', () => {
    expect(moveFrom(at(1, 2), { key: 'Home' }, size)).toEqual(at(1, 0));
    expect(moveFrom(at(1, 2), { key: 'End' }, size)).toEqual(at(1, 3));
    expect(moveFrom(at(1, 2), { key: 'Home', ctrl: true }, size)).toEqual(at(0, 0));
    expect(moveFrom(at(1, 2), { key: 'End', ctrl: true }, size)).toEqual(at(2, 3));
    expect(moveFrom(at(0, 1), { key: 'PageDown' }, size)).toEqual(at(2, 1));
    expect(moveFrom(at(2, 1), { key: 'PageUp' }, size)).toEqual(at(0, 1));
  });
  it('other keys do not move', () => {
    expect(moveFrom(at(1, 1), { key: '8' }, size)).toBeNull();
    expect(moveFrom(at(0, 0), { key: 'ArrowDown' }, { rows: 0, cols: 0 })).toBeNull();
  });
});

describe('typing a verified score', () => {
  it('reads "8,5", "8.5" and "10"; empty means as self-assessed', () => {
    expect(readCellInput('8,5', col('1.1'))).toEqual({ kind: 'value', value: 8.5, warning: null });
    expect(readCellInput(' 8.5 ', col('1.1'))).toEqual({ kind: 'value', value: 8.5, warning: null });
    expect(readCellInput('10', col('1.1'))).toEqual({ kind: 'value', value: 10, warning: null });
    expect(readCellInput('  ', col('1.1'))).toEqual({ kind: 'empty' });
  });
  it('refuses text that is not a number, and values the importer refuses, with the same words', () => {
    expect(readCellInput('tám', col('1.1'))).toEqual({ kind: 'invalid', message: '"tám" không phải là số điểm (ví dụ hợp lệ: 8 hoặc 8,5).' });
    expect(readCellInput('20,5', col('1.1'))).toEqual({ kind: 'invalid', message: 'Điểm 20,5 vượt quá điểm tối đa 20.' });
    expect(readCellInput('4', col('3.1'))).toEqual({ kind: 'invalid', message: 'Điểm 4 vượt quá điểm tối đa 3.' });
    expect(readCellInput('-1', col('4.1'))).toEqual({ kind: 'invalid', message: 'Nhập số điểm bị trừ dưới dạng số dương (ví dụ 1), không nhập -1.' });
    // The importer's rule, word for word.
    const importer = scoreValueProblem(col('1.1').criterion, 'add', 20.5)!;
    expect(readCellInput('20,5', col('1.1'))).toMatchObject({ message: importer.message.replace(/^đ/, 'Đ') });
  });
  it('lets a per-count value off the steps through, with the warning', () => {
    expect(readCellInput('3', col('1.2'))).toEqual({ kind: 'value', value: 3, warning: '3 điểm không phải bội số của 2 điểm/lần.' });
    expect(readCellInput('4', col('1.2'))).toEqual({ kind: 'value', value: 4, warning: null });
  });
  it('needs a reason only away from the self score; empty or equal needs none', () => {
    expect(needsReason(8, 7.5)).toBe(true);
    expect(needsReason(null, 3)).toBe(true);
    expect(needsReason(8, 8)).toBe(false);
    expect(needsReason(0.1 + 0.2, 0.3)).toBe(false);
    expect(needsReason(8, null)).toBe(false);
    expect(isChange(null, null)).toBe(false);
    expect(isChange(8, null)).toBe(true);
    expect(isChange(null, 8)).toBe(true);
  });
  it('shows numbers with a decimal comma and tells the cell states apart', () => {
    expect(cellText(8.5)).toBe('8,5');
    expect(cellText(1000)).toBe('1000');
    expect(cellText(null)).toBe('');
    expect(cellState(undefined)).toBe('missing');
    expect(cellState({ self: 8, verified: null })).toBe('pending');
    expect(cellState({ self: 8, verified: 8 })).toBe('accepted');
    expect(cellState({ self: 8, verified: 7 })).toBe('changed');
  });
});

describe('accept', () => {
  const s = (code: string, self: number | null, verified: number | null): GridScore => ({ unitId: 'u1', code, self, verified });
  const scores = scoresByKey([s('1.1', 18, null), s('1.2', 6, 4), s('3.1', 2, null), s('4.1', null, null), { ...s('1.1', 9, null), unitId: 'u2' }]);
  it('sets the self score as verified where none is entered yet, in the cell, the group or the whole unit', () => {
    expect(acceptTargets({ kind: 'cell', unitId: 'u1', code: '1.1' }, layout, scores)).toEqual([{ unitId: 'u1', code: '1.1', value: 18 }]);
    // 1.2 keeps its verified 4.
    expect(acceptTargets({ kind: 'group', unitId: 'u1', groupCode: 'I' }, layout, scores)).toEqual([{ unitId: 'u1', code: '1.1', value: 18 }]);
    // 4.1 has no self score: nothing to accept.
    expect(acceptTargets({ kind: 'unit', unitId: 'u1' }, layout, scores).map((t) => t.code)).toEqual(['1.1', '3.1']);
    expect(acceptTargets({ kind: 'unit', unitId: 'u2' }, layout, scores)).toEqual([{ unitId: 'u2', code: '1.1', value: 9 }]);
  });
});

describe('windowing', () => {
  it('shows the items in the viewport and a few more on each side', () => {
    expect(visibleRange(0, 400, 40, 60, 2)).toEqual({ start: 0, end: 11 });
    expect(visibleRange(800, 400, 40, 60, 2)).toEqual({ start: 18, end: 31 });
    expect(visibleRange(10_000, 400, 40, 60, 2)).toEqual({ start: 59, end: 59 });
    expect(visibleRange(0, 400, 40, 0)).toEqual({ start: 0, end: -1 });
  });
  it('a 60 × 200 grid shows a few hundred cells, not twelve thousand', () => {
    const rows = visibleRange(0, 560, 40, 60, 3);
    const cols = visibleRange(0, 1000, 70, 200, 2);
    expect((rows.end - rows.start + 1) * (cols.end - cols.start + 1)).toBeLessThan(400);
  });
  it('scrolls just enough to show an item', () => {
    expect(scrollToShow(0, 400, 40, 3)).toBe(0);
    expect(scrollToShow(0, 400, 40, 12)).toBe(120);
    expect(scrollToShow(400, 400, 40, 2)).toBe(80);
  });
});
