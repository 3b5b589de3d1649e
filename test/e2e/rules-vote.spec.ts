/**
 * The vote part of the rules profile on a 1366×768 screen: shares typed as "2/3" or "50%" with the
 * rule read back in words, per-award settings, no quorum, leadership by appointment, bands; the
 * defaults marked "đối chiếu quy chế"; saved and read back after a reload.
 */
import type { Page } from '@playwright/test';
import { expect, screenshotPath, test } from './support/fixtures';

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Dùng dữ liệu mẫu' }).click();
  await expect(page.getByRole('heading', { name: 'Khối thi đua', exact: true })).toBeVisible();
});

async function openRules(page: Page) {
  await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: 'Năm thi đua', exact: true }).click();
  await page.getByRole('tab', { name: 'Quy chế bình xét' }).click();
}

test('the vote rules: exact shares with their meaning in words, saved and read back', async ({ page }) => {
  await openRules(page);
  const main = page.getByRole('main');
  await expect(main.getByText('Mặc định — đối chiếu quy chế của tỉnh/khối').first()).toBeVisible();
  await expect(main.getByText('Đạt khi trên 1/2 số phiếu hợp lệ.').first()).toBeVisible();
  await expect(main.getByText('Có mặt từ 2/3 trở lên tổng số đơn vị thành viên: với 8 đơn vị thành viên, cần ít nhất 6 đơn vị.')).toBeVisible();
  await expect(main.getByText('Đề nghị không quá 01 đơn vị; phiếu bầu ghi «chọn không quá 01 đơn vị». Đạt khi trên 1/2 số phiếu hợp lệ.')).toBeVisible();
  await page.screenshot({ path: screenshotPath('rules-vote-01-defaults') });

  // The general threshold: "từ 2/3 trở lên".
  await page.getByLabel('Cách so sánh của ngưỡng', { exact: true }).selectOption('gte');
  const share = page.getByLabel('Tỷ lệ của ngưỡng', { exact: true });
  await share.fill('3/2');
  await expect(share).toHaveAttribute('aria-invalid', 'true');
  await expect(main.getByText('Tỷ lệ chưa hợp lệ: nhập dạng 1/2, 2/3 hoặc 70%.').first()).toBeVisible();
  await share.fill('2/3');
  await expect(main.getByText('Đạt khi từ 2/3 số phiếu hợp lệ trở lên.').first()).toBeVisible();

  // Bằng khen: "không quá 50% số đơn vị còn lại", approve / disapprove, its own threshold.
  const cert = 'Bằng khen của Chủ tịch UBND tỉnh';
  await page.getByLabel(`Cách tính chỉ tiêu ${cert}`).selectOption('share');
  await page.getByLabel(`Tỷ lệ số đơn vị còn lại ${cert}`).fill('50%');
  await page.getByLabel(`Cách đánh dấu ${cert}`).selectOption('approve');
  const card = main.locator('.award-card').filter({ has: page.getByLabel(`Tên hình thức khen thưởng 3`) });
  await card.getByRole('checkbox', { name: 'Ngưỡng riêng cho hình thức này' }).check();
  await page.getByLabel(`Tỷ lệ ngưỡng riêng ${cert}`).fill('70%');
  await page.getByLabel(`Tính trên (ngưỡng riêng ${cert})`).selectOption('present');
  // 8 units, 1 + 2 seats before: half of the 5 left.
  await expect(card.getByText('Đề nghị không quá 50% số đơn vị còn lại (02 đơn vị); phiếu bầu ghi «chọn không quá 02 đơn vị». Đạt khi từ 70% số đơn vị có mặt trở lên.')).toBeVisible();

  // No quorum in this bloc's rules; leadership appointed; two classification bands.
  await page.getByLabel('Tỷ lệ đơn vị có mặt tối thiểu').fill('');
  await expect(main.getByText('Quy chế không quy định (để trống).')).toBeVisible();
  await page.getByRole('radio', { name: /Chỉ định theo quyết định/ }).check();
  await page.getByRole('button', { name: 'Thêm mức xếp loại' }).click();
  await page.getByRole('button', { name: 'Thêm mức xếp loại' }).click();
  await page.getByLabel('Tên mức xếp loại 2').fill('Tốt');
  await page.getByLabel('Điểm tối thiểu của mức Tốt').fill('85');
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('rules-vote-02-awards') });
  await main.getByRole('heading', { name: /^Bình xét, bỏ phiếu/ }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: screenshotPath('rules-vote-03-vote') });
  await main.getByRole('heading', { name: /^Xếp loại theo tổng điểm/ }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: screenshotPath('rules-vote-04-bands-leadership') });
  await page.getByRole('button', { name: 'Lưu quy chế' }).click();
  await expect(page.getByText('Đã lưu quy chế năm 2024.').first()).toBeVisible();

  await page.reload();
  await page.getByRole('tab', { name: 'Quy chế bình xét' }).click();
  await expect(page.getByLabel('Tỷ lệ của ngưỡng', { exact: true })).toHaveValue('2/3');
  await expect(page.getByLabel('Cách so sánh của ngưỡng', { exact: true })).toHaveValue('gte');
  await expect(page.getByLabel(`Tỷ lệ số đơn vị còn lại ${cert}`)).toHaveValue('50%');
  await expect(page.getByLabel(`Tỷ lệ ngưỡng riêng ${cert}`)).toHaveValue('70%');
  await expect(page.getByLabel(`Cách đánh dấu ${cert}`)).toHaveValue('approve');
  await expect(page.getByLabel('Tỷ lệ đơn vị có mặt tối thiểu')).toHaveValue('');
  await expect(page.getByRole('radio', { name: /Chỉ định theo quyết định/ })).toBeChecked();
  await expect(page.getByLabel('Tên mức xếp loại 1')).toHaveValue('Xuất sắc');
  await expect(page.getByLabel('Điểm tối thiểu của mức Tốt')).toHaveValue('85');
});

test('a share that is not valid blocks the save and is focused', async ({ page }) => {
  await openRules(page);
  const gov = 'Cờ thi đua của Chính phủ';
  await page.getByLabel(`Cách tính chỉ tiêu ${gov}`).selectOption('share');
  const share = page.getByLabel(`Tỷ lệ số đơn vị còn lại ${gov}`);
  await share.fill('một nửa');
  await page.getByRole('button', { name: 'Lưu quy chế' }).click();
  await expect(share).toBeFocused();
  await expect(page.getByText(`«${gov}»: tỷ lệ số đơn vị còn lại chưa hợp lệ, nhập tỷ lệ dạng 1/2, 2/3 hoặc 70% (không quá 1).`).first()).toBeVisible();
  await page.screenshot({ path: screenshotPath('rules-vote-05-error') });
  await expect(page.getByText('Đã lưu quy chế năm 2024.')).toHaveCount(0);
});
