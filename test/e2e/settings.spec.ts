/**
 * Cài đặt end to end: values are checked in the form (Nghị định 30/2020 margin ranges), saved in
 * the main process (electron-store's format, through the real handler) and still there after a
 * reload; "Bỏ thay đổi" puts the saved values back. The test restores what it changed.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { E2E_OUT_DIR, expect, queueOpenDialog, screenshotPath, test } from './support/fixtures';

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

/** A folder holding the given Times New Roman file names (real fonts: the bundled Liberation Serif). */
function fontFolder(name: string, files: string[]): string {
  const dir = join(E2E_OUT_DIR, 'cai-dat', name);
  mkdirSync(dir, { recursive: true });
  const styles = ['Regular', 'Bold', 'Italic', 'BoldItalic'];
  files.forEach((f, i) => copyFileSync(resolve('assets', 'fonts', `LiberationSerif-${styles[i]}.ttf`), join(dir, f)));
  return dir;
}

test('folders are chosen with "Chọn…"; a Times New Roman folder without its four fonts is refused', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openSettings(page);
  const exportFolder = join(E2E_OUT_DIR, 'cai-dat', 'xuat');
  await queueOpenDialog([exportFolder]);
  await page.getByRole('button', { name: 'Chọn thư mục lưu gói bàn giao' }).click();
  await expect(page.getByLabel('Thư mục lưu gói bàn giao', { exact: true })).toHaveValue(exportFolder);

  // Chosen with the dialog: refused at once, naming the missing files.
  const fontField = page.getByLabel('Thư mục chứa phông Times New Roman của máy (không bắt buộc)', { exact: true });
  const incomplete = fontFolder('phong-thieu', ['times.ttf', 'timesbd.ttf']);
  await queueOpenDialog([incomplete]);
  await page.getByRole('button', { name: /^Chọn thư mục chứa phông Times New Roman/ }).click();
  await expect(page.getByText('thiếu timesi.ttf (nghiêng), timesbi.ttf (đậm nghiêng)')).toBeVisible();
  await expect(fontField).toHaveValue('');

  // Typed in: refused by main when saving, and nothing is saved.
  await fontField.fill(incomplete);
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await expect(page.getByText(`Thư mục "${incomplete}" chưa đủ phông Times New Roman`)).toBeVisible();
  await expect(fontField).toBeFocused();
  await page.screenshot({ path: screenshotPath('settings-folders') });
  await page.reload();
  await openSettings(page);
  await expect(page.getByLabel('Thư mục chứa phông Times New Roman của máy (không bắt buộc)', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Thư mục lưu gói bàn giao', { exact: true })).not.toHaveValue(exportFolder);

  // All four: accepted and saved, with the chosen export folder.
  const complete = fontFolder('phong-du', ['times.ttf', 'timesbd.ttf', 'timesi.ttf', 'timesbi.ttf']);
  await queueOpenDialog([exportFolder]);
  await page.getByRole('button', { name: 'Chọn thư mục lưu gói bàn giao' }).click();
  await queueOpenDialog([complete]);
  await page.getByRole('button', { name: /^Chọn thư mục chứa phông Times New Roman/ }).click();
  await expect(page.getByLabel('Thư mục chứa phông Times New Roman của máy (không bắt buộc)', { exact: true })).toHaveValue(complete);
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await expect(page.getByText('Đã lưu cài đặt.')).toBeVisible();
  await page.reload();
  await openSettings(page);
  await expect(page.getByLabel('Thư mục chứa phông Times New Roman của máy (không bắt buộc)', { exact: true })).toHaveValue(complete);
  await expect(page.getByLabel('Thư mục lưu gói bàn giao', { exact: true })).toHaveValue(exportFolder);
  await page.screenshot({ path: screenshotPath('settings-1366x768') });

  // Put things back for the other tests.
  await page.getByLabel('Thư mục chứa phông Times New Roman của máy (không bắt buộc)', { exact: true }).fill('');
  await page.getByLabel('Thư mục lưu gói bàn giao', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await expect(page.getByText('Đã lưu cài đặt.').first()).toBeVisible();
});
