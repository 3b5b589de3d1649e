/** The backup service: take, list and check backups of a bloc (see each module). */
export { takeBackup, type TakeBackupOptions } from './take-backup';
export { listBackups, type ListBackupsOptions } from './list-backups';
export { folderStatus, LOW_SPACE_BYTES, type FolderStatusOptions } from './folder-status';
export { identifyBackup } from './identify';
