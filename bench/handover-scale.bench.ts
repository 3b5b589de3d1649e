/**
 * Issue "Scale": the bloc of `demo --years 10 --units 60 --criteria 200 --full` (120 000 scores,
 * each with its verification history, one import batch per year) through the main process's side
 * of the handover. Targets: export under 2 s; import with validation under 5 s and 600 MB peak.
 *   - export: the bloc's parts (`blocUpload.part`) and `handover.export` through the bridge dispatcher (payload cleaning and validation,
 *     consistency, JSON, zip, the write), as the app's "Xuất gói bàn giao" runs it in main;
 *     and buildPackage alone (the CLI's `demo`/`import`, which validate what they are handed);
 *   - import: readPackageFile in a fresh process (bench/package-read-child.ts --opened: its own peak
 *     memory, max RSS, tsx's share included), as `handover.open` reads the chosen file and makes
 *     what it hands the window (openedPackage: the scores as the score sheets it stores).
 *   - the renderer's check of the imported bloc before it writes it (repo-package.ts: clean + BlocDataSchema).
 * Medians of several runs; other processes share this machine, so the runs alternate.
 * Reading the bloc out of IndexedDB and writing it back happen in the renderer (bench/history.bench.ts
 * measures the whole import through the app in Chromium).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ServiceContext } from '../electron/services/bridge/context';
import { dispatch } from '../electron/services/bridge/dispatch';
import { handlers } from '../electron/services/handlers/index';
import { buildPackage, readPackage } from '../electron/services/handover/package-file';
import { createConfSettings } from '../electron/services/settings/conf-store';
import { BlocDataSchema } from '../shared/model/records';
import { deepCleanText } from '../shared/text/clean';
import { encodePart, partsOfBloc } from '../shared/package/bloc-parts';
import { ensureCli } from '../scripts/cli-bundle.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function readInChild(path: string): { ms: number; maxRssMB: number; outcome: string } {
  const out = execFileSync('npx', ['tsx', join(ROOT, 'bench/package-read-child.ts'), path, '--opened'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').pop()!) as { ms: number; maxRssMB: number; outcome: string };
}

export default async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'blocdesk-bench-scale-'));
  try {
    await ensureCli();
    const pkg = join(dir, 'khoi-10-nam.blocdesk');
    execFileSync(process.execPath, ['scripts/cli.mjs', 'demo', '--years', '10', '--units', '60', '--criteria', '200', '--full', '--out', pkg], { cwd: ROOT, stdio: 'pipe' });
    const { data } = readPackage(new Uint8Array(readFileSync(pkg)), pkg);
    console.log(`demo --years 10 --units 60 --criteria 200 --full: ${data.scores.length} scores, package ${(statSync(pkg).size / 1048576).toFixed(1)} MB`);

    const saved = join(dir, 'xuat.blocdesk');
    const ctx: ServiceContext = {
      host: { showSaveDialog: async () => saved, showOpenDialog: async () => [], printPdf: async () => false },
      settings: createConfSettings(mkdtempSync(join(dir, 'settings-'))),
      assetsDir: 'assets',
      appVersion: 'bench',
      userDataDir: mkdtempSync(join(dir, 'userdata-')),
    };
    const exports: number[] = [];
    const builds: number[] = [];
    const checks: number[] = [];
    const imports: { ms: number; maxRssMB: number; outcome: string }[] = [];
    for (let i = 0; i < RUNS; i++) {
      // As the app sends it (app/upload-bloc.ts): the parts' bytes made beforehand (the bloc worker's
      // share), then every part and the finish through the dispatcher: main's whole share.
      const parts = partsOfBloc(data).map(encodePart);
      let t = performance.now();
      const begun = await dispatch(handlers, ctx, 'blocUpload.begin', []);
      if (!begun.ok) throw new Error(begun.error.message);
      const { upload } = begun.value as { upload: string };
      for (const [index, { key, bytes }] of parts.entries()) {
        const part = await dispatch(handlers, ctx, 'blocUpload.part', [{ upload, index, key, bytes }]);
        if (!part.ok) throw new Error(part.error.message);
      }
      const r = await dispatch(handlers, ctx, 'handover.export', [{ upload, createdBy: 'bench' }]);
      exports.push(performance.now() - t);
      if (!r.ok) throw new Error(r.error.message);
      t = performance.now();
      buildPackage(data, { createdBy: 'bench', appName: 'BlocDesk', appVersion: 'bench', now: new Date().toISOString() });
      builds.push(performance.now() - t);
      t = performance.now();
      BlocDataSchema.parse(deepCleanText(data)); // renderer/src/db/repo-package.ts checks the bloc so before writing it
      checks.push(performance.now() - t);
      imports.push(readInChild(pkg));
    }
    const exportMs = median(exports);
    const importMs = median(imports.map((r) => r.ms));
    const importMB = median(imports.map((r) => r.maxRssMB));
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    console.log(`blocUpload.part × parts + handover.export through the dispatcher, main's share (target < 2000 ms): ${ms(exportMs)} (runs ${exports.map(ms).join(', ')}) ${exportMs < 2000 ? 'met' : 'NOT met'}`);
    console.log(`buildPackage alone (CLI demo/import): ${ms(median(builds))} (runs ${builds.map(ms).join(', ')})`);
    console.log(`the renderer's check before writing the imported bloc (clean + BlocDataSchema): ${ms(median(checks))} (runs ${checks.map(ms).join(', ')})`);
    console.log(
      `import, readPackageFile + openedPackage in a fresh process (target < 5000 ms, < 600 MB): ${ms(importMs)}, ${importMB} MB peak RSS ` +
        `(runs ${imports.map((r) => `${r.ms} ms/${r.maxRssMB} MB`).join(', ')}; ${imports[0]!.outcome}) ${importMs < 5000 && importMB < 600 ? 'met' : 'NOT met'}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
