/**
 * Hostile self-assessment files (the timing half of test/unit/assessment/fuzz.test.ts and
 * hostile-files.test.ts): inspect time per mutated template (300 seeded mutations) and the time to
 * refuse a sheet of 300 000 rows. Target: every file answered in < 5 s.
 */
import { inspectWorkbook } from '../electron/services/assessment/inspect';
import { buildTemplate } from '../electron/services/assessment/template';
import { yearContext } from '../electron/services/assessment/year-context';
import { loadWorkbookSafely } from '../electron/services/excel/workbook-guard';
import { sampleBloc } from '../test/unit/assessment/fixtures';
import { hugeSheetWorkbook, mulberry32, mutateWorkbook } from '../test/unit/assessment/hostile-inputs';

const SEED = 20241201;
const ROUNDS = 300;
const TARGET_MS = 5000;

export default async function run(): Promise<void> {
  const data = sampleBloc();
  const ctx = yearContext(data, 2024);
  const template = await buildTemplate(data, data.scoringTables[0]!, data.units[0]!, 2024);

  const rand = mulberry32(SEED);
  const times: { ms: number; how: string }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const { how, bytes } = mutateWorkbook(template, rand);
    const t = performance.now();
    await inspectWorkbook(ctx, { name: `fuzz-${i}.xlsx`, bytes });
    times.push({ ms: performance.now() - t, how });
  }
  const sorted = [...times].sort((a, b) => a.ms - b.ms);
  const slowest = sorted.at(-1)!;
  const mean = times.reduce((s, x) => s + x.ms, 0) / times.length;
  const p95 = sorted[Math.floor(sorted.length * 0.95)]!.ms;
  console.log(`fuzz: ${ROUNDS} mutated templates, mean ${mean.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, slowest ${slowest.ms.toFixed(0)} ms (${slowest.how})`);
  console.log(`      ${slowest.ms < TARGET_MS ? 'ok' : 'TOO SLOW'}: target < ${TARGET_MS} ms per file`);

  const big = hugeSheetWorkbook(template, 300_000);
  const t = performance.now();
  let code = 'accepted';
  try {
    await loadWorkbookSafely(big, 'big.xlsx');
  } catch (err) {
    code = (err as { code?: string }).code ?? String(err);
  }
  const ms = performance.now() - t;
  console.log(`300 000-row sheet (${(big.byteLength / 1048576).toFixed(1)} MB zipped): ${code} in ${ms.toFixed(0)} ms (${ms < TARGET_MS ? 'ok' : 'TOO SLOW'}: target < ${TARGET_MS} ms)`);
}
