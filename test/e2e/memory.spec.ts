/**
 * The bloc's memory end to end: the automatic backups (the status line, the backups screen, a
 * restore that first backs up what it replaces, a removed backups folder, the offer of the newest
 * backup when the storage is empty) and the "Lịch sử khối" screen (leaders per year, the rank chart).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { readPackageFile } from '../../electron/services/handover/package-file';
import { blocHistory } from '../../shared/domain/history';
import { E2E_OUT_DIR, expect, queueOpenDialog, screenshotPath, test, useBackupFolder, withBridge } from './support/fixtures';

const SAMPLE_NAME = 'Khối các Sở, ban, ngành tham mưu và quản lý Nhà nước về văn hóa - xã hội';
const LAST_BACKUP = /^Sao lưu lần cuối: \d{2}:\d{2} hôm nay$/;

async function nav(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
}

/** Loads the sample and waits for its first automatic backup (taken once the writes settle). */
async function sampleWithBackup(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Dùng dữ liệu mẫu' }).click();
  await expect(page.getByTestId('backup-status')).toHaveText(LAST_BACKUP, { timeout: 30_000 });
}

const backupRows = (page: Page) => page.getByRole('table', { name: 'Các bản sao lưu' }).locator('tbody tr');

test('the status line and the backups screen show the backup taken after loading the sample', async ({ page, backupFolder }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await sampleWithBackup(page);
  await nav(page, 'Bản sao lưu');
  await expect(page.getByRole('heading', { name: 'Bản sao lưu', level: 1 })).toBeVisible();
  const folder = page.getByTestId('backup-folder');
  await expect(folder).toContainText(backupFolder);
  await expect(folder).toContainText('Đã chọn trong Cài đặt');
  await expect(folder).toContainText('Ghi được');
  await expect(backupRows(page)).toHaveCount(1);
  const row = backupRows(page).first();
  await expect(row).toContainText(SAMPLE_NAME);
  await expect(row).toContainText('2023, 2024');
  await expect(row).toContainText('8 đơn vị · 2 năm · 0 điểm chấm');
  await expect(row).toContainText('Định kỳ');
  await expect(row).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await expect(row).toContainText(/\d+(,\d)? KB/);
  await page.screenshot({ path: screenshotPath('memory-backups-1366x768') });

  // Preview through the handover preview; save a copy elsewhere.
  await row.getByRole('button', { name: /^Xem trước/ }).click();
  const preview = page.getByRole('dialog', { name: 'Xem trước bản sao lưu' });
  await expect(preview.getByTestId('package-preview')).toContainText('2023, 2024');
  await preview.getByText('Đóng', { exact: true }).click();
  await row.getByRole('button', { name: /^Lưu bản sao/ }).click();
  const saved = page.getByText(/^Đã lưu bản sao: /);
  await expect(saved).toBeVisible();
  const copy = ((await saved.textContent()) ?? '').replace('Đã lưu bản sao: ', '').trim();
  expect(copy.startsWith(E2E_OUT_DIR)).toBe(true);
  expect(existsSync(copy)).toBe(true);
});

test('restore: the current state is backed up first, then the backup replaces it', async ({ page }) => {
  await sampleWithBackup(page);
  // Change the bloc after its backup.
  await nav(page, 'Khối thi đua');
  await page.getByLabel('Tên khối thi đua').fill('Khối VHXH (đổi tên sau khi sao lưu)');
  await page.getByRole('button', { name: 'Lưu thông tin khối' }).click();
  await expect(page.getByRole('banner')).toContainText('Khối VHXH (đổi tên sau khi sao lưu)');

  await nav(page, 'Bản sao lưu');
  await expect(backupRows(page)).toHaveCount(1);
  await backupRows(page).first().getByRole('button', { name: /^Khôi phục/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Khôi phục bản sao lưu' });
  await expect(dialog.getByTestId('existing-bloc')).toContainText('Khối VHXH (đổi tên sau khi sao lưu)');
  await dialog.getByRole('button', { name: 'Khôi phục (thay thế bản hiện có)' }).click();
  const done = page.getByRole('dialog', { name: 'Đã khôi phục bản sao lưu' });
  await expect(done.getByTestId('backup-path')).toContainText('truoc-khoi-phuc');
  const savedFirst = ((await done.getByTestId('backup-path').textContent()) ?? '').trim();
  expect(existsSync(savedFirst)).toBe(true);
  await done.getByText('Đóng', { exact: true }).click();
  await expect(page.getByRole('banner')).toContainText(SAMPLE_NAME);

  // The copy made before the restore is listed, and holds the renamed bloc.
  await nav(page, 'Bản sao lưu');
  const before = backupRows(page).filter({ hasText: 'Trước khi khôi phục' });
  await expect(before).toHaveCount(1);
  await expect(before).toContainText('Khối VHXH (đổi tên sau khi sao lưu)');
});

test('a removed backups folder: a warning, and the app keeps working', async ({ page, backupFolder }) => {
  const usb = join(E2E_OUT_DIR, 'usb-sao-luu');
  await useBackupFolder(usb);
  try {
    await sampleWithBackup(page);
    expect(readdirSync(usb).filter((f) => f.endsWith('.blocdesk'))).toHaveLength(1);

    // The USB stick is pulled out.
    rmSync(usb, { recursive: true, force: true });
    await page.reload();
    const banner = page.getByTestId('backup-banner');
    await expect(banner).toContainText('Sao lưu tự động đang tạm dừng');
    await expect(banner).toContainText(`Không tìm thấy thư mục sao lưu "${usb}"`);
    await expect(banner).toContainText('Ứng dụng vẫn làm việc bình thường');
    await expect(page.getByTestId('backup-status')).toContainText('⚠');

    // Work goes on and is saved.
    await nav(page, 'Khối thi đua');
    await page.getByLabel('Tên viết tắt').fill('Khối VHXH mới');
    await page.getByRole('button', { name: 'Lưu thông tin khối' }).click();
    await expect(page.getByText('Đã lưu thông tin khối.')).toBeVisible();
    await nav(page, 'Bản sao lưu');
    await expect(page.getByTestId('backup-folder')).toContainText('Không tìm thấy thư mục sao lưu');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: screenshotPath('memory-folder-removed-1366x768') });
    await page.reload();
    await nav(page, 'Khối thi đua');
    await expect(page.getByLabel('Tên viết tắt')).toHaveValue('Khối VHXH mới');
    // The start-up backup after the reload failed as well, and the app said so.
    await expect(page.getByText('Chưa sao lưu tự động được; xem cảnh báo ở đầu màn hình.')).toBeVisible();
    await expect(page.getByTestId('backup-banner')).toContainText('Sao lưu tự động đang tạm dừng');

    // Plugged in again: "Thử lại" clears the warning and backs up.
    mkdirSync(usb, { recursive: true });
    await page.getByTestId('backup-banner').getByRole('button', { name: 'Thử lại' }).click();
    await expect(page.getByTestId('backup-banner')).toBeHidden();
    await expect(page.getByTestId('backup-status')).toHaveText(LAST_BACKUP);
    await expect.poll(() => readdirSync(usb).filter((f) => f.endsWith('.blocdesk')).length).toBeGreaterThan(0);
  } finally {
    await useBackupFolder(backupFolder);
  }
});

test('empty storage with a backup in the folder: the newest backup is offered at once', async ({ page, browser }) => {
  await sampleWithBackup(page);
  // A re-installed PC: a fresh profile, the same backups folder.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const other = await withBridge(await context.newPage());
  await other.goto('/');
  const offer = other.getByRole('dialog', { name: 'Khôi phục dữ liệu từ bản sao lưu?' });
  await expect(offer.getByTestId('backup-offer')).toContainText('Máy này chưa có dữ liệu của BlocDesk');
  await expect(offer.getByTestId('backup-offer')).toContainText(/Khôi phục bản sao lưu lúc \d{2}:\d{2} hôm nay của Khối các Sở/);
  await expect(offer.getByTestId('package-preview')).toContainText('2023, 2024');
  await other.screenshot({ path: screenshotPath('memory-offer-1366x768') });
  await offer.getByRole('button', { name: 'Khôi phục khối này' }).click();
  await expect(other.getByText(`Đã khôi phục khối ${SAMPLE_NAME}.`)).toBeVisible();
  await expect(other.getByRole('banner')).toContainText(SAMPLE_NAME);
  await other.getByRole('navigation').getByRole('button', { name: 'Đơn vị', exact: true }).click();
  await expect(other.getByRole('table', { name: 'Danh sách đơn vị' }).locator('tbody tr')).toHaveCount(8);
  await context.close();

  // Declining leaves the app empty, as asked.
  const third = await browser.newContext();
  const declined = await withBridge(await third.newPage());
  await declined.goto('/');
  await declined.getByRole('dialog', { name: 'Khôi phục dữ liệu từ bản sao lưu?' }).getByRole('button', { name: 'Không, bắt đầu từ đầu' }).click();
  await expect(declined.getByRole('heading', { name: 'Chào mừng đến với BlocDesk' })).toBeVisible();
  await third.close();
});

test('Lịch sử khối: leaders per year, the units across years and the rank chart', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  // A bloc of 5 years, every year scored, verified and voted on, made by the CLI; the last vote elected 2025's leaders.
  const file = join(E2E_OUT_DIR, 'lich-su-5-nam.blocdesk');
  execFileSync(process.execPath, ['scripts/cli.mjs', 'demo', '--out', file, '--years', '5', '--units', '8', '--criteria', '20', '--full']);
  const history = blocHistory((await readPackageFile(file)).data);
  await page.goto('/');
  await queueOpenDialog([file]);
  await page.getByRole('button', { name: 'Mở gói bàn giao…' }).click();
  await page.getByRole('dialog', { name: 'Nhập gói bàn giao' }).getByRole('button', { name: 'Nhập khối này' }).click();
  await expect(page.getByText('Đã nhập khối').first()).toBeVisible();

  await nav(page, 'Lịch sử khối');
  const years = page.getByRole('table', { name: 'Lịch sử theo năm' });
  await expect(years.locator('tbody tr')).toHaveCount(6);
  // 2025: the leaders elected, nothing scored or voted yet.
  const newest = history.years.at(-1)!;
  const first = years.locator('tbody tr').first();
  await expect(first).toContainText(String(newest.year));
  await expect(first).toContainText(newest.leader!.name);
  await expect(first).toContainText(newest.deputy!.name);
  await expect(first).toContainText('Chưa có kết quả bình xét');
  // 2024: its top units and the awards its conference proposed.
  const voted = history.years.at(-2)!;
  const second = years.locator('tbody tr').nth(1);
  await expect(second).toContainText(`1. ${voted.top[0]!.name}`);
  const flag = voted.awards.find((a) => a.award === 'Cờ thi đua của Chính phủ')!;
  await expect(second).toContainText(`Cờ thi đua của Chính phủ: ${history.units.find((u) => u.unitId === flag.unitId)!.name}`);
  await page.screenshot({ path: screenshotPath('memory-history-years-1366x768') });

  await page.getByRole('tab', { name: 'Thứ hạng qua các năm' }).click();
  const chart = page.getByRole('img', { name: /Biểu đồ thứ hạng của 8 đơn vị/ });
  await expect(chart.locator('canvas')).toBeVisible();
  // Hovering a line names its unit (at the first year: 2025 is not ranked yet); the list highlights one too.
  const box = (await chart.locator('.u-over').boundingBox())!;
  await page.mouse.move(box.x + 2, box.y + box.height / 2);
  await page.mouse.move(box.x + 4, box.y + box.height / 2 + 1);
  await expect(page.getByTestId('rank-focus')).toContainText(new RegExp(`\\(DV\\d{2}\\): ${history.years[0]!.year}: \\d+`));
  const unit = history.units[2]!;
  await page.getByLabel('Làm nổi bật đơn vị').selectOption({ label: `${unit.name} (${unit.code})` });
  await expect(page.getByTestId('rank-focus')).toHaveText(`${unit.name} (${unit.code}): ${unit.years.map((y) => `${y.year}: ${y.rank ?? '—'}`).join(' · ')}`);
  await page.screenshot({ path: screenshotPath('memory-history-ranks-1366x768') });
  await page.getByRole('button', { name: 'Bảng số liệu' }).click();
  const table = page.getByRole('table', { name: 'Thứ hạng của các đơn vị qua các năm' });
  await expect(table.locator('tbody tr')).toHaveCount(8);
  await expect(table.locator('tbody tr').filter({ hasText: unit.code })).toContainText(unit.years.map((y) => String(y.rank ?? '—')).join(''));

  await page.getByRole('tab', { name: 'Theo đơn vị' }).click();
  const dv01 = history.units[0]!;
  await expect(page.getByRole('table', { name: 'Lịch sử theo đơn vị' }).locator('tbody tr')).toHaveCount(8);
  const detail = page.getByRole('table', { name: `Kết quả của ${dv01.name} qua các năm` });
  await expect(detail.locator('tbody tr').last()).toContainText('Khối trưởng');
  await expect(detail.locator('tbody tr').last()).toContainText(`${dv01.years[0]!.rank}/8`);
  await page.screenshot({ path: screenshotPath('memory-history-units-1366x768') });

  await page.getByRole('tab', { name: 'Khen thưởng theo năm' }).click();
  await expect(page.getByRole('img', { name: /Biểu đồ khen thưởng theo năm/ }).locator('canvas')).toBeVisible();
  await page.screenshot({ path: screenshotPath('memory-history-awards-1366x768') });

  await page.getByRole('button', { name: 'Xuất Excel' }).click();
  const saved = page.getByText(/^Đã lưu: .*Lich-su-.*\.xlsx$/);
  await expect(saved).toBeVisible();
  expect(existsSync(((await saved.textContent()) ?? '').replace('Đã lưu: ', '').trim())).toBe(true);
});
