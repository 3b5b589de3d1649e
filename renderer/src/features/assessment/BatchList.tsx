/** The year's committed imports, newest first, each with its files and changes and "Hoàn tác". */
import type { ImportBatch, Unit } from '../../../../shared/model/records';
import { formatDateTimeVi, formatNumberVi } from '../../../../shared/text/vietnamese';

interface Props {
  batches: ImportBatch[];
  units: Unit[];
  busy: boolean;
  onUndo: (batch: ImportBatch) => void;
}

const show = (v: number | string | null) => (v === null ? 'trống' : typeof v === 'number' ? formatNumberVi(v) : v === '' ? '(trống)' : `“${v}”`);

export function BatchList({ batches, units, busy, onUndo }: Props) {
  const byId = new Map(units.map((u) => [u.id, u]));
  const sorted = [...batches].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  if (sorted.length === 0) return <p className="muted">Chưa có lần nhập nào trong năm này.</p>;
  return (
    <ul className="batch-list" data-testid="batch-list">
      {sorted.map((b) => (
        <li key={b.id} className={b.undoneAt ? 'undone' : undefined} data-testid="batch">
          <div className="toolbar">
            <strong className="grow">
              Nhập lúc {formatDateTimeVi(b.createdAt)}: {b.files.length} tệp, {b.changes.length} thay đổi
            </strong>
            {b.undoneAt ? (
              <span className="badge">Đã hoàn tác lúc {formatDateTimeVi(b.undoneAt)}</span>
            ) : (
              <button type="button" className="btn btn-danger" disabled={busy} onClick={() => onUndo(b)}>
                Hoàn tác
              </button>
            )}
          </div>
          <details>
            <summary>Chi tiết</summary>
            <ul>
              {b.files.map((f) => (
                <li key={f.name + f.unitId}>
                  {f.name} — {byId.get(f.unitId)?.name ?? f.unitId} <span className="muted">(SHA-256 {f.sha256.slice(0, 12)}…)</span>
                </li>
              ))}
            </ul>
            {b.changes.length > 0 && (
              <table className="data-table compact">
                <thead>
                  <tr>
                    <th>Đơn vị</th>
                    <th>Tiêu chí</th>
                    <th>Nội dung</th>
                    <th>Trước → sau</th>
                  </tr>
                </thead>
                <tbody>
                  {b.changes.slice(0, 500).map((c, i) => (
                    <tr key={i}>
                      <td>{byId.get(c.unitId)?.code ?? c.unitId}</td>
                      <td>{c.code}</td>
                      <td>{c.field === 'self' ? 'Điểm tự chấm' : 'Ghi chú'}</td>
                      <td>
                        {show(c.old)} → {show(c.new)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {b.changes.length > 500 && <p className="muted">… và {b.changes.length - 500} thay đổi khác.</p>}
          </details>
        </li>
      ))}
    </ul>
  );
}
