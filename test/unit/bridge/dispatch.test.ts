import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/errors';
import { dispatch, type HandlerMap } from '../../../electron/services/bridge/dispatch';
import type { ServiceContext } from '../../../electron/services/bridge/context';
import { handlers } from '../../../electron/services/handlers/index';
import { DEFAULT_SETTINGS } from '../../../shared/model/settings';
import { SCHEMA_VERSION } from '../../../shared/model/records';
import { memorySettings } from '../support/memory-settings';

function context(log: string[] = []): ServiceContext {
  return {
    host: { showSaveDialog: async () => null, showOpenDialog: async () => [], printPdf: async () => false },
    settings: memorySettings(),
    assetsDir: 'assets',
    appVersion: '0.1.0',
    log: (l) => log.push(l),
  };
}
const withHandler = (name: keyof HandlerMap, fn: () => Promise<never>): HandlerMap => ({ ...handlers, [name]: fn }) as HandlerMap;

describe('bridge dispatch', () => {
  it('answers a valid call', async () => {
    const r = await dispatch(handlers, context(), 'app.info', []);
    expect(r).toMatchObject({ ok: true, value: { name: 'BlocDesk', schemaVersion: SCHEMA_VERSION } });
  });

  it('refuses an unknown channel', async () => {
    const r = await dispatch(handlers, context(), 'fs.readAnything', ['/etc/passwd']);
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('validates every payload in main and changes nothing on an invalid one', async () => {
    const ctx = context();
    const r = await dispatch(handlers, ctx, 'settings.update', [{ fontSize: 'rất to', agency: 42 }]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-payload');
      expect(r.error.message).toContain('không hợp lệ');
      expect(r.error.details?.join(' ')).toMatch(/fontSize|agency/);
    }
    expect(ctx.settings.get()).toEqual(DEFAULT_SETTINGS);
    const wrongShape = await dispatch(handlers, ctx, 'blocUpload.part', [{ upload: 'x', index: -1, bytes: 'không phải byte' }]);
    expect(wrongShape).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });

  it('normalises payload text to NFC before the handler sees it', async () => {
    const ctx = context();
    const r = await dispatch(handlers, ctx, 'settings.update', [{ agency: 'Sở Y tế'.normalize('NFD') }]);
    expect(r).toMatchObject({ ok: true, value: { agency: 'Sở Y tế'.normalize('NFC') } });
  });

  it('removes control characters and bidi overrides from payload text; keeps line breaks', async () => {
    const ctx = context();
    const r = await dispatch(handlers, ctx, 'settings.update', [{ agency: 'Sở\u0000 Y tế\u202E\u2067\u0085', signerName: 'Nguyễn\tVăn\nAn' }]);
    expect(r).toMatchObject({ ok: true, value: { agency: 'Sở Y tế', signerName: 'Nguyễn\tVăn\nAn' } });
  });

  it('never lets a __proto__ key in a payload set a value', async () => {
    const ctx = context();
    const payload = JSON.parse('{"__proto__": {"agency": "Khối giả mạo"}}') as Record<string, unknown>;
    const r = await dispatch(handlers, ctx, 'settings.update', [payload]);
    expect(r.ok).toBe(true);
    expect(ctx.settings.get().agency).toBe('');
  });

  it('passes a user error through with its Vietnamese message', async () => {
    const h = withHandler('app.info', async () => {
      throw new UserError('year-not-found', 'Không có năm thi đua 2030 trong dữ liệu.');
    });
    expect(await dispatch(h, context(), 'app.info', [])).toEqual({
      ok: false,
      error: { code: 'year-not-found', message: 'Không có năm thi đua 2030 trong dữ liệu.' },
    });
  });

  it('explains a full disk in Vietnamese', async () => {
    const h = withHandler('app.info', async () => {
      await writeFile('/dev/full', 'dữ liệu'); // the kernel answers ENOSPC, as a full disk does
      throw new Error('unreachable');
    });
    const r = await dispatch(h, context(), 'app.info', []);
    expect(r).toMatchObject({ ok: false, error: { code: 'file-system' } });
    if (!r.ok) expect(r.error.message).toContain('Ổ đĩa đã đầy');
  });

  it('turns an unexpected failure into a calm message and logs the details', async () => {
    const log: string[] = [];
    const h = withHandler('app.info', async () => {
      throw new TypeError('Cannot read properties of undefined');
    });
    const r = await dispatch(h, context(log), 'app.info', []);
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!r.ok) expect(r.error.message).toContain('dữ liệu của bạn không bị thay đổi');
    expect(log.join('\n')).toContain('TypeError');
  });
});
