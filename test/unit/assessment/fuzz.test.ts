/**
 * Seeded random mutations of a valid, filled template (bytes, zip entries, XML text): inspect
 * never throws and never hangs; every file gives a report (importable or not) in bounded time.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectWorkbook } from '../../../electron/services/assessment/inspect';
import { buildTemplate } from '../../../electron/services/assessment/template';
import { yearContext } from '../../../electron/services/assessment/year-context';
import { sampleBloc } from './fixtures';

const SEED = 20241201;
const ROUNDS = 300;
const PER_FILE_LIMIT_MS = 5000;

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JUNK = ['<', '>', '"', '&', '&amp;', '<row r="-1">', '</sheetData>', '<c r="ZZZ99999999"><v>1e309</v></c>', '\u0000', 'r:id="rId99"', '<si><t>', ']]>', '<!--', 'NaN', '9'.repeat(40)];

describe('fuzz: mutated templates', () => {
  const data = sampleBloc();
  const ctx = yearContext(data, 2024);
  let base: Uint8Array;
  let entries: Unzipped;

  beforeAll(async () => {
    base = await buildTemplate(data, data.scoringTables[0]!, data.units[0]!, 2024);
    entries = unzipSync(base);
  });

  function mutate(rand: () => number): { how: string; bytes: Uint8Array } {
    const pick = <T,>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const kind = Math.floor(rand() * 6);
    if (kind === 0) {
      const bytes = base.slice();
      const flips = 1 + Math.floor(rand() * 16);
      for (let i = 0; i < flips; i++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
      return { how: `flip ${flips} bytes`, bytes };
    }
    if (kind === 1) {
      const len = Math.floor(rand() * base.length);
      return { how: `truncate at ${len}`, bytes: base.slice(0, len) };
    }
    const copy: Unzipped = { ...entries };
    const names = Object.keys(copy);
    const name = pick(names);
    if (kind === 2) {
      delete copy[name];
      return { how: `drop ${name}`, bytes: zipSync(copy) };
    }
    if (kind === 3) {
      copy[name] = Uint8Array.from({ length: 1 + Math.floor(rand() * 2000) }, () => Math.floor(rand() * 256));
      return { how: `random ${name}`, bytes: zipSync(copy) };
    }
    const xmlNames = names.filter((n) => /\.(xml|rels)$/.test(n));
    const xmlName = pick(xmlNames);
    let text = strFromU8(copy[xmlName]!);
    const edits = 1 + Math.floor(rand() * 4);
    for (let i = 0; i < edits; i++) {
      const at = Math.floor(rand() * text.length);
      const op = Math.floor(rand() * 3);
      if (op === 0) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 200));
      else if (op === 1) text = text.slice(0, at) + pick(JUNK) + text.slice(at);
      else {
        const len = Math.floor(rand() * 300);
        text = text.slice(0, at) + text.slice(at, at + len).repeat(2) + text.slice(at + len);
      }
    }
    copy[xmlName] = strToU8(text);
    return { how: `edit ${xmlName} ×${edits}`, bytes: zipSync(copy) };
  }

  it(`${ROUNDS} mutations each give a report within ${PER_FILE_LIMIT_MS} ms`, async () => {
    const rand = mulberry32(SEED);
    const outcomes = new Map<string, number>();
    for (let i = 0; i < ROUNDS; i++) {
      const { how, bytes } = mutate(rand);
      const t = performance.now();
      let report;
      try {
        report = await inspectWorkbook(ctx, { name: `fuzz-${i}.xlsx`, bytes });
      } catch (err) {
        throw new Error(`round ${i} (${how}) threw: ${err instanceof Error ? err.stack : String(err)}`);
      }
      const ms = performance.now() - t;
      expect(ms, `round ${i} (${how})`).toBeLessThan(PER_FILE_LIMIT_MS);
      expect(Array.isArray(report.errors) && Array.isArray(report.scores)).toBe(true);
      for (const e of report.errors) expect(e.message.length, `round ${i} (${how})`).toBeGreaterThan(10);
      const key = report.refused ? String(report.errors[0]!.kind) : report.ok ? 'ok' : 'errors';
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    }
    // The mutations reach both the guard and the reader: several refusal kinds and some readable files.
    expect(outcomes.size).toBeGreaterThanOrEqual(4);
    expect([...outcomes.keys()]).toContain('workbook-truncated');
  }, 300_000);
});
