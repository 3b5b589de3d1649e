/**
 * The CLI as whole processes (`node scripts/cli.mjs …`: the stale check, then the bundle in
 * dist/cli), against this machine's bare Node start and LibreOffice headless, in one run.
 * Targets:
 *   - `--help` within 3× `node -e 0`;
 *   - the 40-unit pledge PDF at least 5× faster than LibreOffice converting the same content;
 *   - inspecting 40 filled files of 150 criteria under 1.5 s.
 * Beside the pledge, its floor: a bare process loading pdfmake as the CLI does and rendering the
 * same pdfmake definition (support/pdfmake-floor.ts), i.e. what the library alone costs here.
 */
import { spawnSync } from 'node:child_process';
import pdfmake from 'pdfmake';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ensureCli, ROOT } from '../scripts/cli-bundle.mjs';
import { buildPackage } from '../electron/services/handover/package-file';
import { blocFixture } from '../test/unit/documents/fixtures';
import { filledFiles } from './assessment.bench';
import { pledgePdf } from '../electron/services/documents/service';
import { libreOfficePdfTime, median, NOW, YEAR } from './pledge.bench';

const NODE = process.execPath;
const CLI = join(ROOT, 'scripts', 'cli.mjs');
const ms = (x: number) => `${x.toFixed(0)} ms`;

/** Median wall time of a process; throws when it exits with another code than expected. */
function wall(cmd: string, args: string[], runs: number, expectCode = 0): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    times.push(performance.now() - t0);
    if (r.status !== expectCode) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return median(times);
}

/**
 * Writes the floor's inputs (the pledge's pdfmake definition and fonts, caught on their way to
 * pdfmake in this process) and its bundle; returns the floor's arguments.
 */
async function pdfmakeFloor(data: Parameters<typeof pledgePdf>[0], work: string): Promise<string[]> {
  const engine = pdfmake as unknown as { createPdf(d: unknown): unknown; addFonts(f: unknown): void };
  const original = { createPdf: engine.createPdf, addFonts: engine.addFonts };
  let definition: unknown;
  const fonts: Record<string, unknown> = {};
  engine.createPdf = (d) => ((definition = d), original.createPdf.call(engine, d));
  engine.addFonts = (f) => (Object.assign(fonts, f), original.addFonts.call(engine, f));
  try {
    await pledgePdf(data, YEAR, { assetsDir: join(ROOT, 'assets') }, NOW);
  } finally {
    Object.assign(engine, original);
  }
  if (!definition || Object.keys(fonts).length === 0) throw new Error('the pledge definition or its fonts were not caught (the engine registers fonts once per process: run this first)');
  writeFileSync(join(work, 'definition.json'), JSON.stringify(definition));
  writeFileSync(join(work, 'fonts.json'), JSON.stringify(fonts));
  const { build } = await import('esbuild');
  const floor = join(work, 'pdfmake-floor.mjs');
  await build({ entryPoints: [join(ROOT, 'bench', 'support', 'pdfmake-floor.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: floor, logLevel: 'silent' });
  return [floor, join(ROOT, 'dist', 'cli', 'vendor', 'pdfmake.cjs'), join(work, 'definition.json'), join(work, 'fonts.json'), join(work, 'floor.pdf')];
}

function row(label: string, value: number, note = ''): void {
  console.log(`${label.padEnd(44)} ${ms(value).padStart(9)}  ${note}`);
}

export default async function run(): Promise<void> {
  await ensureCli(); // build outside the timed runs
  const work = mkdtempSync(join(tmpdir(), 'blocdesk-bench-cli-'));
  try {
    // Inputs first, so that building them does not run between the timed processes.
    const pledgeData = blocFixture({ units: 40, year: YEAR });
    const floorArgs = await pdfmakeFloor(pledgeData, work);
    const pledgePkg = join(work, 'khoi-40.blocdesk');
    writeFileSync(pledgePkg, buildPackage(pledgeData, { createdBy: 'bench', appName: 'BlocDesk', appVersion: '0.1.0', now: NOW }));
    const { data: assessData, files } = await filledFiles();
    const assessPkg = join(work, 'khoi-40-150.blocdesk');
    writeFileSync(assessPkg, buildPackage(assessData, { createdBy: 'bench', appName: 'BlocDesk', appVersion: '0.1.0', now: NOW }));
    const filesDir = join(work, 'tu-cham');
    mkdirSync(filesDir);
    const paths = files.map((f) => {
      const p = join(filesDir, f.name);
      writeFileSync(p, f.bytes);
      return p;
    });

    const RUNS = 11;
    wall(NODE, ['-e', '0'], 2); // warm the file cache
    const bare = wall(NODE, ['-e', '0'], RUNS);
    const help = wall(NODE, [CLI, '--help'], RUNS);
    const helpBundle = wall(NODE, [join(ROOT, 'dist', 'cli', 'bin.mjs'), '--help'], RUNS);
    const helpNpm = wall('npm', ['run', '--silent', 'cli', '--', '--help'], 5);
    const pledgeArgs = [CLI, 'pledge', '--data', pledgePkg, '--year', String(YEAR), '--out', join(work, 'giao-uoc.pdf')];
    wall(NODE, pledgeArgs, 1);
    const pledge = wall(NODE, pledgeArgs, 7);
    wall(NODE, floorArgs, 1);
    const floor = wall(NODE, floorArgs, 7);
    const office = libreOfficePdfTime(pledgeData, work, 5);
    const inspectArgs = [CLI, 'inspect', '--data', assessPkg, '--year', '2024', ...paths];
    wall(NODE, inspectArgs, 1);
    const inspect = wall(NODE, inspectArgs, 5);

    console.log('CLI whole processes, median wall time');
    row('node -e 0', bare);
    row('--help (node scripts/cli.mjs)', help, `${(help / bare).toFixed(1)}× bare Node; target ≤ 3×: ${help <= 3 * bare ? 'met' : 'NOT met'}`);
    row('--help (node dist/cli/bin.mjs, no stale check)', helpBundle, `${(helpBundle / bare).toFixed(1)}× bare Node`);
    row('--help (npm run cli; npm itself starts first)', helpNpm, `${(helpNpm / bare).toFixed(1)}× bare Node`);
    row('pledge PDF, 40 units', pledge);
    row('  floor: bare Node + pdfmake, same definition', floor, `${(office / floor).toFixed(1)}× faster than LibreOffice at best; 5× needs ≤ ${ms(office / 5)}`);
    row('LibreOffice headless, same pledge HTML → PDF', office, `${(office / pledge).toFixed(1)}× the CLI; target ≥ 5×: ${office >= 5 * pledge ? 'met' : 'NOT met'}`);
    row(`inspect ${files.length} files × 150 criteria`, inspect, `target < 1500 ms: ${inspect < 1500 ? 'met' : 'NOT met'}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
