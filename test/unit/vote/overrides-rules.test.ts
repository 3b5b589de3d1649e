import { describe, expect, it } from 'vitest';
import { inputUnderRules, recomputeIfRulesChanged, rulesChanged, winnerChanges } from '../../../shared/domain/vote/recompute';
import { diffRules, rulesFingerprint, rulesOf } from '../../../shared/domain/vote/rules';
import { tally } from '../../../shared/domain/vote/tally';
import type { TallyInput } from '../../../shared/domain/vote/types';
import { codes, EIGHT, round, section, unit, vote, warningCodes } from './helpers';

const GOV = (extra = {}) => section('gov', [round(8, { SYT: 6, SGDDT: 2 })], { title: 'Cờ thi đua của Chính phủ', ...extra });
const PROV = section('prov', [round(8, { SYT: 6, SGDDT: 5, DPTTH: 5 })], { title: 'Cờ thi đua của UBND tỉnh', seats: 2 });

describe('manual override of a verdict', () => {
  const reason = 'Sở Y tế đang được thanh tra, hội nghị thống nhất chưa đề nghị';
  const r = vote([GOV({ overrides: [{ code: 'SYT', winner: false, reason }, { code: 'SGDDT', winner: true, reason: 'Hội nghị thống nhất đề nghị thay thế' }] }), PROV]);

  it('keeps the computed verdict beside the overridden one', () => {
    const gov = r.sections[0]!;
    expect(gov.computedWinners).toEqual(['SYT']);
    expect(gov.winners).toEqual(['SGDDT']);
    expect(unit(r, 0, 'SYT')).toMatchObject({ status: 'winner', override: { code: 'SYT', winner: false, reason } });
    expect(unit(r, 0, 'SYT').explanation).toBe(
      `SYT đạt 6/8 phiếu hợp lệ = 75,00%, trên 1/2: đề nghị Cờ thi đua của Chính phủ. Hội nghị quyết định điều chỉnh: không đề nghị. Lý do: ${reason}.`,
    );
    expect(unit(r, 0, 'SGDDT')).toMatchObject({ status: 'fails', override: { winner: true } });
    expect(gov.explanation).toContain(`SYT: Hội nghị quyết định điều chỉnh: không đề nghị. Lý do: ${reason}.`);
    expect(r.consistent).toBe(true);
  });

  it('later sections follow the overridden result', () => {
    const prov = r.sections[1]!;
    expect(unit(r, 1, 'SGDDT').status).toBe('alreadyAwarded');
    expect(prov.winners).toEqual(['SYT', 'DPTTH']);
  });

  it('needs a reason, an eligible unit, and warns when it changes nothing or exceeds the seats', () => {
    expect(codes(vote([GOV({ overrides: [{ code: 'SGDDT', winner: true, reason: ' ' }] })]))).toEqual(['override.noReason']);
    expect(codes(vote([GOV({ ineligible: ['SNV'], overrides: [{ code: 'SNV', winner: true, reason: 'x' }] })]))).toEqual(['override.ineligible']);
    expect(codes(vote([GOV({ overrides: [{ code: 'XYZ', winner: true, reason: 'x' }] })]))).toEqual(['override.unknownUnit']);
    expect(codes(vote([GOV({ overrides: [{ code: 'SGDDT', winner: true, reason: 'x' }, { code: 'SGDDT', winner: false, reason: 'y' }] })]))).toEqual([
      'override.duplicate',
    ]);
    // SYT is proposed for the Government flag: it cannot be added to the provincial one
    const twice = vote([GOV(), { ...PROV, overrides: [{ code: 'SYT', winner: true, reason: 'x' }] }]);
    expect(codes(twice)).toEqual(['override.alreadyAwarded']);
    expect(warningCodes(vote([GOV({ overrides: [{ code: 'SYT', winner: true, reason: 'x' }] })]))).toEqual(['override.noChange']);
    const over = vote([GOV({ overrides: [{ code: 'SGDDT', winner: true, reason: 'x' }] })]);
    expect(over.sections[0]!.winners).toEqual(['SYT', 'SGDDT']);
    expect(warningCodes(over)).toEqual(['override.overSeats']);
  });
});

describe('rules stored with the result', () => {
  const input: TallyInput = { members: EIGHT, present: EIGHT, sections: [GOV(), PROV] };
  const stored = tally(input);

  it('every result carries the rules it was computed with, defaults filled in', () => {
    expect(stored.rules).toEqual(rulesOf(input));
    expect(stored.rules).toMatchObject({ exclusiveAwards: true, invalidScope: 'section', spareBallots: 0, quorum: null });
    expect(stored.sections[0]!.rules).toMatchObject({ tieRule: 'revote', maxRounds: 3, maxMarks: null, marking: 'tick' });
    expect(stored.rulesFingerprint).toMatch(/^[0-9a-f]{14}$/);
  });

  it('the fingerprint ignores the entered numbers and the key order, not the rules', () => {
    const moreVotes: TallyInput = { ...input, sections: [section('gov', [round(8, { SYT: 8 })], { title: 'Cờ thi đua của Chính phủ' }), PROV] };
    expect(rulesChanged(stored, moreVotes)).toBe(false);
    const reordered = { sections: input.sections, present: input.present, members: input.members };
    expect(rulesFingerprint(rulesOf(reordered))).toBe(stored.rulesFingerprint);
    const explicitDefaults: TallyInput = { ...input, exclusiveAwards: true, invalidScope: 'section' };
    expect(rulesChanged(stored, explicitDefaults)).toBe(false);
  });

  it('a changed rule is detected, described, and the verdicts recomputed', () => {
    const stricter: TallyInput = {
      ...input,
      sections: [GOV({ threshold: { num: 4, den: 5, comparison: 'gte', base: 'valid' } }), PROV],
    };
    const re = recomputeIfRulesChanged(stored, stricter);
    expect(re.changed).toBe(true);
    expect(re.changes.map((c) => c.message)).toEqual([
      'Mục "Cờ thi đua của Chính phủ": ngưỡng trên 1/2 số phiếu hợp lệ → từ 4/5 số phiếu hợp lệ trở lên.',
    ]);
    expect(stored.sections[0]!.winners).toEqual(['SYT']);
    expect(re.result.sections[0]!.winners).toEqual([]);
    // SYT no longer proposed for the Government flag: it now wins the provincial one
    expect(re.result.sections[1]!.winners).toEqual(['SYT']);
    expect(re.result.rulesFingerprint).not.toBe(stored.rulesFingerprint);
    expect(recomputeIfRulesChanged(re.result, stricter).changed).toBe(false);
  });

  it('names the winners under the old rules beside the new ones', () => {
    const stricter: TallyInput = { ...input, sections: [GOV({ threshold: { num: 4, den: 5, comparison: 'gte', base: 'valid' } }), PROV] };
    const re = recomputeIfRulesChanged(stored, stricter);
    expect(re.winners).toEqual([
      { section: 'gov', title: 'Cờ thi đua của Chính phủ', before: ['SYT'], after: [] },
      { section: 'prov', title: 'Cờ thi đua của UBND tỉnh', before: ['SGDDT', 'DPTTH'], after: ['SYT'] },
    ]);
    // From a stored snapshot alone (what an accepted round keeps): the same old winners.
    expect(winnerChanges(stricter, JSON.parse(JSON.stringify(stored.rules)))[0]).toMatchObject({ before: ['SYT'], after: [] });
    expect(recomputeIfRulesChanged(stored, input).winners).toEqual([]);
  });

  it('puts the entry under other rules without losing rounds or overrides', () => {
    const withOverride: TallyInput = { ...input, sections: [GOV({ overrides: [{ code: 'SGDDT', winner: true, reason: 'x' }] }), PROV] };
    const other = rulesOf({ ...withOverride, invalidScope: 'ballot', sections: [GOV({ maxMarks: 2, revoteTop: 3, tieRule: 'chairDecides' }), PROV] });
    const moved = inputUnderRules(withOverride, other);
    expect(rulesOf(moved)).toEqual(other);
    expect(moved.sections[0]!.rounds).toEqual(withOverride.sections[0]!.rounds);
    expect(moved.sections[0]!.overrides).toEqual([{ code: 'SGDDT', winner: true, reason: 'x' }]);
  });

  it('describes other changes in words', () => {
    const after = rulesOf({
      ...input,
      quorum: { num: 2, den: 3, comparison: 'gte', of: 'members' },
      exclusiveAwards: false,
      sections: [GOV({ seats: 2, tieRule: 'chairDecides', ineligible: ['SNV'] }), PROV],
    });
    expect(diffRules(stored.rules, after).map((c) => c.message)).toEqual([
      'Số đơn vị có mặt tối thiểu: không quy định → từ 2/3 trở lên.',
      'Đề nghị khen thưởng: mỗi đơn vị chỉ được đề nghị một hình thức → được đề nghị nhiều hình thức.',
      'Mục "Cờ thi đua của Chính phủ": chỉ tiêu 1 đơn vị → 2 đơn vị.',
      'Mục "Cờ thi đua của Chính phủ": đơn vị không đủ điều kiện không có → SNV.',
      'Mục "Cờ thi đua của Chính phủ": cách xử lý bằng phiếu bỏ phiếu lại → chủ trì hội nghị quyết định.',
    ]);
  });
});
