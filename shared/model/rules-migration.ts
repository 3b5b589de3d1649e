/**
 * The rules profile of schema version 3 (percent-only threshold, quorum in percent, base 'cast',
 * award quotas as `maxProposals`) brought to the exact-fraction profile of records.ts. Pure; the
 * schema-change list of version 4 calls it on every year's `rules` (shared/model/schema-changes.ts).
 */
import { z } from 'zod';
import { reduceFraction, type Fraction } from './fraction';
import { RulesProfileSchema, TieRuleSchema, type RulesProfile } from './records-base';

/** The profile as schema version 3 stored it (validated before it is migrated). */
export const RulesProfileV3Schema = z.object({
  awards: z.array(z.object({ id: z.string(), name: z.string(), maxProposals: z.number().int().min(0) })),
  threshold: z.object({ comparison: z.enum(['gt', 'gte']), percent: z.number().min(0).max(100), base: z.enum(['valid', 'cast', 'present', 'members']) }),
  quorumPercent: z.number().min(0).max(100),
  selfVoteAllowed: z.boolean(),
  invalidBallotsInBase: z.boolean(),
  tieRules: z.array(TieRuleSchema),
  leaderRotation: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('vote') }),
    z.object({ kind: z.literal('fixedOrder'), order: z.array(z.string()) }),
    z.object({ kind: z.literal('topScore') }),
  ]),
  legalBasis: z.array(z.string()),
});
export type RulesProfileV3 = z.infer<typeof RulesProfileV3Schema>;

/** Denominators whose shares were typed as rounded percents (33,33; 66,67; 16,67; 83,33). */
const OBVIOUS_DENOMINATORS = [3, 6];

/**
 * A percent of the old profile as an exact fraction: a rounded or cut third or sixth (66.67,
 * 66.66 → 2/3) as that fraction, otherwise percent/100 in lowest terms (50 → 1/2, 70 → 7/10,
 * 66.5 → 133/200). At most two decimals were meant; more are rounded to two.
 */
export function fractionFromLegacyPercent(percent: number): Fraction {
  const hundredths = Math.round(percent * 100);
  for (const den of OBVIOUS_DENOMINATORS) {
    for (let num = 1; num < den; num++) {
      const exact = (10_000 * num) / den;
      // Off by less than a hundredth of a percent either way: rounded (66.67) or cut (66.66).
      if (!Number.isInteger(exact) && Math.abs(hundredths - exact) < 1) return reduceFraction({ num, den });
    }
  }
  return reduceFraction({ num: hundredths, den: 10_000 });
}

/**
 * The old profile in the new shape. The old base 'cast' (ballots returned) counted invalid ballots
 * only with `invalidBallotsInBase`; without it the base was the valid ballots, and stays so.
 * Quotas keep their number; the new fields take the defaults ("đối chiếu quy chế" on screen).
 */
export function migrateRulesProfileV3(profile: RulesProfileV3): RulesProfile;
export function migrateRulesProfileV3(profile: unknown): unknown;
export function migrateRulesProfileV3(profile: unknown): unknown {
  // Already new (a second run) or not a v3 profile: left as it is for the reader to judge.
  if (RulesProfileSchema.safeParse(profile).success) return profile;
  const parsed = RulesProfileV3Schema.safeParse(profile);
  if (!parsed.success) return profile;
  const old = parsed.data;
  // The fields new in version 4 take the schema's defaults (the same as defaultRulesProfile's).
  const fields = RulesProfileSchema.shape;
  const defaults = {
    exclusiveAwards: fields.exclusiveAwards.parse(undefined),
    invalidScope: fields.invalidScope.parse(undefined),
    maxRounds: fields.maxRounds.parse(undefined),
  };
  const base = old.threshold.base === 'cast' ? (old.invalidBallotsInBase ? 'returned' : 'valid') : old.threshold.base;
  return {
    awards: old.awards.map((a) => ({ id: a.id, name: a.name, seats: a.maxProposals, maxMarks: null, marking: 'tick', threshold: null, tieRule: 'revote' })),
    threshold: { ...fractionFromLegacyPercent(old.threshold.percent), comparison: old.threshold.comparison, base },
    // "Số thành viên có mặt tối thiểu (%)": at least that share; 0 set no minimum.
    quorum: old.quorumPercent > 0 ? { ...fractionFromLegacyPercent(old.quorumPercent), comparison: 'gte' } : null,
    exclusiveAwards: defaults.exclusiveAwards,
    invalidScope: defaults.invalidScope,
    maxRounds: defaults.maxRounds,
    selfVoteAllowed: old.selfVoteAllowed,
    tieRules: old.tieRules,
    // The kinds are unchanged ('appointed' is new).
    leaderRotation: old.leaderRotation,
    classificationBands: [],
    legalBasis: old.legalBasis,
  } satisfies RulesProfile;
}
