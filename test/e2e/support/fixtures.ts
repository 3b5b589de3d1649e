/**
 * Playwright fixtures: every page gets `window.blocdesk` bound to the loopback server (with this
 * run's token), a fresh browser profile (IndexedDB) per test, and helpers for the output folder
 * and open dialogs. Every test also starts with an empty default backups folder, as on a new PC:
 * backups other tests made must not show up (the app offers the newest backup when its storage is
 * empty).
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bridgeHeaders, bridgeInitScript } from './bridge-access';

export const E2E_OUT_DIR = resolve('.tmp/e2e-out');
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4173);
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

/** Makes the next open dialog of the app return these paths. */
export async function queueOpenDialog(paths: string[]): Promise<void> {
  const res = await fetch(`${BASE_URL}/__test/open-queue`, { method: 'POST', headers: bridgeHeaders(E2E_OUT_DIR), body: JSON.stringify({ paths }) });
  if (!res.ok) throw new Error(`open-queue failed: ${res.status}`);
}

/**
 * Prepares a page of a fresh context with the bridge; use for a second "PC". With
 * `browserDialogs`, the app's open dialogs (when nothing is queued) show a file input in the page,
 * as in the browser preview.
 */
export async function withBridge(page: Page, options: { browserDialogs?: boolean } = {}): Promise<Page> {
  await page.addInitScript({ content: await bridgeInitScript(BASE_URL, E2E_OUT_DIR, options) });
  return page;
}

/** The server's settings folder (its "user data"): the default backups folder is `<it>/backups`. */
export async function serverUserDataDir(): Promise<string> {
  const res = await fetch(`${BASE_URL}/__test/info`, { headers: bridgeHeaders(E2E_OUT_DIR) });
  if (!res.ok) throw new Error(`info failed: ${res.status}`);
  return ((await res.json()) as { settingsDir: string }).settingsDir;
}

/** Empties the default backups folder of the server. */
export async function clearDefaultBackups(): Promise<void> {
  rmSync(join(await serverUserDataDir(), 'backups'), { recursive: true, force: true });
}

export const test = base.extend<{ outDir: string }>({
  page: async ({ page }, use) => {
    await clearDefaultBackups();
    await withBridge(page);
    await use(page);
  },
  outDir: async ({}, use, testInfo) => {
    void testInfo;
    mkdirSync(E2E_OUT_DIR, { recursive: true });
    await use(E2E_OUT_DIR);
  },
});

export { expect };
export const screenshotPath = (name: string) => join('test-results', 'screens', `${name}.png`);
