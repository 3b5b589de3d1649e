/** Where backups go: one rule for the automatic backups and the copy kept before "Thay thế". */
import { join } from 'node:path';
import { UserError } from '../../../shared/errors';
import type { ServiceContext } from '../bridge/context';

export const DEFAULT_BACKUP_FOLDER_NAME = 'backups';

/** The backups folder in use: the one chosen in Cài đặt, else `<userData>/backups`. */
export function backupFolderOf(ctx: ServiceContext): { folder: string; isDefault: boolean } {
  const chosen = ctx.settings.get().backupFolder.trim();
  if (chosen) return { folder: chosen, isDefault: false };
  if (!ctx.userDataDir)
    throw new UserError('backup-folder-unset', 'Chưa xác định được thư mục dữ liệu của ứng dụng; hãy chọn thư mục sao lưu trong Cài đặt.');
  return { folder: join(ctx.userDataDir, DEFAULT_BACKUP_FOLDER_NAME), isDefault: true };
}
