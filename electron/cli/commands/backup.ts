/** `backup`: takes a backup of a package's bloc into a backups folder, applying the retention rule. */
import { resolve } from 'node:path';
import { BACKUP_REASONS, toBackupReason } from '../../../shared/package/backup';
import { parseCommandArgs, requireOption, UsageError, type Command } from '../command';
import { readPackageFile } from '../../services/handover/package-file';
import { takeBackup } from '../../services/backups/take-backup';
import { appVersion } from '../app-version';

export const backupCommand: Command = {
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { data: { type: 'string' }, folder: { type: 'string' }, reason: { type: 'string' } });
    const dataPath = resolve(requireOption(values.data, 'data'));
    const folder = resolve(requireOption(values.folder, 'folder'));
    const reason = values.reason === undefined ? 'manual' : toBackupReason(requireOption(values.reason, 'reason'));
    if (!reason) throw new UsageError(`--reason không hợp lệ: "${values.reason}". Dùng một trong: ${BACKUP_REASONS.join(', ')}.`);
    const { data } = await readPackageFile(dataPath);
    const taken = await takeBackup(data, folder, reason, { appVersion: appVersion(), createIfMissing: true });
    for (const w of taken.warnings) io.stderr(`Cảnh báo: ${w}\n`);
    io.stdout(`Đã sao lưu: ${taken.path} (${taken.bytes} byte).\n`);
    if (taken.removed.length) io.stdout(`Đã xóa ${taken.removed.length} bản sao lưu cũ theo quy tắc lưu giữ.\n`);
    return 0;
  },
};
