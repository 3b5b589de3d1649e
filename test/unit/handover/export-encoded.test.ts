/**
 * `handover.exportEncoded`: the renderer's worker sends the bloc as UTF-8 JSON bytes. Main checks
 * them as dispatch checks a payload before packing: the saved package reads back as the bloc; bytes
 * that are not a valid bloc save nothing and say why in Vietnamese.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/services/bridge/context';
import { dispatch } from '../../../electron/services/bridge/dispatch';
import { handlers } from '../../../electron/services/handlers/index';
import { readPackageFile } from '../../../electron/services/handover/package-file';
import { createConfSettings } from '../../../electron/services/settings/conf-store';
import { tempDir } from '../assessment/corpus-tools';
import { sampleBloc } from '../assessment/fixtures';

function context(savePath: string): ServiceContext {
  return {
    host: { showSaveDialog: async () => savePath, showOpenDialog: async () => [], printPdf: async () => false },
    settings: createConfSettings(tempDir('export-encoded-settings')),
    assetsDir: 'assets',
    appVersion: '0.0.0-test',
  };
}

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('handover.exportEncoded', () => {
  it('packs the bloc sent as JSON bytes into a package that reads back as the same bloc', async () => {
    const data = sampleBloc();
    const target = join(tempDir('export-encoded-out'), 'khoi');
    const r = await dispatch(handlers, context(target), 'handover.exportEncoded', [{ bytes: encode(data), createdBy: 'Bộ phận thư ký' }]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect((r.value as { path: string }).path).toBe(`${target}.blocdesk`);
    const read = await readPackageFile(`${target}.blocdesk`);
    expect(read.data).toEqual(data);
    expect(read.preview.createdBy).toBe('Bộ phận thư ký');
  });

  it('saves nothing from bytes that are not a valid bloc, and says so', async () => {
    const target = join(tempDir('export-encoded-bad'), 'khoi.blocdesk');
    const broken = { ...sampleBloc(), scores: [{ id: 'x' }] };
    const invalid = await dispatch(handlers, context(target), 'handover.exportEncoded', [{ bytes: encode(broken), createdBy: '' }]);
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) expect(invalid.error).toMatchObject({ code: 'invalid-payload', message: 'Dữ liệu gửi tới dịch vụ không hợp lệ.' });
    const garbage = await dispatch(handlers, context(target), 'handover.exportEncoded', [{ bytes: new Uint8Array([0x7b, 0xff, 0x22]), createdBy: '' }]);
    expect(garbage.ok).toBe(false);
    if (!garbage.ok) expect(garbage.error.message).toBe('Dữ liệu của khối gửi tới chức năng xuất gói bàn giao không đọc được; chưa xuất gói.');
    expect(existsSync(target)).toBe(false);
  });
});
