/**
 * The schema-3 rules profile (percent-only threshold, quorum in percent, base 'cast',
 * `maxProposals`) brought to exact fractions: migrateRulesProfileV3, which the version-4 schema
 * change calls on every year's rules.
 */
import { describe, expect, it } from 'vitest';
import { defaultRulesProfile } from '../../../shared/domain/rules-defaults';
import { tally } from '../../../shared/domain/vote/tally';
import { RulesProfileSchema } from '../../../shared/model/records';
import { fractionFromLegacyPercent, migrateRulesProfileV3, type RulesProfileV3 } from '../../../shared/model/rules-migration';

/** The default profile as version 3 wrote it. */
function v3(patch: Partial<RulesProfileV3> = {}): RulesProfileV3 {
  return {
    awards: [
      { id: 'award-gov-flag', name: 'Cờ thi đua của Chính phủ', maxProposals: 1 },
      { id: 'award-prov-flag', name: 'Cờ thi đua của UBND tỉnh', maxProposals: 2 },
      { id: 'award-certificate', name: 'Bằng khen của Chủ tịch UBND tỉnh', maxProposals: 0 },
    ],
    threshold: { comparison: 'gt', percent: 50, base: 'valid' },
    quorumPercent: 50,
    selfVoteAllowed: false,
    invalidBallotsInBase: false,
    tieRules: [{ kind: 'higherGroupScore', groupCode: 'I' }, { kind: 'revote' }],
    leaderRotation: { kind: 'fixedOrder', order: ['u3', 'u1', 'u2'] },
    legalBasis: ['Căn cứ Quy chế của Khối;'],
    ...patch,
  };
}

describe('percents of the old profile as exact fractions', () => {
  it('reads thirds and sixths typed as rounded or cut percents as the fraction', () => {
    expect(fractionFromLegacyPercent(66.67)).toEqual({ num: 2, den: 3 });
    expect(fractionFromLegacyPercent(66.66)).toEqual({ num: 2, den: 3 });
    expect(fractionFromLegacyPercent(33.33)).toEqual({ num: 1, den: 3 });
    expect(fractionFromLegacyPercent(83.33)).toEqual({ num: 5, den: 6 });
    expect(fractionFromLegacyPercent(16.67)).toEqual({ num: 1, den: 6 });
  });
  it('takes any other percent over 100, in lowest terms', () => {
    expect(fractionFromLegacyPercent(50)).toEqual({ num: 1, den: 2 });
    expect(fractionFromLegacyPercent(70)).toEqual({ num: 7, den: 10 });
    expect(fractionFromLegacyPercent(90)).toEqual({ num: 9, den: 10 });
    expect(fractionFromLegacyPercent(100)).toEqual({ num: 1, den: 1 });
    expect(fractionFromLegacyPercent(0)).toEqual({ num: 0, den: 1 });
    // not a third: 66.5 and 66.6 are not "obviously" 2/3
    expect(fractionFromLegacyPercent(66.5)).toEqual({ num: 133, den: 200 });
    expect(fractionFromLegacyPercent(66.6)).toEqual({ num: 333, den: 500 });
    expect(fractionFromLegacyPercent(67)).toEqual({ num: 67, den: 100 });
    expect(fractionFromLegacyPercent(12.5)).toEqual({ num: 1, den: 8 });
  });
});

describe('migrateRulesProfileV3', () => {
  it('turns the old default profile into a valid new one with the same meaning', () => {
    const migrated = migrateRulesProfileV3(v3());
    expect(RulesProfileSchema.safeParse(migrated).success).toBe(true);
    expect(migrated.threshold).toEqual({ num: 1, den: 2, comparison: 'gt', base: 'valid' });
    // "Số thành viên có mặt tối thiểu (%)": at least that share
    expect(migrated.quorum).toEqual({ num: 1, den: 2, comparison: 'gte' });
    expect(migrated.awards.map((a) => [a.id, a.name, a.seats, a.maxMarks, a.marking, a.threshold, a.tieRule])).toEqual([
      ['award-gov-flag', 'Cờ thi đua của Chính phủ', 1, null, 'tick', null, 'revote'],
      ['award-prov-flag', 'Cờ thi đua của UBND tỉnh', 2, null, 'tick', null, 'revote'],
      ['award-certificate', 'Bằng khen của Chủ tịch UBND tỉnh', 0, null, 'tick', null, 'revote'],
    ]);
    expect(migrated.leaderRotation).toEqual({ kind: 'fixedOrder', order: ['u3', 'u1', 'u2'] });
    expect(migrated).toMatchObject({
      selfVoteAllowed: false,
      tieRules: [{ kind: 'higherGroupScore', groupCode: 'I' }, { kind: 'revote' }],
      legalBasis: ['Căn cứ Quy chế của Khối;'],
      exclusiveAwards: true,
      invalidScope: 'section',
      maxRounds: 3,
      classificationBands: [],
    });
    expect(migrated).not.toHaveProperty('quorumPercent');
    expect(migrated).not.toHaveProperty('invalidBallotsInBase');
  });

  it("maps the base 'cast' to the ballots returned when invalid ballots counted, else to the valid ballots", () => {
    const counted = migrateRulesProfileV3(v3({ threshold: { comparison: 'gte', percent: 66.67, base: 'cast' }, invalidBallotsInBase: true }));
    expect(counted.threshold).toEqual({ num: 2, den: 3, comparison: 'gte', base: 'returned' });
    const notCounted = migrateRulesProfileV3(v3({ threshold: { comparison: 'gt', percent: 50, base: 'cast' }, invalidBallotsInBase: false }));
    expect(notCounted.threshold).toEqual({ num: 1, den: 2, comparison: 'gt', base: 'valid' });
    for (const base of ['present', 'members'] as const) {
      expect(migrateRulesProfileV3(v3({ threshold: { comparison: 'gte', percent: 90, base } })).threshold).toEqual({ num: 9, den: 10, comparison: 'gte', base });
    }
  });

  it('turns a quorum of 0% into no quorum and keeps every rotation kind', () => {
    expect(migrateRulesProfileV3(v3({ quorumPercent: 0 })).quorum).toBeNull();
    expect(migrateRulesProfileV3(v3({ quorumPercent: 66.66 })).quorum).toEqual({ num: 2, den: 3, comparison: 'gte' });
    expect(migrateRulesProfileV3(v3({ leaderRotation: { kind: 'vote' } })).leaderRotation).toEqual({ kind: 'vote' });
    expect(migrateRulesProfileV3(v3({ leaderRotation: { kind: 'topScore' } })).leaderRotation).toEqual({ kind: 'topScore' });
  });

  it('decides as the old percent did at the boundaries: 6 of 9 passes "từ 66,67%" now as "từ 2/3"', () => {
    const migrated = migrateRulesProfileV3(v3({ threshold: { comparison: 'gte', percent: 66.67, base: 'valid' } }));
    const members = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'];
    const r = tally({
      members,
      present: members,
      sections: [{ id: 's', title: 'Cờ', seats: 1, threshold: migrated.threshold, rounds: [{ ballots: { issued: 9, returned: 9, valid: 9, invalid: 0 }, votes: { A: 6 } }] }],
    });
    expect(r.sections[0]!.winners).toEqual(['A']);
    expect(r.sections[0]!.units[0]!.explanation).toBe('A đạt 6/9 phiếu hợp lệ = 66,67%, từ 2/3 trở lên: đề nghị Cờ.');
  });

  it('leaves a profile already in the new shape, and anything it cannot read, as it is', () => {
    const current = defaultRulesProfile();
    expect(migrateRulesProfileV3(current)).toBe(current);
    expect(migrateRulesProfileV3(migrateRulesProfileV3(v3()))).toEqual(migrateRulesProfileV3(v3()));
    const broken = { threshold: 'quá nửa' };
    expect(migrateRulesProfileV3(broken)).toBe(broken);
    expect(migrateRulesProfileV3(null)).toBeNull();
  });
});
