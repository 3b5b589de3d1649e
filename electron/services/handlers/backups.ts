/** Handlers of the backups channels over the backup service (electron/services/backups). */
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { UserError } from '../../../shared/errors';
import type { backupsChannels } from '../../../shared/api/channels/backups';
import { PACKAGE_EXTENSION } from '../../../shared/package/format';
import { describeIssue } from '../../../shared/package/describe-issue';
import { parseUntrustedJson } from '../../../shared/package/untrusted-json';
import { BlocDataSchema, type BlocData } from '../../../shared/model/records';
import type { BackupReason } from '../../../shared/package/backup';
import type { HandlerMap } from '../bridge/dispatch';
import type { ServiceContext } from '../bridge/context';
import { folderStatus, listBackups, takeBackup } from '../backups/index';
import type { BackupSource } from '../backups/take-backup';
import { abortUpload, finishUpload } from '../handover/bloc-upload';
import { writeFileAtomic } from '../fs/atomic-write';
import { toFileSystemError } from '../fs/fs-errors';
import { openedPackage, readPackageFile } from '../handover/package-file';
import { APP_NAME, rememberFolder } from './foundation';
import { backupFolderOf } from './backup-folder';

/** Only packages directly inside the backups folder may be read or copied through these channels. */
function backupPath(ctx: ServiceContext, path: string): string {
  const { folder } = backupFolderOf(ctx);
  const full = resolve(path);
  if (dirname(full) !== resolve(folder) || extname(full).toLowerCase() !== `.${PACKAGE_EXTENSION}`)
    throw new UserError('backup-outside', `Tệp "${path}" không phải bản sao lưu trong thư mục sao lưu "${folder}".`);
  return full;
}

function take(ctx: ServiceContext, source: BackupSource, reason: BackupReason) {
  const { folder, isDefault } = backupFolderOf(ctx);
  return takeBackup(source, folder, reason, {
    appName: APP_NAME,
    appVersion: ctx.appVersion,
    createdBy: ctx.settings.get().agency || `${APP_NAME} (sao lưu tự động)`,
    createIfMissing: isDefault,
  });
}

export const backupsHandlers = {
  'backups.take': async (ctx, data, reason) => take(ctx, data, reason),
  'backups.takeUploaded': async (ctx, upload, reason) => {
    try {
      return await take(ctx, { pack: (meta) => finishUpload(upload, meta) }, reason);
    } finally {
      // A backup refused before it packs (no folder, a bad reason) must not keep the upload open:
      // a few such failures would fill main's uploads and refuse every export and backup after them.
      abortUpload(upload);
    }
  },
  'backups.list': async (ctx) => {
    const { folder, isDefault } = backupFolderOf(ctx);
    return { folder, isDefault, entries: await listBackups(folder, { missingOk: true }) };
  },
  'backups.read': async (ctx, path) => {
    const read = await readPackageFile(backupPath(ctx, path), { scoreSheets: true });
    return openedPackage(read);
  },
  'backups.saveCopy': async (ctx, path) => {
    const source = backupPath(ctx, path);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(source));
    } catch (err) {
      throw toFileSystemError(err, source);
    }
    const exportFolder = ctx.settings.get().folders.export;
    const chosen = await ctx.host.showSaveDialog({
      title: 'Lưu bản sao của bản sao lưu',
      defaultPath: exportFolder ? join(exportFolder, basename(source)) : basename(source),
      filters: [{ name: 'Gói dữ liệu BlocDesk', extensions: [PACKAGE_EXTENSION] }],
    });
    if (!chosen) return null;
    const target = extname(chosen) ? chosen : `${chosen}.${PACKAGE_EXTENSION}`;
    if (resolve(target) === source) return { path: target };
    await writeFileAtomic(target, bytes);
    rememberFolder(ctx, 'export', dirname(target));
    return { path: target };
  },
  'backups.status': async (ctx, blocId) => {
    const { folder, isDefault } = backupFolderOf(ctx);
    return folderStatus(folder, { isDefault, ...(blocId ? { blocId } : {}) });
  },
} satisfies { [K in keyof typeof backupsChannels]: HandlerMap[K] };
