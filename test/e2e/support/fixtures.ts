/**
 * Playwright fixtures: every page gets `window.blocdesk` bound to the loopback server (with this
 * run's token), a fresh browser profile (IndexedDB) per test, and helpers for the output folder
 * and open dialogs. Every test also gets an empty backups folder of its own (the setting
 * `backupFolder`), as on a new PC: backups other tests made, even one still being written when
 * their page closed, must not show up (the app offers the newest backup when its storage is empty).
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ApiResult } from '../../../shared/api/contract';
import { decodeWire, decodeWireFrame, encodeWire, WIRE_FRAME_TYPE } from '../../../shared/api/wire';
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

/** Calls the bridge from the test process, as a page would. */
export async function callBridge<T>(channel: string, ...args: unknown[]): Promise<T> {
  const res = await fetch(`${BASE_URL}/__bridge/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...bridgeHeaders(E2E_OUT_DIR) },
    body: encodeWire(args),
  });
  const r = (res.headers.get('Content-Type') === WIRE_FRAME_TYPE ? decodeWireFrame(new Uint8Array(await res.arrayBuffer())) : decodeWire(await res.text())) as ApiResult<T>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value;
}

/** Points the app's backups at this folder (emptied first). */
export async function useBackupFolder(folder: string): Promise<void> {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  await callBridge('settings.update', { backupFolder: folder });
}

export const test = base.extend<{ outDir: string; backupFolder: string }>({
  backupFolder: async ({}, use, testInfo) => {
    const folder = join(E2E_OUT_DIR, 'sao-luu', testInfo.testId);
    await useBackupFolder(folder);
    await use(folder);
  },
  page: async ({ page, backupFolder }, use) => {
    void backupFolder; // set before the page opens
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
