import { describe, expect, it } from 'vitest';
import {
  awaitingExplanations,
  classificationBandsOf,
  scoreChangeRefusal,
  stageCounts,
  storedRankingExtras,
  unitStage,
  verifiedNeedsReason,
} from '../../../shared/domain/verification';
import { defaultRulesProfile } from '../../../shared/domain/rules-defaults';
import type { RulesProfile } from '../../../shared/model/records';

describe('unit stage', () => {
  it('is chưa nộp without any self score, đã nộp with some, and the review status once verification started', () => {
    expect(unitStage([], 3, undefined)).toBe('not-submitted');
    expect(unitStage([{ self: null }], 3, undefined)).toBe('not-submitted');
    expect(unitStage([{ self: 0 }], 3, undefined)).toBe('submitted');
    expect(unitStage([{ self: 5 }], 3, { status: 'reviewed' })).toBe('reviewed');
    expect(stageCounts(['submitted', 'submitted', 'locked'])).toEqual({ 'not-submitted': 0, submitted: 2, reviewing: 0, reviewed: 0, locked: 1 });
  });
});

describe('may a score change now', () => {
  it('is refused in Vietnamese when the unit or the year is locked, and allowed otherwise', () => {
    expect(scoreChangeRefusal('Sở Y tế', 2024, { status: 'reviewing' }, { lockedAt: null })).toBeNull();
    expect(scoreChangeRefusal('Sở Y tế', 2024, { status: 'locked' }, undefined)).toMatch(/Điểm của Sở Y tế năm 2024 đã khóa.*mở khóa đơn vị/);
    expect(scoreChangeRefusal('Sở Y tế', 2024, undefined, { lockedAt: '2024-12-20T00:00:00.000Z' })).toMatch(/năm 2024 đã khóa.*mở khóa năm/);
  });

  it('asks a reason only for a verified score away from the self score', () => {
    expect(verifiedNeedsReason(8, 7.5)).toBe(true);
    expect(verifiedNeedsReason(8, 8)).toBe(false);
    expect(verifiedNeedsReason(8, null)).toBe(false);
    expect(verifiedNeedsReason(null, 0)).toBe(true);
  });
});

describe('changed scores awaiting an explanation', () => {
  it('lists changed scores with no explanation or an undecided one, never decided or unchanged ones', () => {
    const scores = [
      { unitId: 'a', code: '1', self: 8, verified: 7 },
      { unitId: 'a', code: '2', self: 8, verified: 8 },
      { unitId: 'b', code: '1', self: 5, verified: 4 },
      { unitId: 'b', code: '2', self: 5, verified: 3 },
      { unitId: 'b', code: '3', self: 5, verified: null },
    ];
    const explanations = [
      { unitId: 'b', code: '1', outcome: 'pending' as const },
      { unitId: 'b', code: '2', outcome: 'kept' as const },
    ];
    expect(awaitingExplanations(scores, explanations)).toEqual([
      { unitId: 'a', code: '1', self: 8, verified: 7, state: 'none' },
      { unitId: 'b', code: '1', self: 5, verified: 4, state: 'pending' },
    ]);
  });
});

describe('ranking extras from the stored records', () => {
  it('reads ineligible units, chair decisions and bands (bands defensively)', () => {
    // A malformed band (as a damaged record could hold) is skipped, not trusted.
    const rules = { ...defaultRulesProfile(), classificationBands: [{ label: 'Xuất sắc', min: 95 }, { label: 42, min: 'x' }] } as unknown as RulesProfile;
    const extras = storedRankingExtras(
      [
        { unitId: 'a', eligible: true, ineligibleReason: '', ineligibleBasis: '' },
        { unitId: 'b', eligible: false, ineligibleReason: 'Bị kỷ luật', ineligibleBasis: 'QĐ 12/QĐ-UBND' },
      ],
      { chairDecisions: [{ unitIds: ['a', 'b'], order: ['b', 'a'], reason: 'Chủ trì quyết định', at: '2024-12-20T00:00:00.000Z', by: 'Chủ tịch' }] },
      rules,
    );
    expect([...extras.eligibility]).toEqual([['b', { eligible: false, reason: 'Bị kỷ luật', basis: 'QĐ 12/QĐ-UBND' }]]);
    expect(extras.decisions).toEqual([{ units: ['a', 'b'], order: ['b', 'a'], reason: 'Chủ trì quyết định' }]);
    expect(extras.bands).toEqual([{ label: 'Xuất sắc', min: 95 }]);
    expect(classificationBandsOf(defaultRulesProfile())).toEqual([]);
  });
});
