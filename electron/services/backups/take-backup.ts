/**
 * Takes one backup of a bloc: an ordinary handover package written atomically into the backups
 * folder under a backup name (shared/domain/backup-naming.ts), then the retention rule
 * (shared/domain/backup-retention.ts) applied to that bloc's earlier backups in the folder. Only
 * files identified as the app's own backups of the same bloc are ever deleted (identify.ts).
 *
 * A bloc given as BlocData must be as the bridge delivers it (NFC, parsed by BlocDataSchema) or as a
 * package read returns it: it is packed without being validated again (package-file.ts,
 * encodePackageAsync). A bloc sent in parts comes packed already (bloc-upload.ts).
 *
 * Called by the `backups.take` channel and by any service that must back up first, e.g. before a
 * handover replace: `takeBackup(data, folder, 'before-replace')` (the file-name token
 * 'truoc-thay-the' is accepted too).
 */
import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UserError } from '../../../shared/errors';
import { backupBlocSlug, backupFileName, parseBackupFileName } from '../../../shared/package/backup-naming';
import { applyRetention, type RetainedBackup, type RetentionPolicy } from '../../../shared/domain/backup-retention';
import { OFFICE_UTC_OFFSET_MINUTES } from '../../../shared/domain/office-time';
import { toBackupReason, type BackupReason, type BackupTaken } from '../../../shared/package/backup';
import type { BlocData } from '../../../shared/model/records';
import { isAtomicTempFile, writeFileAtomic, type AtomicWriteOps } from '../fs/atomic-write';
import { fileSystemMessage } from '../fs/fs-errors';
import { encodePackageAsync, type PackageMeta } from '../handover/package-file';
import { readPackageManifestFile } from '../handover/package-manifest';
import { identifyBackup } from './identify';
import { folderUnavailableMessage, packageFileNames } from './list-backups';

export interface TakeBackupOptions {
  appName?: string;
  appVersion?: string;
  /** Who made it (the secretariat's agency), written into the manifest. */
  createdBy?: string;
  /** Create the folder when it is missing. Only for the default folder: a missing chosen folder is a removed USB stick. */
  createIfMissing?: boolean;
  now?: Date;
  utcOffsetMinutes?: number;
  retention?: Partial<RetentionPolicy>;
  /** Injected file operations (tests simulate a full disk). */
  writeOps?: AtomicWriteOps;
}

/** A temporary file older than this was left by a process that died mid-write. */
const STALE_TEMP_MS = 60 * 60 * 1000;

const queues = new Map<string, Promise<unknown>>();
/** One backup at a time per folder, so names and retention never race. */
function serialised<T>(folder: string, work: () => Promise<T>): Promise<T> {
  const key = resolve(folder);
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return next;
}

async function ensureFolder(folder: string, create: boolean): Promise<void> {
  try {
    const s = await stat(folder);
    if (!s.isDirectory()) throw new UserError('backup-folder-unavailable', `"${folder}" không phải là thư mục; hãy chọn thư mục sao lưu khác trong Cài đặt.`);
    return;
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' || !create) {
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new UserError('backup-folder-unavailable', folderUnavailableMessage(folder));
      const message = fileSystemMessage(err, folder);
      throw message ? new UserError('file-system', message) : err;
    }
  }
  try {
    await mkdir(folder, { recursive: true });
  } catch (err) {
    const message = fileSystemMessage(err, folder);
    throw message ? new UserError('file-system', message) : err;
  }
}

async function removeStaleTemps(folder: string, nowMs: number): Promise<void> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (!isAtomicTempFile(name) || !name.includes('.blocdesk.')) continue;
    try {
      const s = await stat(join(folder, name));
      if (nowMs - s.mtimeMs > STALE_TEMP_MS) await unlink(join(folder, name));
    } catch {
      /* gone or locked: try next time */
    }
  }
}

async function freeName(folder: string, make: (sequence: number) => string): Promise<string> {
  for (let sequence = 1; sequence < 10_000; sequence++) {
    const name = make(sequence);
    try {
      await stat(join(folder, name));
    } catch {
      return name;
    }
  }
  throw new UserError('backup-name', `Không đặt được tên cho bản sao lưu trong "${folder}".`);
}

/** The app's own backups of one bloc in the folder (identified by name and manifest). */
async function backupsOfBloc(folder: string, bloc: BlocData['bloc'], offsetMinutes: number): Promise<(RetainedBackup & { fileName: string })[]> {
  const slug = backupBlocSlug(bloc);
  const out: (RetainedBackup & { fileName: string })[] = [];
  for (const fileName of await packageFileNames(folder)) {
    // The name filters first, so only candidate files are opened.
    if (parseBackupFileName(fileName, offsetMinutes)?.slug !== slug) continue;
    try {
      const { manifest } = await readPackageManifestFile(join(folder, fileName));
      if (manifest.bloc.id !== bloc.id || identifyBackup(fileName, manifest, offsetMinutes) === null) continue;
      out.push({ key: join(folder, fileName), blocId: manifest.bloc.id, time: manifest.createdAt, fileName });
    } catch {
      /* damaged or foreign: never a candidate for deletion */
    }
  }
  return out;
}

/** What a backup packs: a bloc in memory, or a bloc whose package is being built as it arrives (bloc-upload.ts). */
export type BackupSource = BlocData | { pack(meta: PackageMeta): Promise<{ bloc: BlocData['bloc']; bytes: Uint8Array }> };

/** The package's bytes, and the bloc's own record (what names the backup). */
function packed(source: BackupSource, meta: PackageMeta): Promise<{ bloc: BlocData['bloc']; bytes: Uint8Array }> {
  if ('pack' in source) return source.pack(meta);
  return encodePackageAsync(source, meta).then((bytes) => ({ bloc: source.bloc, bytes }));
}

export function takeBackup(
  source: BackupSource,
  folder: string,
  reasonInput: BackupReason | string,
  options: TakeBackupOptions = {},
): Promise<BackupTaken> {
  const reason = toBackupReason(reasonInput);
  if (!reason) return Promise.reject(new UserError('backup-reason', `Lý do sao lưu không hợp lệ: "${reasonInput}".`));
  return serialised(folder, async () => {
    const now = options.now ?? new Date();
    const offset = options.utcOffsetMinutes ?? OFFICE_UTC_OFFSET_MINUTES;
    await ensureFolder(folder, options.createIfMissing ?? false);
    await removeStaleTemps(folder, now.getTime());

    const time = now.toISOString();
    const { bloc, bytes } = await packed(source, {
      appName: options.appName ?? 'BlocDesk',
      appVersion: options.appVersion ?? '',
      createdBy: options.createdBy ?? 'BlocDesk (sao lưu tự động)',
      now: time,
    });
    const fileName = await freeName(folder, (sequence) => backupFileName(bloc, now, reason, { sequence, utcOffsetMinutes: offset }));
    const path = join(folder, fileName);
    await writeFileAtomic(path, bytes, options.writeOps);

    const removed: string[] = [];
    const warnings: string[] = [];
    try {
      const mine = await backupsOfBloc(folder, bloc, offset);
      const { remove } = applyRetention(mine, now, { utcOffsetMinutes: offset, ...options.retention });
      for (const old of remove) {
        if (old.key === path) continue;
        try {
          await unlink(old.key);
          removed.push(old.key);
        } catch (err) {
          warnings.push(fileSystemMessage(err, old.key) ?? `Không xóa được bản sao lưu cũ "${old.fileName}".`);
        }
      }
    } catch (err) {
      // The backup is written; a folder that cannot be tidied only means older copies stay longer.
      warnings.push(err instanceof UserError ? err.message : `Không dọn được các bản sao lưu cũ: ${err instanceof Error ? err.message : String(err)}`);
    }
    return { path, fileName, bytes: bytes.length, time, reason, removed, warnings };
  });
}
