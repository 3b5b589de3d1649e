/**
 * The browser preview (`npm run preview:browser`): index.html loads the bridge client itself,
 * with the run's token in a <meta>, and the app's open dialogs ("Mở gói bàn giao…", "Chọn tệp")
 * show a file input in the page; the picked file is uploaded and opened by the real handlers.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBridgeServer } from './support/loopback-bridge';
import { E2E_OUT_DIR, expect, screenshotPath, test } from './support/fixtures';

test('the preview serves the app on its own and opens a file picked in the page', async ({ browser }) => {
  const outDir = join(E2E_OUT_DIR, 'preview');
  mkdirSync(outDir, { recursive: true });
  const packagePath = join(outDir, 'khoi-mau.blocdesk');
  execFileSync(process.execPath, ['scripts/cli.mjs', 'demo', '--out', packagePath], { stdio: 'ignore' });

  const preview = await startBridgeServer({
    port: 0,
    outDir,
    root: 'dist/renderer',
    inject: true,
    clientJs: async () => readFileSync('dist/test-server/bridge-client.js', 'utf8'),
    log: () => undefined,
  });
  // A plain browser context: no fixture injects anything, the page does it all.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    await page.goto(preview.url);
    await expect(page.getByRole('heading', { name: 'Chào mừng đến với BlocDesk' })).toBeVisible();

    // Cancelled: nothing opens.
    await page.getByRole('button', { name: 'Mở gói bàn giao…' }).click();
    const picker = page.getByRole('dialog', { name: 'Chọn gói bàn giao' });
    await expect(picker).toBeVisible();
    await expect(picker.getByLabel('Chọn tệp')).toHaveAttribute('accept', '.blocdesk');
    await picker.getByRole('button', { name: 'Hủy' }).click();
    await expect(picker).toBeHidden();
    await expect(page.getByRole('dialog', { name: 'Nhập gói bàn giao' })).toBeHidden();

    await page.getByRole('button', { name: 'Mở gói bàn giao…' }).click();
    await picker.getByLabel('Chọn tệp').setInputFiles(packagePath);
    await page.screenshot({ path: screenshotPath('preview-file-picker') });
    await picker.getByRole('button', { name: 'Mở' }).click();
    const opened = page.getByRole('dialog', { name: 'Nhập gói bàn giao' });
    await expect(opened.getByTestId('package-preview')).toContainText('Khối Văn hóa - Xã hội');
    await expect(picker).toBeHidden();
  } finally {
    await context.close();
    await preview.close();
  }
});

test('a page without the run token gets nothing from the bridge', async ({ browser }) => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto('/');
    const status = await page.evaluate(async () => (await fetch('/__bridge/app.info', { method: 'POST', body: '[]' })).status);
    expect(status).toBe(403);
  } finally {
    await context.close();
  }
});
