/**
 * The record schemas of the first schema versions (1–3). shared/model/records.ts is the public face
 * (it re-exports these, the year-end kinds and BlocData); shared/model/registry.ts lists every kind.
 * The bloc's records: what IndexedDB stores (one Dexie table per record kind), what the handover
 * package carries and what main-process services receive. Pure data, validated with zod at every
 * boundary (IPC payloads, package import, CLI input).
 */
import { z } from 'zod';
import { unitCodeProblem } from './unit-code';
import { isIsoDate, isIsoTime } from '../text/dates';

export const Id = z.string().min(1).max(64);
export const Text = (max = 500) => z.string().max(max);
/** A moment ("2026-03-01T08:00:00.000Z") or a day, naming a day that exists. */
export const IsoTime = z.string().max(40).refine(isIsoTime, { message: 'Thời điểm không hợp lệ (cần dạng yyyy-mm-ddThh:mm:ss, ngày có thật).' });
/** A day ("2026-03-01") that exists: 2024-13-45 or 0000-00-00 are refused. */
export const IsoDateSchema = z.string().max(10).refine(isIsoDate, { message: 'Ngày không hợp lệ (cần dạng yyyy-mm-dd, ngày có thật).' });
/** A score or points: finite and never negative (deductions are stored as positive numbers). */
export const Points = z.number().min(0).max(10000);
/** Old/new values in score histories and import batches: a score or a note. */
export const ChangeValue = z.union([z.number(), z.string().max(2000), z.null()]);

/** Khối thi đua. */
export const BlocSchema = z.object({
  id: Id,
  name: Text(300).min(1),
  shortName: Text(120),
  province: Text(120),
  /** Tên cơ quan ban hành in ở góc trái tiêu đề văn bản (e.g. "KHỐI THI ĐUA VĂN HÓA - XÃ HỘI"). */
  issuingBody: Text(300),
  /** Optional superior line above the issuing body (e.g. "UBND TỈNH HÀ NAM"). */
  issuingParent: Text(300).default(''),
  /** Documents in the Party format ("ĐẢNG CỘNG SẢN VIỆT NAM") instead of the State format. */
  partyFormat: z.boolean().default(false),
  /** The bloc's symbol in document numbers ("05/BB-KTĐVHXH"); absent or empty: derived from its name (optional, so no schema change). */
  documentSymbol: Text(30).optional(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Bloc = z.infer<typeof BlocSchema>;

/** Đơn vị thành viên. Never hard-deleted once it has history: `active: false` instead. */
export const UnitSchema = z.object({
  id: Id,
  blocId: Id,
  /** See shared/model/unit-code.ts: Vietnamese letters allowed, no spaces, slashes or dot-only codes. */
  code: z.string().superRefine((code, ctx) => {
    const problem = unitCodeProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  name: Text(300).min(1),
  shortName: Text(120).default(''),
  head: Text(120).default(''),
  headTitle: Text(120).default(''),
  /** Who signs for the unit: its head, or a deputy "KT." (ký thay) the head (Nghị định 30/2020). */
  signer: z.enum(['head', 'deputy']).default('head'),
  deputyName: Text(120).default(''),
  /** The deputy's position ("Phó Giám đốc"); empty: "Phó" + the head's position. */
  deputyTitle: Text(120).default(''),
  address: Text(300).default(''),
  phone: Text(60).default(''),
  /** Position in the bloc's order (signature grid, ballots, tables). */
  order: z.number().int(),
  active: z.boolean().default(true),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Unit = z.infer<typeof UnitSchema>;

// ---- Rules profile (quy chế bình xét của năm) ----

/**
 * Exact fractions (1/2, 2/3, 70/100): every vote decision compares integers, never rounded
 * percentages (shared/domain/vote/fraction.ts). A share is at most 1.
 */
const FractionNum = z.number().int().min(0).max(1_000_000);
const FractionDen = z.number().int().min(1).max(1_000_000);
const notOverOne = (f: { num: number; den: number }) => !(f.den >= 1) || f.num <= f.den;
const OVER_ONE = { message: 'Tỷ lệ không được lớn hơn 1 (tử số lớn hơn mẫu số).', path: ['num'] };

/** 'gt' = "trên", "quá" (strictly more); 'gte' = "từ … trở lên" (at least). */
export const VoteComparisonSchema = z.enum(['gt', 'gte']);
/** What a threshold is a share of: valid ballots, ballots returned (invalid ones too), units present, all member units. */
export const ThresholdBaseSchema = z.enum(['valid', 'returned', 'present', 'members']);
export type ThresholdBase = z.infer<typeof ThresholdBaseSchema>;

/** "trên 1/2 số phiếu hợp lệ", "từ 2/3 tổng số đơn vị thành viên trở lên". */
export const VoteThresholdSchema = z
  .object({ num: FractionNum, den: FractionDen, comparison: VoteComparisonSchema, base: ThresholdBaseSchema })
  .refine(notOverOne, OVER_ONE);
export type VoteThreshold = z.infer<typeof VoteThresholdSchema>;

/** The share of the member units that must be present before voting ("từ 2/3 trở lên"). */
export const QuorumRuleSchema = z.object({ num: FractionNum, den: FractionDen, comparison: VoteComparisonSchema }).refine(notOverOne, OVER_ONE);
export type QuorumRule = z.infer<typeof QuorumRuleSchema>;

/** A section's seats: a number (a cap), or a share of the units not yet proposed ("không quá 50% số đơn vị còn lại", rounded down). */
export const SeatRuleSchema = z.union([
  z.number().int().min(0).max(50),
  z.object({ num: FractionNum, den: FractionDen, of: z.literal('remaining') }).refine(notOverOne, OVER_ONE),
]);
export type SeatRule = z.infer<typeof SeatRuleSchema>;

/** A tie at the cut line of a vote: re-vote among the tied units, the higher score of the ranking, or the chair decides. */
export const VoteTieRuleSchema = z.enum(['revote', 'higherScore', 'chairDecides']);
/** 'tick': tick the chosen units; 'approve': "Đồng ý / Không đồng ý" per unit. */
export const MarkingModeSchema = z.enum(['tick', 'approve']);

/** An award the bloc votes on: one section of the ballot. */
export const AwardTypeSchema = z.object({
  id: Id,
  name: Text(200).min(1),
  /** How many units the bloc may propose (0 = not proposed this year), or a share of the units left. */
  seats: SeatRuleSchema,
  /** Most units a ballot may mark in the section; null = the seats. */
  maxMarks: z.number().int().min(1).max(200).nullable().default(null),
  marking: MarkingModeSchema.default('tick'),
  /** This award's own threshold; null = the profile's threshold. */
  threshold: VoteThresholdSchema.nullable().default(null),
  tieRule: VoteTieRuleSchema.default('revote'),
});
export type AwardType = z.infer<typeof AwardTypeSchema>;

export const TieRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('higherGroupScore'), groupCode: Text(20) }),
  z.object({ kind: z.literal('higherTotalScore') }),
  z.object({ kind: z.literal('fewerDeductions') }),
  z.object({ kind: z.literal('revote') }),
  z.object({ kind: z.literal('chairDecides') }),
]);
export type TieRule = z.infer<typeof TieRuleSchema>;

/**
 * How next year's Khối trưởng and Khối phó are chosen: elected by vote, rotation in a fixed order
 * (ineligible units skipped), this year's top-ranked unit, or appointed by a decision.
 */
export const LeaderRotationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('vote') }),
  z.object({ kind: z.literal('fixedOrder'), order: z.array(Id).max(100) }),
  z.object({ kind: z.literal('topScore') }),
  z.object({ kind: z.literal('appointed') }),
]);
export type LeaderRotation = z.infer<typeof LeaderRotationSchema>;

/** A classification band of the ranking: a total of at least `min` earns `label` ("Xuất sắc" ≥ 95). */
export const ClassificationBandSchema = z.object({ label: Text(60).min(1), min: z.number().min(0).max(100000) });

/** The year's rules profile: everything computed comes from here, never from constants. */
export const RulesProfileSchema = z.object({
  awards: z.array(AwardTypeSchema).max(20),
  /** The vote threshold of every award without its own, and of the leadership vote. */
  threshold: VoteThresholdSchema,
  /** Units present before voting, a share of the members; null = no minimum. */
  quorum: QuorumRuleSchema.nullable(),
  /** A unit proposed in an earlier section (in the awards' order) is skipped in later ones. */
  exclusiveAwards: z.boolean().default(true),
  /** A ballot marking too many units is invalid in that section only, or as a whole. */
  invalidScope: z.enum(['section', 'ballot']).default('section'),
  /** Most rounds of a section (the first vote included) before an open seat stays empty. */
  maxRounds: z.number().int().min(1).max(10).default(3),
  selfVoteAllowed: z.boolean(),
  /** Ranking ties: the ordered rules that separate units of equal total. */
  tieRules: z.array(TieRuleSchema).max(10),
  leaderRotation: LeaderRotationSchema,
  /** Optional classification of the ranking, highest band reached; empty = none. */
  classificationBands: z.array(ClassificationBandSchema).max(10).default([]),
  /** Căn cứ lines printed in document preambles. */
  legalBasis: z.array(Text(600)).max(30),
});
export type RulesProfile = z.infer<typeof RulesProfileSchema>;

/**
 * Where the year's Khối trưởng / Khối phó came from (since schema 4): a vote at the year-end
 * conference, the rotation order, the highest score, or an appointment, and from which year.
 */
export const LeadershipSourceSchema = z.object({
  mode: z.enum(['vote', 'rotation', 'topScore', 'appointed']),
  fromYear: z.number().int().min(2000).max(2100),
  decisionNumber: Text(60).optional(),
  decisionDate: IsoDateSchema.optional(),
  note: Text(1000).optional(),
});
export type LeadershipSource = z.infer<typeof LeadershipSourceSchema>;

/** Năm thi đua of a bloc. */
export const YearSchema = z.object({
  id: Id,
  blocId: Id,
  year: z.number().int().min(2000).max(2100),
  /** Member unit ids in the year's order. */
  memberUnitIds: z.array(Id).max(200),
  leaderUnitId: Id.nullable(),
  deputyUnitId: Id.nullable(),
  rules: RulesProfileSchema,
  note: Text(2000).default(''),
  /** Since schema 4; null when not recorded. */
  leadershipSource: LeadershipSourceSchema.nullable().default(null),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Year = z.infer<typeof YearSchema>;

// ---- Scoring table (bảng chấm điểm) ----

export const CriterionKindSchema = z.enum(['qualitative', 'target', 'count', 'bonus', 'deduction']);
export type CriterionKind = z.infer<typeof CriterionKindSchema>;

export const CriterionSchema = z.object({
  id: Id,
  code: z.string().min(1).max(20),
  title: Text(1000).min(1),
  /** Maximum points (for a deduction: the cap of points taken away, a positive number). */
  max: z.number().min(0).max(10000),
  kind: CriterionKindSchema,
  /** For 'count': points per item. */
  perItem: z.number().min(0).max(10000).optional(),
  guidance: Text(2000).default(''),
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const GroupKindSchema = z.enum(['normal', 'bonus', 'deduction']);
export const CriteriaGroupSchema = z.object({
  id: Id,
  code: z.string().min(1).max(20),
  title: Text(1000).min(1),
  kind: GroupKindSchema,
  /** Optional cap for the group's total (e.g. bonus at most 5). */
  cap: z.number().min(0).max(10000).optional(),
  criteria: z.array(CriterionSchema).max(1000),
});
export type CriteriaGroup = z.infer<typeof CriteriaGroupSchema>;

/** One version of a year's scoring table. A locked version never changes; edits make a new version. */
export const ScoringTableSchema = z.object({
  id: Id,
  blocId: Id,
  year: z.number().int(),
  version: z.number().int().min(1),
  status: z.enum(['draft', 'locked']),
  title: Text(500),
  /** Nominal maximum (100, 1000, ...). Totals may exceed it through bonuses. */
  scale: z.number().min(0).max(100000),
  groups: z.array(CriteriaGroupSchema).max(100),
  /** Why this version was made (required from version 2 on). */
  reason: Text(1000).default(''),
  lockedAt: IsoTime.nullable().default(null),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type ScoringTable = z.infer<typeof ScoringTableSchema>;

// ---- Pledge (giao ước thi đua) ----

export const PledgeSchema = z.object({
  id: Id,
  blocId: Id,
  year: z.number().int(),
  title: Text(500),
  legalBasis: z.array(Text(600)).max(30),
  intro: Text(3000).default(''),
  commitments: z.array(Text(3000)).max(100),
  place: Text(120),
  /** ISO date (yyyy-mm-dd) of signing. */
  date: IsoDateSchema,
  documentNumber: Text(60).default(''),
  witness: z
    .object({ label: Text(200), organisation: Text(300), title: Text(200), name: Text(200) })
    .nullable()
    .default(null),
  columns: z.union([z.literal(2), z.literal(3)]),
  /** Units in the grid, in order; defaults to the year's members. */
  unitIds: z.array(Id).max(200),
  updatedAt: IsoTime,
});
export type Pledge = z.infer<typeof PledgeSchema>;

/** Binary attachments (scanned signatures, stamps). Bytes are stored base64 in the package. */
export const AttachmentSchema = z.object({
  id: Id,
  blocId: Id,
  unitId: Id.nullable(),
  kind: z.enum(['signature', 'stamp', 'other']),
  mime: z.enum(['image/png', 'image/jpeg']),
  width: z.number().int().min(1).max(10000),
  height: z.number().int().min(1).max(10000),
  /** Base64 of the (resized) image bytes. The image itself is decoded and checked in main (package reading). */
  data: z
    .string()
    .max(8_000_000)
    // A plain character-class scan: a grouped base64 pattern overflows the regexp stack on megabytes.
    .refine((b64) => b64.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(b64), 'Dữ liệu ảnh không phải chuỗi base64 hợp lệ.'),
  createdAt: IsoTime,
});
export type Attachment = z.infer<typeof AttachmentSchema>;

// ---- Self-assessment (tự chấm điểm) ----

export const ScoreChangeSchema = z.object({
  at: IsoTime,
  by: Text(120),
  field: z.enum(['self', 'verified', 'note']),
  old: ChangeValue,
  new: ChangeValue,
  reason: Text(1000).default(''),
  batchId: Id.nullable().default(null),
});
export type ScoreChange = z.infer<typeof ScoreChangeSchema>;

/** One unit's score for one criterion in one year. id = scoreId(year, unitId, code). */
export const ScoreSchema = z.object({
  id: z.string().min(1).max(200),
  blocId: Id,
  year: z.number().int(),
  unitId: Id,
  code: z.string().min(1).max(20),
  self: Points.nullable(),
  verified: Points.nullable().default(null),
  note: Text(2000).default(''),
  history: z.array(ScoreChangeSchema).max(1000),
  updatedAt: IsoTime,
});
export type Score = z.infer<typeof ScoreSchema>;

/** Record of one committed import of self-assessment files; undoable. */
export const ImportBatchSchema = z.object({
  id: Id,
  blocId: Id,
  year: z.number().int(),
  createdAt: IsoTime,
  files: z.array(z.object({ name: Text(300), sha256: z.string().max(64), unitId: Id, receivedAt: IsoTime })).max(500),
  changes: z
    .array(
      z.object({
        unitId: Id,
        code: z.string().max(20),
        field: z.enum(['self', 'note']),
        old: ChangeValue,
        new: ChangeValue,
      }),
    )
    .max(200000),
  undoneAt: IsoTime.nullable().default(null),
});
export type ImportBatch = z.infer<typeof ImportBatchSchema>;

/** The id of a Score record: one per year, unit and criterion code. */
export function scoreId(year: number, unitId: string, code: string): string {
  return `${year}:${unitId}:${code}`;
}
