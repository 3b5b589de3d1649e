import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConfSettings } from '../../../electron/services/settings/conf-store';
import { DEFAULT_SETTINGS } from '../../../shared/model/settings';

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
});
