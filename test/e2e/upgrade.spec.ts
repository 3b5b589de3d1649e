/**
 * The update of the app on a PC that has data: a bloc stored by the app of schema version 4 (one
 * IndexedDB record per score) is opened by this app in Chromium, whose upgrade moves the scores
 * into score sheets (schema version 5). Nothing is lost: the handover package exported afterwards
 * holds the same bloc, every score with its history, and the screens show the scores.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPackage } from '../../electron/services/handover/package-file';
import type { BlocData } from '../../shared/model/records';
import { BASE_URL, E2E_OUT_DIR, expect, screenshotPath, test } from './support/fixtures';

const here = dirname(fileURLToPath(import.meta.url));

async function seedPageScript(): Promise<string> {
  const { build } = await import('esbuild');
  const out = await build({ entryPoints: [join(here, 'support', 'seed-v4-page.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120', logLevel: 'silent' });
  return out.outputFiles[0]!.text;
}

/** Each list ordered by id, to compare blocs whatever order a store returns. */
function byIds(data: BlocData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    out[key] = Array.isArray(value) ? [...(value as { id: string }[])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) : value;
  }
  return out;
}

test('a PC with data of schema version 4: the update keeps every score, with its history', async ({ page }) => {
  test.setTimeout(120_000);
  // A bloc of three years with the verification history and the conference votes (the CLI's demo).
  const demo = join(E2E_OUT_DIR, 'nang-cap', 'khoi-3-nam.blocdesk');
  mkdirSync(dirname(demo), { recursive: true });
  execFileSync(process.execPath, ['scripts/cli.mjs', 'demo', '--years', '3', '--units', '6', '--criteria', '12', '--full', '--out', demo], { stdio: 'pipe' });
  const data = readPackage(new Uint8Array(readFileSync(demo)), demo).data;
  expect(data.scores.length).toBeGreaterThan(100);
  expect(data.scores.some((s) => s.history.length > 1)).toBe(true);

  // The old app's database, written on the app's own origin.
  const script = (await seedPageScript()).replace(/<\/script/gi, '<\\/script');
  await page.route(`${BASE_URL}/__seed-v4`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><meta charset="utf-8"><script>window.__seedData=${JSON.stringify(data).replace(/</g, '\\u003c')};</script><script>${script}</script>`,
    }),
  );
  await page.goto('/__seed-v4');
  await expect.poll(() => page.evaluate(() => window.__seeded ?? null)).toBe(true);

  // The new app opens it: Dexie's upgrade runs in Chromium's IndexedDB.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Khối thi đua', exact: true })).toBeVisible();
  const stores = await page.evaluate(
    () =>
      new Promise<string[]>((done, fail) => {
        const open = indexedDB.open('blocdesk');
        open.onsuccess = () => {
          done([...open.result.objectStoreNames]);
          open.result.close();
        };
        open.onerror = () => fail(open.error);
      }),
  );
  expect(stores).toContain('scoreSheets');
  expect(stores).not.toContain('scores');

  // The verification screen shows the scores: a verified score changed from the self score, in its cell.
  const year = Math.max(...data.scores.map((x) => x.year));
  const changed = data.scores.find((x) => x.year === year && x.verified !== null && x.verified !== x.self)!;
  const unit = data.units.find((u) => u.id === changed.unitId)!;
  await page.getByLabel('Chọn năm thi đua').selectOption(String(year));
  await page.getByRole('navigation').getByRole('button', { name: 'Thẩm định' }).click();
  const grid = page.getByRole('grid');
  await expect(grid).toBeVisible();
  const colIndex = await grid.getByRole('columnheader').filter({ hasText: new RegExp(`^${changed.code.replace(/\./g, '\\.')}\\b`) }).first().getAttribute('aria-colindex');
  const row = grid.getByRole('row').filter({ has: page.getByRole('rowheader', { name: unit.name }) });
  await expect(row.locator(`[role="gridcell"][aria-colindex="${colIndex}"] .vgrid-verified`)).toHaveText(String(changed.verified).replace('.', ','));
  await page.screenshot({ path: screenshotPath('upgrade-01-verification-after-update') });

  // The package exported after the update holds the bloc as it was written.
  await page.getByRole('navigation').getByRole('button', { name: 'Sao lưu & bàn giao' }).click();
  await page.getByRole('button', { name: 'Xuất gói bàn giao…' }).click();
  const result = page.getByTestId('export-result');
  await expect(result).toContainText('.blocdesk');
  const path = /Đã lưu (.+\.blocdesk) \(/.exec((await result.textContent()) ?? '')![1]!;
  const exported = readPackage(new Uint8Array(readFileSync(path)), path).data;
  expect(exported.scores).toHaveLength(data.scores.length);
  expect(byIds(exported)).toEqual(byIds(data));
});
