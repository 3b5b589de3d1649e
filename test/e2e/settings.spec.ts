/**
 * Cài đặt end to end: values are checked in the form (Nghị định 30/2020 margin ranges), saved in
 * the main process (electron-store's format, through the real handler) and still there after a
 * reload; "Bỏ thay đổi" puts the saved values back. The test restores what it changed.
 */
import type { Page } from '@playwright/test';
import { expect, screenshotPath, test } from './support/fixtures';

async function openSettings(page: Page) {
  await page.goto('/');
  await page.getByRole('navigation').getByRole('button', { name: 'Cài đặt', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Cài đặt', level: 1 })).toBeVisible();
}

test('settings are validated, saved in main and kept after a reload', async ({ page }) => {
  await openSettings(page);
  const signer = page.getByLabel('Chức vụ người ký');
  const left = page.getByLabel('Lề trái (mm)');
  const before = { signer: await signer.inputValue(), left: await left.inputValue() };

  await signer.fill('Phó Giám đốc');
  await left.fill('28');
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await expect(page.getByText('Lề trái từ 30 đến 35 mm (Nghị định 30/2020).')).toBeVisible();

  await left.fill('32,5');
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await expect(page.getByText('Đã lưu cài đặt.')).toBeVisible();
  await expect(page.getByText('Lề trái từ 30 đến 35 mm')).toBeHidden();
  await page.screenshot({ path: screenshotPath('settings-saved'), fullPage: true });

  await page.reload();
  await openSettings(page);
  await expect(page.getByLabel('Chức vụ người ký')).toHaveValue('Phó Giám đốc');
  await expect(page.getByLabel('Lề trái (mm)')).toHaveValue('32,5');

  await page.getByLabel('Chức vụ người ký').fill('Chánh Văn phòng');
  await expect(page.getByText('Có thay đổi chưa lưu.')).toBeVisible();
  await page.getByRole('button', { name: 'Bỏ thay đổi' }).click();
  await expect(page.getByLabel('Chức vụ người ký')).toHaveValue('Phó Giám đốc');

  await page.getByLabel('Chức vụ người ký').fill(before.signer);
  await page.getByLabel('Lề trái (mm)').fill(before.left);
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await expect(page.getByText('Đã lưu cài đặt.').first()).toBeVisible();
});
