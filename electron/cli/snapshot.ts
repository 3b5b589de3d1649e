/**
 * The CLI as a V8 startup snapshot (dist/cli/snapshot.blob, built by scripts/cli-snapshot.mjs).
 * This file runs once, at build time, under `node --build-snapshot`: it loads the CLI and prints
 * the sample bloc's pledge and scoring table through it, so the snapshot holds the modules
 * evaluated, pdfmake started (its Unicode tables inflated), the fonts parsed and the printing path
 * compiled. A run (`node --snapshot-blob snapshot.blob <command> …`, started by scripts/cli.mjs for
 * the PDF documents) begins at `main` with all of that in place.
 */
// First: the Intl stand-ins must be in place before any module makes a collator.
import { dropIntlObjects, restoreIntl } from './snapshot-intl';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startupSnapshot } from 'node:v8';
import { buildSampleBlocData, withFullHistory } from '../../shared/sample/sample-bloc';
import { buildPackage } from '../services/handover/package-file';
import { runCli } from './main';

declare global {
  // Stands for import.meta.url in this CommonJS bundle (scripts/cli-snapshot.mjs defines it):
  // the fonts and package.json are found from the bundle's folder.
  var __blocdeskCliUrl: string;
}

/** The blob's folder (dist/cli, where snapshot.cjs was) from the flag that loaded it. */
function blobFolder(): string {
  const i = process.execArgv.indexOf('--snapshot-blob');
  const blob = i >= 0 ? process.execArgv[i + 1] : undefined;
  return blob ? dirname(blob) : process.cwd();
}

/**
 * Prints the sample bloc's pledge and scoring table through the CLI itself, in a scratch folder.
 * Only the document path is warmed: the snapshot serves the PDF documents only, and loading
 * the backup service (through `demo`) leaves an object V8 cannot serialize.
 */
async function warmUp(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'blocdesk-snapshot-'));
  try {
    const now = new Date().toISOString();
    const base = buildSampleBlocData(now);
    const year = Math.max(...base.years.map((y) => y.year));
    const pkg = join(work, 'mau.blocdesk');
    writeFileSync(pkg, buildPackage(withFullHistory(base, [year]), { createdBy: 'snapshot', appName: 'BlocDesk', appVersion: '0.0.0', now }));
    for (const [command, file] of [
      ['pledge', 'giao-uoc.pdf'],
      ['scoring-table', 'bang-diem.pdf'],
    ] as const) {
      let said = '';
      const code = await runCli([command, '--data', pkg, '--year', String(year), '--out', join(work, file)], {
        stdout: () => {},
        stderr: (t) => void (said += t),
      });
      if (code) throw new Error(`CLI snapshot warm-up: ${command} exited ${code}: ${said}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function main(): void {
  restoreIntl();
  globalThis.__blocdeskCliUrl = pathToFileURL(join(blobFolder(), 'snapshot.cjs')).href;
  // As bin.ts: a reader that stops early (`… | head`) is not an error of ours.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  void runCli(process.argv.slice(1), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  }).then((code) => {
    process.exitCode = code;
  });
}

if (!startupSnapshot.isBuildingSnapshot()) throw new Error('electron/cli/snapshot.ts runs only under node --build-snapshot.');
globalThis.__blocdeskCliUrl = pathToFileURL(__filename).href;
// Node writes the snapshot once the event loop is empty, so the main function is set after the warm-up.
void warmUp().then(() => {
  dropIntlObjects();
  startupSnapshot.setDeserializeMainFunction(main);
});
