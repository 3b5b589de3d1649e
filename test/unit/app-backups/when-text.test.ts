import { describe, expect, it } from 'vitest';
import { lastBackupText, whenText } from '../../../renderer/src/app/backups/when-text';

// Local times: the status reads the PC's clock, whatever its time zone.
const at = (y: number, mo: number, d: number, h: number, mi: number) => new Date(y, mo - 1, d, h, mi);

describe('backup times in words', () => {
  const now = at(2026, 5, 14, 16, 5);
  it('today, yesterday, otherwise the date', () => {
    expect(lastBackupText(at(2026, 5, 14, 10, 42).toISOString(), now)).toBe('Sao lưu lần cuối: 10:42 hôm nay');
    expect(lastBackupText(at(2026, 5, 14, 0, 0).toISOString(), now)).toBe('Sao lưu lần cuối: 00:00 hôm nay');
    expect(lastBackupText(at(2026, 5, 13, 23, 59).toISOString(), now)).toBe('Sao lưu lần cuối: 23:59 hôm qua');
    expect(lastBackupText(at(2026, 5, 12, 8, 5).toISOString(), now)).toBe('Sao lưu lần cuối: 08:05 ngày 12/05/2026');
    expect(whenText(at(2025, 12, 31, 9, 0).toISOString(), at(2026, 1, 1, 7, 0))).toBe('09:00 hôm qua');
    expect(whenText(at(2025, 3, 1, 9, 0).toISOString(), now)).toBe('09:00 ngày 01/03/2025');
  });
  it('no backup yet', () => {
    expect(lastBackupText(null, now)).toBe('Chưa có bản sao lưu');
  });
  it('a time after now (the clock went back) shows its date', () => {
    expect(whenText(at(2026, 5, 20, 9, 0).toISOString(), now)).toBe('09:00 ngày 20/05/2026');
  });
});
