/**
 * Where the user sees the automatic backups: a status line in the top bar ("Sao lưu lần cuối:
 * 10:42 hôm nay", a click opens the backups screen) and a banner above every screen while backups
 * cannot be written (USB stick removed, disk full), saying that the app keeps working.
 */
import { useEffect, useState } from 'react';
import { useNavigation } from '../navigation';
import { useSession } from '../session';
import { useBackups } from './BackupsProvider';
import { lastBackupText } from './when-text';
import './backup-status.css';

/** The current time, renewed every minute (so "hôm nay" turns into "hôm qua" at midnight). */
function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(t);
  }, []);
  return now;
}

export function BackupStatusLine() {
  const { blocId } = useSession();
  const { lastBackupAt, running, lastError, folder } = useBackups();
  const { go } = useNavigation();
  const now = useMinuteClock();
  const unavailable = folder !== null && !folder.writable;
  if (!blocId && !unavailable) return null;
  const warn = unavailable || lastError !== null;
  const text = running ? 'Đang sao lưu…' : unavailable ? 'Sao lưu tự động đang tạm dừng' : lastBackupText(lastBackupAt, now);
  const title = [unavailable ? folder!.problem : lastError?.message, 'Bấm để xem các bản sao lưu.'].filter(Boolean).join(' ');
  return (
    <button type="button" className={warn ? 'topbar-backup topbar-backup-warn' : 'topbar-backup'} data-testid="backup-status" title={title} onClick={() => void go('backups')}>
      {warn && <span aria-hidden="true">⚠ </span>}
      {text}
      {warn && <span className="visually-hidden"> (chưa sao lưu được)</span>}
    </button>
  );
}

export function BackupBanner() {
  const { blocId } = useSession();
  const { folder, lastError, refreshStatus, backupInBackground } = useBackups();
  const { go } = useNavigation();
  const problem = folder?.problem ?? null;
  // A failed backup whose folder looks fine (e.g. a file locked by another program): say so too.
  const failure = problem === null && lastError !== null ? lastError.message : null;
  if (problem === null && failure === null) return null;
  return (
    <div className="banner banner-warning" role="status" data-testid="backup-banner">
      <span>
        <strong>{problem ? 'Sao lưu tự động đang tạm dừng. ' : 'Lần sao lưu gần nhất không thành công. '}</strong>
        {problem ?? failure}
      </span>
      <span className="actions">
        <button type="button" className="btn btn-small" onClick={() => void go('settings')}>
          Chọn thư mục khác
        </button>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            refreshStatus();
            if (blocId) backupInBackground(blocId, 'manual');
          }}
        >
          Thử lại
        </button>
      </span>
    </div>
  );
}
