/**
 * The pledge's signature page end to end on the sample bloc: a unit switched to a deputy signer in
 * the unit form prints "KT. GIÁM ĐỐC" above "PHÓ GIÁM ĐỐC"; scanned signature and stamp images on
 * white paper are stored as PNG with transparent paper, and the PDF paints the stamp over the
 * signature.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { E2E_OUT_DIR, expect, screenshotPath, test } from './support/fixtures';

async function nav(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
}

/** A scan drawn in the page: ink on white paper, as PNG or JPEG bytes. */
async function scan(page: Page, kind: 'signature' | 'stamp', mime: 'image/png' | 'image/jpeg'): Promise<Buffer> {
  const dataUrl = await page.evaluate(
    ({ kind, mime }) => {
      const canvas = document.createElement('canvas');
      canvas.width = kind === 'signature' ? 480 : 300;
      canvas.height = kind === 'signature' ? 200 : 300;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#fbfbf8';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      if (kind === 'signature') {
        ctx.strokeStyle = '#1a2a8c';
        ctx.lineWidth = 7;
        ctx.beginPath();
        ctx.moveTo(30, 150);
        ctx.bezierCurveTo(120, 10, 170, 190, 240, 90);
        ctx.bezierCurveTo(300, 20, 330, 170, 450, 60);
        ctx.stroke();
      } else {
        ctx.strokeStyle = '#d0202a';
        ctx.lineWidth = 12;
        ctx.beginPath();
        ctx.arc(150, 150, 130, 0, Math.PI * 2);
        ctx.stroke();
        ctx.lineWidth = 5;
        ctx.beginPath();
        ctx.arc(150, 150, 95, 0, Math.PI * 2);
        ctx.stroke();
        ctx.fillStyle = '#d0202a';
        ctx.font = 'bold 40px serif';
        ctx.textAlign = 'center';
        ctx.fillText('SỞ Y TẾ', 150, 165);
      }
      return canvas.toDataURL(mime, 0.92);
    },
    { kind, mime },
  );
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

/** Alpha of the thumbnail's top-left pixel (paper) and of its most opaque pixel (ink). */
async function thumbAlpha(page: Page, name: string): Promise<{ corner: number; ink: number; src: string }> {
  return page.getByRole('img', { name }).evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    for (let i = 3; i < data.length; i += 4) ink = Math.max(ink, data[i]!);
    return { corner: data[3]!, ink, src: img.src.slice(0, 22) };
  });
}

test('a deputy signs under "KT.", and the stamp lies over a signature scanned on white paper', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByRole('button', { name: 'Dùng dữ liệu mẫu' }).click();
  await expect(page.getByRole('heading', { name: 'Khối thi đua', exact: true })).toBeVisible();

  // ---------------------------------------------------------------- Unit form: a deputy signs
  await nav(page, 'Đơn vị');
  await page.getByRole('row', { name: /Sở Y tế/ }).getByRole('button', { name: 'Sửa' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sửa thông tin đơn vị' });
  await dialog.getByLabel('Người ký', { exact: true }).selectOption('deputy');
  await dialog.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await expect(dialog.getByText('Nhập họ tên cấp phó ký thay, hoặc chọn «Thủ trưởng ký».')).toBeVisible();
  await dialog.getByLabel('Họ tên cấp phó ký thay').fill('Lê Thị Bình');
  const preview = dialog.getByTestId('signer-preview');
  await expect(preview).toContainText('KT. GIÁM ĐỐC');
  await expect(preview).toContainText('PHÓ GIÁM ĐỐC');
  await expect(preview).toContainText('Lê Thị Bình');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: screenshotPath('signature-01-unit-deputy'), fullPage: false });
  await dialog.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /Sở Y tế/ })).toContainText('Ký thay (KT.): Lê Thị Bình');

  // ---------------------------------------------------------------- Pledge: images and PDF
  await nav(page, 'Giao ước thi đua');
  await expect(page.getByRole('heading', { name: 'Giao ước thi đua năm 2024' })).toBeVisible();
  await expect(page.getByTestId('signer-SYT')).toContainText('KT. GIÁM ĐỐC');
  await expect(page.getByTestId('signer-SYT')).toContainText('Lê Thị Bình');
  await expect(page.getByTestId('signer-SGDDT')).not.toContainText('KT.');

  await page.getByLabel('Chọn ảnh chữ ký của Sở Y tế').setInputFiles({ name: 'chu-ky.png', mimeType: 'image/png', buffer: await scan(page, 'signature', 'image/png') });
  await expect(page.getByText(/Đã lưu ảnh chữ ký của Sở Y tế .*nền giấy đã được làm trong suốt/)).toBeVisible();
  await page.getByLabel('Chọn ảnh con dấu của Sở Y tế').setInputFiles({ name: 'con-dau.jpg', mimeType: 'image/jpeg', buffer: await scan(page, 'stamp', 'image/jpeg') });
  await expect(page.getByText(/Đã lưu ảnh con dấu của Sở Y tế .*nền giấy đã được làm trong suốt/)).toBeVisible();

  const signature = await thumbAlpha(page, 'Ảnh chữ ký của Sở Y tế');
  const stamp = await thumbAlpha(page, 'Ảnh con dấu của Sở Y tế');
  // Stored as PNG (the JPEG stamp too, since JPEG has no transparency), paper transparent, ink kept.
  expect(signature).toEqual({ corner: 0, ink: 255, src: 'data:image/png;base64,' });
  expect(stamp).toEqual({ corner: 0, ink: 255, src: 'data:image/png;base64,' });
  await page.getByTestId('pledge-unit-SYT').evaluate((row) => row.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: screenshotPath('signature-02-pledge-grid'), fullPage: false });

  await page.getByRole('button', { name: 'Lưu giao ước' }).click();
  await expect(page.getByText('Đã lưu bản giao ước thi đua năm 2024.')).toBeVisible();
  const pledgePdf = join(E2E_OUT_DIR, 'Giao-uoc-thi-dua-2024.pdf');
  rmSync(pledgePdf, { force: true });
  await page.getByRole('button', { name: 'Lưu PDF' }).click();
  await expect(page.getByText(`Đã lưu PDF: ${pledgePdf}`)).toBeVisible();

  const text = execFileSync('pdftotext', ['-layout', pledgePdf, '-']).toString('utf8');
  expect(text).toMatch(/KT\. GIÁM ĐỐC/);
  expect(text).toContain('Lê Thị Bình');
  expect(text).not.toContain('Nguyễn Văn An');
  // Painted in this order: the signature, then the stamp over it (each with its transparency mask).
  const images = execFileSync('pdfimages', ['-list', pledgePdf]).toString('utf8').split('\n').slice(2).filter((l) => l.trim());
  const painted = images.map((l) => l.trim().split(/\s+/)).filter((c) => c[2] === 'image').map((c) => `${c[3]}x${c[4]}`);
  expect(painted).toEqual(['480x200', '300x300']);
  execFileSync('pdftoppm', ['-r', '60', '-png', pledgePdf, resolve('test-results/screens/signature-pledge-page')]);
  execFileSync('pdftoppm', ['-r', '150', '-f', '2', '-l', '2', '-x', '0', '-y', '0', '-W', '1240', '-H', '700', '-png', pledgePdf, resolve('test-results/screens/signature-pledge-zoom')]);
});
