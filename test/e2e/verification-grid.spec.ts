/**
 * The verification grid alone in Chromium (support/grid-page.ts, no app or bridge needed): the
 * virtualised 60 × 200 year, typing "8,5" with a reason, the importer's range rule, cancelling,
 * moving with Enter / Tab / the arrow keys, and accepting a cell, a group or a unit.
 */
import { expect, test, type Page } from '@playwright/test';
import { gridPageHtml } from './support/grid-page';
import type { GridCall } from './support/verification-grid-page';
import { screenshotPath } from './support/fixtures';

async function open(page: Page, units: number, criteria: number, saveMs = 0) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.setContent(await gridPageHtml({ units, criteria, saveMs }));
  await page.waitForFunction(() => window.__grid?.times.painted !== undefined);
}

const calls = (page: Page) => page.evaluate(() => window.__grid.calls) as Promise<GridCall[]>;
const giveReasons = (page: Page, reasons: (string | null)[]) => page.evaluate((r) => (window.__grid.reasons = r), reasons);
/** The cell of a unit (0-based row) and criterion (0-based column). */
const cell = (page: Page, row: number, col: number) => page.locator(`[role="row"][aria-rowindex="${row + 3}"] [role="gridcell"][aria-colindex="${col + 2}"]`);
const activeInput = (page: Page) => page.locator('.vgrid-input');

test.describe('verification grid', () => {
  test('a 60 × 200 year: group and criterion headers, units, only the cells on screen; scrolling reaches the end', async ({ page }) => {
    await open(page, 60, 200);
    const grid = page.getByRole('grid', { name: 'Bảng thẩm định điểm' });
    await expect(grid).toHaveAttribute('aria-rowcount', '62');
    await expect(grid).toHaveAttribute('aria-colcount', '201');
    await expect(page.locator('.vgrid-group').first()).toHaveText('I. Nhóm tiêu chí I');
    await expect(page.getByRole('columnheader', { name: '1.1/3' })).toBeVisible();
    await expect(page.getByRole('rowheader').first()).toContainText('DV01');
    const rendered = await page.getByRole('gridcell').count();
    expect(rendered).toBeGreaterThan(50);
    expect(rendered).toBeLessThan(600);
    await page.screenshot({ path: screenshotPath('verification-grid-60x200') });

    // Ctrl+End goes to the last unit's last criterion, scrolling both ways.
    await cell(page, 0, 0).click();
    await activeInput(page).press('Control+End');
    await expect(activeInput(page)).toHaveAttribute('aria-label', /của .+, tiêu chí 12\.1$/);
    await expect(page.getByRole('rowheader', { name: /DV60/ })).toBeVisible();
    await expect(page.locator('.vgrid-group', { hasText: 'Điểm trừ' })).toBeVisible();
    expect(await page.getByRole('gridcell').count()).toBeLessThan(600);
  });

  test('typing "8,5" away from the self score asks the reason, stores 8.5 with it and moves down', async ({ page }) => {
    await open(page, 6, 12);
    // Criterion 1.3 (third column) has a maximum of 10.
    await cell(page, 1, 2).click();
    await expect(activeInput(page)).toBeFocused();
    await giveReasons(page, ['Thiếu minh chứng hội nghị điển hình']);
    await page.keyboard.type('8,5');
    await page.keyboard.press('Enter');
    await expect(activeInput(page)).toHaveAttribute('aria-label', /DV03|Sở Xây dựng/);
    const [reason, change] = await calls(page);
    expect(reason).toMatchObject({ type: 'reason', unit: 'DV02', code: '1.3', value: 8.5 });
    expect(change).toEqual({ type: 'change', unitId: expect.stringContaining('dv2'), code: '1.3', value: 8.5, reason: 'Thiếu minh chứng hội nghị điển hình' });
    await expect(cell(page, 1, 2)).toHaveClass(/changed/);
    await expect(cell(page, 1, 2).locator('.vgrid-verified')).toHaveText('8,5');
    // Asked once, stored once: the input leaving the stored cell does not store it again.
    expect((await calls(page)).map((c) => c.type)).toEqual(['reason', 'change']);
    await expect(page.getByRole('status').filter({ hasText: 'chưa đổi điểm' })).toHaveCount(0);
  });

  test('on a slow PC, a click while a value is being stored goes to its cell after it; the value is asked and stored once', async ({ page }) => {
    await open(page, 6, 12, 400);
    await cell(page, 1, 2).click();
    await giveReasons(page, ['Thiếu minh chứng']);
    await page.keyboard.type('8,5');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await calls(page)).length).toBe(2);
    await cell(page, 4, 0).dispatchEvent('mousedown');
    const fifth = await page.evaluate(() => window.__grid.units[4]!.name);
    await expect(activeInput(page)).toHaveAttribute('aria-label', `Điểm thẩm định của ${fifth}, tiêu chí 1.1`);
    await expect(activeInput(page)).toBeFocused();
    await expect(cell(page, 1, 2).locator('.vgrid-verified')).toHaveText('8,5');
    expect((await calls(page)).map((c) => c.type)).toEqual(['reason', 'change']);
    await expect(page.getByRole('status').filter({ hasText: 'chưa đổi điểm' })).toHaveCount(0);
    // The next value goes to the clicked cell, not to the one stored before.
    await giveReasons(page, ['Vượt chỉ tiêu']);
    await page.keyboard.type('0');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await calls(page)).length).toBe(4);
    const [, , reason, change] = await calls(page);
    expect(reason).toMatchObject({ type: 'reason', unit: 'DV05', code: '1.1' });
    expect(change).toMatchObject({ type: 'change', code: '1.1', value: 0, reason: 'Vượt chỉ tiêu' });
  });

  test('a click landing just as a store ends, before the screen is drawn again, does not store the value a second time', async ({ page }) => {
    await open(page, 6, 12, 100);
    await cell(page, 1, 2).click();
    await giveReasons(page, ['Thiếu minh chứng']);
    await page.evaluate(() => {
      window.__grid.afterSave = () => document.querySelector('[role="row"][aria-rowindex="7"] [role="gridcell"][aria-colindex="2"]')!.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
    });
    await page.keyboard.type('8,5');
    await page.keyboard.press('Enter');
    const fifth = await page.evaluate(() => window.__grid.units[4]!.name);
    await expect(activeInput(page)).toHaveAttribute('aria-label', `Điểm thẩm định của ${fifth}, tiêu chí 1.1`);
    expect((await calls(page)).map((c) => c.type)).toEqual(['reason', 'change']);
    await expect(page.getByRole('status').filter({ hasText: 'chưa đổi điểm' })).toHaveCount(0);
  });

  test('the self score again, or an empty cell, needs no reason; empty means as self-assessed', async ({ page }) => {
    await open(page, 6, 12);
    await cell(page, 0, 1).click();
    const self = (await cell(page, 0, 1).locator('.vgrid-self').textContent())!;
    await page.keyboard.type(self);
    await page.keyboard.press('Tab');
    await activeInput(page).press('Shift+Tab');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Enter');
    await expect(activeInput(page)).toHaveAttribute('aria-label', /Sở Tài chính, tiêu chí 1\.2$/);
    const all = await calls(page);
    expect(all.filter((c) => c.type === 'reason')).toEqual([]);
    expect(all.map((c) => (c.type === 'change' ? [c.code, c.value, c.reason] : null))).toEqual([
      ['1.2', Number(self.replace(',', '.')), ''],
      ['1.2', null, ''],
    ]);
  });

  test('a value above the maximum is refused with the importer\'s words and the cell keeps the focus; Escape reverts', async ({ page }) => {
    await open(page, 6, 12);
    await cell(page, 2, 0).click();
    await page.keyboard.type('3,5');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toHaveText(/tiêu chí 1\.1: Điểm 3,5 vượt quá điểm tối đa 3\.$/);
    await expect(activeInput(page)).toHaveAttribute('aria-label', /tiêu chí 1\.1$/);
    await expect(activeInput(page)).toHaveAttribute('aria-invalid', 'true');
    await page.keyboard.type('x');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toContainText('không phải là số điểm');
    await page.keyboard.press('Escape');
    await expect(activeInput(page)).toHaveValue('');
    expect((await calls(page)).filter((c) => c.type === 'change')).toEqual([]);
  });

  test('cancelling the reason stores nothing and says why', async ({ page }) => {
    await open(page, 6, 12);
    await cell(page, 3, 2).click();
    await giveReasons(page, [null]);
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'chưa đổi điểm' })).toBeVisible();
    await expect(activeInput(page)).toHaveAttribute('aria-label', /tiêu chí 1\.3$/);
    expect((await calls(page)).map((c) => c.type)).toEqual(['reason']);
  });

  test('Enter, Tab, Shift+Tab and the arrow keys move between cells; Tab wraps to the next unit; F2 edits inside the value', async ({ page }) => {
    await open(page, 3, 4);
    await cell(page, 0, 0).click();
    const at = (label: RegExp) => expect(activeInput(page)).toHaveAttribute('aria-label', label);
    await page.keyboard.press('ArrowRight');
    await at(/Sở Tư pháp, tiêu chí 1\.2$/);
    await page.keyboard.press('ArrowDown');
    await at(/Sở Tài chính, tiêu chí 1\.2$/);
    await page.keyboard.press('End');
    await at(/Sở Tài chính, tiêu chí 3\.1$/);
    await page.keyboard.press('Tab');
    await at(/Sở Xây dựng, tiêu chí 1\.1$/);
    await page.keyboard.press('Shift+Tab');
    await at(/Sở Tài chính, tiêu chí 3\.1$/);
    await page.keyboard.press('ArrowLeft');
    await at(/Sở Tài chính, tiêu chí 2\.1$/);
    await page.keyboard.press('Shift+Enter');
    await at(/Sở Tư pháp, tiêu chí 2\.1$/);
    await page.keyboard.press('Enter');
    await at(/Sở Tài chính, tiêu chí 2\.1$/);
    // Typing then an arrow key stores and moves; after F2 the arrows stay inside the value.
    await page.keyboard.type('1');
    await page.keyboard.press('F2');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('0,');
    await at(/Sở Tài chính, tiêu chí 2\.1$/);
    await expect(activeInput(page)).toHaveValue('0,1');
  });

  test('accept one cell (Ctrl+Enter), its group or the whole unit: the self scores become verified', async ({ page }) => {
    await open(page, 4, 12);
    await cell(page, 1, 0).click();
    await page.keyboard.press('Control+Enter');
    await expect(cell(page, 1, 0)).toHaveClass(/accepted/);
    await page.getByRole('button', { name: 'Chấp nhận nhóm I' }).click();
    await page.getByRole('button', { name: 'Chấp nhận cả đơn vị' }).click();
    const accepts = (await calls(page)).filter((c) => c.type === 'accept').map((c) => (c as { scope: unknown }).scope);
    expect(accepts).toEqual([
      { kind: 'cell', unitId: expect.stringContaining('dv2'), code: '1.1' },
      { kind: 'group', unitId: expect.stringContaining('dv2'), groupCode: 'I' },
      { kind: 'unit', unitId: expect.stringContaining('dv2') },
    ]);
    for (let c = 0; c < 12; c++) await expect(cell(page, 1, c)).toHaveClass(/accepted|changed/);
    await expect(cell(page, 2, 0)).toHaveClass(/pending/);
    await expect(activeInput(page)).toBeFocused();
  });
});
