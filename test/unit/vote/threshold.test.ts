import { describe, expect, it } from 'vitest';
import { comparisonPhrase, thresholdText } from '../../../shared/domain/vote/threshold';
import type { Threshold, ThresholdBaseKind } from '../../../shared/domain/vote/types';
import { round, section, unit, vote, warningCodes } from './helpers';

// 12 members, 10 present, 10 ballots issued, 9 returned: 7 valid, 2 invalid. Three seats.
const MEMBERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'];
const PRESENT = MEMBERS.slice(0, 10);
const VOTES = { A: 7, B: 6, C: 5, D: 3 };

function run(base: ThresholdBaseKind, comparison: 'gt' | 'gte', valid = 7, invalid = 2) {
  const threshold: Threshold = { num: 1, den: 2, comparison, base };
  return vote([section('s', [round(valid, VOTES, { invalid, issued: 10 })], { seats: 3, threshold })], { members: MEMBERS, present: PRESENT });
}

describe('threshold bases', () => {
  it.each([
    ['valid', 'gt', 7, 4, ['A', 'B', 'C']],
    ['returned', 'gt', 9, 5, ['A', 'B', 'C']],
    ['present', 'gt', 10, 6, ['A', 'B']],
    ['members', 'gt', 12, 7, ['A']],
    ['valid', 'gte', 7, 4, ['A', 'B', 'C']],
    ['returned', 'gte', 9, 5, ['A', 'B', 'C']],
    ['present', 'gte', 10, 5, ['A', 'B', 'C']],
    ['members', 'gte', 12, 6, ['A', 'B']],
  ] as const)('base %s, %s 1/2: base %i, %i votes needed', (base, cmp, count, min, winners) => {
    const r = run(base, cmp);
    const s = r.sections[0]!;
    expect(s.baseKind).toBe(base);
    expect(s.base).toBe(count);
    expect(s.minVotesToPass).toBe(min);
    expect(s.winners).toEqual(winners);
    expect(s.unfilledSeats).toBe(3 - winners.length);
  });

  it("'returned' counts invalid ballots: 5 of 9 returned passes where 4 of 9 does not, though 4 of 7 valid would", () => {
    const returned = run('returned', 'gt');
    const valid = run('valid', 'gt');
    expect(unit(returned, 0, 'C')).toMatchObject({ votes: 5, percent: '55,56', passes: true });
    const d = { ...VOTES, D: 4, C: 4 };
    const r1 = vote([section('s', [round(7, d, { invalid: 2, issued: 10 })], { seats: 3, threshold: { num: 1, den: 2, comparison: 'gt', base: 'returned' } })], { members: MEMBERS, present: PRESENT });
    const r2 = vote([section('s', [round(7, d, { invalid: 2, issued: 10 })], { seats: 3, threshold: { num: 1, den: 2, comparison: 'gt', base: 'valid' } })], { members: MEMBERS, present: PRESENT });
    expect(unit(r1, 0, 'D')).toMatchObject({ percent: '44,44', passes: false });
    expect(unit(r2, 0, 'D')).toMatchObject({ percent: '57,14', passes: true });
    expect(valid.sections[0]!.base).toBe(7);
  });

  it("'present' and 'members' ignore the ballot counts", () => {
    for (const base of ['present', 'members'] as const) {
      const a = run(base, 'gt', 7, 2);
      const b = run(base, 'gt', 8, 1);
      expect(a.sections[0]!.base).toBe(b.sections[0]!.base);
      expect(unit(a, 0, 'B').percent).toBe(unit(b, 0, 'B').percent);
    }
    expect(unit(run('present', 'gt'), 0, 'B').percent).toBe('60,00');
    expect(unit(run('members', 'gt'), 0, 'B').percent).toBe('50,00');
  });

  it('a base of 0 lets nobody pass, prints 0,00 and warns', () => {
    const r = vote([section('s', [round(0, {}, { invalid: 8 })])]);
    const s = r.sections[0]!;
    expect(s.base).toBe(0);
    expect(s.minVotesToPass).toBeNull();
    expect(s.units.every((u) => !u.passes && u.percent === '0,00')).toBe(true);
    expect(s.winners).toEqual([]);
    expect(warningCodes(r)).toContain('base.zero');
    expect(r.consistent).toBe(true);
  });

  it('boundaries through the engine: 6 of 9 valid passes "từ 2/3 trở lên", 5 of 10 fails "trên 1/2"', () => {
    const twoThirds = vote([section('s', [round(9, { SYT: 6, SGDDT: 3 })], { threshold: { num: 2, den: 3, comparison: 'gte', base: 'valid' } })], {
      members: [...'ABCDEFG'.split(''), 'SYT', 'SGDDT'],
    });
    expect(unit(twoThirds, 0, 'SYT')).toMatchObject({ votes: 6, percent: '66,67', passes: true, status: 'winner' });
    const half = vote([section('s', [round(10, { SYT: 5, SGDDT: 5 })])], { members: [...'ABCDEFGH'.split(''), 'SYT', 'SGDDT'] });
    expect(unit(half, 0, 'SYT')).toMatchObject({ votes: 5, percent: '50,00', passes: false, status: 'fails' });
  });
});

describe('threshold words', () => {
  it('says "trên" for gt and "từ … trở lên" for gte, naming the base', () => {
    expect(comparisonPhrase({ num: 1, den: 2, comparison: 'gt' })).toBe('trên 1/2');
    expect(comparisonPhrase({ num: 2, den: 3, comparison: 'gte' })).toBe('từ 2/3 trở lên');
    expect(thresholdText({ num: 1, den: 2, comparison: 'gt', base: 'valid' })).toBe('trên 1/2 số phiếu hợp lệ');
    expect(thresholdText({ num: 70, den: 100, comparison: 'gte', base: 'returned' })).toBe('từ 70% số phiếu thu về trở lên');
    expect(thresholdText({ num: 2, den: 3, comparison: 'gte', base: 'present' })).toBe('từ 2/3 số đơn vị có mặt trở lên');
    expect(thresholdText({ num: 90, den: 100, comparison: 'gte', base: 'members' })).toBe('từ 90% tổng số đơn vị thành viên trở lên');
  });
});
