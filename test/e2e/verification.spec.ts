/**
 * Thẩm định and Xếp hạng end to end on the sample bloc (2024): two units' files imported, three
 * scores changed in the grid with reasons ("7,5" typed), one unit accepted whole, an explanation
 * recorded and the self score restored, the unit and the year locked (a locked score refuses a
 * change), the ranking shown and its PDF printed and read back, and the overview's progress.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshotPath, test } from './support/fixtures';
import { PYTHON } from './support/fill-template';
import { activateGridCell, importSelfAssessments, nav } from './support/year-end-steps';

/** Clicks a cell of the grid, types a value and presses Enter. */
async function typeVerified(page: Page, unitName: string, code: string, text: string) {
  const input = await activateGridCell(page, unitName, code);
  await input.fill(text);
  await input.press('Enter');
}

async function giveReason(page: Page, reason: string, button: string) {
  const dialog = page.getByRole('dialog');
  const field = dialog.getByLabel('Lý do', { exact: false }).first();
  await expect(field).toBeFocused();
  await field.fill(reason);
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('verification round trip: change with reasons, explanation, restore, lock, rank, print', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Dùng dữ liệu mẫu' }).click();
  await expect(page.getByRole('heading', { name: 'Khối thi đua', exact: true })).toBeVisible();

  // Two units' files, imported the way the secretariat does.
  const rest = { '2.2': 4, '2.3': 4, '2.4': 4, '2.5': 3, '3.1': 5, '3.2': 5, '3.3': 5, '4.1': 5, '4.2': 5, '4.3': 5, '5.1': 4, '5.2': 3, '5.3': 3, '7.2': 0 };
  await importSelfAssessments(page, 'tham-dinh', {
    SYT: { ...rest, '1.1': 18, '1.2': 8.5, '1.3': 5, '1.4': 5, '2.1': 5, '6.1': 2, '6.2': 1, '7.1': 0 },
    SGDDT: { ...rest, '1.1': 19, '1.2': 9, '1.3': 4, '1.4': 5, '2.1': 4, '6.1': 1, '6.2': 0, '7.1': 1 },
  });

  // ---------------------------------------------------------------- Thẩm định: the grid
  await nav(page, 'Thẩm định');
  await expect(page.getByRole('heading', { name: 'Thẩm định kết quả tự chấm năm 2024' })).toBeVisible();
  await typeVerified(page, 'Sở Y tế', '1.1', '16');
  await giveReason(page, 'Chỉ tiêu 3 chưa đạt theo báo cáo của UBND tỉnh', 'Lưu điểm');
  await typeVerified(page, 'Sở Y tế', '1.2', '7,5');
  await giveReason(page, 'Thiếu minh chứng', 'Lưu điểm');
  await typeVerified(page, 'Sở Giáo dục và Đào tạo', '1.1', '18');
  await giveReason(page, 'Một nhiệm vụ hoàn thành chậm', 'Lưu điểm');
  // A value above the criterion's maximum is refused by the importer's rule, at the cell.
  await typeVerified(page, 'Sở Giáo dục và Đào tạo', '1.3', '9');
  await expect(page.getByRole('alert').filter({ hasText: /vượt quá điểm tối đa 5/ })).toBeVisible();
  await page.keyboard.press('Escape');
  // Accept the rest of SGDDT as self-assessed.
  await page.getByRole('button', { name: 'Chấp nhận cả đơn vị' }).click();
  await expect(page.getByText(/Đã chấp nhận \d+ điểm tự chấm\./)).toBeVisible();
  await page.screenshot({ path: screenshotPath('verification-01-grid') });

  // ---------------------------------------------------------------- a unit's view: explanation, restore
  await page.getByRole('tab', { name: 'Theo đơn vị' }).click();
  await page.getByLabel('Đơn vị', { exact: true }).selectOption({ label: 'SYT – Sở Y tế' });
  const row11 = page.locator('tr[data-code="1.1"]');
  await expect(row11).toContainText('16');
  await row11.getByRole('button', { name: 'Ghi giải trình…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Nội dung giải trình')).toBeFocused();
  await dialog.getByLabel('Nội dung giải trình').fill('Chỉ tiêu 3 đã đạt theo số liệu chính thức gửi kèm');
  await dialog.getByLabel('Ngày văn bản (ngày/tháng/năm)').fill('10/12/2024');
  await dialog.getByLabel('Số văn bản').fill('125/SYT-VP');
  await dialog.getByRole('button', { name: 'Lưu giải trình' }).click();
  await expect(row11).toContainText('Văn bản 125/SYT-VP, ngày 10/12/2024');
  await row11.getByRole('button', { name: 'Trả lại điểm tự chấm' }).click();
  await giveReason(page, 'Số liệu chính thức xác nhận chỉ tiêu đã đạt', 'Trả lại điểm tự chấm');
  await expect(row11).toContainText('Đã trả lại điểm tự chấm');
  await expect(row11.locator('td').nth(3)).toHaveText('18');
  await expect(row11).toContainText('16 → 18 (Số liệu chính thức xác nhận chỉ tiêu đã đạt)');

  // Lock the unit: its scores refuse a change.
  await page.getByRole('button', { name: 'Khóa đơn vị' }).click();
  await expect(page.getByTestId('unit-stage')).toHaveText('Đã khóa');
  await expect(page.getByText('Điểm của Sở Y tế năm 2024 đã khóa, không sửa được.', { exact: false })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Lịch sử thẩm định của Sở Y tế' })).toContainText('Trả lại điểm tự chấm');
  await page.screenshot({ path: screenshotPath('verification-02-unit'), fullPage: true });
  await page.getByRole('tab', { name: 'Bảng thẩm định' }).click();
  const lockedCell = await activateGridCell(page, 'Sở Y tế', '1.3');
  await expect(lockedCell).toHaveAttribute('readonly', '');
  await page.keyboard.type('4');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('grid').getByRole('row').filter({ hasText: 'Sở Y tế' }).getByRole('gridcell').nth(2)).toHaveText('5');
  await page.getByRole('button', { name: 'Chấp nhận cả đơn vị' }).first().isDisabled();

  // The audit history and the matrix, to Excel.
  await page.getByRole('button', { name: 'Xuất lịch sử (Excel)' }).click();
  const auditSaved = page.getByText(/Đã lưu: .*Lich-su-tham-dinh-2024\.xlsx/);
  await expect(auditSaved).toBeVisible();
  const auditPath = (await auditSaved.textContent())!.replace(/^.*Đã lưu: /, '').trim();
  const auditText = execFileSync(PYTHON, ['-c', 'import sys\nfrom openpyxl import load_workbook\nws = load_workbook(sys.argv[1]).active\nprint("\\n".join(" | ".join("" if c is None else str(c) for c in r) for r in ws.iter_rows(values_only=True)))', auditPath]).toString('utf8');
  expect(auditText).toContain('Thiếu minh chứng');
  expect(auditText).toContain('Số liệu chính thức xác nhận chỉ tiêu đã đạt');
  expect(auditText).toMatch(/Khóa \| +\| Đang thẩm định \| Đã khóa/);

  // Lock the year.
  await page.getByRole('button', { name: 'Khóa kết quả năm' }).click();
  await expect(page.getByText('Đã khóa kết quả chấm điểm năm 2024.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mở khóa năm' })).toBeVisible();

  // ---------------------------------------------------------------- Xếp hạng
  await nav(page, 'Xếp hạng');
  await expect(page.getByRole('heading', { name: 'Xếp hạng thi đua năm 2024' })).toBeVisible();
  const ranking = page.getByRole('table', { name: 'Xếp hạng năm 2024' });
  // SYT: 36,5 - 1 (1.2 changed) + 20 + 15 + 15 + 10 + bonus 3 = 98,5; SGDDT: 37 - 1 (1.1 changed) + 19 + 40 + bonus 1 - 1 = 95.
  await expect(ranking.locator('tr[data-unit="SYT"]')).toContainText('98,5');
  await expect(ranking.locator('tr[data-unit="SGDDT"]')).toContainText('95');
  await expect(ranking.locator('tbody tr').first()).toHaveAttribute('data-unit', 'SYT');
  await expect(ranking.locator('tr[data-unit="SVHTTDL"]')).toContainText('chưa nộp');
  await page.screenshot({ path: screenshotPath('verification-03-ranking') });

  const toolbar = page.getByRole('group', { name: 'In bảng tổng hợp kết quả chấm điểm' });
  await toolbar.getByRole('button', { name: 'Lưu PDF' }).click();
  const saved = page.getByText(/Đã lưu PDF: .*\.pdf/);
  await expect(saved).toBeVisible();
  const pdf = (await saved.textContent())!.replace(/^.*Đã lưu PDF: /, '').trim();
  expect(existsSync(pdf)).toBe(true);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8').replace(/\s+/g, ' ');
  for (const s of ['Sở Y tế', 'Sở Giáo dục và Đào tạo', '98,5', 'KHỐI TRƯỞNG']) expect(text).toContain(s);
  execFileSync('pdftoppm', ['-r', '60', '-png', pdf, resolve('test-results/screens/verification-ranking-page')]);

  // Sở Y tế's verification notice: the criterion still changed, old → new, with the reason.
  await page.getByLabel('Đơn vị nhận thông báo').selectOption({ label: 'SYT – Sở Y tế' });
  await page.getByRole('group', { name: 'In thông báo kết quả thẩm định' }).getByRole('button', { name: 'Lưu PDF' }).click();
  const noticeSaved = page.getByText(/Đã lưu PDF: .*\.pdf/).filter({ hasNotText: 'Bang-tong-hop' });
  await expect(noticeSaved).toBeVisible();
  const noticePdf = (await noticeSaved.textContent())!.replace(/^.*Đã lưu PDF: /, '').trim();
  const noticeText = execFileSync('pdftotext', [noticePdf, '-']).toString('utf8').replace(/\s+/g, ' ');
  for (const s of ['Sở Y tế', '8,5', '7,5', 'Thiếu minh chứng']) expect(noticeText).toContain(s);
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', noticePdf, resolve('test-results/screens/verification-notice-page')]);

  // ---------------------------------------------------------------- the overview's progress
  await nav(page, 'Tự chấm điểm');
  await page.getByRole('tab', { name: /Tình hình nộp/ }).click();
  await expect(page.getByTestId('verification-progress')).toContainText('1 đã khóa');
  await expect(page.getByTestId('awaiting-explanations')).toContainText('Sở Y tế, tiêu chí 1.2: 8,5 → 7,5 (chưa có giải trình)');
  await expect(page.getByTestId('awaiting-explanations')).toContainText('Sở Giáo dục và Đào tạo, tiêu chí 1.1: 19 → 18');
  await page.getByTestId('verification-progress').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('verification-04-overview') });
});
