/**
 * The verification grid with 60 units × 200 criteria in Debian's Chromium (target: first render
 * under 300 ms): the page of test/e2e/support/grid-page.ts (production React, the grid alone), a
 * fresh page each run. Reports the time from the render call to the first commit and to the first
 * painted frame, the cells in the DOM, and the time a scroll step takes to show its new cells.
 */
import { chromium } from '@playwright/test';
import { gridPageHtml } from '../test/e2e/support/grid-page';

const UNITS = 60;
const CRITERIA = 200;
const RUNS = 7;

/** Twenty scroll steps across the grid, each timed until two frames after it. */
const SCROLL_STEPS = `(async () => {
  const el = document.querySelector('.vgrid-scroller');
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const out = [];
  for (let k = 1; k <= 20; k++) {
    const t = performance.now();
    el.scrollTop = (k * 97) % (el.scrollHeight - el.clientHeight);
    el.scrollLeft = (k * 613) % (el.scrollWidth - el.clientWidth);
    await frame();
    await frame();
    out.push(performance.now() - t);
  }
  return out;
})()`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export default async function run(): Promise<void> {
  const html = await gridPageHtml({ units: UNITS, criteria: CRITERIA });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const commit: number[] = [];
    const painted: number[] = [];
    const scrollSteps: number[] = [];
    let cells = 0;
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      await page.setContent(html);
      await page.waitForFunction(() => window.__grid?.times.painted !== undefined);
      const times = await page.evaluate(() => window.__grid.times);
      commit.push(times.commit!);
      painted.push(times.painted!);
      cells = await page.locator('[role="gridcell"]').count();
      // Scroll steps across the grid: the time until the frame after the new cells are drawn.
      // A string: tsx would wrap named functions in a helper the page does not have.
      const steps = (await page.evaluate(SCROLL_STEPS)) as number[];
      scrollSteps.push(median(steps));
      await context.close();
    }
    console.log(`verification grid ${UNITS} units × ${CRITERIA} criteria, fresh page each run (n=${RUNS}):`);
    console.log(`  first commit: median ${median(commit).toFixed(0)} ms, min ${Math.min(...commit).toFixed(0)} ms, max ${Math.max(...commit).toFixed(0)} ms`);
    console.log(`  first paint:  median ${median(painted).toFixed(0)} ms, min ${Math.min(...painted).toFixed(0)} ms, max ${Math.max(...painted).toFixed(0)} ms (target < 300 ms)`);
    console.log(`  cells in the DOM: ${cells} of ${UNITS * CRITERIA}`);
    console.log(`  scroll step to its next frame (two frames): median ${median(scrollSteps).toFixed(1)} ms`);
  } finally {
    await browser.close();
  }
}
