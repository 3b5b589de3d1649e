/**
 * Steps the year-end specs share: units' self-assessment files returned and imported the way the
 * secretariat does it, and making a cell of the verification grid the active one.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { E2E_OUT_DIR, expect, queueOpenDialog } from './fixtures';
import { fillTemplate } from './fill-template';

export async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
}

/**
 * Exports the 2024 templates into `<folder>-mau`, fills one per unit code with its values into
 * `<folder>-tra-ve`, imports them and writes them (the import must have no errors).
 */
export async function importSelfAssessments(page: Page, folder: string, byUnit: Record<string, Record<string, number | string>>): Promise<void> {
  await nav(page, 'Tự chấm điểm');
  const templates = join(E2E_OUT_DIR, `${folder}-mau`);
  rmSync(templates, { recursive: true, force: true });
  mkdirSync(templates, { recursive: true });
  await queueOpenDialog([templates]);
  await page.getByRole('button', { name: 'Xuất mẫu tự chấm' }).click();
  await expect(page.getByText(/Đã xuất \d+ tệp\./)).toBeVisible();
  const returned = join(E2E_OUT_DIR, `${folder}-tra-ve`);
  rmSync(returned, { recursive: true, force: true });
  mkdirSync(returned, { recursive: true });
  const files = Object.entries(byUnit).map(([code, values]) => {
    const out = join(returned, `TuCham_2024_${code}.xlsx`);
    fillTemplate(join(templates, `TuCham_2024_${code}.xlsx`), out, values);
    return out;
  });
  await page.getByRole('tab', { name: /Nhập tệp tự chấm/ }).click();
  await queueOpenDialog(files);
  await page.getByRole('button', { name: 'Chọn tệp' }).click();
  await expect(page.getByTestId('import-report')).toHaveCount(files.length);
  await page.getByRole('button', { name: `Ghi dữ liệu (${files.length} tệp)` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ghi dữ liệu', exact: true }).click();
  await expect(page.getByText(new RegExp(`Đã ghi ${files.length} tệp`))).toBeVisible();
}

/** Makes a cell of the verification grid the active one; returns its input, focused. */
export async function activateGridCell(page: Page, unitName: string, code: string): Promise<Locator> {
  const grid = page.getByRole('grid');
  const row = grid.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(unitName) }) });
  const colIndex = await grid.getByRole('columnheader').filter({ hasText: new RegExp(`^${code.replace('.', '\\.')}\\b`) }).first().getAttribute('aria-colindex');
  const input = page.getByLabel(`Điểm thẩm định của ${unitName}, tiêu chí ${code}`);
  // A click while the previous value is being stored lands once it is stored: click until the cell is active.
  try {
    await expect(async () => {
      if ((await input.count()) === 0) await row.locator(`[role="gridcell"][aria-colindex="${colIndex}"]`).dispatchEvent('mousedown', undefined, { timeout: 5000 });
      await expect(input).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 30_000 });
  } catch (err) {
    // Say what the screen shows instead (an open dialog, the grid's message), not only that the cell never opened.
    const shown = [...(await page.getByRole('dialog').allInnerTexts()), ...(await page.locator('.vgrid-message').allInnerTexts())];
    throw new Error(`${unitName}, tiêu chí ${code}: the cell did not open; on screen: ${JSON.stringify(shown)}`, { cause: err });
  }
  await input.focus();
  return input;
}
