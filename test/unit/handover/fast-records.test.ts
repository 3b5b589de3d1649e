/**
 * The fast paths of BlocDataSchema's big arrays (shared/model/fast-records.ts) against zod itself:
 * on valid records they give exactly zod's output (same values, same key order), and on every
 * broken record they step aside, so the refusal and its Vietnamese message are zod's.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fastImportBatch, fastScore } from '../../../shared/model/fast-records';
import { BlocDataSchema, ImportBatchSchema, ScoreSchema } from '../../../shared/model/records';
import { describeIssue } from '../../../shared/package/describe-issue';
import { buildSyntheticBlocData, withFullHistory } from '../../../shared/sample/sample-bloc';

const NOW = '2026-05-14T03:00:00.000Z';
const data = withFullHistory(buildSyntheticBlocData({ units: 3, criteria: 6, years: 2, now: NOW, lastYear: 2025 }));
const clone = <T>(v: T): T => structuredClone(v);

type Rec = Record<string, unknown>;
/** A record with one change at a path ("history.0.old"); undefined deletes the key. */
function edit(record: unknown, path: string, value: unknown): Rec {
  const out = clone(record) as Rec;
  const keys = path.split('.');
  let at: Rec = out;
  for (const k of keys.slice(0, -1)) at = at[k] as Rec;
  const last = keys.at(-1)!;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return out;
}

/** Values that break (or test the edge of) a field of any type. */
const HOSTILE: unknown[] = [
  undefined, null, '', 'x', 'a'.repeat(20), 'a'.repeat(21), 'a'.repeat(64), 'a'.repeat(65), 'a'.repeat(120), 'a'.repeat(121),
  'a'.repeat(200), 'a'.repeat(201), 'a'.repeat(1000), 'a'.repeat(1001), 'a'.repeat(2000), 'a'.repeat(2001),
  0, -0, -1, 1.5, 10000, 10000.5, 2024, NaN, Infinity, -Infinity, 2 ** 53, true, {}, [], [1], { a: 1 },
  'self', 'verified', 'note', 'other', '2026-02-29T08:00:00.000Z', '2024-02-29T08:00:00.000Z', '2024-13-01', '2024-01-01', `2024-01-01T08:00:00.000Z${' '.repeat(20)}`,
];

function pathsOf(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(value as Rec)) {
    const p = prefix ? `${prefix}.${k}` : k;
    out.push(p, ...(Array.isArray(v) ? (v.length ? pathsOf(v, p).filter((q) => q.startsWith(`${p}.0`)) : []) : pathsOf(v, p)));
  }
  return out;
}

/** fast(r) is null, or zod accepts r and gives the same output with the same key order. */
function agrees<T>(schema: z.ZodType<T>, fast: (r: unknown) => T | null, r: unknown): 'fast' | 'zod' {
  const zod = schema.safeParse(r);
  const mine = fast(r);
  if (mine === null) return 'zod';
  expect(zod.success, `fast path accepted what zod refuses: ${JSON.stringify(r)?.slice(0, 300)}`).toBe(true);
  expect(JSON.stringify(mine)).toBe(JSON.stringify(zod.data));
  expect(mine).toEqual(zod.data);
  return 'fast';
}

describe('fast path of scores', () => {
  const score = data.scores.find((s) => s.history.length >= 2)!;

  it('gives zod’s output on valid records, with defaults filled and unknown keys dropped', () => {
    for (const s of data.scores) expect(agrees(ScoreSchema, fastScore, s)).toBe('fast');
    const lean = edit(edit(edit(edit(score, 'verified', undefined), 'note', undefined), 'history.0.reason', undefined), 'history.0.batchId', undefined);
    expect(agrees(ScoreSchema, fastScore, lean)).toBe('fast');
    expect(agrees(ScoreSchema, fastScore, { extra: 1, ...edit(score, 'history.1.extra', 'x') })).toBe('fast');
    expect(agrees(ScoreSchema, fastScore, edit(score, 'history', []))).toBe('fast');
  });

  it('keeps a record already in the schema’s shape; any other valid record comes out fresh', () => {
    const parsed = JSON.parse(JSON.stringify(score)) as Rec;
    expect(fastScore(parsed)).toBe(parsed);
    const reordered = { history: parsed.history, ...parsed };
    const extra = edit(parsed, 'history.1.extra', 'x');
    const lean = edit(parsed, 'history.0.batchId', undefined);
    const notPlain = Object.assign(Object.create({ inherited: 1 }) as Rec, parsed);
    for (const r of [reordered, extra, lean, notPlain]) {
      const out = fastScore(r)!;
      expect(out).not.toBe(r);
      expect(JSON.stringify(out)).toBe(JSON.stringify(ScoreSchema.parse(r)));
    }
    // Only the history entries that needed it are new.
    const out = fastScore(extra)!;
    expect(out.history[0]).toBe((extra.history as unknown[])[0]);
    expect(out.history[1]).not.toBe((extra.history as unknown[])[1]);
  });

  it('never accepts what zod refuses, field by field', () => {
    let refused = 0;
    for (const path of pathsOf(score))
      for (const v of HOSTILE) {
        const broken = edit(score, path, v);
        if (agrees(ScoreSchema, fastScore, broken) === 'zod' && !ScoreSchema.safeParse(broken).success) refused++;
      }
    expect(refused).toBeGreaterThan(300);
    for (const v of HOSTILE) agrees(ScoreSchema, fastScore, v);
    expect(agrees(ScoreSchema, fastScore, edit(score, 'history', Array.from({ length: 1001 }, () => score.history[0])))).toBe('zod');
  });
});

describe('fast path of import batches', () => {
  const batch = data.importBatches.find((b) => b.files.length && b.changes.length)!;

  it('gives zod’s output on valid records, keeping one already in the schema’s shape', () => {
    for (const b of data.importBatches) expect(agrees(ImportBatchSchema, fastImportBatch, b)).toBe('fast');
    const parsed = JSON.parse(JSON.stringify(batch)) as Rec;
    expect(fastImportBatch(parsed)).toBe(parsed);
    const changed = edit(parsed, 'changes.0.extra', 1);
    const out = fastImportBatch(changed)!;
    expect(out).not.toBe(changed);
    expect(out.files).toBe(changed.files);
    expect(JSON.stringify(out)).toBe(JSON.stringify(ImportBatchSchema.parse(changed)));
    expect(agrees(ImportBatchSchema, fastImportBatch, edit({ more: true, ...batch }, 'undoneAt', undefined))).toBe('fast');
    expect(agrees(ImportBatchSchema, fastImportBatch, edit(batch, 'undoneAt', NOW))).toBe('fast');
  });

  it('never accepts what zod refuses, field by field', () => {
    let refused = 0;
    for (const path of pathsOf(batch))
      for (const v of HOSTILE) {
        const broken = edit(batch, path, v);
        if (agrees(ImportBatchSchema, fastImportBatch, broken) === 'zod' && !ImportBatchSchema.safeParse(broken).success) refused++;
      }
    expect(refused).toBeGreaterThan(200);
    expect(agrees(ImportBatchSchema, fastImportBatch, edit(batch, 'files', Array.from({ length: 501 }, () => batch.files[0])))).toBe('zod');
  });
});

describe('BlocDataSchema with the fast paths', () => {
  // The same schema as zod alone would build it: the registry's arrays without the fast paths.
  const plain = z.object({
    ...BlocDataSchema.shape,
    scores: z.array(ScoreSchema).max(500000),
    importBatches: z.array(ImportBatchSchema).max(5000),
  });

  it('gives the same data as zod alone for a valid bloc', () => {
    const fast = BlocDataSchema.parse(data);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(plain.parse(data)));
    // A record already in the schema's shape is kept, not copied (zod would copy it).
    expect(fast.scores[0]).toBe(data.scores[0]);
    expect(fast.importBatches[0]).toBe(data.importBatches[0]);
  });

  it('refuses a broken score or batch with zod’s issues and Vietnamese messages', () => {
    const cases = [
      edit(data, 'scores.5.self', -1),
      edit(data, 'scores.7.history.1.at', '2025-02-30T08:00:00.000Z'),
      edit(data, 'scores.0.code', ''),
      edit(data, 'importBatches.0.changes.3.field', 'verified'),
      edit(data, 'importBatches.1.files.0.unitId', 'a'.repeat(65)),
    ];
    for (const broken of cases) {
      const a = BlocDataSchema.safeParse(broken);
      const b = plain.safeParse(broken);
      expect(a.success).toBe(false);
      expect(a.error!.issues.map(describeIssue)).toEqual(b.error!.issues.map(describeIssue));
      expect(a.error!.issues.map((i) => i.path)).toEqual(b.error!.issues.map((i) => i.path));
    }
    expect(BlocDataSchema.safeParse(edit(data, 'scores.7.history.1.at', '2025-02-30T08:00:00.000Z')).error!.issues.map(describeIssue).join(' ')).toMatch(/Thời điểm không hợp lệ/);
  });
});
