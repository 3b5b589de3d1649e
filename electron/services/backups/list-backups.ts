/**
 * Lists the packages in a backups folder, newest first. Reads only each file's manifest
 * (package-manifest.ts), so a folder of large backups lists quickly. A file that cannot be read is
 * listed as damaged with the reason, never thrown: one bad file must not hide the good ones.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../../shared/errors';
import { OFFICE_UTC_OFFSET_MINUTES } from '../../../shared/domain/office-time';
import type { BackupEntry } from '../../../shared/package/backup';
import { PACKAGE_EXTENSION } from '../../../shared/package/format';
import { fileSystemMessage } from '../fs/fs-errors';
import { readPackageManifestFile } from '../handover/package-manifest';
import { identifyBackup } from './identify';

export interface ListBackupsOptions {
  /** A folder that does not exist yet lists as empty (the default folder before the first backup). */
  missingOk?: boolean;
  utcOffsetMinutes?: number;
}

export function folderUnavailableMessage(folder: string): string {
  return `Không tìm thấy thư mục sao lưu "${folder}". Nếu đây là USB hoặc ổ mạng, hãy cắm lại hoặc chọn thư mục khác trong Cài đặt. Ứng dụng vẫn làm việc bình thường, dữ liệu vẫn được lưu trên máy này.`;
}

/** Names of the *.blocdesk files directly in the folder. */
export async function packageFileNames(folder: string, missingOk = false): Promise<string[]> {
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    const ext = `.${PACKAGE_EXTENSION}`;
    return entries.filter((e) => e.isFile() && e.name.toLowerCase().endsWith(ext)).map((e) => e.name);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && missingOk) return [];
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UserError('backup-folder-unavailable', folderUnavailableMessage(folder));
    const message = fileSystemMessage(err, folder);
    if (message) throw new UserError('file-system', message);
    throw err;
  }
}

export async function readBackupEntry(folder: string, fileName: string, offsetMinutes = OFFICE_UTC_OFFSET_MINUTES): Promise<BackupEntry | null> {
  const path = join(folder, fileName);
  let size: number;
  let modifiedAt: string;
  try {
    const s = await stat(path);
    size = s.size;
    modifiedAt = s.mtime.toISOString();
  } catch {
    return null; // removed between listing and reading
  }
  const base = { path, fileName, size, modifiedAt };
  try {
    const { manifest } = await readPackageManifestFile(path);
    return {
      ...base,
      status: 'ok',
      time: manifest.createdAt,
      bloc: manifest.bloc,
      years: manifest.years,
      counts: manifest.counts,
      reason: identifyBackup(fileName, manifest, offsetMinutes),
    };
  } catch (err) {
    const problem =
      err instanceof UserError
        ? err.message
        : (fileSystemMessage(err, path) ?? `Không đọc được tệp "${fileName}": ${err instanceof Error ? err.message : String(err)}`);
    return { ...base, status: 'damaged', time: modifiedAt, problem };
  }
}

function newestFirst(a: BackupEntry, b: BackupEntry): number {
  return (Date.parse(b.time) || 0) - (Date.parse(a.time) || 0) || (a.fileName < b.fileName ? 1 : a.fileName > b.fileName ? -1 : 0);
}

export async function listBackups(folder: string, options: ListBackupsOptions = {}): Promise<BackupEntry[]> {
  const names = await packageFileNames(folder, options.missingOk);
  const out: BackupEntry[] = [];
  for (const name of names) {
    const entry = await readBackupEntry(folder, name, options.utcOffsetMinutes);
    if (entry) out.push(entry);
  }
  return out.sort(newestFirst);
}
