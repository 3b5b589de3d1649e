/**
 * The forms as a new user meets them on a 1366×768 screen (issue 7, "Screens"): leaving a form
 * with unsaved edits asks (Lưu / Bỏ thay đổi / Ở lại) for the bloc form, the rules profile, the
 * pledge and a scoring-table draft, and so does closing the window; a refused save brings its
 * first error into view; number fields never show NaN; one unit cannot be Khối trưởng and Khối
 * phó; dates are dd/mm/yyyy; a second unit with the same name is warned about; dialogs open on
 * their first field; notices never cover the footer buttons.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, screenshotPath, test } from './support/fixtures';

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Dùng dữ liệu mẫu' }).click();
  await expect(page.getByRole('heading', { name: 'Khối thi đua', exact: true })).toBeVisible();
});

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name, exact: true }).click();
const leaveDialog = (page: Page) => page.getByRole('dialog', { name: 'Có thay đổi chưa lưu' });

/** Clicks another section with unsaved edits on screen and answers the question. */
async function leaveAnswering(page: Page, answer: 'Lưu' | 'Bỏ thay đổi' | 'Ở lại', to = 'Đơn vị', shot?: string) {
  await nav(page, to);
  const dialog = leaveDialog(page);
  await expect(dialog).toBeVisible();
  // The safe choice has the cursor, not "×".
  await expect(dialog.getByRole('button', { name: 'Lưu', exact: true })).toBeFocused();
  if (shot) await page.screenshot({ path: screenshotPath(shot) });
  await dialog.getByRole('button', { name: answer, exact: true }).click();
  await expect(dialog).toBeHidden();
}

async function openRules(page: Page) {
  await nav(page, 'Năm thi đua');
  await page.getByRole('tab', { name: 'Quy chế bình xét' }).click();
}

/** Stay keeps the edit, discard drops it, save stores it: the same three answers on every form. */
async function checkLeaving(page: Page, o: { open: () => Promise<void>; field: () => Locator; original: string; edited: string; heading: RegExp; shot: string }) {
  await o.open();
  await expect(o.field()).toHaveValue(o.original);
  await o.field().fill(o.edited);
  await leaveAnswering(page, 'Ở lại', 'Đơn vị', o.shot);
  await expect(page.getByRole('heading', { name: o.heading })).toBeVisible();
  await expect(o.field()).toHaveValue(o.edited);

  await leaveAnswering(page, 'Bỏ thay đổi');
  await expect(page.getByRole('heading', { name: 'Đơn vị thành viên' })).toBeVisible();
  await o.open();
  await expect(o.field()).toHaveValue(o.original);

  await o.field().fill(o.edited);
  await leaveAnswering(page, 'Lưu');
  await expect(page.getByRole('heading', { name: 'Đơn vị thành viên' })).toBeVisible();
  await page.reload();
  await o.open();
  await expect(o.field()).toHaveValue(o.edited);
  // Nothing unsaved now: leaving asks nothing.
  await nav(page, 'Đơn vị');
  await expect(page.getByRole('heading', { name: 'Đơn vị thành viên' })).toBeVisible();
  await expect(leaveDialog(page)).toHaveCount(0);
}

test('leaving the bloc form with unsaved edits asks: stay, discard, save', async ({ page }) => {
  await checkLeaving(page, {
    open: () => nav(page, 'Khối thi đua'),
    field: () => page.getByLabel('Tên viết tắt'),
    original: 'Khối Văn hóa - Xã hội',
    edited: 'Khối VH-XH tỉnh',
    heading: /^Khối thi đua$/,
    shot: 'forms-01-leave-bloc',
  });
});

test('leaving the rules profile with unsaved edits asks: stay, discard, save; so does its other tab', async ({ page }) => {
  const quorum = () => page.getByLabel('Tỷ lệ đơn vị có mặt tối thiểu');
  await checkLeaving(page, { open: () => openRules(page), field: quorum, original: '2/3', edited: '3/4', heading: /^Năm 2024$/, shot: 'forms-02-leave-rules' });
  await openRules(page);
  await quorum().fill('70%');
  await page.getByRole('tab', { name: 'Thành viên, Khối trưởng, Khối phó' }).click();
  await leaveDialog(page).getByRole('button', { name: 'Ở lại' }).click();
  await expect(quorum()).toHaveValue('70%');
  // Another year from the top bar replaces the editor too.
  await page.getByLabel('Chọn năm thi đua').selectOption('2023');
  await leaveDialog(page).getByRole('button', { name: 'Ở lại' }).click();
  await expect(page.getByLabel('Chọn năm thi đua')).toHaveValue('2024');
  await expect(quorum()).toHaveValue('70%');
});

test('leaving the pledge with unsaved edits asks: stay, discard, save', async ({ page }) => {
  await checkLeaving(page, {
    open: async () => {
      await nav(page, 'Giao ước thi đua');
      await expect(page.getByRole('heading', { name: 'Giao ước thi đua năm 2024' })).toBeVisible();
    },
    field: () => page.getByLabel('Tiêu đề'),
    original: 'BẢN GIAO ƯỚC THI ĐUA NĂM 2024',
    edited: 'BẢN GIAO ƯỚC THI ĐUA NĂM 2024 (SỬA ĐỔI)',
    heading: /^Giao ước thi đua năm 2024$/,
    shot: 'forms-03-leave-pledge',
  });
});

test('leaving a scoring-table draft with unsaved edits asks: stay, discard, save', async ({ page }) => {
  await nav(page, 'Bảng chấm điểm');
  await page.getByRole('button', { name: 'Tạo phiên bản mới' }).click();
  const reason = page.getByRole('dialog', { name: 'Tạo phiên bản mới của bảng chấm điểm' });
  // The dialog opens with the cursor in its field, not on "×".
  await expect(reason.getByRole('textbox')).toBeFocused();
  await reason.getByRole('textbox').fill('Sửa tên bảng theo hướng dẫn của tỉnh');
  await reason.getByRole('button', { name: 'Tạo phiên bản mới' }).click();
  await expect(page.getByTestId('scoring-status')).toContainText('Phiên bản 2 · bản nháp');
  const title = () => page.getByLabel('Tên bảng chấm điểm');
  const original = await title().inputValue();
  await checkLeaving(page, {
    open: () => nav(page, 'Bảng chấm điểm'),
    field: title,
    original,
    edited: `${original} (bản sửa)`,
    heading: /^Bảng chấm điểm năm 2024$/,
    shot: 'forms-04-leave-scoring',
  });
});

test('closing the window with unsaved edits asks too (Electron guard and the browser)', async ({ page }) => {
  // What the preload does in Electron: keep the page's guard, which main's close request calls.
  await page.addInitScript(() => {
    const bridge = (window as unknown as { blocdesk: Record<string, unknown> }).blocdesk;
    bridge.setCloseGuard = (g: unknown) => ((window as unknown as { closeGuard: unknown }).closeGuard = g);
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Khối thi đua', exact: true })).toBeVisible();
  const askToClose = () => page.evaluate(() => (window as unknown as { closeGuard: () => Promise<boolean> }).closeGuard());

  expect(await askToClose()).toBe(true);
  await page.getByLabel('Tên viết tắt').fill('Khối VH-XH');
  let answer = askToClose();
  await leaveDialog(page).getByRole('button', { name: 'Ở lại' }).click();
  expect(await answer).toBe(false);
  await expect(page.getByLabel('Tên viết tắt')).toHaveValue('Khối VH-XH');
  answer = askToClose();
  await leaveDialog(page).getByRole('button', { name: 'Lưu', exact: true }).click();
  expect(await answer).toBe(true);
  await expect(page.getByText('Đã lưu thông tin khối.').first()).toBeVisible();
});

test('a browser tab with unsaved edits asks before it closes', async ({ page }) => {
  const asked: string[] = [];
  page.on('dialog', (d) => {
    asked.push(d.type());
    void d.dismiss();
  });
  await page.getByLabel('Tên viết tắt').fill('Khối VH-XH');
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toEqual(['beforeunload']);
});

test('saving the rules profile with an error brings the error into view and focuses it', async ({ page }) => {
  await openRules(page);
  const main = page.getByRole('main');
  // An empty căn cứ line at the very bottom, the user back at the top.
  const lastBasis = page.getByRole('textbox', { name: 'Căn cứ thứ 3' });
  await lastBasis.fill('');
  await main.evaluate((el) => el.scrollTo(0, 0));
  await page.getByRole('button', { name: 'Lưu quy chế' }).click();
  await expect(lastBasis).toBeFocused();
  await expect(lastBasis).toBeInViewport();
  await expect(lastBasis).toHaveAttribute('aria-invalid', 'true');
  await lastBasis.fill('Căn cứ Quy chế tổ chức và hoạt động của Khối thi đua;');

  // A quota far above while the user is at the bottom.
  const quota = page.getByLabel('Số đơn vị được đề nghị Cờ thi đua của Chính phủ');
  await quota.fill('99');
  await main.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(quota).not.toBeInViewport();
  await page.getByRole('button', { name: 'Lưu quy chế' }).click();
  await expect(quota).toBeFocused();
  await expect(quota).toBeInViewport();
  await expect(page.getByText('«Cờ thi đua của Chính phủ»: số đơn vị được đề nghị phải là số nguyên từ 0 đến 50.').first()).toBeInViewport();
  await page.screenshot({ path: screenshotPath('forms-05-rules-error-focused') });
  await expect(page.getByText('Đã lưu quy chế năm 2024.')).toHaveCount(0);
});

test('every form focuses its first error: the unit dialog', async ({ page }) => {
  await nav(page, 'Đơn vị');
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' });
  await expect(dialog.getByLabel('Mã đơn vị')).toBeFocused();
  await dialog.getByLabel('Mã đơn vị').fill('SXD');
  await dialog.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await expect(dialog.getByLabel('Tên đầy đủ')).toBeFocused();
  await expect(dialog.getByText('Nhập tên đầy đủ của đơn vị.')).toBeVisible();
  // × with unsaved edits asks, "Ở lại" keeps the dialog and its values.
  await dialog.getByRole('button', { name: 'Đóng' }).click();
  await leaveDialog(page).getByRole('button', { name: 'Ở lại' }).click();
  await expect(dialog.getByLabel('Mã đơn vị')).toHaveValue('SXD');
  await dialog.getByRole('button', { name: 'Đóng' }).click();
  await leaveDialog(page).getByRole('button', { name: 'Bỏ thay đổi' }).click();
  await expect(dialog).toBeHidden();
});

test('the award quota field never shows NaN and keeps what is typed', async ({ page }) => {
  await openRules(page);
  const quota = page.getByLabel('Số đơn vị được đề nghị Cờ thi đua của Chính phủ');
  await quota.click();
  await quota.press('Control+A');
  await quota.pressSequentially('1abc');
  await expect(quota).toHaveValue('1abc');
  await expect(quota).toHaveAttribute('aria-invalid', 'true');
  await quota.press('Control+A');
  await quota.press('Backspace');
  await quota.pressSequentially('x');
  await expect(quota).toHaveValue('x');
  await page.screenshot({ path: screenshotPath('forms-06-quota-letters') });
  await page.getByRole('button', { name: 'Lưu quy chế' }).click();
  await expect(quota).toBeFocused();
  await quota.fill('3');
  await expect(quota).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Lưu quy chế' }).click();
  await expect(page.getByText('Đã lưu quy chế năm 2024.').first()).toBeVisible();
  await page.reload();
  await page.getByRole('tab', { name: 'Quy chế bình xét' }).click();
  await expect(page.getByLabel('Số đơn vị được đề nghị Cờ thi đua của Chính phủ')).toHaveValue('3');
});

test("picking the leader's unit as deputy is refused with a message, nothing changes", async ({ page }) => {
  await nav(page, 'Năm thi đua');
  const leader = page.getByLabel('Khối trưởng', { exact: true });
  const deputy = page.getByLabel('Khối phó', { exact: true });
  const before = { leader: await leader.inputValue(), deputy: await deputy.inputValue() };
  expect(before.leader).not.toBe('');
  await deputy.selectOption(before.leader);
  await expect(page.getByText('Đài Phát thanh và Truyền hình tỉnh đang là Khối trưởng năm 2024. Khối trưởng và Khối phó phải là hai đơn vị khác nhau')).toBeVisible();
  await expect(leader).toHaveValue(before.leader);
  await expect(deputy).toHaveValue(before.deputy);
  await page.screenshot({ path: screenshotPath('forms-07-roles-refused') });
  await page.reload();
  await expect(page.getByLabel('Khối trưởng', { exact: true })).toHaveValue(before.leader);
  await expect(page.getByLabel('Khối phó', { exact: true })).toHaveValue(before.deputy);
  const history = page.getByRole('table', { name: 'Các năm thi đua' });
  await expect(history.locator('tbody tr').first()).toContainText('Đài Phát thanh và Truyền hình tỉnh');
});

test('the signing date is typed and shown as dd/mm/yyyy and saved as that day', async ({ page }) => {
  await nav(page, 'Giao ước thi đua');
  const date = page.getByLabel('Ngày ký');
  await expect(date).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
  await date.fill('1/3/2024');
  await expect(page.getByTestId('pledge-date-line')).toContainText('ngày 01 tháng 3 năm 2024');
  await date.press('Tab');
  await expect(date).toHaveValue('01/03/2024');
  await page.getByRole('button', { name: 'Lưu giao ước' }).click();
  await expect(page.getByText('Đã lưu bản giao ước thi đua năm 2024.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Ngày ký')).toHaveValue('01/03/2024');
  await expect(page.getByTestId('pledge-date-line')).toContainText('ngày 01 tháng 3 năm 2024');

  // A day that is not on the calendar is refused where it is typed, and the save says so.
  await page.getByLabel('Ngày ký').fill('31/02/2024');
  await page.getByLabel('Ngày ký').press('Tab');
  await expect(page.getByText('Ngày 31/02/2024 không có trên lịch.')).toBeVisible();
  await page.getByRole('main').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await page.getByRole('button', { name: 'Lưu giao ước' }).click();
  await expect(page.getByLabel('Ngày ký')).toBeFocused();
  await expect(page.getByLabel('Ngày ký')).toBeInViewport();
  await page.screenshot({ path: screenshotPath('forms-08-date-invalid') });
  await page.getByLabel('Ngày ký').fill('29/02/2024');
  await page.getByRole('button', { name: 'Lưu giao ước' }).click();
  await expect(page.getByText('Đã lưu bản giao ước thi đua năm 2024.').first()).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Ngày ký')).toHaveValue('29/02/2024');
});

test('a second unit with the same name is warned about before it is added', async ({ page }) => {
  await nav(page, 'Đơn vị');
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' });
  await dialog.getByLabel('Mã đơn vị').fill('SYT2');
  await dialog.getByLabel('Tên đầy đủ').fill('so y te');
  const warning = 'Khối đã có đơn vị «Sở Y tế» (mã SYT). Kiểm tra lại để không thêm một đơn vị hai lần.';
  await expect(dialog.getByText(warning)).toBeVisible();
  await page.screenshot({ path: screenshotPath('forms-09-unit-same-name') });
  await dialog.getByRole('button', { name: 'Thêm đơn vị' }).click();
  const confirm = page.getByRole('dialog', { name: 'Tên đơn vị bị trùng' });
  await expect(confirm.getByRole('button', { name: 'Vẫn thêm' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Huỷ' }).click();
  await expect(dialog.getByLabel('Tên đầy đủ')).toHaveValue('so y te');
  await dialog.getByLabel('Tên đầy đủ').fill('Sở Xây dựng');
  await expect(dialog.getByText(warning)).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: 'Sở Xây dựng', exact: true })).toBeVisible();
});

test('notices never cover the footer buttons', async ({ page }) => {
  await openRules(page);
  await page.getByLabel('Tỷ lệ đơn vị có mặt tối thiểu').fill('55%');
  const save = page.getByRole('button', { name: 'Lưu quy chế' });
  await save.click();
  const notice = page.locator('.notice').filter({ hasText: 'Đã lưu quy chế năm 2024.' });
  await expect(notice).toBeVisible();
  await page.screenshot({ path: screenshotPath('forms-10-notice') });
  const notices = await page.locator('.notice').all();
  expect(notices.length).toBeGreaterThan(0);
  for (const n of notices) {
    const a = (await n.boundingBox())!;
    for (const button of [save, page.getByRole('button', { name: 'Bỏ thay đổi' }), page.getByRole('button', { name: 'Khôi phục mặc định' })]) {
      const b = (await button.boundingBox())!;
      const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      expect(overlap, `${await n.textContent()} over ${await button.textContent()}`).toBe(false);
    }
  }
});
