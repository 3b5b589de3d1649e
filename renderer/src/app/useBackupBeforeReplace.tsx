/**
 * "Thay thế" never replaces a bloc without a copy: the bloc on this PC is first written as a
 * package into the backups folder (in main, `handover.backup`), and the user is told where it is.
 * A restore of a backup does the same through the automatic backups (`backups.take`, reason
 * 'before-restore'), so it shows in the backups screen as "Trước khi khôi phục".
 */
import { useCallback } from 'react';
import type { BlocData } from '../../../shared/model/records';
import { api, ApiCallError } from '../api';
import { useBackups } from './backups/BackupsProvider';
import { useSettings } from './settings';
import { useAsk } from '../ui/Confirm';
import { secretariatOf } from './secretariat';

export type ReplaceKind = 'replace' | 'restore';

export function useBackupBeforeReplace() {
  const { settings } = useSettings();
  const ask = useAsk();
  const backups = useBackups();

  /**
   * Writes the backup of the bloc on this PC and returns its path; throws ApiCallError (nothing
   * replaced) when it cannot. A restore reads the bloc itself (in the worker); a replace is given it.
   */
  const backup = useCallback(
    async (current: BlocData | string, kind: ReplaceKind = 'replace'): Promise<string> => {
      const r =
        typeof current === 'string'
          ? await backups.backupNow(current, kind === 'restore' ? 'before-restore' : 'before-replace')
          : await api.invoke('handover.backup', { data: current, createdBy: secretariatOf(current, settings.agency) });
      if (!r.ok)
        throw new ApiCallError({
          ...r.error,
          message: `${kind === 'restore' ? 'Chưa khôi phục' : 'Chưa thay thế khối'} vì không sao lưu được bản đang có trên máy: ${r.error.message}`,
        });
      if (typeof current !== 'string') backups.noteBackupWritten();
      return r.value.path;
    },
    [settings.agency, backups],
  );

  /** Tells where the replaced bloc was kept (a dialog: a path must stay readable, unlike a toast). */
  const tellWhere = useCallback(
    async (blocName: string, path: string, kind: ReplaceKind = 'replace') => {
      const restored = kind === 'restore';
      await ask({
        title: restored ? 'Đã khôi phục bản sao lưu' : 'Đã thay thế khối',
        message: (
          <>
            <p>
              Khối <strong>{blocName}</strong> đã được {restored ? 'khôi phục từ bản sao lưu' : 'thay thế'}. Bản trên máy trước khi{' '}
              {restored ? 'khôi phục' : 'thay thế'} được sao lưu tại:
            </p>
            <p className="backup-path" data-testid="backup-path">
              <code>{path}</code>
            </p>
            <p className="muted">
              {restored
                ? 'Muốn quay lại bản đó, hãy khôi phục nó ở mục «Bản sao lưu».'
                : 'Muốn quay lại bản cũ, hãy nhập tệp này ở mục «Sao lưu & bàn giao» và chọn «Thay thế bản hiện có», hoặc khôi phục nó ở mục «Bản sao lưu».'}
            </p>
          </>
        ),
        choices: [],
        cancelLabel: 'Đóng',
      });
    },
    [ask],
  );

  return { backup, tellWhere };
}
