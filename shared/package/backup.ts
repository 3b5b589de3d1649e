/**
 * Automatic backups: why one was taken, and what the backups folder holds. A backup is an ordinary
 * handover package (*.blocdesk, shared/package/format.ts) in the backups folder.
 */
import { z } from 'zod';
import type { PackageCounts } from './format';

export const BACKUP_REASONS = [
  'startup',
  'before-replace',
  'before-delete-year',
  'before-delete-bloc',
  'before-undo-import',
  'before-unlock',
  'after-import',
  'after-lock',
  'after-vote',
  'periodic',
  'before-restore',
  'manual',
] as const;
export const BackupReasonSchema = z.enum(BACKUP_REASONS);
export type BackupReason = z.infer<typeof BackupReasonSchema>;

/** What the backups screen shows for each reason. */
export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  startup: 'Khi khởi động',
  'before-replace': 'Trước khi thay thế dữ liệu',
  'before-delete-year': 'Trước khi xóa năm',
  'before-delete-bloc': 'Trước khi xóa khối',
  'before-undo-import': 'Trước khi hoàn tác nhập',
  'before-unlock': 'Trước khi mở khóa năm',
  'after-import': 'Sau khi nhập dữ liệu',
  'after-lock': 'Sau khi khóa thẩm định',
  'after-vote': 'Sau khi bỏ phiếu',
  periodic: 'Định kỳ',
  'before-restore': 'Trước khi khôi phục',
  manual: 'Sao lưu thủ công',
};

/**
 * The reason as written in the file name: ASCII Vietnamese, so a user browsing the folder in
 * Explorer reads "truoc-thay-the" rather than an English code. Distinct and without digits, so a
 * file name parses back to exactly one reason.
 */
export const BACKUP_REASON_TOKENS: Record<BackupReason, string> = {
  startup: 'khoi-dong',
  'before-replace': 'truoc-thay-the',
  'before-delete-year': 'truoc-xoa-nam',
  'before-delete-bloc': 'truoc-xoa-khoi',
  'before-undo-import': 'truoc-hoan-tac-nhap',
  'before-unlock': 'truoc-mo-khoa',
  'after-import': 'sau-nhap',
  'after-lock': 'sau-khoa',
  'after-vote': 'sau-bo-phieu',
  periodic: 'dinh-ky',
  'before-restore': 'truoc-khoi-phuc',
  manual: 'thu-cong',
};

/** A reason given either as its code ('before-replace') or its file-name token ('truoc-thay-the'). */
export function toBackupReason(value: string): BackupReason | null {
  if ((BACKUP_REASONS as readonly string[]).includes(value)) return value as BackupReason;
  const hit = BACKUP_REASONS.find((r) => BACKUP_REASON_TOKENS[r] === value);
  return hit ?? null;
}

interface BackupEntryBase {
  path: string;
  fileName: string;
  size: number;
  /** The file's modification time (ISO), for damaged files the only time there is. */
  modifiedAt: string;
}

/** A readable package in the backups folder. */
export interface BackupEntryOk extends BackupEntryBase {
  status: 'ok';
  /** When the package was made (its manifest's createdAt, ISO). */
  time: string;
  bloc: { id: string; name: string; shortName: string };
  years: number[];
  counts: PackageCounts;
  /** Why it was taken; null for a package that is not one of the app's backups (copied in by hand). */
  reason: BackupReason | null;
}

/** A file named *.blocdesk that cannot be read; listed so the user sees it, never deleted. */
export interface BackupEntryDamaged extends BackupEntryBase {
  status: 'damaged';
  time: string;
  /** Vietnamese: what is wrong. */
  problem: string;
}

export type BackupEntry = BackupEntryOk | BackupEntryDamaged;

/** Whether backups can be written, so the app can warn when a USB stick was removed or a disk is full. */
export interface BackupFolderStatus {
  folder: string;
  /** The folder is the default one inside the app's data (not a chosen folder). */
  isDefault: boolean;
  exists: boolean;
  writable: boolean;
  /** Free bytes for this user, when the platform tells (fs.statfs); null otherwise. */
  freeBytes: number | null;
  /** Vietnamese warning when backups cannot be written or space is low; null when all is well. */
  problem: string | null;
  /** The newest backup of the bloc asked about (ISO), or null. */
  lastBackupAt: string | null;
}

/** What taking a backup did. */
export interface BackupTaken {
  path: string;
  fileName: string;
  bytes: number;
  time: string;
  reason: BackupReason;
  /** Older backups of the bloc removed by the retention rule. */
  removed: string[];
  /** Vietnamese notes on removals that failed (the backup itself succeeded). */
  warnings: string[];
}
