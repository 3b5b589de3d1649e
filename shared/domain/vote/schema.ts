/**
 * The shape of a vote entry (the `tally` CLI's input, and what a screen saves), validated with zod.
 * Messages are Vietnamese and name the JSON path ("sections[0].threshold.den: ..."). Only the shape
 * is checked here; whether the numbers agree is the engine's job (errors with codes, exit 1).
 */
import { z } from 'zod';
import { UnitSchema } from '../../model/records';
import type { TallyInput } from './types';

const Code = UnitSchema.shape.code;
const Count = z.number().int().min(0).max(100_000);
const Num = z.number().int().min(0).max(1_000_000);
const Den = z.number().int().min(1).max(1_000_000);
const Comparison = z.enum(['gt', 'gte']);
// Only judged once den is valid, so a bad den gives one message, not two.
const numNotOverDen = (f: { num: number; den: number }) => !(f.den >= 1) || f.num <= f.den;
const overOne = { message: 'num không được lớn hơn den (tỷ lệ tối đa là 1)', path: ['num'] };

export const ThresholdSchema = z
  .strictObject({ num: Num, den: Den, comparison: Comparison, base: z.enum(['valid', 'returned', 'present', 'members']) })
  .refine(numNotOverDen, overOne);

export const QuorumSchema = z
  .strictObject({ num: Num, den: Den, comparison: Comparison, of: z.literal('members') })
  .refine(numNotOverDen, overOne);

const SeatShareSchema = z.strictObject({ num: Num, den: Den, of: z.literal('remaining') }).refine(numNotOverDen, overOne);

export const SeatRuleSchema = z.union([Count, SeatShareSchema], {
  error: (iss) =>
    iss.input === undefined ? 'thiếu (bắt buộc)' : 'phải là số nguyên không âm, hoặc dạng {"num": 1, "den": 2, "of": "remaining"}',
});

export const BallotCountsSchema = z.strictObject({ issued: Count, returned: Count, valid: Count, invalid: Count });

export const RoundInputSchema = z.strictObject({
  candidates: z.array(Code).max(200).optional(),
  seats: Count.optional(),
  ballots: BallotCountsSchema,
  votes: z.record(z.string().min(1).max(30), Count),
  decision: z.strictObject({ winners: z.array(Code).max(200), reason: z.string().trim().min(1).max(2000) }).optional(),
});

export const SectionInputSchema = z.strictObject({
  id: z.string().min(1).max(64),
  title: z.string().trim().min(1).max(300),
  kind: z.enum(['award', 'office']).optional(),
  seats: SeatRuleSchema,
  maxMarks: z.number().int().min(1).max(200).optional(),
  marking: z.enum(['tick', 'approve']).optional(),
  threshold: ThresholdSchema,
  ineligible: z.array(Code).max(200).optional(),
  tieRule: z.enum(['revote', 'higherScore', 'chairDecides']).optional(),
  scores: z.record(z.string().min(1).max(30), z.number().finite()).optional(),
  maxRounds: z.number().int().min(1).max(10).optional(),
  revoteTop: z.number().int().min(1).max(200).optional(),
  rounds: z.array(RoundInputSchema).max(10),
  overrides: z.array(z.strictObject({ code: Code, winner: z.boolean(), reason: z.string().max(2000) })).max(200).optional(),
});

const unique = (list: readonly string[]) => new Set(list).size === list.length;

export const TallyInputSchema = z
  .strictObject({
    members: z.array(Code).min(1).max(200).refine(unique, 'mã đơn vị bị lặp'),
    present: z.array(Code).max(200),
    quorum: QuorumSchema.nullable().optional(),
    exclusiveAwards: z.boolean().optional(),
    invalidScope: z.enum(['section', 'ballot']).optional(),
    spareBallots: Count.optional(),
    names: z.record(z.string().min(1).max(30), z.string().max(300)).optional(),
    sections: z.array(SectionInputSchema).min(1).max(20),
  })
  .refine((v) => unique(v.sections.map((s) => s.id)), { message: 'mã mục (id) bị lặp', path: ['sections'] });

// The parsed shape is the engine's input.
const _sameShape: (v: z.output<typeof TallyInputSchema>) => TallyInput = (v) => v;
void _sameShape;

const TYPE_NAMES: Record<string, string> = {
  number: 'một số',
  int: 'một số nguyên',
  string: 'một chuỗi',
  boolean: 'true hoặc false',
  array: 'một mảng [...]',
  object: 'một đối tượng {...}',
  record: 'một đối tượng {...}',
};

/** zod issue → Vietnamese text (without the path). */
export function vietnameseIssue(iss: z.core.$ZodRawIssue): string | undefined {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return 'thiếu (bắt buộc)';
      if (iss.expected === 'int' && typeof iss.input === 'number') return 'phải là số nguyên';
      return `phải là ${TYPE_NAMES[iss.expected] ?? iss.expected}`;
    case 'too_small':
      if (iss.origin === 'string') return 'không được để trống';
      if (iss.origin === 'array') return `cần ít nhất ${iss.minimum} phần tử`;
      return `phải từ ${iss.minimum} trở lên`;
    case 'too_big':
      if (iss.origin === 'string') return `dài quá ${iss.maximum} ký tự`;
      if (iss.origin === 'array') return `nhiều quá ${iss.maximum} phần tử`;
      return `không được lớn hơn ${iss.maximum}`;
    case 'invalid_value':
      return `phải là một trong: ${iss.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `có trường không được hỗ trợ: ${iss.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_format':
      return 'mã đơn vị chỉ gồm chữ cái không dấu, chữ số và các dấu . _ -';
    case 'invalid_key':
      return 'mã đơn vị không hợp lệ';
    default:
      return undefined;
  }
}

/** "sections[0].rounds[1].ballots.valid" */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(gốc)';
}

export type ParsedTallyInput = { ok: true; input: TallyInput } | { ok: false; issues: string[] };

/** Validates a vote entry; on failure, one Vietnamese line per problem, each naming its JSON path. */
export function parseTallyInput(value: unknown): ParsedTallyInput {
  const r = TallyInputSchema.safeParse(value, { error: vietnameseIssue });
  if (r.success) return { ok: true, input: r.data };
  return { ok: false, issues: r.error.issues.map((i) => `${jsonPath(i.path)}: ${i.message}`) };
}
