import { describe, expect, it } from 'vitest';
import { checkQuorum } from '../../../shared/domain/vote/quorum';
import { codes, round, section, vote } from './helpers';

const NINE = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'];
const TWO_THIRDS = { num: 2, den: 3, comparison: 'gte' as const, of: 'members' as const };

describe('quorum', () => {
  it('from 2/3 of 9 members: 6 present meets it, 5 does not', () => {
    expect(checkQuorum(6, 9, TWO_THIRDS)).toMatchObject({ met: true, required: 6 });
    expect(checkQuorum(5, 9, TWO_THIRDS)).toMatchObject({ met: false, required: 6 });
  });

  it('more than 1/2 of 8 members: 5 meets it, 4 (exactly half) does not', () => {
    const q = { num: 1, den: 2, comparison: 'gt' as const, of: 'members' as const };
    expect(checkQuorum(5, 8, q)).toMatchObject({ met: true, required: 5 });
    expect(checkQuorum(4, 8, q)).toMatchObject({ met: false, required: 5 });
  });

  it('without a quorum rule every attendance is enough', () => {
    expect(checkQuorum(1, 9, null)).toMatchObject({ met: true, required: null });
  });

  it('at the quorum the vote is counted', () => {
    const r = vote([section('s', [round(6, { A: 5 })])], { members: NINE, present: NINE.slice(0, 6), quorum: TWO_THIRDS });
    expect(r).toMatchObject({ quorumMet: true, requiredPresent: 6, presentCount: 6, consistent: true });
    expect(r.sections[0]!.winners).toEqual(['A']);
  });

  it('below the quorum the vote is blocked: an error, no winner, and the explanation says so', () => {
    const r = vote([section('s', [round(5, { A: 5 })])], { members: NINE, present: NINE.slice(0, 5), quorum: TWO_THIRDS });
    expect(r).toMatchObject({ quorumMet: false, requiredPresent: 6, consistent: false });
    expect(codes(r)).toEqual(['quorum.notMet']);
    expect(r.errors[0]!.message).toBe(
      'Có mặt 5/9 đơn vị thành viên, không đủ số lượng theo quy chế (từ 2/3 trở lên số đơn vị thành viên, cần ít nhất 6 đơn vị): không được tiến hành bỏ phiếu và kiểm phiếu.',
    );
    const s = r.sections[0]!;
    expect(s.blocked).toBe(true);
    expect(s.winners).toEqual([]);
    expect(s.computedWinners).toEqual([]);
    expect(s.rounds[0]!.blocked).toBe(true);
    expect(s.units.find((u) => u.code === 'A')).toMatchObject({ votes: 5, passes: true, status: 'passes' });
    expect(s.explanation).toContain('Chưa kết luận');
  });
});
