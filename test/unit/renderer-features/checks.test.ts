import { describe, expect, it } from 'vitest';
import { pledgeProblems } from '../../../renderer/src/features/pledge/pledge-checks';
import { moveItem, removeAt } from '../../../renderer/src/features/pledge/list-edit';
import { groupProblems } from '../../../renderer/src/features/assessment/ReportCard';
import { blockedReason, mergeReports, type PendingFile } from '../../../renderer/src/features/assessment/ImportPanel';
import type { InspectReport } from '../../../shared/domain/assessment-import';
import type { Pledge } from '../../../shared/model/records';

const pledge: Pledge = {
  id: 'p', blocId: 'b', year: 2025, title: 'BẢN GIAO ƯỚC THI ĐUA NĂM 2025', legalBasis: ['Căn cứ Luật Thi đua, khen thưởng;'], intro: '',
  commitments: ['Hoàn thành nhiệm vụ'], place: 'Hà Nam', date: '2025-03-05', documentNumber: '', witness: null, columns: 2, unitIds: ['u1'],
  updatedAt: '2025-01-01T00:00:00.000Z',
};

describe('pledge checks', () => {
  it('accepts a complete pledge', () => {
    expect(pledgeProblems(pledge)).toEqual([]);
  });
  it('names every missing part', () => {
    expect(
      pledgeProblems({ ...pledge, title: ' ', commitments: ['Một', ''], legalBasis: [''], unitIds: [], witness: { label: 'CHỨNG KIẾN', organisation: 'Ban TĐKT', title: '', name: '' } }),
    ).toEqual([
      'Tiêu đề đang để trống.',
      'Nội dung giao ước số 2 đang để trống (hãy điền hoặc xoá).',
      'Dòng căn cứ số 1 đang để trống (hãy điền hoặc xoá).',
      'Chưa có đơn vị nào trong ô ký.',
      'Phần CHỨNG KIẾN chưa có họ tên người chứng kiến.',
    ]);
  });
  it('moves and removes list items within bounds', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(removeAt(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
  });
});

const report = (file: string, unitId: string, ok = true): InspectReport => ({
  file, ok, refused: false, unit: unitId.toUpperCase(), unitId, year: 2025, tableVersion: 1, size: 1, sha256: 'x', scores: [], errors: [], warnings: [],
});

describe('import list', () => {
  it('replaces a re-inspected file and accepts one file per unit', () => {
    let pending: PendingFile[] = mergeReports([], [report('a.xlsx', 'syt', false), report('b.xlsx', 'sgd')]);
    expect(pending.map((p) => [p.report.file, p.accepted])).toEqual([['a.xlsx', false], ['b.xlsx', true]]);
    pending = mergeReports(pending, [report('a.xlsx', 'syt')]);
    expect(pending.map((p) => [p.report.file, p.accepted])).toEqual([['b.xlsx', true], ['a.xlsx', true]]);
    pending = mergeReports(pending, [report('c.xlsx', 'sgd')]);
    expect(pending.map((p) => [p.report.file, p.accepted])).toEqual([['b.xlsx', false], ['a.xlsx', true], ['c.xlsx', true]]);
    expect(blockedReason(pending, 0, () => 'Sở Giáo dục và Đào tạo')).toBe(
      'Đã chọn tệp "c.xlsx" cho Sở Giáo dục và Đào tạo; mỗi đơn vị chỉ ghi một tệp. Bỏ chọn tệp kia nếu muốn dùng tệp này.',
    );
    expect(blockedReason(pending, 2, () => '')).toBeNull();
  });

  it('lists many blank inputs in one line and does not repeat a cell the message names', () => {
    const blanks = ['3.1', '3.2', '3.3', '4.1'].map((code, i) => ({ kind: 'blank', code, message: `Tiêu chí ${code} chưa có điểm`, sheet: 'Tự chấm điểm', cell: `E${20 + i}` }));
    const other = { kind: 'text-number', code: '1.2', message: 'Tiêu chí 1.2, ô E10: điểm "8,5" đã hiểu là 8,5.', sheet: 'Tự chấm điểm', cell: 'E10' };
    expect(groupProblems([other, ...blanks])).toEqual([
      { key: '0', place: '', message: other.message },
      {
        key: 'blank',
        place: 'trang "Tự chấm điểm"',
        message: '4 tiêu chí chưa có điểm (ô để trống, khác với điểm 0): 3.1 (ô E20), 3.2 (ô E21), 3.3 (ô E22), 4.1 (ô E23). Nếu đơn vị không đạt tiêu chí nào, cần nhập 0.',
      },
    ]);
    expect(groupProblems(blanks.slice(0, 2)).map((p) => p.place)).toEqual(['trang "Tự chấm điểm", ô E20', 'trang "Tự chấm điểm", ô E21']);
  });
});
