/** Automatic backups: take one, list the folder, read one back for preview or restore, save a copy, check the folder. */
import { z } from 'zod';
import { channel } from '../contract';
import { BlocDataSchema } from '../../model/records';
import { BackupReasonSchema, type BackupEntry, type BackupFolderStatus, type BackupTaken } from '../../package/backup';
import type { OpenedPackage } from './foundation';
import { UploadIdSchema } from './upload';

const BackupPathSchema = z.string().min(1).max(1000);

export const backupsChannels = {
  /** Writes a backup of the bloc into the backups folder, then applies the retention rule. */
  'backups.take': channel<BackupTaken>()(z.tuple([BlocDataSchema, BackupReasonSchema])),
  /**
   * The same as backups.take, for a bloc sent in parts (`blocUpload.*`): the renderer reads a large
   * bloc in a worker and sends it a part at a time, each checked like every payload, instead of
   * copying every record on the window's thread.
   */
  'backups.takeUploaded': channel<BackupTaken>()(z.tuple([UploadIdSchema, BackupReasonSchema])),
  /** Every package in the backups folder, newest first; damaged files are listed as such. */
  'backups.list': channel<{ folder: string; isDefault: boolean; entries: BackupEntry[] }>()(z.tuple([])),
  /** Reads and fully validates one backup (a file of the backups folder) for preview or restore. */
  'backups.read': channel<OpenedPackage>()(z.tuple([BackupPathSchema])),
  /** Copies one backup elsewhere through a save dialog; null when cancelled. */
  'backups.saveCopy': channel<{ path: string } | null>()(z.tuple([BackupPathSchema])),
  /** Whether backups can be written now, free space, and the given bloc's newest backup. */
  'backups.status': channel<BackupFolderStatus>()(z.tuple([z.string().min(1).max(64).optional()])),
};
