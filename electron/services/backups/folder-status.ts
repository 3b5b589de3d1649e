/**
 * Can backups be written to the folder right now? Checked before the app relies on it, so it can
 * warn (USB stick removed, network drive gone, read-only or full disk) while it keeps working.
 */
import { mkdir, open, stat, statfs, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { BackupFolderStatus } from '../../../shared/package/backup';
import { parseBackupFileName } from '../../../shared/package/backup-naming';
import { OFFICE_UTC_OFFSET_MINUTES } from '../../../shared/domain/office-time';
import { fileSystemMessage } from '../fs/fs-errors';
import { readPackageManifestFile } from '../handover/package-manifest';
import { identifyBackup } from './identify';
import { folderUnavailableMessage, packageFileNames } from './list-backups';

/** Below this much free space the status warns (a large bloc's backup is a few megabytes). */
export const LOW_SPACE_BYTES = 100 * 1024 * 1024;

export interface FolderStatusOptions {
  /** The default folder inside the app's data: created when missing, not a warning. */
  isDefault?: boolean;
  /** Also find this bloc's newest backup. */
  blocId?: string;
  utcOffsetMinutes?: number;
}

const megabytes = (n: number) => `${Math.floor(n / 1048576)} MB`;

/** Writes and removes a tiny probe file: the only reliable test of "can write here" on Windows and network drives. */
async function probeWrite(folder: string): Promise<unknown | null> {
  const probe = join(folder, `.blocdesk-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const handle = await open(probe, 'wx');
    try {
      await handle.write(new Uint8Array([1]));
    } finally {
      await handle.close();
    }
    await unlink(probe);
    return null;
  } catch (err) {
    await unlink(probe).catch(() => undefined);
    return err;
  }
}

async function freeBytesOf(folder: string): Promise<number | null> {
  try {
    const s = await statfs(folder);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return null;
  }
}

/** The newest of the app's backups of the bloc, looked up newest name first (usually one manifest read). */
async function lastBackupOf(folder: string, blocId: string, offset: number): Promise<string | null> {
  const candidates = (await packageFileNames(folder, true))
    .map((fileName) => ({ fileName, parsed: parseBackupFileName(fileName, offset) }))
    .filter((c) => c.parsed !== null)
    .sort((a, b) => (a.parsed!.time < b.parsed!.time ? 1 : a.parsed!.time > b.parsed!.time ? -1 : b.parsed!.sequence - a.parsed!.sequence));
  for (const c of candidates) {
    try {
      const { manifest } = await readPackageManifestFile(join(folder, c.fileName));
      if (manifest.bloc.id === blocId && identifyBackup(c.fileName, manifest, offset)) return manifest.createdAt;
    } catch {
      /* damaged: look further */
    }
  }
  return null;
}

export async function folderStatus(folder: string, options: FolderStatusOptions = {}): Promise<BackupFolderStatus> {
  const isDefault = options.isDefault ?? false;
  const result: BackupFolderStatus = { folder, isDefault, exists: false, writable: false, freeBytes: null, problem: null, lastBackupAt: null };
  if (isDefault) await mkdir(folder, { recursive: true }).catch(() => undefined);
  try {
    const s = await stat(folder);
    if (!s.isDirectory()) {
      result.problem = `"${folder}" không phải là thư mục; hãy chọn thư mục sao lưu khác trong Cài đặt.`;
      return result;
    }
    result.exists = true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    result.problem = code === 'ENOENT' || code === 'ENOTDIR' ? folderUnavailableMessage(folder) : (fileSystemMessage(err, folder) ?? folderUnavailableMessage(folder));
    return result;
  }
  const failure = await probeWrite(folder);
  result.writable = failure === null;
  result.freeBytes = await freeBytesOf(folder);
  if (failure !== null) {
    const why = fileSystemMessage(failure, folder) ?? (failure instanceof Error ? failure.message : String(failure));
    result.problem = `Không ghi được bản sao lưu vào thư mục "${folder}". ${why} Ứng dụng vẫn làm việc bình thường, dữ liệu vẫn được lưu trên máy này.`;
  } else if (result.freeBytes !== null && result.freeBytes < LOW_SPACE_BYTES) {
    result.problem = `Ổ đĩa chứa thư mục sao lưu "${folder}" sắp đầy (còn ${megabytes(result.freeBytes)}). Hãy giải phóng dung lượng hoặc chọn thư mục khác trong Cài đặt.`;
  }
  if (options.blocId) result.lastBackupAt = await lastBackupOf(folder, options.blocId, options.utcOffsetMinutes ?? OFFICE_UTC_OFFSET_MINUTES);
  return result;
}
