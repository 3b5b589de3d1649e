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
import { tableCriteria } from '../shared/domain/scoring';
import type { BlocData, ImportBatch, Score } from '../shared/model/records';
import { buildSyntheticBlocData } from '../shared/sample/sample-bloc';

const YEARS = 10;
const UNITS = 60;
const CRITERIA = 200;
const NOW = '2026-05-14T03:00:00.000Z';

function fullBloc(): BlocData {
  const data = buildSyntheticBlocData({ units: UNITS, criteria: CRITERIA, years: YEARS, now: NOW, lastYear: 2025 });
  const scores: Score[] = [];
  const batches: ImportBatch[] = [];
  for (const table of data.scoringTables) {
    const year = table.year;
    const batchId = `${data.bloc.id}-nhap-${year}`;
    const changes: ImportBatch['changes'] = [];
    data.units.forEach((unit, u) => {
      tableCriteria(table).forEach(({ criterion }, c) => {
        const self = Math.round(criterion.max * (((u * 7 + c * 3) % 5) / 4) * 2) / 2;
        const adjusted = (u + c) % 3 === 0;
        const verified = adjusted ? Math.max(0, self - 0.5) : self;
        const at = `${year}-12-1${u % 9}T08:00:00.000Z`;
        changes.push({ unitId: unit.id, code: criterion.code, field: 'self', old: null, new: self });
        scores.push({
          id: `${year}:${unit.id}:${criterion.code}`,
          blocId: data.bloc.id,
          year,
          unitId: unit.id,
          code: criterion.code,
          self,
          verified,
          note: c % 4 === 0 ? `Minh chứng: báo cáo số ${c}/BC-${unit.code}` : '',
          history: [
            { at, by: 'Nhập từ tệp tự chấm', field: 'self', old: null, new: self, reason: '', batchId },
            {
              at: `${year}-12-20T02:00:00.000Z`,
              by: 'Thư ký khối',
              field: 'verified',
              old: null,
              new: verified,
              reason: adjusted ? 'Minh chứng chưa đầy đủ, trừ 0,5 điểm theo biên bản thẩm định' : '',
              batchId: null,
            },
          ],
          updatedAt: `${year}-12-20T02:00:00.000Z`,
        });
      });
    });
    batches.push({
      id: batchId,
      blocId: data.bloc.id,
      year,
      createdAt: `${year}-12-10T08:00:00.000Z`,
      files: data.units.map((unit) => ({ name: `TuCham_${year}_${unit.code}.xlsx`, sha256: '0'.repeat(64), unitId: unit.id, receivedAt: `${year}-12-10T08:00:00.000Z` })),
      changes,
      undoneAt: null,
    });
  }
  return { ...data, scores, importBatches: batches };
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
