import { describe, expect, it } from 'vitest';
import { parseTallyInput } from '../../../shared/domain/vote/schema';
import type { Threshold } from '../../../shared/domain/vote/types';
import { round, section, unit, vote } from './helpers';

const NINE = ['SYT', 'SGDDT', 'SVHTTDL', 'SLDTBXH', 'DPTTH', 'BQLDT', 'SNV', 'STTTT', 'SXD'];
const NAMES = { SYT: 'Sở Y tế', SGDDT: 'Sở Giáo dục và Đào tạo' };

function explained(threshold: Threshold, votes: Record<string, number>, code: string, valid = 9, invalid = 0) {
  const r = vote([section('gov', [round(valid, votes, { invalid })], { title: 'Cờ thi đua của Chính phủ', threshold })], { members: NINE, names: NAMES });
  return unit(r, 0, code).explanation;
}

describe('verdicts in words', () => {
  it('the winner: votes of the base, percent, the rule, "đề nghị"', () => {
    expect(explained({ num: 1, den: 2, comparison: 'gt', base: 'valid' }, { SYT: 7, SGDDT: 2 }, 'SYT')).toBe(
      'Sở Y tế đạt 7/9 phiếu hợp lệ = 77,78%, trên 1/2: đề nghị Cờ thi đua của Chính phủ.',
    );
    expect(explained({ num: 2, den: 3, comparison: 'gte', base: 'valid' }, { SYT: 6, SGDDT: 3 }, 'SYT')).toBe(
      'Sở Y tế đạt 6/9 phiếu hợp lệ = 66,67%, từ 2/3 trở lên: đề nghị Cờ thi đua của Chính phủ.',
    );
  });

  it('a unit that fails says what it lacked', () => {
    expect(explained({ num: 1, den: 2, comparison: 'gt', base: 'valid' }, { SYT: 4, SGDDT: 2 }, 'SYT')).toBe(
      'Sở Y tế đạt 4/9 phiếu hợp lệ = 44,44%, chưa trên 1/2 (cần ít nhất 5 phiếu): không đề nghị.',
    );
    expect(explained({ num: 70, den: 100, comparison: 'gte', base: 'valid' }, { SYT: 6, SGDDT: 2 }, 'SYT')).toBe(
      'Sở Y tế đạt 6/9 phiếu hợp lệ = 66,67%, dưới 70% (cần ít nhất 7 phiếu): không đề nghị.',
    );
  });

  it('names every base', () => {
    expect(explained({ num: 1, den: 2, comparison: 'gt', base: 'returned' }, { SYT: 6 }, 'SYT', 8, 1)).toMatch(/^Sở Y tế đạt 6\/9 phiếu thu về = 66,67%/);
    expect(explained({ num: 1, den: 2, comparison: 'gt', base: 'present' }, { SYT: 6 }, 'SYT')).toMatch(/^Sở Y tế đạt 6\/9 đơn vị có mặt = 66,67%/);
    expect(explained({ num: 1, den: 2, comparison: 'gt', base: 'members' }, { SYT: 6 }, 'SYT')).toMatch(
      /^Sở Y tế đạt 6\/9 tổng số đơn vị thành viên = 66,67%/,
    );
  });

  it('never says a unit "đạt" an award', () => {
    const r = vote([section('gov', [round(9, { SYT: 7, SGDDT: 2 })], { title: 'Cờ thi đua của Chính phủ' })], { members: NINE, names: NAMES });
    const texts = [r.sections[0]!.explanation, ...r.sections[0]!.units.map((u) => u.explanation)];
    for (const t of texts) expect(t).not.toMatch(/đạt (Cờ|Bằng)/);
  });
});

describe('input schema', () => {
  const valid = {
    members: ['SYT', 'SGDDT'],
    present: ['SYT', 'SGDDT'],
    sections: [
      {
        id: 'gov',
        title: 'Cờ thi đua của Chính phủ',
        seats: 1,
        threshold: { num: 1, den: 2, comparison: 'gt', base: 'valid' },
        rounds: [{ ballots: { issued: 2, returned: 2, valid: 2, invalid: 0 }, votes: { SYT: 2 } }],
      },
    ],
  };

  it('accepts the documented shape', () => {
    const r = parseTallyInput(valid);
    expect(r.ok).toBe(true);
  });

  it('rejects a wrong shape with Vietnamese messages naming the JSON path', () => {
    const bad = structuredClone(valid) as Record<string, unknown> & { sections: Record<string, unknown>[] };
    const s = bad.sections[0]!;
    s.threshold = { num: 3, den: 2, comparison: 'trên', base: 'valid' };
    s.seats = 'một';
    s.tieRule = 'coin';
    (s.rounds as { ballots: Record<string, unknown>; votes: Record<string, unknown> }[])[0]!.ballots.valid = 1.5;
    (s.rounds as { ballots: Record<string, unknown>; votes: Record<string, unknown> }[])[0]!.votes.SYT = -1;
    delete (bad as Record<string, unknown>).present;
    bad.extra = true;
    const r = parseTallyInput(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual(
      expect.arrayContaining([
        'present: thiếu (bắt buộc)',
        'sections[0].seats: phải là số nguyên không âm, hoặc dạng {"num": 1, "den": 2, "of": "remaining"}',
        'sections[0].threshold.comparison: phải là một trong: "gt", "gte"',
        'sections[0].tieRule: phải là một trong: "revote", "higherScore", "chairDecides"',
        'sections[0].rounds[0].ballots.valid: phải là số nguyên',
        'sections[0].rounds[0].votes.SYT: phải từ 0 trở lên',
        '(gốc): có trường không được hỗ trợ: "extra"',
      ]),
    );
  });

  it('checks fractions, unit codes and unique ids', () => {
    const issues = (patch: (v: typeof valid) => void) => {
      const v = structuredClone(valid);
      patch(v);
      const r = parseTallyInput(v);
      return r.ok ? [] : r.issues;
    };
    expect(issues((v) => (v.sections[0]!.threshold.num = 3))).toEqual(['sections[0].threshold.num: num không được lớn hơn den (tỷ lệ tối đa là 1)']);
    expect(issues((v) => (v.sections[0]!.threshold.den = 0))).toEqual(['sections[0].threshold.den: phải từ 1 trở lên']);
    expect(issues((v) => (v.members = ['SYT', 'Sở Y tế']))).toEqual(['members[1]: Mã đơn vị chỉ gồm chữ cái (có thể có dấu, như Đ), chữ số và các dấu . _ - (ví dụ SYT, SGDĐT); không có dấu cách hay dấu /.']);
    expect(issues((v) => (v.members = ['SYT', 'SYT']))).toEqual(['members: mã đơn vị bị lặp']);
    expect(issues((v) => v.sections.push(structuredClone(v.sections[0]!)))).toEqual(['sections: mã mục (id) bị lặp']);
  });
});
