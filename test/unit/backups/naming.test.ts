import { describe, expect, it } from 'vitest';
import { backupFileName, parseBackupFileName } from '../../../shared/package/backup-naming';
import { BACKUP_REASONS, BACKUP_REASON_TOKENS, toBackupReason } from '../../../shared/package/backup';
import { asciiSlug } from '../../../shared/text/vietnamese';

const bloc = { name: 'Khối thi đua Văn hóa - Xã hội', shortName: 'Khối Văn hóa – Xã hội' };

describe('backup file names', () => {
  it('folds the bloc short name to ASCII and writes the office time and the reason token', () => {
    expect(backupFileName(bloc, '2026-05-14T03:42:07.123Z', 'before-replace')).toBe(
      'khoi-van-hoa-xa-hoi-20260514-104207-truoc-thay-the.blocdesk',
    );
  });

  it('uses the office day across midnight UTC and across a year end', () => {
    expect(backupFileName(bloc, '2026-12-31T17:00:00.000Z', 'periodic')).toBe('khoi-van-hoa-xa-hoi-20270101-000000-dinh-ky.blocdesk');
  });

  it('falls back to the name, then to "khoi", when the short name has no letters', () => {
    expect(backupFileName({ name: 'Đoàn thể Đông Hà', shortName: '' }, '2026-05-14T03:00:00Z', 'manual')).toMatch(/^doan-the-dong-ha-/);
    expect(backupFileName({ name: '***', shortName: '—' }, '2026-05-14T03:00:00Z', 'manual')).toMatch(/^khoi-20260514-/);
  });

  it('reads every name it writes back, with the sequence for a second backup in the same second', () => {
    for (const reason of BACKUP_REASONS) {
      const name = backupFileName({ name: 'Khối 2024', shortName: 'Khối 2024-A' }, '2026-02-28T16:59:59.000Z', reason, { sequence: 3 });
      expect(parseBackupFileName(name)).toEqual({
        slug: 'khoi-2024-a',
        time: '2026-02-28T16:59:59.000Z',
        stamp: '20260228-235959',
        reason,
        sequence: 3,
      });
    }
  });

  it('does not take other files for backups', () => {
    for (const name of [
      'Khoi_VHXH_2026-05-14.blocdesk',
      'khoi-20260514-104207-truoc-thay-the.blocdesk.123-abcdef01.tmp',
      'khoi-20260231-104207-dinh-ky.blocdesk', // 31 February
      'khoi-20261314-104207-dinh-ky.blocdesk',
      'khoi-20260514-104207-khong-ro.blocdesk',
      'khoi-20260514-104207-dinh-ky-1.blocdesk',
      'Khoi-20260514-104207-dinh-ky.blocdesk',
      'khoi-20260514-104207-dinh-ky.zip',
    ])
      expect(parseBackupFileName(name), name).toBeNull();
  });

  it('reason tokens are distinct ASCII and accepted wherever a reason is', () => {
    const tokens = Object.values(BACKUP_REASON_TOKENS);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const t of tokens) expect(t).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(toBackupReason('truoc-thay-the')).toBe('before-replace');
    expect(toBackupReason('before-replace')).toBe('before-replace');
    expect(toBackupReason('xoa-het')).toBeNull();
  });

  it('asciiSlug folds Vietnamese letters including đ/Đ and collapses punctuation', () => {
    expect(asciiSlug('  Sở Giáo dục & Đào tạo (Hà Nam)  ')).toBe('so-giao-duc-dao-tao-ha-nam');
    expect(asciiSlug('Ủy ban'.normalize('NFD'))).toBe('uy-ban');
  });
});
