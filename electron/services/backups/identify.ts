/**
 * Whether a file in the backups folder is one of the app's own backups. Only such files are ever
 * deleted by the retention rule: the name must parse as a backup name, and its bloc and time must
 * agree with the manifest inside. A package the user copied in by hand, a handover export or a
 * damaged file never qualifies.
 */
import { backupBlocSlug, backupStamp, parseBackupFileName } from '../../../shared/package/backup-naming';
import { OFFICE_UTC_OFFSET_MINUTES } from '../../../shared/domain/office-time';
import type { BackupReason } from '../../../shared/package/backup';
import type { PackageManifest } from '../../../shared/package/format';

export function identifyBackup(
  fileName: string,
  manifest: PackageManifest,
  offsetMinutes = OFFICE_UTC_OFFSET_MINUTES,
): BackupReason | null {
  const parsed = parseBackupFileName(fileName, offsetMinutes);
  if (!parsed) return null;
  const created = Date.parse(manifest.createdAt);
  if (Number.isNaN(created)) return null;
  if (parsed.slug !== backupBlocSlug(manifest.bloc)) return null;
  if (parsed.stamp !== backupStamp(created, offsetMinutes)) return null;
  return parsed.reason;
}
