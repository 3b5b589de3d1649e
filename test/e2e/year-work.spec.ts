/**
 * The year's work end to end on the sample bloc (year 2024): the scoring table (import from the
 * province's Excel with a preview, a new version with a reason, edits, lock, export), the pledge
 * (edit, signature image, PDF preview, save, print) and the self-assessment round trip (templates
 * out, two files filled by openpyxl, one with an error fixed after the preview, commit, undo,
 * re-import, overview and matrix).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { E2E_OUT_DIR, expect, queueOpenDialog, screenshotPath, test } from './support/fixtures';
import { fillTemplate } from './support/fill-template';

const SAMPLES = resolve('test/fixtures/samples');
const fill = fillTemplate;

async function nav(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
}

async function confirmDialog(page: Page, button: string) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** Drops files on the window the way Explorer does (DataTransfer with File objects). */
async function dropFiles(page: Page, paths: string[]) {
  const files = paths.map((p) => ({ name: p.split('/').pop()!, b64: readFileSync(p).toString('base64') }));
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    }
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

/** The PDF's text in reading order, whitespace collapsed. */
function pdfText(path: string): string {
  return execFileSync('pdftotext', [path, '-']).toString('utf8').replace(/\s+/g, ' ');
}

/** The text of a Word file's body: paragraphs and line breaks as spaces, tags removed. */
function docxText(path: string): string {
  const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(path)))['word/document.xml']!);
  return xml.replace(/<w:br\/>|<\/w:p>/g, ' ').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
}

test('scoring table, pledge and self-assessment of the sample bloc', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await page.getByRole('button', { name: 'Dùng dữ liệu mẫu' }).click();
  await expect(page.getByRole('heading', { name: 'Khối thi đua', exact: true })).toBeVisible();

  // ---------------------------------------------------------------- Bảng chấm điểm
  await nav(page, 'Bảng chấm điểm');
  await expect(page.getByRole('heading', { name: 'Bảng chấm điểm năm 2024' })).toBeVisible();
  await expect(page.getByTestId('scoring-status')).toContainText('Phiên bản 1 · đã thông qua và khoá');
  await expect(page.getByTestId('nominal-total')).toHaveText('100');
  // A locked table cannot be edited in place.
  await expect(page.getByRole('button', { name: 'Lưu bản nháp' })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Nội dung tiêu chí 1.1' })).toHaveCount(0);

  // Import the province's file written in TCVN3: the preview comes first, nothing is saved yet.
  await queueOpenDialog([join(SAMPLES, 'scoring-table-2024-tcvn3.xlsx')]);
  await page.getByRole('button', { name: 'Nhập từ Excel của tỉnh' }).click();
  const preview = page.getByTestId('scoring-import-preview');
  await expect(preview).toContainText('Tệp dùng bảng mã cũ');
  await expect(preview).toContainText('Thực hiện nhiệm vụ chính trị, chuyên môn được giao');
  await expect(preview).toContainText(/Nhận ra \d+ nhóm, \d+ tiêu chí/);
  await page.screenshot({ path: screenshotPath('year-01-scoring-import-preview'), fullPage: false });
  const saveImported = page.getByRole('button', { name: 'Lưu thành phiên bản mới' });
  await expect(saveImported).toBeDisabled();
  await page.getByRole('dialog').getByRole('button', { name: 'Đóng' }).click();
  await expect(page.getByTestId('scoring-status')).toContainText('Phiên bản 1');
  await expect(page.getByRole('navigation', { name: 'Các phiên bản' })).toHaveCount(0);

  // Import again and save it as version 2 with a reason.
  await queueOpenDialog([join(SAMPLES, 'scoring-table-2024-tcvn3.xlsx')]);
  await page.getByRole('button', { name: 'Nhập từ Excel của tỉnh' }).click();
  await page.getByRole('dialog').getByRole('textbox').fill('Cập nhật theo tệp của Ban Thi đua - Khen thưởng tỉnh');
  await page.getByRole('button', { name: 'Lưu thành phiên bản mới' }).click();
  await expect(page.getByTestId('scoring-status')).toContainText('Phiên bản 2 · bản nháp · lý do: Cập nhật theo tệp');

  // Edit the draft: a new criterion breaks the total, the warning says so; remove it again.
  await page.getByRole('button', { name: '+ Thêm tiêu chí vào nhóm I', exact: true }).click();
  await expect(page.getByTestId('scoring-issues')).toContainText('khác thang điểm 100');
  await expect(page.getByTestId('nominal-total')).toContainText('101');
  await page.getByLabel('Điểm tối đa tiêu chí 1.5').fill('2,5');
  await page.getByLabel('Điểm tối đa tiêu chí 1.5').press('Enter');
  await expect(page.getByTestId('nominal-total')).toContainText('102,5');
  await page.getByLabel('Loại tiêu chí 1.5').selectOption('count');
  await expect(page.getByLabel('Điểm mỗi lần của tiêu chí 1.5')).toBeVisible();
  await page.getByRole('button', { name: 'Xoá tiêu chí 1.5' }).click();
  await expect(page.getByTestId('nominal-total')).toHaveText('100');
  await page.getByLabel('Hướng dẫn chấm tiêu chí 1.1').fill('Căn cứ báo cáo kết quả thực hiện chỉ tiêu của UBND tỉnh');
  await page.getByRole('button', { name: 'Chuyển tiêu chí 1.2 lên' }).click();
  await expect(page.locator('[data-testid="group-I"] [data-testid^="criterion-"]').first()).toHaveAttribute('data-testid', 'criterion-1.2');
  await page.getByRole('button', { name: 'Chuyển tiêu chí 1.2 xuống' }).click();
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
  await expect(page.getByText('Đã lưu bản nháp bảng chấm điểm năm 2024 (phiên bản 2).')).toBeVisible();
  await page.getByRole('button', { name: 'Thông qua / khoá bảng điểm' }).click();
  await confirmDialog(page, 'Thông qua và khoá');
  await expect(page.getByTestId('scoring-status')).toContainText('Phiên bản 2 · đã thông qua và khoá');
  // Both versions stay visible; the old one can be viewed.
  const versions = page.getByRole('navigation', { name: 'Các phiên bản' });
  await versions.getByRole('button', { name: 'Phiên bản 1 (đã khoá)' }).click();
  await expect(page.getByText('Bạn đang xem phiên bản cũ 1; phiên bản hiện hành là 2.')).toBeVisible();
  await versions.getByRole('button', { name: 'Phiên bản 2 (đã khoá)' }).click();
  await page.screenshot({ path: screenshotPath('year-02-scoring-table'), fullPage: false });

  // Export to Excel; print through the document toolbar (preview, PDF, Word): the files land in the output folder.
  const xlsxOut = join(E2E_OUT_DIR, 'Bang-cham-diem-2024-phien-ban-2.xlsx');
  const pdfOut = join(E2E_OUT_DIR, 'Bang-cham-diem-2024-phien-ban-2.pdf');
  const docxOut = join(E2E_OUT_DIR, 'Bang-cham-diem-2024-phien-ban-2.docx');
  for (const f of [xlsxOut, pdfOut, docxOut]) rmSync(f, { force: true });
  await page.getByRole('button', { name: 'Xuất Excel' }).click();
  await expect(page.getByText(`Đã lưu: ${xlsxOut}`)).toBeVisible();
  await page.getByRole('button', { name: 'Xem trước PDF' }).click();
  await expect(page.getByTestId('pdf-preview')).toHaveAttribute('data-state', 'ready');
  await page.screenshot({ path: screenshotPath('year-02b-scoring-preview'), fullPage: false });
  await page.getByRole('button', { name: 'Đóng xem trước' }).click();
  await page.getByRole('button', { name: 'Lưu PDF' }).click();
  await expect(page.getByText(`Đã lưu PDF: ${pdfOut}`)).toBeVisible();
  await page.getByRole('button', { name: 'Lưu Word' }).click();
  await expect(page.getByText(`Đã lưu Word: ${docxOut}`)).toBeVisible();
  expect(statSync(xlsxOut).size).toBeGreaterThan(4000);
  expect(pdfText(pdfOut)).toContain('Căn cứ báo cáo kết quả thực hiện chỉ tiêu của UBND tỉnh');
  expect(docxText(docxOut)).toContain('Căn cứ báo cáo kết quả thực hiện chỉ tiêu của UBND tỉnh');

  // ---------------------------------------------------------------- Giao ước thi đua
  await nav(page, 'Giao ước thi đua');
  await expect(page.getByRole('heading', { name: 'Giao ước thi đua năm 2024' })).toBeVisible();
  await expect(page.getByText('Chưa lưu: nội dung dưới đây là mặc định')).toBeVisible();
  await expect(page.getByLabel('Tiêu đề')).toHaveValue('BẢN GIAO ƯỚC THI ĐUA NĂM 2024');
  await expect(page.getByTestId('pledge-units').locator('tbody tr')).toHaveCount(8);
  const commitments = page.getByTestId('pledge-commitments');
  await commitments.getByRole('button', { name: 'Thêm nội dung giao ước' }).click();
  await expect(page.getByTestId('pledge-problems')).toContainText('Nội dung giao ước số 8 đang để trống');
  await commitments.getByRole('textbox', { name: 'nội dung 8', exact: true }).fill('Hưởng ứng phong trào "Cả nước thi đua xây dựng xã hội học tập".');
  await commitments.getByRole('button', { name: 'Chuyển nội dung 8 lên' }).click();
  await expect(commitments.getByRole('textbox', { name: 'nội dung 7', exact: true })).toHaveValue(/xã hội học tập/);
  await page.getByLabel('Ngày ký').fill('05/02/2024');
  await expect(page.getByTestId('pledge-date-line')).toContainText('Hà Nam, ngày 05 tháng 02 năm 2024');
  await page.getByLabel('Số văn bản (không bắt buộc)').fill('01/GƯ-KTĐ');
  await page.getByLabel(/Có phần CHỨNG KIẾN/).check();
  await page.getByLabel('Cơ quan chứng kiến').fill('BAN THI ĐUA - KHEN THƯỞNG TỈNH');
  await page.getByLabel('Chức vụ người chứng kiến').fill('Trưởng ban');
  await page.getByLabel('Họ và tên người chứng kiến').fill('Ngô Thị Thanh Hà');

  // A "PNG" that is really a PDF is refused; a real image becomes the unit's signature.
  await page.getByLabel('Chọn ảnh chữ ký của Sở Y tế').setInputFiles({ name: 'chu-ky.png', mimeType: 'image/png', buffer: Buffer.from('%PDF-1.7 giả') });
  await expect(page.getByText('Tệp "chu-ky.png" là tệp PDF, không dùng được.')).toBeVisible();
  const signature = await page.getByRole('heading', { name: 'Giao ước thi đua năm 2024' }).screenshot();
  await page.getByLabel('Chọn ảnh chữ ký của Sở Y tế').setInputFiles({ name: 'chu-ky.png', mimeType: 'image/png', buffer: signature });
  await expect(page.getByRole('img', { name: 'Ảnh chữ ký của Sở Y tế' })).toBeVisible();

  await page.getByRole('button', { name: 'Lưu giao ước' }).click();
  await expect(page.getByText('Đã lưu bản giao ước thi đua năm 2024.')).toBeVisible();
  await expect(page.getByText('Đã lưu.', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Xem trước PDF' }).click();
  const pdfPreview = page.getByTestId('pdf-preview');
  await expect(pdfPreview).toHaveAttribute('data-state', 'ready');
  await expect(pdfPreview.locator('canvas.pdf-page').first()).toBeVisible();
  await page.screenshot({ path: screenshotPath('year-03-pledge-preview'), fullPage: false });

  const pledgePdf = join(E2E_OUT_DIR, 'Giao-uoc-thi-dua-2024.pdf');
  rmSync(pledgePdf, { force: true });
  await page.getByRole('button', { name: 'Lưu PDF' }).click();
  await expect(page.getByText(`Đã lưu PDF: ${pledgePdf}`)).toBeVisible();
  const text = pdfText(pledgePdf);
  for (const s of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Hà Nam, ngày 05 tháng 02 năm 2024', 'xã hội học tập', 'CHỨNG KIẾN', 'Ngô Thị Thanh Hà', 'SỞ Y TẾ', 'Nguyễn Văn An', 'ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH TỈNH', 'Bùi Thị Ánh Tuyết']) {
    expect(text).toContain(s);
  }
  const pledgeDocx = join(E2E_OUT_DIR, 'Giao-uoc-thi-dua-2024.docx');
  rmSync(pledgeDocx, { force: true });
  await page.getByRole('button', { name: 'Lưu Word' }).click();
  await expect(page.getByText(`Đã lưu Word: ${pledgeDocx}`)).toBeVisible();
  const wordText = docxText(pledgeDocx);
  for (const s of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Hà Nam, ngày 05 tháng 02 năm 2024', 'xã hội học tập', 'CHỨNG KIẾN', 'Ngô Thị Thanh Hà', 'SỞ Y TẾ', 'Nguyễn Văn An', 'Bùi Thị Ánh Tuyết']) {
    expect(wordText).toContain(s);
  }
  await page.getByRole('button', { name: 'In', exact: true }).click();
  await expect(page.getByText('Đã mở bản giao ước để in (chọn máy in trong cửa sổ vừa mở).')).toBeVisible();
  execFileSync('pdftoppm', ['-r', '60', '-png', pledgePdf, resolve('test-results/screens/year-pledge-page')]);

  // ---------------------------------------------------------------- Tự chấm điểm
  await nav(page, 'Tự chấm điểm');
  await expect(page.getByRole('heading', { name: 'Tự chấm điểm năm 2024' })).toBeVisible();
  const templates = join(E2E_OUT_DIR, 'tu-cham-2024');
  rmSync(templates, { recursive: true, force: true });
  mkdirSync(templates, { recursive: true });
  await queueOpenDialog([templates]);
  await page.getByRole('button', { name: 'Xuất mẫu tự chấm' }).click();
  await expect(page.getByText('Đã xuất 8 tệp.')).toBeVisible();
  const sytTemplate = join(templates, 'TuCham_2024_SYT.xlsx');
  const sgdTemplate = join(templates, 'TuCham_2024_SGDDT.xlsx');
  expect(existsSync(sytTemplate) && existsSync(sgdTemplate)).toBe(true);

  const returned = join(E2E_OUT_DIR, 'tra-ve-2024');
  rmSync(returned, { recursive: true, force: true });
  mkdirSync(returned, { recursive: true });
  const sytFile = join(returned, 'TuCham_2024_SYT.xlsx');
  const sgdFile = join(returned, 'TuCham_2024_SGDDT.xlsx');
  const sytValues: Record<string, number | string> = {
    '1.1': 18, '1.2': '8,5', '1.3': 5, '1.4': 5, '2.1': 5, '2.2': 4, '2.3': 3, '2.4': 4, '2.5': 3,
  };
  const sgdValues: Record<string, number | string> = { '1.1': 25, '1.2': 9, '1.3': 4, '1.4': 5, '2.1': 5 };
  fill(sytTemplate, sytFile, sytValues);
  fill(sgdTemplate, sgdFile, sgdValues);

  await page.getByRole('tab', { name: /Nhập tệp tự chấm/ }).click();
  await queueOpenDialog([sytFile, sgdFile]);
  await page.getByRole('button', { name: 'Chọn tệp' }).click();
  const sytCard = page.locator('[data-testid="import-report"][data-file="TuCham_2024_SYT.xlsx"]');
  const sgdCard = page.locator('[data-testid="import-report"][data-file="TuCham_2024_SGDDT.xlsx"]');
  await expect(sytCard).toContainText('Sở Y tế (SYT)');
  await expect(sytCard).toContainText('gõ dạng chữ “8,5”');
  await expect(sgdCard).toContainText(/Có \d+ lỗi/);
  await expect(sgdCard).toContainText(/ô E\d+/);
  await expect(sgdCard.getByRole('checkbox')).toBeDisabled();
  await expect(sytCard.getByRole('checkbox')).toBeChecked();
  await page.screenshot({ path: screenshotPath('year-04-import-preview'), fullPage: false });

  // Nothing is written before the confirmation.
  await page.getByRole('tab', { name: /Tình hình nộp/ }).click();
  await expect(page.locator('[data-unit="SYT"][data-status]')).toHaveAttribute('data-status', 'missing');
  await expect(page.locator('[data-unit="SGDDT"][data-status]')).toHaveAttribute('data-status', 'errors');

  // The unit fixes its file; dropping it again replaces the report.
  fill(sgdTemplate, sgdFile, { ...sgdValues, '1.1': 19.5 });
  await dropFiles(page, [sgdFile]);
  await expect(page.getByRole('tab', { name: /Nhập tệp tự chấm/ })).toHaveAttribute('aria-selected', 'true');
  await expect(sgdCard).toContainText('Nhập được');
  await expect(sgdCard.getByRole('checkbox')).toBeChecked();
  await expect(page.getByTestId('import-report')).toHaveCount(2);

  await page.getByRole('button', { name: 'Ghi dữ liệu (2 tệp)' }).click();
  await confirmDialog(page, 'Ghi dữ liệu');
  await expect(page.getByText(/Đã ghi 2 tệp: \d+ giá trị thay đổi\./)).toBeVisible();
  await expect(page.getByTestId('overview-counts')).toContainText('2 đã nộp còn thiếu');
  const matrix = page.getByTestId('score-matrix');
  await expect(matrix.locator('tr[data-unit="SYT"]')).toContainText('8,5');
  await expect(matrix.locator('tr[data-unit="SGDDT"]')).toContainText('19,5');

  // Undo the batch: the values return to blank.
  await page.getByRole('tab', { name: 'Các lần nhập' }).click();
  await page.getByTestId('batch').getByRole('button', { name: 'Hoàn tác' }).click();
  await confirmDialog(page, 'Hoàn tác');
  await expect(page.getByText(/Đã hoàn tác: khôi phục \d+ giá trị\./)).toBeVisible();
  await expect(page.getByTestId('batch')).toContainText('Đã hoàn tác lúc');
  await page.getByRole('tab', { name: /Tình hình nộp/ }).click();
  await expect(page.getByTestId('overview-counts')).toContainText('8 chưa nộp');

  // Re-import both, commit; then a corrected SYT file shows old → new before anything is written.
  await page.getByRole('tab', { name: /Nhập tệp tự chấm/ }).click();
  await queueOpenDialog([sytFile, sgdFile]);
  await page.getByRole('button', { name: 'Chọn tệp' }).click();
  await expect(page.getByTestId('import-report')).toHaveCount(2);
  await page.getByRole('button', { name: 'Ghi dữ liệu (2 tệp)' }).click();
  await confirmDialog(page, 'Ghi dữ liệu');
  await expect(page.getByTestId('overview-counts')).toContainText('2 đã nộp còn thiếu');

  fill(sytTemplate, sytFile, { ...sytValues, '1.1': 17 });
  await dropFiles(page, [sytFile]);
  await expect(sytCard).toContainText('1 điểm thay đổi so với dữ liệu đã lưu');
  await expect(sytCard.locator('tr[data-code="1.1"]')).toContainText('18 → 17');
  await page.getByRole('button', { name: 'Ghi dữ liệu (1 tệp)' }).click();
  await confirmDialog(page, 'Ghi dữ liệu');
  await expect(matrix.locator('tr[data-unit="SYT"]')).toContainText('17');
  await expect(page.locator('[data-unit="SYT"][data-status]')).toHaveAttribute('data-status', 'incomplete');
  await expect(page.locator('[data-unit="SYT"][data-status]')).toContainText('TuCham_2024_SYT.xlsx');
  await matrix.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('year-05-matrix'), fullPage: true });

  // Printing keeps only the matrix (print stylesheet).
  const printed = join(E2E_OUT_DIR, 'tong-hop-in.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: printed, format: 'A4', landscape: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const printedText = pdfText(printed);
  expect(printedText).toContain('Bảng tổng hợp điểm tự chấm năm 2024');
  expect(printedText).toContain('Sở Giáo dục và Đào tạo');
  expect(printedText).not.toContain('Tình hình nộp phiếu tự chấm');
  execFileSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '1', printed, resolve('test-results/screens/year-06-matrix-print')]);

  // The matrix goes to Excel.
  const matrixOut = join(E2E_OUT_DIR, 'Tong-hop-tu-cham-2024.xlsx');
  rmSync(matrixOut, { force: true });
  await page.getByRole('button', { name: 'Xuất Excel' }).click();
  await expect(page.getByText(`Đã lưu: ${matrixOut}`)).toBeVisible();
  expect(statSync(matrixOut).size).toBeGreaterThan(4000);
});
