/**
 * The verification team and the chair's decision on a tie, end to end on the sample bloc (2024):
 * the team is typed on the Thẩm định screen, a member is chosen as the person acting (the audit
 * names them), two units with the same scores share a rank, and the chair's decision with its
 * reason separates them in the ranking and its explanation.
 */
import { expect, screenshotPath, test } from './support/fixtures';
import { activateGridCell, importSelfAssessments, nav } from './support/year-end-steps';

test('the verification team names who acts; the chair decides a tie with a reason and the ranking follows', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Dùng dữ liệu mẫu' }).click();
  await expect(page.getByRole('heading', { name: 'Khối thi đua', exact: true })).toBeVisible();

  // This year's rules: a tie that the scores cannot separate is decided by the chair.
  await nav(page, 'Năm thi đua');
  await page.getByRole('tab', { name: 'Quy chế bình xét' }).click();
  await page.getByLabel('Tiêu chí xếp hạng khi bằng điểm thứ 3').selectOption({ label: 'Chủ trì hội nghị quyết định' });
  await page.getByRole('button', { name: 'Lưu quy chế' }).click();
  await expect(page.getByText('Đã lưu quy chế năm 2024.')).toBeVisible();

  // Two units send the same scores.
  const same = {
    '1.1': 18, '1.2': 8, '1.3': 5, '1.4': 5, '2.1': 5, '2.2': 4, '2.3': 4, '2.4': 4, '2.5': 3, '3.1': 5, '3.2': 5, '3.3': 5,
    '4.1': 5, '4.2': 5, '4.3': 5, '5.1': 4, '5.2': 3, '5.3': 3, '6.1': 1, '6.2': 0, '7.1': 0, '7.2': 0,
  };
  await importSelfAssessments(page, 'dong-hang', { SYT: same, SGDDT: same });

  // ---------------------------------------------------------------- the team, and who acts
  await nav(page, 'Thẩm định');
  await expect(page.getByRole('heading', { name: 'Thẩm định kết quả tự chấm năm 2024' })).toBeVisible();
  await expect(page.getByLabel('Người thực hiện')).toHaveValue('Thư ký Khối');
  await page.getByRole('button', { name: 'Tổ thẩm định (0)…' }).click();
  const teamDialog = page.getByRole('dialog', { name: 'Tổ thẩm định năm 2024' });
  const lines = teamDialog.getByLabel(/Thành viên/);
  await expect(lines).toBeFocused();
  // A repeated name is refused at its line, and nothing is stored.
  await lines.fill('Nguyễn Văn An – Sở Tài chính\nnguyễn văn an');
  await teamDialog.getByRole('button', { name: 'Lưu tổ thẩm định' }).click();
  await expect(teamDialog.getByRole('alert')).toHaveText('Dòng 2: "nguyễn văn an" đã có trong tổ thẩm định.');
  await lines.fill('Nguyễn Văn An – Sở Tài chính\nTrần Thị Bình – Sở Nội vụ');
  await page.screenshot({ path: screenshotPath('verification-05-team') });
  await teamDialog.getByRole('button', { name: 'Lưu tổ thẩm định' }).click();
  await expect(teamDialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Tổ thẩm định (2)…' })).toBeVisible();
  // The members are offered as the person acting.
  await expect(page.locator('datalist#actor-choices-2024 option')).toHaveCount(3);
  await page.getByLabel('Người thực hiện').fill('Trần Thị Bình');

  // Accept both units as self-assessed, acting as the team member.
  for (const name of ['Sở Y tế', 'Sở Giáo dục và Đào tạo']) {
    await activateGridCell(page, name, '1.1');
    await page.getByRole('button', { name: 'Chấp nhận cả đơn vị' }).click();
    await expect(page.getByText(/Đã chấp nhận 22 điểm tự chấm\./).last()).toBeVisible();
  }
  await page.getByRole('tab', { name: 'Theo đơn vị' }).click();
  await page.getByLabel('Đơn vị', { exact: true }).selectOption({ label: 'SYT – Sở Y tế' });
  await expect(page.getByRole('table', { name: 'Lịch sử thẩm định của Sở Y tế' })).toContainText('Trần Thị Bình');

  // ---------------------------------------------------------------- the tie and the chair's decision
  await nav(page, 'Xếp hạng');
  // The person chosen on one screen stays chosen on the next.
  await expect(page.getByLabel('Người thực hiện')).toHaveValue('Trần Thị Bình');
  const ranking = page.getByRole('table', { name: 'Xếp hạng năm 2024' });
  const syt = ranking.locator('tr[data-unit="SYT"]');
  const sgd = ranking.locator('tr[data-unit="SGDDT"]');
  await expect(syt).toContainText('đồng hạng');
  await expect(sgd).toContainText('đồng hạng');
  await expect(syt).toContainText('Còn phải quyết định: chủ trì quyết định.');
  await sgd.getByRole('button', { name: 'Nhập quyết định của chủ trì…' }).click();
  const decision = page.getByRole('dialog', { name: 'Quyết định của chủ trì: hạng 1' });
  // The codes must be exactly the tied units.
  await decision.getByLabel('Thứ tự (mã đơn vị)').fill('SGDDT, SLDTBXH');
  await decision.getByLabel('Lý do').fill('Sở Giáo dục và Đào tạo có nhiều mô hình mới được nhân rộng');
  await decision.getByRole('button', { name: 'Ghi quyết định' }).click();
  await expect(page.getByText('Thứ tự phải gồm đúng các mã: SYT, SGDDT.', { exact: false }).or(page.getByText('Thứ tự phải gồm đúng các mã: SGDDT, SYT.', { exact: false }))).toBeVisible();
  await expect(ranking.locator('tbody tr').first()).toContainText('đồng hạng');

  await sgd.getByRole('button', { name: 'Nhập quyết định của chủ trì…' }).click();
  await decision.getByLabel('Thứ tự (mã đơn vị)').fill('SGDDT, SYT');
  await decision.getByLabel('Lý do').fill('Sở Giáo dục và Đào tạo có nhiều mô hình mới được nhân rộng');
  await decision.getByRole('button', { name: 'Ghi quyết định' }).click();
  await expect(page.getByText('Đã ghi quyết định của chủ trì.')).toBeVisible();
  await expect(ranking.locator('tbody tr').first()).toHaveAttribute('data-unit', 'SGDDT');
  await expect(sgd).not.toContainText('đồng hạng');
  await expect(sgd).toContainText('theo quyết định của chủ trì hội nghị');
  await page.screenshot({ path: screenshotPath('verification-06-chair-decision') });
});
