/**
 * Hội nghị tổng kết on the sample bloc (year 2024, 8 members, quorum 2/3, "trên 1/2 số phiếu hợp
 * lệ"): attendance below the quorum blocks the tally; the committee warns outside 3–5 members; a
 * tally with one consistency error is fixed and accepted; a tie at the cut line goes to a second
 * round; a verdict is overridden with a reason; next year's Khối trưởng and Khối phó are elected
 * and year 2025 shows them. Screens at 1366×768.
 */
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { E2E_OUT_DIR, expect, screenshotPath, test } from './support/fixtures';

const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-']).toString('utf8');
const pdfPages = (path: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path]).toString('utf8'))![1]);

/** Saves a paper of the conference as PDF through its toolbar; returns the file. */
async function savePdf(page: Page, group: string, file: string): Promise<string> {
  const out = join(E2E_OUT_DIR, file);
  rmSync(out, { force: true });
  await page.getByRole('group', { name: `In ${group}` }).getByRole('button', { name: 'Lưu PDF' }).click();
  await expect(page.getByText(`Đã lưu PDF: ${out}`)).toBeVisible();
  return out;
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Dùng dữ liệu mẫu' }).click();
  await expect(page.getByRole('heading', { name: 'Khối thi đua', exact: true })).toBeVisible();
});

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name, exact: true }).click();

async function enterRound(page: Page, counts: [number, number, number, number], votes: Record<string, number>) {
  const labels = ['Số phiếu phát ra', 'Số phiếu thu vào', 'Số phiếu hợp lệ', 'Số phiếu không hợp lệ'];
  for (let i = 0; i < 4; i++) await page.getByLabel(labels[i]!, { exact: true }).fill(String(counts[i]));
  for (const [unit, n] of Object.entries(votes)) await page.getByLabel(`Số phiếu của ${unit}`, { exact: true }).fill(String(n));
}

test('the conference: attendance, committee, tally with a fix, a second round, an override, next year leadership', async ({ page }) => {
  await nav(page, 'Hội nghị tổng kết');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'Hội nghị tổng kết năm 2024' })).toBeVisible();

  // Before the conference.
  await page.getByLabel('Địa điểm', { exact: true }).fill('Hội trường Sở Y tế');
  await page.getByLabel('Chủ trì', { exact: true }).fill('Nguyễn Văn An');
  await page.getByLabel('Thư ký', { exact: true }).fill('Trần Thị Bình');

  // Attendance: 5 of 8 is below 2/3 (6 needed): the tally is blocked and says so.
  for (const u of ['Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Sở Lao động - Thương binh và Xã hội', 'Sở Văn hóa, Thể thao và Du lịch', 'Bảo hiểm xã hội tỉnh']) {
    await page.getByLabel(`${u} có mặt`).check();
  }
  await expect(page.getByTestId('quorum')).toContainText('không đủ số lượng theo quy chế');
  await page.getByRole('button', { name: 'Lưu thông tin hội nghị' }).click();
  await expect(page.getByTestId('tally-blocked')).toContainText('Có mặt 5/8 đơn vị thành viên, không đủ số lượng');
  await page.getByLabel('Đài Phát thanh và Truyền hình tỉnh có mặt').check();
  await page.getByLabel('Ban Quản lý An toàn thực phẩm tỉnh có mặt').check();
  await expect(page.getByTestId('quorum')).toContainText('Có mặt 7/8 đơn vị thành viên, đủ số lượng');

  // The committee: two members warn, three with a head do not.
  await page.getByRole('button', { name: 'Thêm thành viên' }).click();
  await page.getByLabel('Họ tên thành viên 1').fill('Lê Văn Cường');
  await page.getByLabel('Đơn vị của thành viên 1').selectOption({ label: 'Sở Y tế' });
  await page.getByRole('button', { name: 'Thêm thành viên' }).click();
  await page.getByLabel('Họ tên thành viên 2').fill('Phạm Thị Dung');
  await expect(page.getByTestId('committee-warnings')).toContainText('hiện có 2');
  await page.getByRole('button', { name: 'Thêm thành viên' }).click();
  await page.getByLabel('Họ tên thành viên 3').fill('Hoàng Văn Em');
  await expect(page.getByTestId('committee-warnings')).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('conference-01-attendance'), fullPage: false });
  await page.getByRole('button', { name: 'Lưu thông tin hội nghị' }).click();
  await expect(page.getByText('Đã lưu thông tin hội nghị tổng kết năm 2024.').last()).toBeVisible();

  // The ballots: one per unit present (7) plus 2 spares, one A4 each.
  await expect(page.getByTestId('ballot-copies')).toHaveText('9 phiếu (7 đơn vị có mặt + 2 dự phòng)');
  const ballots = await savePdf(page, 'phiếu bầu', 'Phieu-bau-2024.pdf');
  const ballotText = pdfText(ballots);
  // Nine identical ballots, each from a new page (five sections of eight units run onto a second page).
  expect(ballotText.match(/PHIẾU BẦU/g)).toHaveLength(9);
  expect(pdfPages(ballots)).toBeGreaterThanOrEqual(9);
  expect(ballotText).toContain('Trung tâm Hành chính công tỉnh');
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', ballots, resolve('test-results/screens/conference-ballot')]);

  // Cờ thi đua của Chính phủ, round 1: 7 + 1 ≠ 7 is refused, then fixed.
  await expect(page.getByRole('heading', { name: 'Nhập kết quả kiểm phiếu vòng 1: Cờ thi đua của Chính phủ' })).toBeVisible();
  await enterRound(page, [7, 7, 7, 1], { 'Sở Y tế': 5, 'Sở Giáo dục và Đào tạo': 1 });
  await expect(page.getByTestId('tally-errors')).toBeVisible();
  const accept1 = page.getByRole('button', { name: 'Chấp nhận kết quả vòng 1' });
  await expect(accept1).toBeDisabled();
  await page.getByTestId('tally-errors').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('conference-02-error') });
  await page.getByLabel('Số phiếu hợp lệ', { exact: true }).fill('6');
  await page.getByLabel('Lý do không hợp lệ').fill('Chọn quá số lượng');
  await expect(page.getByTestId('tally-errors')).toHaveCount(0);
  await expect(page.getByTestId('live-explanation')).toContainText('Sở Y tế');
  await expect(page.locator('.verdict-table')).toContainText('83,33%');
  await page.screenshot({ path: screenshotPath('conference-03-live') });
  if (await page.getByTestId('tally-warnings').count()) await page.getByLabel('Đã kiểm tra, vẫn chấp nhận').check();
  await accept1.click();
  await expect(page.getByText('Đã chấp nhận kết quả kiểm phiếu vòng 1: Cờ thi đua của Chính phủ.')).toBeVisible();
  await expect(page.getByTestId('section-explanation')).toContainText('Sở Y tế');

  // Cờ thi đua của UBND tỉnh: a tie at the cut line, then a second round between the tied units.
  await page.getByRole('tab', { name: 'Cờ thi đua của UBND tỉnh' }).click();
  await enterRound(page, [7, 7, 7, 0], { 'Sở Giáo dục và Đào tạo': 5, 'Sở Lao động - Thương binh và Xã hội': 4, 'Sở Văn hóa, Thể thao và Du lịch': 4 });
  if (await page.getByTestId('tally-warnings').count()) await page.getByLabel('Đã kiểm tra, vẫn chấp nhận').check();
  await page.getByRole('button', { name: 'Chấp nhận kết quả vòng 1' }).click();
  await expect(page.getByTestId('next-round')).toContainText('bỏ phiếu vòng 2 giữa Sở Lao động - Thương binh và Xã hội, Sở Văn hóa, Thể thao và Du lịch cho 1 suất');
  await page.screenshot({ path: screenshotPath('conference-04-tie') });
  // The second round's ballots, pre-filled with the tied units.
  await page.getByLabel('Lần bỏ phiếu').selectOption('2');
  const ballots2 = await savePdf(page, 'phiếu bầu', 'Phieu-bau-2024-lan-2.pdf');
  const ballot2Text = pdfText(ballots2);
  expect(ballot2Text).toContain('Sở Văn hóa, Thể thao và Du lịch');
  expect(ballot2Text).not.toContain('Trung tâm Hành chính công tỉnh');
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', ballots2, resolve('test-results/screens/conference-ballot-2')]);
  await enterRound(page, [7, 7, 7, 0], { 'Sở Lao động - Thương binh và Xã hội': 5, 'Sở Văn hóa, Thể thao và Du lịch': 2 });
  if (await page.getByTestId('tally-warnings').count()) await page.getByLabel('Đã kiểm tra, vẫn chấp nhận').check();
  await page.getByRole('button', { name: 'Chấp nhận kết quả vòng 2' }).click();
  await expect(page.getByText('Mục này đã có kết quả; không cần bỏ phiếu thêm.')).toBeVisible();

  // An override needs a reason; the computed verdict stays beside it.
  await page.getByRole('button', { name: 'Sửa kết quả của Sở Văn hóa, Thể thao và Du lịch' }).click();
  const write = page.getByRole('button', { name: 'Ghi: trúng' });
  await expect(write).toBeDisabled();
  await page.getByLabel('Lý do sửa kết quả').fill('Hội nghị thống nhất đề nghị thêm theo chỉ đạo của tỉnh');
  await write.click();
  await expect(page.getByTestId('override-note')).toContainText('Trúng (sửa tay: Hội nghị thống nhất đề nghị thêm theo chỉ đạo của tỉnh; kết quả tính: Không đạt');
  await page.getByTestId('section-result').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('conference-05-override') });

  // Bằng khen: three seats among the units not yet proposed.
  await page.getByRole('tab', { name: 'Bằng khen của Chủ tịch UBND tỉnh' }).click();
  await enterRound(page, [7, 7, 7, 0], { 'Bảo hiểm xã hội tỉnh': 6, 'Đài Phát thanh và Truyền hình tỉnh': 5, 'Ban Quản lý An toàn thực phẩm tỉnh': 4, 'Trung tâm Hành chính công tỉnh': 1 });
  if (await page.getByTestId('tally-warnings').count()) await page.getByLabel('Đã kiểm tra, vẫn chấp nhận').check();
  await page.getByRole('button', { name: 'Chấp nhận kết quả vòng 1' }).click();
  await expect(page.getByText('Mục này đã có kết quả; không cần bỏ phiếu thêm.')).toBeVisible();

  // Next year's leader and deputy by vote.
  await page.getByRole('tab', { name: 'Khối trưởng năm 2025' }).click();
  await enterRound(page, [7, 7, 7, 0], { 'Bảo hiểm xã hội tỉnh': 6 });
  if (await page.getByTestId('tally-warnings').count()) await page.getByLabel('Đã kiểm tra, vẫn chấp nhận').check();
  await page.getByRole('button', { name: 'Chấp nhận kết quả vòng 1' }).click();
  await page.getByRole('tab', { name: 'Khối phó năm 2025' }).click();
  await enterRound(page, [7, 7, 7, 0], { 'Đài Phát thanh và Truyền hình tỉnh': 5 });
  if (await page.getByTestId('tally-warnings').count()) await page.getByLabel('Đã kiểm tra, vẫn chấp nhận').check();
  await page.getByRole('button', { name: 'Chấp nhận kết quả vòng 1' }).click();
  await expect(page.getByTestId('leadership-result')).toContainText('Khối trưởng: Bảo hiểm xã hội tỉnh; Khối phó: Đài Phát thanh và Truyền hình tỉnh');
  await page.getByRole('button', { name: 'Ghi Khối trưởng, Khối phó năm 2025' }).click();
  await expect(page.getByTestId('leadership-stored')).toContainText('Đã ghi cho năm 2025: Khối trưởng Bảo hiểm xã hội tỉnh, Khối phó Đài Phát thanh và Truyền hình tỉnh');
  await page.getByTestId('leadership-panel').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('conference-06-leadership') });

  // The vote-count minutes from the stored conference and rounds.
  const minutes = await savePdf(page, 'biên bản kiểm phiếu', 'Bien-ban-kiem-phieu-2024.pdf');
  const minutesText = pdfText(minutes).replace(/\s+/g, ' ');
  expect(minutesText).toContain('BIÊN BẢN KIỂM PHIẾU');
  expect(minutesText).toContain('Lê Văn Cường');
  expect(minutesText).toContain('Hội trường Sở Y tế');
  expect(minutesText).toContain('83,33');
  expect(minutesText).toContain('Chọn quá số lượng');
  expect(minutesText).toContain('Hội nghị thống nhất đề nghị thêm theo chỉ đạo của tỉnh');
  execFileSync('pdftoppm', ['-r', '60', '-png', minutes, resolve('test-results/screens/conference-minutes')]);

  // Year 2025 exists with them; 2024 keeps its own leader.
  await nav(page, 'Năm thi đua');
  const row2025 = main.getByRole('row').filter({ hasText: '2025' }).first();
  await expect(row2025).toContainText('Bảo hiểm xã hội tỉnh');
  await expect(row2025).toContainText('Đài Phát thanh và Truyền hình tỉnh');
  const row2024 = main.getByRole('row').filter({ has: page.getByRole('cell', { name: '2024', exact: true }) });
  await expect(row2024).toContainText('Đài Phát thanh và Truyền hình tỉnhChưa chọn');
  await page.screenshot({ path: screenshotPath('conference-07-years') });
});

const GOV = 'Cờ thi đua của Chính phủ';
const cell = (page: Page, ballot: number, section = GOV) => page.getByLabel(`Phiếu ${ballot}, ${section}`, { exact: true });

/** Types the first section's marks of new ballots from the keyboard (Enter goes on to a new ballot), each cell focused before typing. */
async function typeBallots(page: Page, marks: string[]) {
  const start = (await page.getByTestId('ballot-entry').locator('tbody tr').count()) + 1;
  await page.getByRole('button', { name: 'Thêm phiếu' }).click();
  for (let i = 0; i < marks.length; i++) {
    await expect(cell(page, start + i)).toBeFocused();
    if (marks[i]) await page.keyboard.type(marks[i]!);
    await expect(cell(page, start + i)).toHaveValue(marks[i]!);
    if (i < marks.length - 1) await page.keyboard.press('Enter');
  }
}

test('ballot by ballot: one over-marked ballot, kept on reload; a second entry with a difference listed, then fixed and accepted', async ({ page }) => {
  await nav(page, 'Hội nghị tổng kết');
  await page.getByRole('button', { name: 'Tất cả có mặt' }).click();
  await page.getByRole('button', { name: 'Lưu thông tin hội nghị' }).click();
  await expect(page.getByText('Đã lưu thông tin hội nghị tổng kết năm 2024.').last()).toBeVisible();
  await expect(page.getByRole('heading', { name: `Nhập kết quả kiểm phiếu vòng 1: ${GOV}` })).toBeVisible();

  // Eight ballots; the seventh ticks two units where one is allowed: invalid in that section only.
  await page.getByRole('radio', { name: 'Nhập từng phiếu' }).click();
  await page.getByLabel('Số phiếu phát ra', { exact: true }).fill('8');
  await page.getByLabel('Người nhập lần 1').fill('Lê Văn Cường');
  await typeBallots(page, ['1', '1', '1', '1', '1', '1', '1 2', '2']);
  // Enter after the last ballot opens a new one (a blank ballot is valid); Enter on it adds no other; it is removed.
  await page.keyboard.press('Enter');
  await expect(cell(page, 9)).toBeFocused();
  await expect(page.getByTestId('ballot-status-9')).toHaveText('Hợp lệ (phiếu trắng, không đánh dấu)');
  await page.keyboard.press('Enter');
  await expect(cell(page, 9)).toBeFocused();
  await expect(cell(page, 10)).toHaveCount(0);
  await page.getByRole('button', { name: 'Xoá phiếu 9' }).click();
  await expect(cell(page, 9)).toHaveCount(0);
  await cell(page, 3, 'Cờ thi đua của UBND tỉnh').fill('2 3');
  await expect(page.getByTestId('ballot-status-7')).toHaveText(`Không hợp lệ ở ${GOV}: chọn quá số lượng ở mục này`);
  await expect(page.getByTestId('ballot-status-3')).toHaveText('Hợp lệ');
  const counts = page.getByTestId('derived-counts');
  await expect(counts).toContainText('Thu vào 8');
  await expect(counts).toContainText('Hợp lệ 7');
  await expect(counts).toContainText('Không hợp lệ 1 (1 phiếu chọn quá số lượng ở mục này)');
  await expect(page.locator('.verdict-table')).toContainText('85,71%');
  await expect(page.getByTestId('live-explanation')).toContainText('Sở Y tế');
  await cell(page, 7).focus();
  await expect(page.getByTestId('ballot-words')).toContainText(`Phiếu 7: ${GOV}: Sở Y tế, Sở Giáo dục và Đào tạo`);
  await expect(page.getByTestId('ballots-saved')).toHaveText('Đã lưu 8 phiếu lần nhập 1.');
  await page.getByTestId('ballot-entry').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('conference-08-ballots') });

  // Nothing is lost on reload: the screen opens on the ballots entered.
  await page.reload();
  await nav(page, 'Hội nghị tổng kết');
  await expect(cell(page, 7)).toHaveValue('1 2');
  await expect(cell(page, 3, 'Cờ thi đua của UBND tỉnh')).toHaveValue('2 3');
  await expect(page.getByLabel('Người nhập lần 1')).toHaveValue('Lê Văn Cường');

  // A second person enters the same ballots; ballot 8 differs: listed, and the tally cannot be accepted.
  await page.getByRole('tab', { name: /^Lần nhập 2/ }).click();
  await page.getByLabel('Người nhập lần 2').fill('Phạm Thị Dung');
  await typeBallots(page, ['1', '1', '1', '1', '1', '1', '1 2', '3']);
  await cell(page, 3, 'Cờ thi đua của UBND tỉnh').fill('2 3');
  const differences = page.getByTestId('entry-differences');
  await expect(differences).toContainText('Hai lần nhập khác nhau (2)');
  await expect(differences).toContainText(`Phiếu thứ 8, mục "${GOV}", Sở Giáo dục và Đào tạo: lần nhập 1 có đánh dấu, lần nhập 2 để trống.`);
  await expect(page.getByTestId('tally-errors')).toContainText('Hai lần nhập còn 2 chỗ khác nhau.');
  const accept = page.getByRole('button', { name: 'Chấp nhận kết quả vòng 1' });
  await expect(accept).toBeDisabled();
  await differences.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('conference-09-differences') });

  // The second entry is corrected against the paper: the entries agree and the tally is accepted.
  await cell(page, 8).fill('2');
  await expect(page.getByTestId('entry-agree')).toHaveText('Hai lần nhập khớp nhau (8 phiếu; Lê Văn Cường và Phạm Thị Dung).');
  await expect(page.getByTestId('tally-errors')).toHaveCount(0);
  if (await page.getByTestId('tally-warnings').count()) await page.getByLabel('Đã kiểm tra, vẫn chấp nhận').check();
  await accept.click();
  await expect(page.getByText(`Đã chấp nhận kết quả kiểm phiếu vòng 1: ${GOV}.`)).toBeVisible();
  await expect(page.getByTestId('section-explanation')).toContainText('Sở Y tế (6/7 phiếu hợp lệ = 85,71%)');

  // The next section opens on the same paper, its marks already entered.
  await page.getByRole('tab', { name: 'Cờ thi đua của UBND tỉnh' }).click();
  await expect(cell(page, 3, 'Cờ thi đua của UBND tỉnh')).toHaveValue('2 3');
  await expect(page.getByTestId('derived-counts')).toContainText('Hợp lệ 8');
  // No unit passes there: accepted, the next round is a new paper with only the units offered, nothing entered yet.
  if (await page.getByTestId('tally-warnings').count()) await page.getByLabel('Đã kiểm tra, vẫn chấp nhận').check();
  await page.getByRole('button', { name: 'Chấp nhận kết quả vòng 1' }).click();
  await expect(page.getByRole('heading', { name: 'Nhập kết quả kiểm phiếu vòng 2: Cờ thi đua của UBND tỉnh' })).toBeVisible();
  await page.getByRole('radio', { name: 'Nhập từng phiếu' }).click();
  const entry = page.getByTestId('ballot-entry');
  await expect(entry.locator('tbody tr')).toHaveCount(0);
  await expect(entry.locator('thead th')).toContainText(['Phiếu', 'Cờ thi đua của UBND tỉnh (≤ 2)']);
  await expect(entry.locator('.ballot-legend')).toHaveText(/^1 Sở Giáo dục và Đào tạo2 Sở Lao động - Thương binh và Xã hội/);
});

test("the chair decides a tie at the cut line, shown in the verdict and the minutes", async ({ page }) => {
  await nav(page, 'Năm thi đua');
  await page.getByRole('tab', { name: 'Quy chế bình xét' }).click();
  await page.getByLabel('Khi bằng phiếu Cờ thi đua của UBND tỉnh').selectOption('chairDecides');
  // Next year's leadership is appointed this time: the vote has only the awards.
  await page.getByRole('radio', { name: /Chỉ định theo quyết định/ }).check();
  await page.getByRole('button', { name: 'Lưu quy chế' }).click();
  await expect(page.getByText('Đã lưu quy chế năm 2024.').first()).toBeVisible();

  await nav(page, 'Hội nghị tổng kết');
  await page.getByRole('button', { name: 'Tất cả có mặt' }).click();
  await page.getByRole('button', { name: 'Lưu thông tin hội nghị' }).click();
  await expect(page.getByText('Đã lưu thông tin hội nghị tổng kết năm 2024.').last()).toBeVisible();
  const acceptRound1 = async () => {
    if (await page.getByTestId('tally-warnings').count()) await page.getByLabel('Đã kiểm tra, vẫn chấp nhận').check();
    await page.getByRole('button', { name: 'Chấp nhận kết quả vòng 1' }).click();
    await expect(page.getByTestId('section-result')).toBeVisible();
  };
  await enterRound(page, [8, 8, 8, 0], { 'Sở Y tế': 6 });
  await acceptRound1();

  // Two seats: one unit passes clearly, two tie for the last seat; the rules give it to the chair.
  await page.getByRole('tab', { name: 'Cờ thi đua của UBND tỉnh' }).click();
  await enterRound(page, [8, 8, 8, 0], { 'Sở Giáo dục và Đào tạo': 6, 'Sở Lao động - Thương binh và Xã hội': 5, 'Sở Văn hóa, Thể thao và Du lịch': 5 });
  await acceptRound1();
  const chair = page.getByTestId('chair-decision');
  await expect(chair).toContainText('Sở Lao động - Thương binh và Xã hội, Sở Văn hóa, Thể thao và Du lịch bằng phiếu ở vị trí cuối (vòng 1)');
  await expect(page.getByTestId('next-round')).toHaveCount(0);
  const decide = page.getByRole('button', { name: 'Ghi quyết định của chủ trì' });
  await page.getByLabel('Chủ trì chọn Sở Văn hóa, Thể thao và Du lịch').check();
  await expect(decide).toBeDisabled();
  const reason = 'Đơn vị có nhiều mô hình mới được nhân rộng trong năm';
  await page.getByLabel('Lý do quyết định của chủ trì').fill(reason);
  await chair.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('conference-10-chair') });
  await decide.click();
  await expect(page.getByText('Đã ghi quyết định của chủ trì hội nghị: Cờ thi đua của UBND tỉnh.')).toBeVisible();
  await expect(chair).toHaveCount(0);
  await expect(page.getByTestId('section-explanation')).toContainText('Sở Văn hóa, Thể thao và Du lịch');
  const row = page.getByTestId('section-result').getByRole('row').filter({ hasText: 'Sở Văn hóa, Thể thao và Du lịch' });
  await expect(row).toContainText('Trúng (chủ trì quyết định)');
  await expect(page.getByTestId('chair-decision-note')).toHaveText(
    `Quyết định của chủ trì hội nghị: chọn Sở Văn hóa, Thể thao và Du lịch trong các đơn vị bằng phiếu (Sở Lao động - Thương binh và Xã hội, Sở Văn hóa, Thể thao và Du lịch). Lý do: ${reason}`,
  );
  await expect(row).toHaveAttribute('title', new RegExp(reason));
  await page.getByTestId('section-result').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('conference-11-chair-decided') });

  await page.getByRole('tab', { name: 'Bằng khen của Chủ tịch UBND tỉnh' }).click();
  await enterRound(page, [8, 8, 8, 0], { 'Bảo hiểm xã hội tỉnh': 6, 'Đài Phát thanh và Truyền hình tỉnh': 5, 'Ban Quản lý An toàn thực phẩm tỉnh': 5 });
  await acceptRound1();

  const minutes = await savePdf(page, 'biên bản kiểm phiếu', 'Bien-ban-kiem-phieu-2024.pdf');
  const minutesText = pdfText(minutes).replace(/\s+/g, ' ');
  expect(minutesText).toContain(reason);
  execFileSync('pdftoppm', ['-r', '60', '-png', minutes, resolve('test-results/screens/conference-minutes-chair')]);
});

test('a rule changed after a round was accepted: the winners before and after are shown, recomputed and recorded', async ({ page }) => {
  await nav(page, 'Hội nghị tổng kết');
  await page.getByRole('button', { name: 'Tất cả có mặt' }).click();
  await page.getByRole('button', { name: 'Lưu thông tin hội nghị' }).click();
  await expect(page.getByText('Đã lưu thông tin hội nghị tổng kết năm 2024.').last()).toBeVisible();
  // 5 of 8 valid ballots: above 1/2, below 2/3.
  await enterRound(page, [8, 8, 8, 0], { 'Sở Y tế': 5 });
  if (await page.getByTestId('tally-warnings').count()) await page.getByLabel('Đã kiểm tra, vẫn chấp nhận').check();
  await page.getByRole('button', { name: 'Chấp nhận kết quả vòng 1' }).click();
  await expect(page.getByTestId('section-explanation')).toContainText('Sở Y tế (5/8 phiếu hợp lệ = 62,50%)');

  await nav(page, 'Năm thi đua');
  await page.getByRole('tab', { name: 'Quy chế bình xét' }).click();
  await page.getByLabel('Cách so sánh của ngưỡng', { exact: true }).selectOption('gte');
  await page.getByLabel('Tỷ lệ của ngưỡng', { exact: true }).fill('2/3');
  await page.getByRole('button', { name: 'Lưu quy chế' }).click();
  await expect(page.getByText('Đã lưu quy chế năm 2024.').first()).toBeVisible();

  await nav(page, 'Hội nghị tổng kết');
  const changed = page.getByTestId('rules-changed');
  await expect(changed).toContainText('ngưỡng trên 1/2 số phiếu hợp lệ → từ 2/3 số phiếu hợp lệ trở lên');
  await expect(changed.getByTestId('winner-changes')).toContainText(`${GOV}: trước Sở Y tế; theo quy chế mới không có.`);
  await changed.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('conference-13-rules-changed') });
  await changed.getByRole('button', { name: 'Tính lại và ghi nhận thay đổi' }).click();
  await expect(page.getByTestId('rules-changed')).toHaveCount(0);
  await expect(page.getByTestId('recompute-note')).toContainText('Kết quả trước: Sở Y tế; sau: không có.');
  await expect(page.getByTestId('section-explanation')).toContainText('Không có đơn vị nào được đề nghị');
  await page.getByTestId('section-result').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('conference-14-recomputed') });
});
