/**
 * Renderer cold start in Debian's Chromium: from a new browser context (empty profile) navigating
 * to the built app until the first interactive screen (the navigation is visible and clickable).
 * Needs `npm run build` first. Starts its own loopback bridge server on port 4199 (and also prints
 * how long that server takes to answer).
 */
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bridgeInitScript } from '../test/e2e/support/bridge-access';
import { withBridgeServer } from './support/bridge-server';

const PORT = 4199;
const URL = `http://127.0.0.1:${PORT}`;
const OUT = resolve('.tmp/bench-out');

export default async function run(): Promise<void> {
  const started = performance.now();
  await withBridgeServer(PORT, OUT, async () => {
    console.log(`loopback bridge server answering after ${(performance.now() - started).toFixed(0)} ms`);
    const client = await bridgeInitScript(URL, OUT);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const context = await browser.newContext({ locale: 'vi-VN' });
      await context.addInitScript({ content: client });
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(URL);
      await page.getByRole('navigation').getByRole('button').first().waitFor({ state: 'visible' });
      times.push(performance.now() - t0);
      await context.close();
    }
    await browser.close();
    const sorted = [...times].sort((a, b) => a - b);
    const bundle = readFileSync('dist/renderer/index.html', 'utf8').length;
    console.log(`renderer cold start to first interactive screen (new profile each run, n=${times.length}):`);
    console.log(`  median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, min ${sorted[0]!.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`);
    void bundle;
  });
}
