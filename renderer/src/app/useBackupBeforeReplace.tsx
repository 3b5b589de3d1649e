/**
 * "Thay thế" never replaces a bloc without a copy: the bloc on this PC is first written as a
 * package into the backups folder (in main, `handover.backup`), and the user is told where it is.
 */
import { useCallback } from 'react';
import type { BlocData } from '../../../shared/model/records';
import { api, ApiCallError } from '../api';
import { useSettings } from './settings';
import { useAsk } from '../ui/Confirm';
import { secretariatOf } from './secretariat';

export function useBackupBeforeReplace() {
  const { settings } = useSettings();
  const ask = useAsk();

  /** Writes the backup and returns its path; throws ApiCallError (nothing replaced) when it cannot. */
  const backup = useCallback(
    async (current: BlocData): Promise<string> => {
      const r = await api.invoke('handover.backup', { data: current, createdBy: secretariatOf(current, settings.agency) });
      if (!r.ok)
        throw new ApiCallError({
          ...r.error,
          message: `Chưa thay thế khối vì không sao lưu được bản đang có trên máy: ${r.error.message}`,
        });
      return r.value.path;
    },
    [settings.agency],
  );

  /** Tells where the replaced bloc was kept (a dialog: a path must stay readable, unlike a toast). */
  const tellWhere = useCallback(
    async (blocName: string, path: string) => {
      await ask({
        title: 'Đã thay thế khối',
        message: (
          <>
            <p>
              Khối <strong>{blocName}</strong> đã được thay thế. Bản trên máy trước khi thay thế được sao lưu tại:
            </p>
            <p className="backup-path" data-testid="backup-path">
              <code>{path}</code>
            </p>
            <p className="muted">Muốn quay lại bản cũ, hãy nhập tệp này ở mục «Sao lưu &amp; bàn giao» và chọn «Thay thế bản hiện có».</p>
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
