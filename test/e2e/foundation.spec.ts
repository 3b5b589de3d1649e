/**
 * The foundation end to end, in Chromium against the built renderer with the real handlers over
 * loopback: create a bloc, units and a year, reload; load the sample; export a handover package and
 * import it into a fresh browser profile.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, queueOpenDialog, screenshotPath, test, withBridge } from './support/fixtures';

async function addUnit(page: Page, code: string, name: string, head: string, headTitle: string) {
  await page.getByRole('button', { name: 'Thêm đơn vị' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' });
  await dialog.getByLabel('Mã đơn vị').fill(code);
  await dialog.getByLabel('Tên đầy đủ').fill(name);
  await dialog.getByLabel('Họ tên thủ trưởng').fill(head);
  await dialog.getByLabel('Chức vụ thủ trưởng').fill(headTitle);
  await dialog.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await expect(dialog).toBeHidden();
}

/** Drops a file with these bytes on the package drop zone, as a user dragging it from the desktop. */
async function dropFile(page: Page, name: string, bytes: Uint8Array) {
  await page.getByTestId('package-dropzone').evaluate(
    (zone, { name, data }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], name));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { name, data: Array.from(bytes) },
  );
}

const unitNames = (page: Page) => page.getByRole('table', { name: 'Danh sách đơn vị' }).locator('tbody tr td:nth-child(3) > div:first-child');

test('create a bloc, units and a year; the data survives a reload', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('BlocDesk');
  await expect(page.getByRole('heading', { name: 'Chào mừng đến với BlocDesk' })).toBeVisible();
  await page.screenshot({ path: screenshotPath('01-welcome'), fullPage: true });

  // The form says what is missing.
  await page.getByRole('button', { name: 'Tạo khối' }).click();
  await expect(page.getByText('Nhập tên khối thi đua.')).toBeVisible();
  await page.getByLabel('Tên khối thi đua').fill('Khối thi đua Kinh tế - Tổng hợp');
  await page.getByLabel('Tên viết tắt').fill('Khối KTTH');
  await page.getByLabel('Tỉnh').fill('Hà Nam');
  await page.getByRole('button', { name: 'Tạo khối' }).click();

  await expect(page.getByRole('heading', { name: 'Đơn vị thành viên' })).toBeVisible();
  // Validation messages in Vietnamese.
  await page.getByRole('button', { name: 'Thêm đơn vị' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' });
  await dialog.getByLabel('Mã đơn vị').fill('mã sai');
  await dialog.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await expect(dialog.getByText('Mã đơn vị chỉ gồm chữ cái (có thể có dấu, như Đ)')).toBeVisible();
  await expect(dialog.getByText('Nhập tên đầy đủ của đơn vị.')).toBeVisible();
  // Real codes carry Đ ("SGDĐT"): accepted, only the missing name is left.
  await dialog.getByLabel('Mã đơn vị').fill('SGDĐT');
  await dialog.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await expect(dialog.getByText('Nhập tên đầy đủ của đơn vị.')).toBeVisible();
  await expect(dialog.getByText('Mã đơn vị chỉ gồm chữ cái')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Huỷ' }).click();

  await addUnit(page, 'STC', 'Sở Tài chính', 'Lê Văn Hải', 'Giám đốc');
  await addUnit(page, 'SYT', 'Sở Y tế', 'Nguyễn Thị Lan', 'Giám đốc');
  await addUnit(page, 'SCT', 'Sở Công Thương', 'Đỗ Minh Quân', 'Phó Giám đốc');
  // A duplicate code is refused with its reason.
  await page.getByRole('button', { name: 'Thêm đơn vị' }).first().click();
  await dialog.getByLabel('Mã đơn vị').fill('syt');
  await dialog.getByLabel('Tên đầy đủ').fill('Sở khác');
  await dialog.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await expect(dialog.getByText('Mã đơn vị "syt" đã được dùng cho "Sở Y tế"')).toBeVisible();
  await dialog.getByRole('button', { name: 'Huỷ' }).click();

  await expect(unitNames(page)).toHaveText(['Sở Tài chính', 'Sở Y tế', 'Sở Công Thương']);
  // Reorder: Sở Công Thương up one place.
  await page.getByRole('button', { name: 'Chuyển Sở Công Thương lên' }).click();
  await expect(unitNames(page)).toHaveText(['Sở Tài chính', 'Sở Công Thương', 'Sở Y tế']);
  // Vietnamese sorting by name, and search without diacritics.
  await page.getByRole('button', { name: 'Tên đơn vị' }).click();
  await expect(unitNames(page)).toHaveText(['Sở Công Thương', 'Sở Tài chính', 'Sở Y tế']);
  await page.getByLabel('Tìm đơn vị').fill('so y te');
  await expect(unitNames(page)).toHaveText(['Sở Y tế']);
  await page.getByLabel('Tìm đơn vị').fill('');
  await page.screenshot({ path: screenshotPath('02-units'), fullPage: true });

  await page.getByRole('navigation').getByRole('button', { name: 'Năm thi đua' }).click();
  await page.getByRole('button', { name: 'Tạo năm thi đua' }).click();
  const yearDialog = page.getByRole('dialog', { name: 'Tạo năm thi đua' });
  await yearDialog.getByLabel('Năm thi đua').fill('2025');
  await expect(yearDialog.getByText('Thành viên là 3 đơn vị đang hoạt động')).toBeVisible();
  await yearDialog.getByRole('button', { name: 'Tạo năm' }).click();
  await expect(page.getByRole('heading', { name: 'Năm 2025', exact: true })).toBeVisible();
  await page.getByLabel('Khối trưởng').selectOption({ label: 'Sở Y tế' });
  await expect(page.getByText('Đã lưu Khối trưởng, Khối phó năm 2025.').first()).toBeVisible();
  await page.getByLabel('Khối phó').selectOption({ label: 'Sở Tài chính' });
  const history = page.getByRole('table', { name: 'Các năm thi đua' });
  await expect(history.locator('tbody tr').first()).toContainText('Sở Y tế');
  await expect(history.locator('tbody tr').first()).toContainText('Sở Tài chính');
  await page.screenshot({ path: screenshotPath('03-year'), fullPage: true });

  // The rules profile: defaults marked, edits saved.
  await page.getByRole('tab', { name: 'Quy chế bình xét' }).click();
  await expect(page.getByText('Mặc định — đối chiếu quy chế của tỉnh/khối').first()).toBeVisible();
  await page.getByLabel('Tỷ lệ của ngưỡng', { exact: true }).fill('66,67%');
  await page.getByLabel('Cách so sánh của ngưỡng', { exact: true }).selectOption('gte');
  await expect(page.getByText('Đạt khi từ 66,67% số phiếu hợp lệ trở lên.', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Lưu quy chế' }).click();
  await expect(page.getByText('Đã lưu quy chế năm 2025.').first()).toBeVisible();
  await page.screenshot({ path: screenshotPath('04-rules'), fullPage: true });

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Năm 2025', exact: true })).toBeVisible();
  await expect(history.locator('tbody tr').first()).toContainText('Sở Y tế');
  await page.getByRole('tab', { name: 'Quy chế bình xét' }).click();
  await expect(page.getByLabel('Tỷ lệ của ngưỡng', { exact: true })).toHaveValue('66,67%');
  await page.getByRole('navigation').getByRole('button', { name: 'Đơn vị' }).click();
  await expect(unitNames(page)).toHaveText(['Sở Tài chính', 'Sở Công Thương', 'Sở Y tế']);
  await expect(page.getByRole('banner')).toContainText('Khối thi đua Kinh tế - Tổng hợp');
});

test('load the sample, export it and import it into a fresh profile', async ({ page, browser }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Dùng dữ liệu mẫu' }).click();
  await expect(page.getByRole('heading', { name: 'Khối thi đua', exact: true })).toBeVisible();
  await page.getByRole('navigation').getByRole('button', { name: 'Đơn vị' }).click();
  await expect(unitNames(page)).toHaveCount(8);
  const names = await unitNames(page).allTextContents();

  await page.getByRole('navigation').getByRole('button', { name: 'Sao lưu & bàn giao' }).click();
  await page.getByRole('button', { name: 'Xuất gói bàn giao…' }).click();
  const result = page.getByTestId('export-result');
  await expect(result).toContainText('.blocdesk');
  const path = /Đã lưu (.+\.blocdesk) \(/.exec((await result.textContent()) ?? '')![1]!;
  expect(existsSync(path)).toBe(true);
  await page.screenshot({ path: screenshotPath('05-handover'), fullPage: true });

  // Loading the sample again asks before touching the existing copy.
  await page.getByRole('button', { name: 'Nạp dữ liệu mẫu' }).click();
  await expect(page.getByRole('dialog', { name: 'Dữ liệu mẫu đã có trên máy' })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Huỷ' }).click();

  // Another PC: a fresh browser profile (once the first profile's automatic backup is written).
  await expect(page.getByTestId('backup-status')).toHaveText(/^Sao lưu lần cuối: /, { timeout: 30_000 });
  const context = await browser.newContext();
  const other = await withBridge(await context.newPage());
  // This profile shares the first one's main process, so its backups folder too: when the first
  // profile's automatic backup is already there, the empty app offers it. This PC starts anew.
  await other.addLocatorHandler(other.getByRole('dialog', { name: 'Khôi phục dữ liệu từ bản sao lưu?' }), (offer) =>
    offer.getByRole('button', { name: 'Không, bắt đầu từ đầu' }).click(),
  );
  await other.goto('/');
  await expect(other.getByRole('heading', { name: 'Chào mừng đến với BlocDesk' })).toBeVisible();
  // Wrong files are refused with a Vietnamese message, nothing is imported.
  await dropFile(other, 'ghi-chu.txt', new TextEncoder().encode('không phải gói'));
  await expect(other.getByRole('alert')).toContainText('Tệp "ghi-chu.txt" không phải gói bàn giao');
  const bytes = readFileSync(path);
  await dropFile(other, 'hong.blocdesk', bytes.subarray(0, Math.floor(bytes.length / 2)));
  await expect(other.getByRole('alert')).not.toContainText('ghi-chu.txt');
  await expect(other.getByRole('alert')).toContainText('hong.blocdesk');
  await other.screenshot({ path: screenshotPath('06a-damaged-package'), fullPage: true });
  await expect(other.getByRole('heading', { name: 'Chào mừng đến với BlocDesk' })).toBeVisible();
  // The package dropped whole opens its preview.
  await dropFile(other, 'ban-giao.blocdesk', bytes);
  await expect(other.getByRole('dialog', { name: 'Nhập gói bàn giao' })).toBeVisible();
  await other.getByRole('dialog').getByRole('button', { name: 'Huỷ' }).click();
  await queueOpenDialog([path]);
  await other.getByRole('button', { name: 'Mở gói bàn giao…' }).click();
  const preview = other.getByRole('dialog', { name: 'Nhập gói bàn giao' });
  await expect(preview.getByTestId('package-preview')).toContainText('Khối Văn hóa - Xã hội');
  await expect(preview.getByTestId('package-preview')).toContainText('2023, 2024');
  await expect(preview.getByRole('row', { name: /Đơn vị/ }).first()).toContainText('8');
  await other.screenshot({ path: screenshotPath('06-import-preview'), fullPage: true });
  await preview.getByRole('button', { name: 'Nhập khối này' }).click();
  // The import ends by showing the bloc: wait for it, or that would undo the click below.
  await expect(other.getByText('Đã nhập khối').first()).toBeVisible();
  await other.getByRole('navigation').getByRole('button', { name: 'Đơn vị' }).click();
  await expect(unitNames(other)).toHaveText(names);
  await other.getByRole('navigation').getByRole('button', { name: 'Năm thi đua' }).click();
  const history = other.getByRole('table', { name: 'Các năm thi đua' });
  await expect(history.locator('tbody tr')).toHaveCount(2);
  await expect(history.locator('tbody tr').nth(1)).toContainText('Sở Y tế');
  await expect(history.locator('tbody tr').nth(1)).toContainText('Sở Giáo dục và Đào tạo');
  await expect(history.locator('tbody tr').nth(0)).toContainText('Đài Phát thanh và Truyền hình tỉnh');
  await other.screenshot({ path: screenshotPath('07-imported-years'), fullPage: true });

  // Importing it again offers to replace or to add a separate bloc; never a silent merge.
  await other.getByRole('navigation').getByRole('button', { name: 'Sao lưu & bàn giao' }).click();
  await queueOpenDialog([path]);
  await other.getByRole('button', { name: 'Mở gói bàn giao…' }).click();
  await expect(preview.getByRole('button', { name: 'Thay thế bản hiện có' })).toBeVisible();
  await preview.getByRole('button', { name: 'Thêm thành khối riêng' }).click();
  await expect(other.getByLabel('Chọn khối thi đua')).toBeVisible();
  const blocOptions = other.getByLabel('Chọn khối thi đua').locator('option');
  await expect(blocOptions).toHaveCount(2);
  // The two blocs can be told apart: the added one carries its import date.
  await expect(blocOptions.filter({ hasText: /\(nhập ngày \d{2}\/\d{2}\/\d{4}\)$/ })).toHaveCount(1);

  // "Thay thế" keeps a copy of what it replaces, and says where.
  await other.getByRole('navigation').getByRole('button', { name: 'Sao lưu & bàn giao' }).click();
  await queueOpenDialog([path]);
  await other.getByRole('button', { name: 'Mở gói bàn giao…' }).click();
  await expect(preview.getByTestId('existing-bloc')).toContainText('cập nhật lần cuối');
  await preview.getByRole('button', { name: 'Thay thế bản hiện có' }).click();
  const done = other.getByRole('dialog', { name: 'Đã thay thế khối' });
  await expect(done.getByTestId('backup-path')).toContainText('.blocdesk');
  await other.screenshot({ path: screenshotPath('08-replace-backup') });
  const backupPath = ((await done.getByTestId('backup-path').textContent()) ?? '').trim();
  expect(existsSync(backupPath)).toBe(true);
  await done.getByText('Đóng', { exact: true }).click();
  await context.close();
});
