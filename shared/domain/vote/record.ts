/**
 * A vote as the vote-count minutes print it: the engine's entry (TallyInput, the `tally` CLI's
 * file) with what the minutes add, the conference (time, place, committee, when the minutes were
 * read) and the reasons ballots were invalid. Validated with Vietnamese messages naming the path.
 */
import { z } from 'zod';
import { isIsoDate } from '../../text/dates';
import { jsonPath, TallyInputSchema, vietnameseIssue } from './schema';
import type { ConferenceInfo } from './context';
import type { TallyInput } from './types';

const Time = z.string().regex(/^([01]\d|2[0-3])[:hg]([0-5]\d)$/, 'giờ phải có dạng 08:30');

export const ConferenceSchema = z.strictObject({
  date: z.string().refine(isIsoDate, 'ngày phải có dạng năm-tháng-ngày, ví dụ 2025-01-05').nullable().optional(),
  startTime: Time.nullable().optional(),
  place: z.string().max(300).optional(),
  committee: z
    .array(z.strictObject({ name: z.string().trim().min(1).max(120), position: z.string().max(300).optional(), role: z.enum(['head', 'member']) }))
    .max(9)
    .optional(),
  readAt: Time.nullable().optional(),
  documentNumber: z.string().max(60).optional(),
});

export const InvalidReasonSchema = z.strictObject({
  section: z.string().min(1).max(64),
  round: z.number().int().min(1).max(10).optional(),
  reason: z.string().trim().min(1).max(300),
  count: z.number().int().min(1).max(100_000),
});

export const VoteRecordSchema = TallyInputSchema.extend({
  conference: ConferenceSchema.optional(),
  invalidReasons: z.array(InvalidReasonSchema).max(200).optional(),
});
export type VoteRecordInput = z.input<typeof VoteRecordSchema>;

export interface InvalidReasonCount {
  section: string;
  round: number;
  reason: string;
  count: number;
}

export interface VoteRecord {
  input: TallyInput;
  conference: ConferenceInfo | null;
  invalidReasons: InvalidReasonCount[];
}

export type ParsedVoteRecord = { ok: true; record: VoteRecord } | { ok: false; issues: string[] };

const hhmm = (t: string | null | undefined) => (t ? t.replace(/[hg]/, ':') : null);

/** A vote record from JSON; on failure one Vietnamese line per problem, each naming its JSON path. */
export function parseVoteRecord(value: unknown): ParsedVoteRecord {
  const r = VoteRecordSchema.safeParse(value, { error: vietnameseIssue });
  if (!r.success) {
    return { ok: false, issues: r.error.issues.map((i) => `${jsonPath(i.path)}: ${i.message}`) };
  }
  const { conference: c, invalidReasons, ...input } = r.data;
  return {
    ok: true,
    record: {
      input,
      conference: c
        ? {
            date: c.date ?? null,
            startTime: hhmm(c.startTime),
            place: c.place ?? '',
            committee: (c.committee ?? []).map((m) => ({ name: m.name, position: m.position ?? '', role: m.role })),
            readAt: hhmm(c.readAt),
            documentNumber: c.documentNumber ?? '',
          }
        : null,
      invalidReasons: (invalidReasons ?? []).map((x) => ({ section: x.section, round: x.round ?? 1, reason: x.reason, count: x.count })),
    },
  };
}
