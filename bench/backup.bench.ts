/**
 * A backup of a bloc of 10 years × 60 units × 200 criteria with every score verified-history and
 * one import batch per year (target: under 2 s). Also: the same backup into a folder already
 * holding 40 backups of the bloc (retention reads their manifests), the package build alone, and
 * the longest stretch the main process's event loop was blocked (the window itself runs in the
 * renderer process and keeps drawing; other bridge calls wait that long).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { takeBackup } from '../electron/services/backups/take-backup';
import type { ServiceContext } from '../electron/services/bridge/context';
import { dispatch } from '../electron/services/bridge/dispatch';
import { handlers } from '../electron/services/handlers/index';
import { createConfSettings } from '../electron/services/settings/conf-store';
import { buildPackage } from '../electron/services/handover/package-file';
import type { BlocData } from '../shared/model/records';
import { buildSyntheticBlocData, withFullHistory } from '../shared/sample/sample-bloc';
import { withYearEnds } from '../shared/sample/year-end';

const YEARS = 10;
const UNITS = 60;
const CRITERIA = 200;
const NOW = '2026-05-14T03:00:00.000Z';

/** The bloc of `npm run cli -- demo --years 10 --units 60 --criteria 200 --full`. */
function fullBloc(): BlocData {
  return withYearEnds(withFullHistory(buildSyntheticBlocData({ units: UNITS, criteria: CRITERIA, years: YEARS, now: NOW, lastYear: 2025 })), NOW);
}

/** Runs the work while a 5 ms ticker notes the longest gap between its ticks: how long the event loop was blocked. */
async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  await new Promise((r) => setTimeout(r, 20));
  last = performance.now();
  const t = performance.now();
  const result = await work();
  const ms = performance.now() - t;
  await new Promise((r) => setTimeout(r, 20));
  clearInterval(ticker);
  console.log(`${label}: ${ms.toFixed(0)} ms (main thread blocked at most ${longest.toFixed(0)} ms at a stretch)`);
  return result;
}

export default async function run(): Promise<void> {
  const data = fullBloc();
  console.log(`${YEARS} years × ${UNITS} units × ${CRITERIA} criteria: ${data.scores.length} scores with history, ${data.importBatches.length} import batches`);
  const meta = { createdBy: 'bench', appName: 'BlocDesk', appVersion: 'bench', now: NOW };
  buildPackage(data, meta); // warm-up
  const bytes = await timed('buildPackage (validate, JSON, zip; handover export)', async () => buildPackage(data, meta));
  console.log(`package: ${(bytes.length / 1048576).toFixed(1)} MB`);

  const empty = mkdtempSync(join(tmpdir(), 'blocdesk-bench-backup-'));
  await timed('takeBackup into an empty folder (target < 2000 ms)', () => takeBackup(data, empty, 'periodic', { now: new Date(NOW) }));

  // 40 earlier backups of the same bloc over two months. Retention only reads their manifests,
  // which do not grow with the data, so small copies of the bloc stand in for them.
  const busy = mkdtempSync(join(tmpdir(), 'blocdesk-bench-backup-'));
  const small: BlocData = { ...data, years: [], scoringTables: [], scores: [], importBatches: [], pledges: [], attachments: [] };
  for (let i = 0; i < 40; i++) await takeBackup(small, busy, 'periodic', { now: new Date(Date.parse(NOW) - (40 - i) * 36 * 3600_000) });
  const taken = await timed('takeBackup beside 40 earlier backups, with retention (target < 2000 ms)', () =>
    takeBackup(data, busy, 'periodic', { now: new Date(NOW) }),
  );
  console.log(`retention removed ${taken.removed.length} of 40 earlier backups`);

  // What the app pays per backup: the bridge validates the payload (BlocDataSchema, NFC) first.
  const ctx: ServiceContext = {
    host: { showSaveDialog: async () => null, showOpenDialog: async () => [], printPdf: async () => false },
    settings: createConfSettings(mkdtempSync(join(tmpdir(), 'blocdesk-bench-settings-'))),
    assetsDir: 'assets',
    appVersion: 'bench',
    userDataDir: mkdtempSync(join(tmpdir(), 'blocdesk-bench-userdata-')),
  };
  const viaBridge = await timed('backups.take through the bridge (payload validation + backup)', () =>
    dispatch(handlers, ctx, 'backups.take', [data, 'periodic']),
  );
  if (!viaBridge.ok) throw new Error(viaBridge.error.message);
  const heap = process.memoryUsage();
  console.log(`memory after: rss ${(heap.rss / 1048576).toFixed(0)} MB, heap ${(heap.heapUsed / 1048576).toFixed(0)} MB`);
}
