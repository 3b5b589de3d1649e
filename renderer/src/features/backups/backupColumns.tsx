/** Columns of the backups table: time, bloc (Vietnamese collation), years, contents, size, why, actions. */
import { createColumnHelper } from '@tanstack/react-table';
import { BACKUP_REASON_LABELS, type BackupEntry } from '../../../../shared/package/backup';
import { formatDateTimeVi, formatNumberVi } from '../../../../shared/text/vietnamese';
import { viSort } from '../../ui/DataTable';
import { formatBytes } from '../../app/PackagePreview';

export interface BackupActions {
  preview(e: BackupEntry): void;
  restore(e: BackupEntry): void;
  saveCopy(e: BackupEntry): void;
  /** The entry an action is running on, and which one. */
  busy: { path: string; what: 'preview' | 'restore' | 'copy' } | null;
}

const col = createColumnHelper<BackupEntry>();

export function yearsText(years: readonly number[]): string {
  if (years.length === 0) return 'Chưa có năm';
  const sorted = [...years].sort((a, b) => a - b);
  const consecutive = sorted.every((y, i) => i === 0 || y === sorted[i - 1]! + 1);
  return consecutive && sorted.length > 2 ? `${sorted[0]}–${sorted.at(-1)}` : sorted.join(', ');
}

function contentsText(e: BackupEntry): string {
  if (e.status !== 'ok') return '';
  const c = e.counts;
  return [`${formatNumberVi(c.units)} đơn vị`, `${formatNumberVi(c.years)} năm`, `${formatNumberVi(c.scores)} điểm chấm`, c.pledges ? `${formatNumberVi(c.pledges)} giao ước` : '']
    .filter(Boolean)
    .join(' · ');
}

export function backupColumns(actions: BackupActions) {
  const running = (e: BackupEntry, what: 'preview' | 'restore' | 'copy') => actions.busy?.path === e.path && actions.busy?.what === what;
  return [
    col.accessor('time', {
      header: 'Thời điểm',
      sortingFn: (a, b) => Date.parse(a.original.time) - Date.parse(b.original.time),
      cell: (c) => <span className="nowrap">{formatDateTimeVi(c.getValue())}</span>,
    }),
    col.accessor((e) => (e.status === 'ok' ? e.bloc.name : ''), {
      id: 'bloc',
      header: 'Khối thi đua',
      sortingFn: viSort,
      cell: (c) =>
        c.row.original.status === 'ok' ? (
          c.getValue()
        ) : (
          <>
            <span className="badge badge-damaged">Bị hỏng</span>
            <div className="sub">{c.row.original.fileName}</div>
          </>
        ),
    }),
    col.accessor((e) => (e.status === 'ok' ? yearsText(e.years) : ''), { id: 'years', header: 'Các năm', enableSorting: false }),
    col.accessor((e) => (e.status === 'ok' ? contentsText(e) : e.problem), {
      id: 'contents',
      header: 'Nội dung',
      enableSorting: false,
      cell: (c) => (c.row.original.status === 'ok' ? c.getValue() : <span className="error-text">{c.getValue()}</span>),
    }),
    col.accessor('size', { header: 'Dung lượng', meta: { className: 'col-num' }, cell: (c) => <span className="nowrap">{formatBytes(c.getValue())}</span> }),
    col.accessor((e) => (e.status === 'ok' ? (e.reason ? BACKUP_REASON_LABELS[e.reason] : 'Gói chép vào thư mục') : ''), {
      id: 'reason',
      header: 'Lý do',
      sortingFn: viSort,
    }),
    col.display({
      id: 'actions',
      header: 'Thao tác',
      meta: { className: 'col-actions' },
      cell: (c) => {
        const e = c.row.original;
        const ok = e.status === 'ok';
        const label = ok ? `${e.bloc.name} lúc ${formatDateTimeVi(e.time)}` : e.fileName;
        return (
          <span className="row-actions">
            <button type="button" className="btn btn-small" disabled={!ok || actions.busy !== null} aria-label={`Xem trước bản sao lưu ${label}`} onClick={() => actions.preview(e)}>
              {running(e, 'preview') ? 'Đang đọc…' : 'Xem trước'}
            </button>
            <button type="button" className="btn btn-small btn-danger-outline" disabled={!ok || actions.busy !== null} aria-label={`Khôi phục bản sao lưu ${label}`} onClick={() => actions.restore(e)}>
              {running(e, 'restore') ? 'Đang đọc…' : 'Khôi phục…'}
            </button>
            <button type="button" className="btn btn-small" disabled={actions.busy !== null} aria-label={`Lưu bản sao của ${label}`} onClick={() => actions.saveCopy(e)}>
              Lưu bản sao…
            </button>
          </span>
        );
      },
    }),
  ];
}
