/**
 * The handover package of a bloc of 10 years × 60 units × 200 criteria with the full verification
 * history and votes (`demo --years 10 --units 60 --criteria 200 --full`), exported and imported
 * IN THE APP: Debian's Chromium against the built renderer and the loopback bridge (targets: export
 * under 2 s, import under 5 s). Each round uses a fresh browser profile (an empty IndexedDB):
 * import through "Mở gói bàn giao…", wait for the automatic backup after it, then export through
 * "Xuất gói bàn giao…". The phases are the app's User Timing measures (renderer/src/db/phase-timing.ts)
 * and the harness's own (test/e2e/support/bridge-client.ts): `bridge:*` is what the loopback
 * bridge costs (JSON over HTTP; calls with byte arrays, such as the parts of an export, as binary
 * WebSocket messages); Electron's IPC replaces it with a structured clone. The export and the
 * backups send the bloc in parts (app/upload-bloc.ts): `upload:read` is the bloc worker reading
 * them, `upload:drain` the wait for main after the last part was read, and a channel called once
 * per part shows the sum of its calls. Main remembers the score sheets it checked (the import hands
 * them to the window, the backup after it sends them back): the exports are measured so, then again
 * with main made to forget them first (as the first export after the app starts).
 * Needs `npm run build` first; starts its own bridge server on port 4199.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildPackage } from '../electron/services/handover/package-file';
import { buildSyntheticBlocData, withFullHistory } from '../shared/sample/sample-bloc';
import { withYearEnds } from '../shared/sample/year-end';
import { bridgeHeaders, bridgeInitScript } from '../test/e2e/support/bridge-access';
import { withBridgeServer } from './support/bridge-server';

const PORT = Number(process.env.BENCH_PORT ?? 4199);
const URL = `http://127.0.0.1:${PORT}`;
const OUT = resolve(process.env.BENCH_OUT ?? '.tmp/bench-app-handover-out');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Exports per round (the first one as the user sees it; more give a steadier median on a busy machine). */
const EXPORTS = Number(process.env.BENCH_EXPORTS ?? 1);

type Measures = Record<string, number>;

/**
 * The page's User Timing measures (blocdesk:* and bridge:*), in ms, then cleared. A measure taken
 * several times (a call per part of an upload) is summed, and its count given as `name ×n`.
 */
/**
 * Resolves when the page takes a measure of this name. It waits in the page (a PerformanceObserver),
 * so nothing polls the page while the work measured runs: polling it every 20 ms cost the page and
 * this process CPU the work needed on this 2-core machine.
 */
function measureTaken(page: Page, name: string): Promise<unknown> {
  return page.evaluate(`new Promise((resolve) => {
    const seen = () => performance.getEntriesByName(${JSON.stringify(name)}, 'measure').length > 0;
    if (seen()) return resolve(true);
    const observer = new PerformanceObserver(() => {
      if (!seen()) return;
      observer.disconnect();
      resolve(true);
    });
    observer.observe({ type: 'measure' });
  })`);
}

async function takeMeasures(page: Page): Promise<Measures> {
  return (await page.evaluate(`(() => {
    const out = {};
    const counts = {};
    for (const m of performance.getEntriesByType('measure')) {
      out[m.name] = (out[m.name] ?? 0) + m.duration;
      counts[m.name] = (counts[m.name] ?? 0) + 1;
    }
    for (const name of Object.keys(counts)) if (counts[name] > 1) out[name + ' (sum of ' + counts[name] + ')'] = out[name], delete out[name];
    performance.clearMeasures();
    return out;
  })()`)) as Measures;
}

/** Chromium's JS heap of the page, in MB (CDP), and the renderer's peak is not exposed: the current value. */
async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  await cdp.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1048576;
}

async function round(browser: Browser, out: string, file: string): Promise<{ import: Measures; exports: Measures[]; cold: Measures[] }> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 768 } });
  await context.addInitScript({ content: await bridgeInitScript(URL, out, { timing: true }) });
  const page = await context.newPage();
  await page.goto(URL);
  await page.getByRole('button', { name: 'Mở gói bàn giao…' }).waitFor();
  await takeMeasures(page);

  await fetch(`${URL}/__test/open-queue`, { method: 'POST', headers: bridgeHeaders(out), body: JSON.stringify({ paths: [file] }) });
  let t = performance.now();
  await page.getByRole('button', { name: 'Mở gói bàn giao…' }).click();
  const confirm = page.getByRole('button', { name: 'Nhập khối này' });
  await confirm.waitFor({ timeout: 120_000 });
  const toPreview = performance.now() - t;
  t = performance.now();
  await confirm.click();
  await page.getByText('Đã nhập khối').first().waitFor({ timeout: 120_000 });
  const toDone = performance.now() - t;
  // The automatic backup after the import runs in the background; its phases are printed apart.
  await page.getByTestId('backup-status').filter({ hasText: /^Sao lưu lần cuối/ }).waitFor({ timeout: 300_000 });
  const imported = { ...(await takeMeasures(page)), 'whole:click to preview': toPreview, 'whole:confirm to done': toDone, 'heap MB after': await heapMb(page) };

  await page.getByRole('navigation').getByRole('button', { name: 'Sao lưu & bàn giao', exact: true }).click();
  const button = page.getByRole('button', { name: 'Xuất gói bàn giao…' });
  await button.waitFor();
  await takeMeasures(page);
  const exports: Measures[] = [];
  for (let i = 0; i < EXPORTS; i++) {
    if (i > 0) await page.waitForTimeout(500);
    const saved = measureTaken(page, 'blocdesk:export:whole');
    t = performance.now();
    await button.click();
    await saved;
    exports.push({ ...(await takeMeasures(page)), 'whole:click to saved': performance.now() - t, ...(i === 0 ? { 'heap MB after': await heapMb(page) } : {}) });
  }
  await page.getByTestId('export-result').waitFor();
  // The same, main meeting every sheet for the first time (as the first export after the app starts, no backup before it).
  const cold: Measures[] = [];
  for (let i = 0; i < Math.max(1, Math.ceil(EXPORTS / 2)); i++) {
    await page.waitForTimeout(500);
    await fetch(`${URL}/__test/forget-checked-sheets`, { method: 'POST', headers: bridgeHeaders(out) });
    const saved = measureTaken(page, 'blocdesk:export:whole');
    t = performance.now();
    await button.click();
    await saved;
    cold.push({ ...(await takeMeasures(page)), 'whole:click to saved': performance.now() - t });
  }
  await context.close();
  return { import: imported, exports, cold };
}

function print(title: string, rounds: Measures[]): void {
  console.log(title);
  const names = [...new Set(rounds.flatMap((r) => Object.keys(r)))].sort();
  for (const name of names) {
    const xs = rounds.map((r) => r[name]).filter((x): x is number => x !== undefined).sort((a, b) => a - b);
    const median = xs[Math.floor(xs.length / 2)]!;
    console.log(`  ${name.padEnd(44)} median ${median.toFixed(0).padStart(6)}   [${xs.map((x) => x.toFixed(0)).join(', ')}]`);
  }
}

export default async function run(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const now = new Date().toISOString();
  const data = withYearEnds(withFullHistory(buildSyntheticBlocData({ units: 60, criteria: 200, years: 10, now, lastYear: 2025 })), now);
  const file = join(OUT, 'khoi-10-nam.blocdesk');
  const bytes = buildPackage(data, { createdBy: 'bench', appName: 'BlocDesk', appVersion: 'bench', now });
  writeFileSync(file, bytes);
  console.log(`bloc: ${data.years.length} years × ${data.units.length} units, ${data.scores.length} scores with history; package ${(bytes.length / 1048576).toFixed(1)} MB`);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const results = [];
    for (let i = 0; i < ROUNDS; i++) results.push(await withServer(join(OUT, `round-${i}`), (out) => round(browser, out, file)));
    print('import in the app, ms (target < 5000; bridge:* is the loopback harness):', results.map((r) => r.import));
    print(`export in the app, ms (target < 2000; bridge:* is the loopback harness; ${EXPORTS} per round):`, results.flatMap((r) => r.exports));
    print('the same export, main meeting every score sheet for the first time (as after a restart), ms:', results.flatMap((r) => r.cold));
    await storageLayouts(browser, data.scores);
  } finally {
    await browser.close();
  }
}

/**
 * Why the IndexedDB phases cost what they cost: the same scores written (one transaction) and read
 * (getAll) with the raw IndexedDB API, as stored up to schema 4 (one record per score, its three
 * indexes), packed one record per year and unit (the score sheets of schema 5), and those sheets
 * holding their scores as JSON bytes (schema 6). Chromium pays per record and per object, not per byte.
 */
async function storageLayouts(browser: Browser, scores: unknown[]): Promise<void> {
  const page = await (await browser.newContext()).newPage();
  await page.route('http://layouts.bench/**', (r) =>
    r.request().url().endsWith('.json') ? r.fulfill({ body: JSON.stringify(scores), contentType: 'application/json' }) : r.fulfill({ body: '<html></html>', contentType: 'text/html' }),
  );
  await page.goto('http://layouts.bench/');
  const runs: Record<string, Measures[]> = {
    'one record per score': [],
    'one record per year and unit': [],
    'one record per year and unit, scores as JSON bytes': [],
  };
  for (let i = 0; i < ROUNDS; i++) {
    for (const layout of Object.keys(runs)) {
      runs[layout]!.push(
        (await page.evaluate(`(async () => {
          const scores = await (await fetch('/scores.json')).json();
          const packed = ${JSON.stringify(layout)} !== 'one record per score';
          const asJson = ${JSON.stringify(layout)}.endsWith('JSON bytes');
          let records = scores;
          if (packed) {
            const groups = new Map();
            for (const s of scores) {
              const key = s.blocId + '|' + s.year + '|' + s.unitId;
              if (!groups.has(key)) groups.set(key, { id: key, blocId: s.blocId, year: s.year, unitId: s.unitId, scores: [] });
              groups.get(key).scores.push(s);
            }
            records = [...groups.values()];
          }
          const name = 'layout-' + Math.random();
          const idb = await new Promise((ok, ko) => {
            const open = indexedDB.open(name, 1);
            open.onupgradeneeded = () => {
              const store = open.result.createObjectStore('scores', { keyPath: 'id' });
              store.createIndex('blocId', 'blocId');
              store.createIndex('blocId+year', ['blocId', 'year']);
              store.createIndex('blocId+year+unitId', ['blocId', 'year', 'unitId']);
            };
            open.onsuccess = () => ok(open.result);
            open.onerror = () => ko(open.error);
          });
          const t0 = performance.now();
          // The JSON is made as the app makes it when it writes a sheet (score-sheets.ts, storeSheet).
          if (asJson) records = records.map((r) => ({ id: r.id, blocId: r.blocId, year: r.year, unitId: r.unitId, json: new TextEncoder().encode(JSON.stringify(r.scores)) }));
          const tx = idb.transaction(['scores'], 'readwrite');
          for (const r of records) tx.objectStore('scores').add(r);
          await new Promise((ok, ko) => { tx.oncomplete = ok; tx.onerror = () => ko(tx.error); });
          const t1 = performance.now();
          const read = idb.transaction(['scores'], 'readonly').objectStore('scores').index('blocId').getAll(scores[0].blocId);
          await new Promise((ok) => { read.onsuccess = ok; });
          const t2 = performance.now();
          idb.close();
          indexedDB.deleteDatabase(name);
          return { ['write ' + records.length + ' records']: t1 - t0, ['read ' + records.length + ' records']: t2 - t1 };
        })()`)) as Measures,
      );
    }
  }
  for (const [layout, measures] of Object.entries(runs)) print(`raw IndexedDB, ${scores.length} scores, ${layout}, ms:`, measures);
  await page.context().close();
}

/** A bridge server of its own for each round: an empty backups folder, so the app does not offer a backup at start-up. */
async function withServer<T>(out: string, work: (out: string) => Promise<T>): Promise<T> {
  mkdirSync(out, { recursive: true });
  return withBridgeServer(PORT, out, () => work(out));
}
