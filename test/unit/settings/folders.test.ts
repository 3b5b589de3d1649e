/**
 * Folder settings: "Chọn…" asks main for a folder (the host's folder dialog), and a Times New
 * Roman folder without its four font files is refused in main, naming what is missing.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/services/bridge/context';
import { dispatch } from '../../../electron/services/bridge/dispatch';
import type { Host } from '../../../electron/services/bridge/host';
import { handlers } from '../../../electron/services/handlers/index';
import { timesFontFolderProblem } from '../../../electron/services/documents/base/fonts';
import { DEFAULT_SETTINGS } from '../../../shared/model/settings';
import { tempDir } from '../assessment/corpus-tools';
import { memorySettings } from '../support/memory-settings';

const ASSETS = new URL('../../../assets', import.meta.url).pathname;
const LIBERATION = ['Regular', 'Bold', 'Italic', 'BoldItalic'].map((s) => join(ASSETS, 'fonts', `LiberationSerif-${s}.ttf`));

/** A folder holding the given Times New Roman names (real font files, Liberation Serif inside). */
function fontFolder(names: string[]): string {
  const dir = tempDir('times');
  names.forEach((n, i) => copyFileSync(LIBERATION[i % 4]!, join(dir, n)));
  return dir;
}

function context(open: string[][] = []) {
  const asked: Parameters<Host['showOpenDialog']>[0][] = [];
  const ctx: ServiceContext = {
    host: {
      showSaveDialog: async () => null,
      showOpenDialog: async (o) => {
        asked.push(o);
        return open.shift() ?? [];
      },
      printPdf: async () => false,
    },
    settings: memorySettings(),
    assetsDir: ASSETS,
    appVersion: '0.0.0-test',
  };
  return { ctx, asked };
}

describe('Times New Roman folder', () => {
  it('is accepted with its four styles, in any letter case', () => {
    expect(timesFontFolderProblem(fontFolder(['TIMES.TTF', 'timesbd.ttf', 'timesi.ttf', 'Timesbi.ttf']))).toBeNull();
    expect(timesFontFolderProblem('')).toBeNull();
  });

  it('is refused naming each missing file and its style', () => {
    const dir = fontFolder(['times.ttf', 'timesi.ttf']);
    expect(timesFontFolderProblem(dir)).toBe(
      `Thư mục "${dir}" chưa đủ phông Times New Roman: thiếu timesbd.ttf (đậm), timesbi.ttf (đậm nghiêng). ` +
        'Cần đủ bốn tệp times.ttf (thường), timesbd.ttf (đậm), timesi.ttf (nghiêng), timesbi.ttf (đậm nghiêng); ' +
        'trên Windows chúng nằm trong C:\\Windows\\Fonts. Để trống ô này để dùng phông Liberation Serif đi kèm.',
    );
  });

  it('is refused when a file only carries the name of a font, or the folder does not exist', () => {
    const dir = fontFolder(['times.ttf', 'timesbd.ttf', 'timesi.ttf']);
    writeFileSync(join(dir, 'timesbi.ttf'), 'không phải phông chữ');
    expect(timesFontFolderProblem(dir)).toContain('chưa đủ phông Times New Roman: timesbi.ttf (đậm nghiêng) không phải tệp phông chữ.');
    expect(timesFontFolderProblem(join(dir, 'khong-co'))).toBe(`Không mở được thư mục phông chữ "${join(dir, 'khong-co')}". Hãy chọn một thư mục có trên máy.`);
  });

  it('is checked by settings.update in main: an incomplete folder changes nothing', async () => {
    const { ctx } = context();
    const incomplete = fontFolder(['times.ttf', 'timesbd.ttf', 'timesi.ttf']);
    const refused = await dispatch(handlers, ctx, 'settings.update', [{ timesFontDir: incomplete, agency: 'Sở Y tế' }]);
    expect(refused).toEqual({ ok: false, error: { code: 'times-font-incomplete', message: expect.stringContaining('thiếu timesbi.ttf (đậm nghiêng)') } });
    expect(ctx.settings.get()).toEqual(DEFAULT_SETTINGS);
    const complete = fontFolder(['times.ttf', 'timesbd.ttf', 'timesi.ttf', 'timesbi.ttf']);
    expect(await dispatch(handlers, ctx, 'settings.update', [{ timesFontDir: complete }])).toMatchObject({ ok: true, value: { timesFontDir: complete } });
    expect(await dispatch(handlers, ctx, 'settings.update', [{ timesFontDir: '' }])).toMatchObject({ ok: true, value: { timesFontDir: '' } });
  });
});

describe('settings.pickFolder', () => {
  it('opens a folder dialog at the current value and returns the choice, without saving it', async () => {
    const { ctx, asked } = context([['/du-lieu/xuat']]);
    const r = await dispatch(handlers, ctx, 'settings.pickFolder', [{ purpose: 'export', current: '/du-lieu' }]);
    expect(r).toEqual({ ok: true, value: { path: '/du-lieu/xuat' } });
    expect(asked[0]).toMatchObject({ directory: true, multiple: false, defaultPath: '/du-lieu' });
    expect(ctx.settings.get().folders.export).toBe('');
    expect(await dispatch(handlers, ctx, 'settings.pickFolder', [{ purpose: 'import', current: '' }])).toEqual({ ok: true, value: null });
    expect(asked[1]).not.toHaveProperty('defaultPath');
  });

  it('refuses a Times New Roman folder without the four fonts, naming what is missing', async () => {
    const incomplete = fontFolder(['times.ttf']);
    const complete = fontFolder(['times.ttf', 'timesbd.ttf', 'timesi.ttf', 'timesbi.ttf']);
    const { ctx } = context([[incomplete], [complete]]);
    const refused = await dispatch(handlers, ctx, 'settings.pickFolder', [{ purpose: 'timesFont', current: '' }]);
    expect(refused).toMatchObject({ ok: false, error: { code: 'times-font-incomplete' } });
    expect(!refused.ok && refused.error.message).toContain('thiếu timesbd.ttf (đậm), timesi.ttf (nghiêng), timesbi.ttf (đậm nghiêng)');
    expect(await dispatch(handlers, ctx, 'settings.pickFolder', [{ purpose: 'timesFont', current: '' }])).toEqual({ ok: true, value: { path: complete } });
  });
});
