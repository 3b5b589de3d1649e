/**
 * Inspect of 40 unit files with 150 criteria each, against the bare exceljs load of the same files
 * (the floor). Prints total time, ratio and peak memory. Target: ≤ 1.5× the floor and < 3 s.
 */
import ExcelJS from 'exceljs';
import { inspectFiles, type InspectInput } from '../electron/services/assessment/inspect';
import { buildTemplate } from '../electron/services/assessment/template';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableCriteria } from '../shared/domain/scoring';
import type { BlocData } from '../shared/model/records';
import { runCli } from '../electron/cli/main';
import { readPackageFile } from '../electron/services/handover/package-file';

const UNITS = 40;
const CRITERIA = 150;

/** The bloc of `npm run cli -- demo --units 40 --criteria 150`, read back from its package. */
async function demoBloc(): Promise<BlocData> {
  const out = join(mkdtempSync(join(tmpdir(), 'blocdesk-bench-')), 'demo.blocdesk');
  const quiet = { stdout: () => undefined, stderr: (t: string) => process.stderr.write(t) };
  const code = await runCli(['demo', '--out', out, '--units', String(UNITS), '--criteria', String(CRITERIA)], quiet);
  if (code !== 0) throw new Error(`demo exited ${code}`);
  return (await readPackageFile(out)).data;
}

/** The demo bloc and its 40 units' templates, filled in (shared with bench/cli.bench.ts). */
export async function filledFiles(): Promise<{ data: BlocData; files: InspectInput[] }> {
  const data = await demoBloc();
  const table = data.scoringTables[0]!;
  const criteria = tableCriteria(table);
  const files: InspectInput[] = [];
  for (const [i, unit] of data.units.entries()) {
    const template = await buildTemplate(data, table, unit, 2024);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(template) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rowOf = new Map<string, number>();
    ws.eachRow((row, r) => {
      const v = row.getCell(1).value;
      if (typeof v === 'string') rowOf.set(v, r);
    });
    criteria.forEach(({ criterion }, j) => {
      const r = rowOf.get(criterion.code)!;
      ws.getCell(r, 5).value = Math.round(((i + j) % 10) / 10 * criterion.max * 2) / 2;
      ws.getCell(r, 6).value = j % 3 === 0 ? `Minh chứng: văn bản số ${j}/BC-${unit.code} ngày 15/12/2024` : null;
    });
    files.push({ name: `TuCham_2024_${unit.code}.xlsx`, bytes: new Uint8Array(await wb.xlsx.writeBuffer()) });
  }
  return { data, files };
}

function mb(n: number): string {
  return `${(n / 1048576).toFixed(0)} MB`;
}

async function timed<T>(fn: (sample: () => void) => Promise<T>): Promise<{ ms: number; peakRss: number; peakHeap: number; value: T }> {
  global.gc?.();
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  sample();
  const t = performance.now();
  const value = await fn(sample);
  const ms = performance.now() - t;
  sample();
  return { ms, peakRss, peakHeap, value };
}

export default async function run(): Promise<void> {
  const { data, files } = await filledFiles();
  const totalBytes = files.reduce((s, f) => s + f.bytes.byteLength, 0);
  console.log(`${UNITS} files × ${CRITERIA} criteria, ${(totalBytes / 1024).toFixed(0)} KB in all`);
  const floorRun = () =>
    timed(async (sample) => {
      for (const f of files) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(f.bytes) as unknown as ArrayBuffer);
        sample();
      }
    });
  const inspectRun = () =>
    timed(async (sample) => {
      const out = [];
      // One call per file so memory is sampled between files; the batch rule is applied by inspectFiles.
      for (const f of files) {
        out.push(...(await inspectFiles(data, 2024, [f])));
        sample();
      }
      return out;
    });
  // Warm up both paths, then take the better of three runs each.
  await floorRun();
  await inspectRun();
  const floors = [await floorRun(), await floorRun(), await floorRun()];
  const inspects = [await inspectRun(), await inspectRun(), await inspectRun()];
  const floor = floors.reduce((a, b) => (b.ms < a.ms ? b : a));
  const inspect = inspects.reduce((a, b) => (b.ms < a.ms ? b : a));
  const reports = inspect.value;
  const ok = reports.filter((r) => r.ok).length;
  const values = reports.reduce((s, r) => s + r.scores.filter((x) => x.value !== null).length, 0);
  console.log(`floor (exceljs xlsx.load):  ${floor.ms.toFixed(0)} ms, peak rss ${mb(floor.peakRss)}, peak heap ${mb(floor.peakHeap)}`);
  console.log(`inspect (guard + read):     ${inspect.ms.toFixed(0)} ms, peak rss ${mb(inspect.peakRss)}, peak heap ${mb(inspect.peakHeap)}`);
  console.log(`ratio inspect/floor:        ${(inspect.ms / floor.ms).toFixed(2)}× (target ≤ 1.5×, < 3000 ms)`);
  console.log(`process maxRSS:             ${mb(process.resourceUsage().maxRSS * 1024)}`);
  console.log(`reports: ${reports.length}, importable ${ok}, values read ${values}`);
}
