/**
 * The one mapping from a year (rules profile, members in order, attendance, rounds) to the engine's
 * TallyInput, and the one place the vote's data is read from the bloc (voteContextOf).
 */
import { describe, expect, it } from 'vitest';
import { defaultRulesProfile } from '../../../shared/domain/rules-defaults';
import { voteContextOf } from '../../../shared/domain/vote/context';
import { firstBallotPlan } from '../../../shared/domain/vote/plan';
import { tally } from '../../../shared/domain/vote/tally';
import { leadershipTallyInputFromYear, tallyInputFromYear, type YearVoteSource } from '../../../shared/domain/vote/year-input';
import type { LeaderRotation, RulesProfile } from '../../../shared/model/records';
import { buildSampleBlocData } from '../../../shared/sample/sample-bloc';
import { round } from './helpers';

const NOW = '2026-01-05T08:00:00.000Z';
const MEMBERS = [
  { code: 'SYT', name: 'Sở Y tế' },
  { code: 'SGDDT', name: 'Sở Giáo dục và Đào tạo' },
  { code: 'DPTTH', name: 'Đài Phát thanh và Truyền hình tỉnh' },
  { code: 'SNV', name: 'Sở Nội vụ' },
];

function source(patch: Partial<YearVoteSource> = {}, rules: Partial<RulesProfile> = {}): YearVoteSource {
  return { year: 2024, rules: { ...defaultRulesProfile(), ...rules }, members: MEMBERS, present: ['SYT', 'SGDDT', 'DPTTH'], ...patch };
}

describe('tallyInputFromYear', () => {
  it('makes one section per award in the profile order, under the profile rules', () => {
    const input = tallyInputFromYear(source());
    expect(input.members).toEqual(['SYT', 'SGDDT', 'DPTTH', 'SNV']);
    expect(input.present).toEqual(['SYT', 'SGDDT', 'DPTTH']);
    expect(input.quorum).toEqual({ num: 2, den: 3, comparison: 'gte', of: 'members' });
    expect(input).toMatchObject({ exclusiveAwards: true, invalidScope: 'section', spareBallots: 0 });
    expect(input.names).toEqual({ SYT: 'Sở Y tế', SGDDT: 'Sở Giáo dục và Đào tạo', DPTTH: 'Đài Phát thanh và Truyền hình tỉnh', SNV: 'Sở Nội vụ' });
    expect(input.sections.map((s) => [s.id, s.title, s.seats, s.maxMarks, s.marking, s.tieRule, s.maxRounds])).toEqual([
      ['award-gov-flag', 'Cờ thi đua của Chính phủ', 1, undefined, 'tick', 'revote', 3],
      ['award-prov-flag', 'Cờ thi đua của UBND tỉnh', 2, undefined, 'tick', 'revote', 3],
      ['award-certificate', 'Bằng khen của Chủ tịch UBND tỉnh', 3, undefined, 'tick', 'revote', 3],
    ]);
    for (const s of input.sections) expect(s.threshold).toEqual({ num: 1, den: 2, comparison: 'gt', base: 'valid' });
  });

  it("carries each award's own settings, skips an award with a quota of 0, and passes rounds, ineligible units and scores", () => {
    const rules = defaultRulesProfile();
    rules.awards[0] = { ...rules.awards[0]!, maxMarks: 2, marking: 'approve', threshold: { num: 70, den: 100, comparison: 'gte', base: 'present' }, tieRule: 'higherScore' };
    rules.awards[1] = { ...rules.awards[1]!, seats: 0 };
    rules.awards[2] = { ...rules.awards[2]!, seats: { num: 50, den: 100, of: 'remaining' }, tieRule: 'chairDecides' };
    const input = tallyInputFromYear(
      source({
        rules: { ...rules, quorum: null, exclusiveAwards: false, invalidScope: 'ballot', maxRounds: 2 },
        rounds: { 'award-gov-flag': [round(3, { SYT: 3 })] },
        ineligible: ['SNV'],
        scores: { SYT: 96.5 },
        overrides: { 'award-certificate': [{ code: 'DPTTH', winner: true, reason: 'Hội nghị thống nhất' }] },
        spareBallots: 2,
      }),
    );
    expect(input).toMatchObject({ quorum: null, exclusiveAwards: false, invalidScope: 'ballot', spareBallots: 2 });
    expect(input.sections.map((s) => s.id)).toEqual(['award-gov-flag', 'award-certificate']);
    const [gov, cert] = input.sections;
    expect(gov).toMatchObject({ maxMarks: 2, marking: 'approve', tieRule: 'higherScore', maxRounds: 2, ineligible: ['SNV'], scores: { SYT: 96.5 } });
    expect(gov!.threshold).toEqual({ num: 70, den: 100, comparison: 'gte', base: 'present' });
    expect(gov!.rounds).toHaveLength(1);
    expect(cert).toMatchObject({ seats: { num: 50, den: 100, of: 'remaining' }, tieRule: 'chairDecides', rounds: [] });
    expect(cert!.overrides).toEqual([{ code: 'DPTTH', winner: true, reason: 'Hội nghị thống nhất' }]);
    // The engine takes it as it is: 3 of 3 present approve SYT (70% of the units present).
    const result = tally(input);
    expect(result.sections[0]!.winners).toEqual(['SYT']);
    expect(result.sections[0]!.units.find((u) => u.code === 'SNV')!.status).toBe('ineligible');
  });

  it('plans the first ballot the same way the engine counts seats', () => {
    const rules = defaultRulesProfile();
    rules.awards[2] = { ...rules.awards[2]!, seats: { num: 1, den: 2, of: 'remaining' } };
    const plan = firstBallotPlan(tallyInputFromYear(source({ ineligible: ['SGDDT'] }, { awards: rules.awards })));
    // 4 members, 1 + 2 seats planned before: half of the 1 left is 0
    expect(plan.map((p) => [p.id, p.seats, p.instruction, p.candidates])).toEqual([
      ['award-gov-flag', 1, 'chọn không quá 01 đơn vị', ['SYT', 'DPTTH', 'SNV']],
      ['award-prov-flag', 2, 'chọn không quá 02 đơn vị', ['SYT', 'DPTTH', 'SNV']],
      ['award-certificate', 0, 'chọn không quá 00 đơn vị', ['SYT', 'DPTTH', 'SNV']],
    ]);
  });
});

describe('leadershipTallyInputFromYear', () => {
  it('elects next year’s Khối trưởng and Khối phó in a tally of their own when the rules say vote', () => {
    const input = leadershipTallyInputFromYear(
      source({ ineligible: ['SNV'], leadershipIneligible: ['DPTTH'], rounds: { leader: [round(3, { SYT: 2 })], deputy: [round(3, { SYT: 1, SGDDT: 2 })] } }),
    )!;
    expect(input.exclusiveAwards).toBe(true);
    expect(input.sections.map((s) => [s.id, s.title, s.kind, s.seats, s.ineligible, s.rounds.length])).toEqual([
      ['leader', 'Khối trưởng năm 2025', 'office', 1, ['DPTTH'], 1],
      ['deputy', 'Khối phó năm 2025', 'office', 1, ['DPTTH'], 1],
    ]);
    const r = tally(input);
    expect([r.sections[0]!.winners, r.sections[1]!.winners]).toEqual([['SYT'], ['SGDDT']]);
  });

  it('is null when the leader rotates, is the top unit or is appointed', () => {
    const others: RulesProfile['leaderRotation'][] = [{ kind: 'fixedOrder', order: [] }, { kind: 'topScore' }, { kind: 'appointed' }];
    for (const leaderRotation of others) {
      expect(leadershipTallyInputFromYear(source({}, { leaderRotation }))).toBeNull();
    }
  });
});

describe('voteContextOf', () => {
  it("reads the year's rules and members in the year's order; everyone present until attendance is stored", () => {
    const data = buildSampleBlocData(NOW);
    const year = data.years.find((y) => y.year === 2024)!;
    year.memberUnitIds = [...year.memberUnitIds].reverse();
    const ctx = voteContextOf(data, 2024)!;
    expect(ctx.year).toBe(2024);
    expect(ctx.rules).toBe(year.rules);
    expect(ctx.members[0]).toEqual({ code: 'TTHCC', name: data.units.find((u) => u.code === 'TTHCC')!.name });
    expect(ctx.members.map((m) => m.code)).toEqual([...data.units].reverse().map((u) => u.code));
    expect(ctx.present).toEqual(ctx.members.map((m) => m.code));
    expect(ctx.conference).toBeNull();
    expect(tallyInputFromYear(ctx).sections).toHaveLength(3);
    expect(voteContextOf(data, 2030)).toBeNull();
  });
});
