/**
 * The empty-storage offer: when the app starts with no bloc in its storage while the backups folder
 * holds backups (the PC was re-installed, the app's data folder changed), the newest backup is
 * offered at once and restored through the same flow as from the backups screen.
 */
import { useEffect, useRef } from 'react';
import { formatNumberVi } from '../../../../shared/text/vietnamese';
import { api } from '../../api';
import { whenText } from '../../app/backups/when-text';
import { useBlocs } from '../../app/hooks';
import { db } from '../../db/database';
import { useNotice } from '../../ui/Notice';
import { useRestoreBackup } from './useRestoreBackup';

export const BACKUP_OFFER_TITLE = 'Khôi phục dữ liệu từ bản sao lưu?';

export function BackupOffer() {
  const blocs = useBlocs();
  const { read, restore } = useRestoreBackup();
  const notice = useNotice();
  const checked = useRef(false);

  useEffect(() => {
    if (blocs === undefined || checked.current) return;
    checked.current = true;
    if (blocs.length > 0) return;
    void (async () => {
      const list = await api.invoke('backups.list');
      // A folder that cannot be read is reported by the backups banner.
      if (!list.ok) return;
      const usable = list.value.entries.filter((e) => e.status === 'ok');
      const newest = usable[0];
      if (!newest || newest.status !== 'ok') return;
      const pkg = await read(newest.path);
      if (!pkg.ok) {
        notice.notify('error', `Máy này chưa có dữ liệu, nhưng không mở được bản sao lưu mới nhất (${newest.fileName}): ${pkg.error.message} Xem các bản khác ở mục «Bản sao lưu».`);
        return;
      }
      // The user may have started a bloc while the backup was being read.
      if ((await db.blocs.count()) > 0) return;
      await restore(pkg.value, {
        title: BACKUP_OFFER_TITLE,
        cancelLabel: 'Không, bắt đầu từ đầu',
        intro: (
          <p className="lead" data-testid="backup-offer">
            Máy này chưa có dữ liệu của BlocDesk, nhưng thư mục sao lưu <code>{list.value.folder}</code> có {formatNumberVi(usable.length)} bản sao lưu.
            Khôi phục bản sao lưu lúc <strong>{whenText(newest.time, new Date())}</strong> của <strong>{newest.bloc.name}</strong>?
            {usable.length > 1 && ' Các bản khác xem ở mục «Bản sao lưu».'}
          </p>
        ),
      });
    })();
  }, [blocs, read, restore, notice]);
  return null;
}
