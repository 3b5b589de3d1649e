/**
 * Bản sao lưu: the backups folder (where it is, whether it can be written, the Cài đặt link to
 * change it) and every backup in it, newest first: time, bloc, years, record counts, size, why it
 * was taken, damaged files marked. Each backup can be previewed, restored (the current state is
 * backed up first) or saved elsewhere.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ApiError } from '../../../../shared/api/contract';
import type { BackupEntry } from '../../../../shared/package/backup';
import { formatNumberVi } from '../../../../shared/text/vietnamese';
import { api } from '../../api';
import { useBackups } from '../../app/backups/BackupsProvider';
import { lastBackupText } from '../../app/backups/when-text';
import { useBloc } from '../../app/hooks';
import { useNavigation } from '../../app/navigation';
import { useSettings } from '../../app/settings';
import { useAsk } from '../../ui/Confirm';
import { DataTable } from '../../ui/DataTable';
import { ErrorBox } from '../../ui/ErrorBox';
import { useNotice } from '../../ui/Notice';
import { formatBytes, PackagePreview } from '../../app/PackagePreview';
import { backupColumns, type BackupActions } from './backupColumns';
import { useRestoreBackup } from './useRestoreBackup';
import './backups.css';

/** Free space: gigabytes once there are more than a thousand megabytes. */
function freeSpaceText(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${formatNumberVi(bytes / 1024 ** 3, 1)} GB` : formatBytes(bytes);
}

interface Listing {
  folder: string;
  isDefault: boolean;
  entries: BackupEntry[];
}

export function BackupsScreen() {
  const bloc = useBloc();
  const backups = useBackups();
  const { settings } = useSettings();
  const { go } = useNavigation();
  const ask = useAsk();
  const notice = useNotice();
  const { read, restore } = useRestoreBackup();
  const [listing, setListing] = useState<Listing | null>(null);
  const [listError, setListError] = useState<ApiError | null>(null);
  const [reload, setReload] = useState(0);
  const [busy, setBusy] = useState<BackupActions['busy']>(null);
  const [taking, setTaking] = useState(false);

  useEffect(() => {
    let live = true;
    void api.invoke('backups.list').then((r) => {
      if (!live) return;
      if (r.ok) {
        setListing(r.value);
        setListError(null);
      } else {
        setListing(null);
        setListError(r.error);
      }
    });
    return () => {
      live = false;
    };
  }, [backups.revision, settings.backupFolder, reload]);

  const actions = useMemo<BackupActions>(() => {
    const opened = async (e: BackupEntry, what: 'preview' | 'restore') => {
      setBusy({ path: e.path, what });
      try {
        const r = await read(e.path);
        if (!r.ok) notice.error(r.error);
        return r.ok ? r.value : null;
      } finally {
        setBusy(null);
      }
    };
    return {
      busy,
      async preview(e) {
        const pkg = await opened(e, 'preview');
        if (!pkg) return;
        const choice = await ask<'restore'>({
          title: 'Xem trước bản sao lưu',
          wide: true,
          message: <PackagePreview preview={pkg.preview} />,
          choices: [{ value: 'restore', label: 'Khôi phục bản này…', kind: 'normal' }],
          cancelLabel: 'Đóng',
        });
        if (choice === 'restore') await restore(pkg);
      },
      async restore(e) {
        const pkg = await opened(e, 'restore');
        if (pkg) await restore(pkg);
      },
      async saveCopy(e) {
        setBusy({ path: e.path, what: 'copy' });
        try {
          const r = await api.invoke('backups.saveCopy', e.path);
          if (!r.ok) notice.error(r.error);
          else if (r.value) notice.notify('success', `Đã lưu bản sao: ${r.value.path}`);
        } finally {
          setBusy(null);
        }
      },
    };
  }, [busy, read, restore, ask, notice]);
  const columns = useMemo(() => backupColumns(actions), [actions]);

  const backupNow = async () => {
    if (!bloc) return;
    setTaking(true);
    const r = await backups.backupNow(bloc.id, 'manual');
    setTaking(false);
    if (r.ok) notice.notify('success', `Đã sao lưu: ${r.value.fileName}`);
    else notice.error(r.error);
  };

  const folder = backups.folder;
  const entries = listing?.entries ?? [];
  const damaged = entries.filter((e) => e.status === 'damaged').length;
  const total = entries.reduce((n, e) => n + e.size, 0);
  return (
    <section className="screen backups-screen">
      <header className="screen-header">
        <h1>Bản sao lưu</h1>
        <div className="actions">
          <button type="button" className="btn" onClick={() => setReload((n) => n + 1)}>
            Làm mới
          </button>
          <button type="button" className="btn btn-primary" disabled={!bloc || taking} onClick={() => void backupNow()}>
            {taking ? 'Đang sao lưu…' : 'Sao lưu ngay'}
          </button>
        </div>
      </header>
      <p className="muted">
        BlocDesk tự sao lưu khối đang mở khi khởi động (nếu dữ liệu đã thay đổi), trước khi xoá năm, xoá khối, hoàn tác hay khôi phục, sau mỗi lần nhập dữ
        liệu, và 15 phút một lần khi dữ liệu đang thay đổi. Mỗi bản sao lưu là một gói *.blocdesk đầy đủ. Giữ tối đa 10 bản trong ngày, mỗi ngày một bản trong
        14 ngày, mỗi tháng một bản trong 24 tháng; bản mới nhất của một khối không bao giờ bị xoá.
      </p>
      <div className="card backup-folder" data-testid="backup-folder">
        <h2>Thư mục sao lưu</h2>
        <p>
          <code className="path">{listing?.folder ?? folder?.folder ?? settings.backupFolder}</code>{' '}
          <span className="badge badge-off">{(listing?.isDefault ?? folder?.isDefault) ? 'Mặc định, trong dữ liệu của ứng dụng' : 'Đã chọn trong Cài đặt'}</span>
        </p>
        {folder?.problem ? (
          <p className="callout" role="status">
            {folder.problem}
          </p>
        ) : (
          folder && (
            <p className="success-text">
              Ghi được{folder.freeBytes !== null && `, còn trống ${freeSpaceText(folder.freeBytes)}`}.
              {bloc && ` ${lastBackupText(backups.lastBackupAt, new Date())} (${bloc.name}).`}
            </p>
          )
        )}
        <p>
          <button type="button" className="link" onClick={() => void go('settings')}>
            Đổi thư mục sao lưu trong Cài đặt
          </button>{' '}
          <span className="muted">(ví dụ sang ổ USB hoặc ổ mạng, để dữ liệu còn khi máy hỏng).</span>
        </p>
      </div>
      <ErrorBox error={listError} />
      {listing && folder?.exists !== false && (
        <p className="muted" data-testid="backup-summary">
          {formatNumberVi(entries.length)} tệp, tổng {formatBytes(total)}
          {damaged > 0 && `; ${formatNumberVi(damaged)} tệp bị hỏng (không khôi phục được, không bao giờ bị xoá tự động)`}.
        </p>
      )}
      <DataTable
        label="Các bản sao lưu"
        data={entries}
        columns={columns}
        getRowId={(e) => e.path}
        emptyText={
          folder && !folder.exists
            ? 'Thư mục sao lưu hiện không truy cập được nên chưa xem được các bản sao lưu trong đó.'
            : listing
              ? 'Thư mục sao lưu chưa có bản sao lưu nào.'
              : listError
                ? 'Không đọc được thư mục sao lưu.'
                : 'Đang đọc thư mục sao lưu…'
        }
        rowClassName={(e) => (e.status === 'damaged' ? 'row-damaged' : undefined)}
      />
    </section>
  );
}
