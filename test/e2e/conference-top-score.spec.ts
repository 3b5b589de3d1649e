/**
 * Next year's Khối trưởng and Khối phó chosen as the first and second of the year's ranking (the
 * rules' "topScore" mode), on a bloc whose year is scored (made by the CLI's demo --full): the
 * conference screen shows them from the same ranking as the Xếp hạng screen and writes them to
 * the next year. Screens at 1366×768.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { readPackageFile } from '../../electron/services/handover/package-file';
import { yearRanking } from '../../electron/services/ranking/year-ranking';
import { E2E_OUT_DIR, expect, queueOpenDialog, screenshotPath, test } from './support/fixtures';

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name, exact: true }).click();

test('the top-ranked units of the year lead next year', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const file = join(E2E_OUT_DIR, 'xep-hang-khoi-truong.blocdesk');
  execFileSync(process.execPath, ['scripts/cli.mjs', 'demo', '--out', file, '--years', '1', '--units', '6', '--criteria', '8', '--full']);
  const data = (await readPackageFile(file)).data;
  // The demo's latest scored year (the year after it exists already, with the leaders its vote chose).
  const year = Math.max(...data.scoringTables.map((t) => t.year));
  const ranked = yearRanking(data, year).result.entries.filter((e) => e.rank !== null && e.eligible);
  const [first, second] = [ranked[0]!.name, ranked[1]!.name];

  await page.goto('/');
  await queueOpenDialog([file]);
  await page.getByRole('button', { name: 'Mở gói bàn giao…' }).click();
  await page.getByRole('dialog', { name: 'Nhập gói bàn giao' }).getByRole('button', { name: 'Nhập khối này' }).click();
  await expect(page.getByText('Đã nhập khối').first()).toBeVisible();

  await page.getByLabel('Chọn năm thi đua').selectOption(String(year));
  await nav(page, 'Năm thi đua');
  await page.getByRole('tab', { name: 'Quy chế bình xét' }).click();
  await page.getByRole('radio', { name: /Đơn vị xếp thứ nhất năm nay/ }).check();
  await page.getByRole('button', { name: 'Lưu quy chế' }).click();
  await expect(page.getByText(`Đã lưu quy chế năm ${year}.`).first()).toBeVisible();

  await nav(page, 'Hội nghị tổng kết');
  const panel = page.getByTestId('leadership-panel');
  await expect(panel.getByTestId('leadership-result')).toContainText(`Khối trưởng: ${first}; Khối phó: ${second}. Đơn vị xếp thứ nhất năm ${year} làm Khối trưởng`);
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('conference-12-top-score') });
  await page.getByRole('button', { name: `Ghi Khối trưởng, Khối phó năm ${year + 1}` }).click();
  // The leaders the demo's vote recorded for next year are replaced only once confirmed.
  const replace = page.getByRole('dialog', { name: `Thay Khối trưởng, Khối phó năm ${year + 1}` });
  await expect(replace).toContainText(`Thay bằng Khối trưởng ${first}, Khối phó ${second}?`);
  await page.screenshot({ path: screenshotPath('conference-15-replace-leaders') });
  await replace.getByRole('button', { name: 'Thay', exact: true }).click();
  await expect(panel.getByTestId('leadership-stored')).toContainText(`Đã ghi cho năm ${year + 1}: Khối trưởng ${first}, Khối phó ${second}`);

  await nav(page, 'Năm thi đua');
  const next = page.getByRole('main').getByRole('row').filter({ has: page.getByRole('cell', { name: String(year + 1), exact: true }) });
  await expect(next).toContainText(first);
  await expect(next).toContainText(second);
});
