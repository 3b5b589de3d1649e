/**
 * Record kinds of the year-end work (schema version 4): the verification of each unit's scores,
 * explanations (giải trình), the year's ranking review, the year-end conference and its vote rounds,
 * document drafts and the register of outgoing documents (sổ văn bản đi). Each kind is one entry of
 * shared/model/registry.ts, which gives it its table, package field, references and id remapping.
 */
import { z } from 'zod';
import { Id, IsoDateSchema, IsoTime, Text } from './records-base';

const YearNumber = z.number().int().min(2000).max(2100);
const UnitIds = z.array(Id).max(200);
/** "08:30"; empty while not known yet. */
const ClockTime = z
  .string()
  .max(5)
  .refine((t) => t === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(t), { message: 'Giờ không hợp lệ (cần dạng hh:mm, ví dụ 08:30).' });
const Count = z.number().int().min(0).max(100_000);

/** Old/new values in an audit entry: a score, a text, a yes/no (eligibility) or nothing. */
const AuditValue = z.union([z.number(), z.string().max(2000), z.boolean(), z.null()]);

/**
 * One change made during the year-end work, for the review's audit trail. A score's own history
 * (ScoreChange) stays the per-cell audit; these record the other decisions.
 */
export const AuditEntrySchema = z.object({
  at: IsoTime,
  by: Text(120),
  /** Short code: 'verify', 'lock', 'unlock', 'eligibility', 'explanation', 'status'... */
  action: z.string().min(1).max(40),
  /** What the change is about: a criterion code, a unit id, or ''. */
  target: Text(200).default(''),
  old: AuditValue,
  new: AuditValue,
  reason: Text(1000).default(''),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
const AuditTrail = z.array(AuditEntrySchema).max(1000).default([]);

// ---- Verification (thẩm định), issue 9 ----

/** The id of a UnitReview: one per year and unit. */
export function unitReviewId(year: number, unitId: string): string {
  return `${year}:${unitId}`;
}

/**
 * The verification of one unit's scores in one year. "Chưa nộp" / "đã nộp" are derived from the
 * scores, not stored: a review exists once the secretariat starts verifying.
 */
export const UnitReviewSchema = z.object({
  id: z.string().min(1).max(200),
  blocId: Id,
  year: YearNumber,
  unitId: Id,
  status: z.enum(['reviewing', 'reviewed', 'locked']).default('reviewing'),
  /** Whether the unit may be proposed for an award this year. */
  eligible: z.boolean().default(true),
  ineligibleReason: Text(1000).default(''),
  /** The document the ineligibility rests on (number, date, issuer). */
  ineligibleBasis: Text(500).default(''),
  lockedAt: IsoTime.nullable().default(null),
  history: AuditTrail,
  updatedAt: IsoTime,
});
export type UnitReview = z.infer<typeof UnitReviewSchema>;

/** A unit's explanation (giải trình) about one criterion, and what the secretariat decided. */
export const ExplanationSchema = z.object({
  id: Id,
  blocId: Id,
  year: YearNumber,
  unitId: Id,
  /** The criterion's code in the year's scoring table. */
  code: z.string().min(1).max(20),
  text: Text(5000),
  date: IsoDateSchema,
  documentNumber: Text(60).default(''),
  /** 'kept': the verified score stands; 'restored': the unit's own score is given back. */
  outcome: z.enum(['pending', 'kept', 'restored']).default('pending'),
  outcomeReason: Text(1000).default(''),
  decidedBy: Text(120).default(''),
  decidedAt: IsoTime.nullable().default(null),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Explanation = z.infer<typeof ExplanationSchema>;

/** The id of a year's YearReview or Conference: one per bloc and year (ids are unique across blocs on a PC). */
export function yearRecordId(blocId: string, year: number): string {
  return `${blocId}:${year}`;
}

/** The year's ranking review: its lock and the chair's decisions on ties. */
export const YearReviewSchema = z.object({
  id: z.string().min(1).max(100),
  blocId: Id,
  year: YearNumber,
  lockedAt: IsoTime.nullable().default(null),
  chairDecisions: z
    .array(
      z.object({
        /** The tied units. */
        unitIds: UnitIds,
        /** The same units in the order the chair decided. */
        order: UnitIds,
        reason: Text(2000),
        at: IsoTime,
        by: Text(120),
      }),
    )
    .max(200)
    .default([]),
  /** Tổ thẩm định: who may be named as the person acting (besides the secretary in settings). */
  team: z
    .array(z.object({ name: Text(120).min(1), unit: Text(200).default('') }))
    .max(30)
    .default([]),
  history: AuditTrail,
  updatedAt: IsoTime,
});
export type YearReview = z.infer<typeof YearReviewSchema>;

// ---- Year-end conference and vote (issue 10) ----

export const ConferenceSchema = z.object({
  id: z.string().min(1).max(100),
  blocId: Id,
  year: YearNumber,
  date: IsoDateSchema,
  startTime: ClockTime.default(''),
  endTime: ClockTime.default(''),
  place: Text(300).default(''),
  chair: Text(200).default(''),
  secretary: Text(200).default(''),
  expectedUnitIds: UnitIds.default([]),
  presentUnitIds: UnitIds.default([]),
  guests: z.array(Text(300)).max(100).default([]),
  /** Ban kiểm phiếu. */
  committee: z
    .array(z.object({ name: Text(200).min(1), unitId: Id.nullable(), role: z.enum(['head', 'member']) }))
    .max(20)
    .default([]),
  spareBallots: z.number().int().min(0).max(1000).default(0),
  /** When the minutes were read out ("hh:mm"). */
  minutesReadAt: ClockTime.default(''),
  updatedAt: IsoTime,
});
export type Conference = z.infer<typeof ConferenceSchema>;

/** One paper ballot as entered: per section, the units ticked, or "agree"/"disagree" per unit (shared/domain/vote/ballots.ts). */
export const StoredBallotSchema = z.object({
  marks: z.record(
    z.string().min(1).max(64),
    z.union([UnitIds, z.record(Id, z.enum(['agree', 'disagree']))]),
  ),
  unstamped: z.boolean().optional(),
  invalidReason: Text(300).optional(),
});
export type StoredBallot = z.infer<typeof StoredBallotSchema>;

/**
 * One round of voting in one section of the conference. Maps onto the vote engine's RoundInput
 * (shared/domain/vote/types.ts) with unit ids translated to codes: candidates, seats, counts →
 * ballots, votes, decision; overrides onto the section's overrides.
 */
export const VoteRoundSchema = z.object({
  id: Id,
  blocId: Id,
  year: YearNumber,
  /** The award id of the year's rules, or 'leader' / 'deputy'. */
  sectionId: z.string().min(1).max(64),
  round: z.number().int().min(1).max(10),
  candidates: UnitIds,
  seats: z.number().int().min(0).max(200),
  counts: z.object({ issued: Count, returned: Count, valid: Count, invalid: Count }),
  invalidReasons: z.array(z.object({ reason: Text(300), count: Count })).max(50).default([]),
  /** Votes ("Đồng ý" marks) per unit id. */
  votes: z.record(Id, Count),
  /** Optional ballot-by-ballot entry, and its second entry for double checking. */
  ballots: z.array(StoredBallotSchema).max(2000).optional(),
  secondEntry: z.array(StoredBallotSchema).max(2000).optional(),
  /** Who entered the ballots, and who entered them the second time ('' when not said). */
  ballotsBy: Text(120).default(''),
  secondEntryBy: Text(120).default(''),
  /** The chair's decision on a tie. */
  decision: z.object({ winners: UnitIds, reason: Text(2000).min(1) }).nullable().default(null),
  /** Verdicts changed by hand; `computed` is the engine's verdict kept beside. */
  overrides: z
    .array(z.object({ unitId: Id, winner: z.boolean(), reason: Text(2000), computed: z.boolean() }))
    .max(200)
    .default([]),
  /** The section's rules as used for this round (threshold, marking...), as JSON. */
  rulesSnapshot: z.record(z.string().max(100), z.json()).default({}),
  status: z.enum(['draft', 'accepted']).default('draft'),
  acceptedAt: IsoTime.nullable().default(null),
  history: AuditTrail,
  updatedAt: IsoTime,
});
export type VoteRound = z.infer<typeof VoteRoundSchema>;

// ---- Documents (issue 11) ----

/** A document being prepared: its form fields and edited sections. */
export const DocumentDraftSchema = z.object({
  id: Id,
  blocId: Id,
  year: YearNumber,
  /** The document kind (the documents registry's key). */
  kind: z.string().min(1).max(60),
  fields: z.record(z.string().max(100), z.union([z.string().max(20000), z.number(), z.boolean(), z.null()])).default({}),
  sections: z.array(z.object({ key: Text(100), title: Text(500), text: Text(50000) })).max(200).default([]),
  updatedAt: IsoTime,
});
export type DocumentDraft = z.infer<typeof DocumentDraftSchema>;

/** One line of the register of outgoing documents (sổ văn bản đi). */
export const RegisterEntrySchema = z.object({
  id: Id,
  blocId: Id,
  year: YearNumber,
  /** Document type abbreviation: BB, BC, TTr, GM, KH, GƯ... */
  kind: z.string().min(1).max(20),
  number: z.number().int().min(1).max(100_000),
  /** e.g. "BB-KTĐVHXH". */
  symbol: Text(60),
  date: IsoDateSchema,
  summary: Text(1000),
  signer: Text(200).default(''),
  /** The app's document kind it was made from, or ''. */
  documentKind: Text(60).default(''),
  voidedAt: IsoTime.nullable().default(null),
  voidReason: Text(1000).default(''),
  createdAt: IsoTime,
});
export type RegisterEntry = z.infer<typeof RegisterEntrySchema>;
