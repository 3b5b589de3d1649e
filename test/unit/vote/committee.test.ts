import { describe, expect, it } from 'vitest';
import { committeeWarnings } from '../../../shared/domain/vote/committee';

const m = (name: string, role: 'head' | 'member' = 'member') => ({ name, role });

describe('committeeWarnings', () => {
  it('accepts 3 to 5 named members with one head', () => {
    expect(committeeWarnings([m('A', 'head'), m('B'), m('C')])).toEqual([]);
    expect(committeeWarnings([m('A', 'head'), m('B'), m('C'), m('D'), m('E')])).toEqual([]);
  });
  it('warns below 3 and above 5, without a head, with two heads and with unnamed rows', () => {
    expect(committeeWarnings([m('A', 'head'), m('B')])).toEqual(['Ban kiểm phiếu thường có từ 3 đến 5 thành viên; hiện có 2.']);
    expect(committeeWarnings([m('A', 'head'), m('B'), m('C'), m('D'), m('E'), m('F')])[0]).toContain('hiện có 6');
    expect(committeeWarnings([m('A'), m('B'), m('C')])).toEqual(['Ban kiểm phiếu chưa có Trưởng ban.']);
    expect(committeeWarnings([m('A', 'head'), m('B', 'head'), m('C')])).toEqual(['Ban kiểm phiếu có 2 Trưởng ban; chỉ nên có một.']);
    expect(committeeWarnings([m('A', 'head'), m('B'), m('C'), m(' ')])).toEqual(['Có dòng thành viên ban kiểm phiếu chưa ghi họ tên (sẽ không được lưu).']);
  });
});
