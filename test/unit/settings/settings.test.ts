import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { createConfSettings } from '../../../electron/services/settings/conf-store';
import { createSettingsService, type KeyValueStore } from '../../../electron/services/settings/settings-service';
import { dispatch } from '../../../electron/services/bridge/dispatch';
import { handlers } from '../../../electron/services/handlers/index';
import { UserError } from '../../../shared/errors';
import { DEFAULT_SETTINGS } from '../../../shared/model/settings';
import { memoryStore } from '../support/memory-settings';

const fresh = () => mkdtempSync(join(tmpdir(), 'blocdesk-settings-'));

describe('settings', () => {
  it('starts with defaults and survives a restart', () => {
    const dir = fresh();
    const s = createConfSettings(dir);
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    expect(s.takeNotice()).toBeNull();
    s.update({ agency: 'Sở Y tế tỉnh Hà Nam', signerName: 'Nguyễn Văn An', fontSize: 18 });
    const again = createConfSettings(dir);
    expect(again.get()).toMatchObject({ agency: 'Sở Y tế tỉnh Hà Nam', signerName: 'Nguyễn Văn An', fontSize: 18 });
  });

  it('normalises text to NFC', () => {
    const s = createConfSettings(fresh());
    s.update({ signerTitle: 'Giám đốc'.normalize('NFD') });
    expect(s.get().signerTitle).toBe('Giám đốc'.normalize('NFC'));
  });

  it('rejects values out of range without changing anything', () => {
    const s = createConfSettings(fresh());
    expect(() => s.update({ fontSize: 99 })).toThrow();
    expect(s.get().fontSize).toBe(DEFAULT_SETTINGS.fontSize);
  });

  it('resets a corrupted settings file to defaults with a visible notice, keeping the broken file aside', () => {
    const dir = fresh();
    createConfSettings(dir).update({ agency: 'Sở Y tế' });
    writeFileSync(join(dir, 'settings.json'), '{"agency": "Sở Y tế", ');
    const s = createConfSettings(dir);
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    const notice = s.takeNotice();
    expect(notice).toContain('bị hỏng');
    expect(s.takeNotice()).toBeNull();
    expect(readdirSync(dir).some((f) => f.startsWith('settings.json.hong-'))).toBe(true);
    s.update({ agency: 'Sở Giáo dục' });
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).agency).toBe('Sở Giáo dục');
  });

  it('keeps the valid fields of a file with some invalid values', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ agency: 'Sở Y tế', fontSize: 'to lắm' }));
    const s = createConfSettings(dir);
    expect(s.get().agency).toBe('Sở Y tế');
    expect(s.get().fontSize).toBe(DEFAULT_SETTINGS.fontSize);
    expect(s.takeNotice()).toContain('không hợp lệ');
  });

  it('treats valid JSON of the wrong shape as a broken file', () => {
    for (const content of ['[1,2,3]', 'null', '"Sở Y tế"', '42', '']) {
      const dir = fresh();
      writeFileSync(join(dir, 'settings.json'), content);
      const s = createConfSettings(dir);
      expect(s.get(), content).toEqual(DEFAULT_SETTINGS);
      expect(s.takeNotice(), content).toContain('bị hỏng nên đã được đặt lại');
      expect(readdirSync(dir).filter((f) => f.startsWith('settings.json.hong-')), content).toHaveLength(1);
      s.update({ agency: 'Sở Y tế' });
      expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')), content).toMatchObject({ agency: 'Sở Y tế', fontSize: 15 });
    }
  });
});

describe('settings in a folder that cannot be written', () => {
  it('opens with defaults and a notice when the settings folder sits under a file', () => {
    const parent = join(fresh(), 'khong-phai-thu-muc');
    writeFileSync(parent, 'một tệp, không phải thư mục');
    const dir = join(parent, 'BlocDesk');
    const s = createConfSettings(dir);
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    const notice = s.takeNotice();
    expect(notice).toContain(`Không mở được tệp cài đặt "${join(dir, 'settings.json')}"`);
    expect(notice).toContain('chỉ có hiệu lực đến khi đóng ứng dụng');
    // This session still works, in memory.
    expect(s.update({ agency: 'Sở Y tế' }).agency).toBe('Sở Y tế');
    expect(s.get().agency).toBe('Sở Y tế');
  });

  it('opens with defaults and a notice when a broken file can be neither moved aside nor rewritten', () => {
    // A real failure even for root: the name of the copy kept aside would be longer than the
    // 255 bytes a file name may have, so the rename fails (ENAMETOOLONG) as on a read-only folder.
    const dir = fresh();
    const configName = 'c'.repeat(240);
    const path = join(dir, `${configName}.json`);
    writeFileSync(path, '[1,2,3]');
    let opened = 0;
    const s = createSettingsService(() => {
      opened += 1;
      return new Conf<Record<string, unknown>>({ cwd: dir, configName, projectName: 'BlocDesk' });
    }, path);
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    expect(s.takeNotice()).toBe(
      `Tệp cài đặt "${path}" bị hỏng và không đặt lại được (đường dẫn quá dài). BlocDesk dùng cài đặt mặc định; thay đổi cài đặt chỉ có hiệu lực đến khi đóng ứng dụng.`,
    );
    expect(opened).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe('[1,2,3]');
    expect(s.update({ fontSize: 20 }).fontSize).toBe(20);
    expect(readFileSync(path, 'utf8')).toBe('[1,2,3]');
  });

  it('refuses an update it cannot write with a Vietnamese message, and keeps the settings', async () => {
    const readOnly = (): KeyValueStore => {
      const inner = memoryStore({ agency: 'Sở Y tế' });
      return {
        path: inner.path,
        get store() {
          return inner.store;
        },
        set() {
          throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
        },
        clear() {
          throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
        },
      };
    };
    const s = createSettingsService(readOnly, '/ro/settings.json');
    expect(() => s.update({ agency: 'Sở Giáo dục' })).toThrow(UserError);
    expect(() => s.update({ agency: 'Sở Giáo dục' })).toThrow('Không lưu được cài đặt vào tệp "/ro/settings.json" (ổ đĩa chỉ cho phép đọc); cài đặt chưa thay đổi.');
    expect(s.get().agency).toBe('Sở Y tế');
    // An export still saves its file; only the folder is not remembered.
    const out = fresh();
    const ctx = { host: { showSaveDialog: async () => join(out, 'a.pdf'), showOpenDialog: async () => [], printPdf: async () => false }, settings: s, assetsDir: '', appVersion: '0' };
    const r = await dispatch(handlers, ctx, 'file.save', [{ bytes: new Uint8Array([37, 80, 68, 70]), suggestedName: 'a.pdf', folder: 'documents' }]);
    expect(r).toEqual({ ok: true, value: { path: join(out, 'a.pdf') } });
    expect(s.get().folders.documents).toBe('');
  });
});

describe('partial updates', () => {
  it('change only the fields they name, nested groups included', () => {
    const s = createConfSettings(fresh());
    const full = {
      agency: 'Sở Y tế',
      signerName: 'Nguyễn Văn An',
      signerTitle: 'Giám đốc',
      secretaryName: 'Trần Thị Bình',
      folders: { export: '/x', import: '/y', documents: '/z' },
      backupFolder: '/sao-luu',
      fontSize: 18,
      timesFontDir: '',
      margins: { top: 25, bottom: 22, left: 35, right: 18 },
    };
    s.update(full);
    expect(s.update({ margins: { top: 21 } })).toEqual({ ...full, margins: { ...full.margins, top: 21 } });
    expect(s.update({ folders: { import: '/moi' } }).folders).toEqual({ export: '/x', import: '/moi', documents: '/z' });
    expect(s.update({ signerName: 'Lê Văn C' })).toMatchObject({ agency: 'Sở Y tế', fontSize: 18, margins: { top: 21, left: 35 } });
  });

  it('through the bridge as well', async () => {
    const settings = createConfSettings(fresh());
    settings.update({ agency: 'Sở Y tế', fontSize: 20, margins: { top: 24, bottom: 24, left: 34, right: 19 } });
    const ctx = { host: { showSaveDialog: async () => null, showOpenDialog: async () => [], printPdf: async () => false }, settings, assetsDir: '', appVersion: '0' };
    const r = await dispatch(handlers, ctx, 'settings.update', [{ secretaryName: 'Trần Thị Bình' }]);
    expect(r).toMatchObject({ ok: true, value: { agency: 'Sở Y tế', fontSize: 20, secretaryName: 'Trần Thị Bình', margins: { top: 24, left: 34 } } });
  });
});
