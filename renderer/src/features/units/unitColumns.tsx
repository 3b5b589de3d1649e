/** Columns of the units table. */
import { createColumnHelper } from '@tanstack/react-table';
import type { Unit } from '../../../../shared/model/records';
import { viSort } from '../../ui/DataTable';

export interface UnitActions {
  edit(u: Unit): void;
  move(u: Unit, direction: -1 | 1): void;
  toggleActive(u: Unit): void;
  remove(u: Unit): void;
}

const col = createColumnHelper<Unit>();

/** `firstId` / `lastId`: the units at the ends of the bloc's order (their up / down is disabled). */
export function unitColumns(actions: UnitActions, firstId: string | undefined, lastId: string | undefined) {
  return [
    col.accessor('order', {
      header: 'TT',
      meta: { className: 'col-order' },
      cell: (c) => (
        <span className="order-cell">
          <span className="order-number">{c.row.index + 1}</span>
          <button type="button" className="btn-icon" title="Chuyển lên" aria-label={`Chuyển ${c.row.original.name} lên`} disabled={c.row.original.id === firstId} onClick={() => actions.move(c.row.original, -1)}>
            ↑
          </button>
          <button type="button" className="btn-icon" title="Chuyển xuống" aria-label={`Chuyển ${c.row.original.name} xuống`} disabled={c.row.original.id === lastId} onClick={() => actions.move(c.row.original, 1)}>
            ↓
          </button>
        </span>
      ),
    }),
    col.accessor('code', { header: 'Mã', sortingFn: viSort, meta: { className: 'col-code' } }),
    col.accessor('name', {
      header: 'Tên đơn vị',
      sortingFn: viSort,
      meta: { className: 'col-name' },
      cell: (c) => (
        <>
          <div>{c.getValue()}</div>
          {c.row.original.shortName && <div className="sub">{c.row.original.shortName}</div>}
        </>
      ),
    }),
    col.accessor('head', {
      header: 'Thủ trưởng',
      sortingFn: viSort,
      meta: { className: 'col-head' },
      cell: (c) => (
        <>
          <div>{c.getValue()}</div>
          {c.row.original.headTitle && <div className="sub">{c.row.original.headTitle}</div>}
          {c.row.original.signer === 'deputy' && (
            <div className="sub">
              Ký thay (KT.): {c.row.original.deputyName || '…'}
              {c.row.original.deputyTitle ? `, ${c.row.original.deputyTitle}` : ''}
            </div>
          )}
        </>
      ),
    }),
    col.accessor('phone', { header: 'Điện thoại', enableSorting: false }),
    col.accessor('active', {
      header: 'Trạng thái',
      cell: (c) => (c.getValue() ? <span className="badge badge-ok">Đang hoạt động</span> : <span className="badge badge-off">Ngừng hoạt động</span>),
    }),
    col.display({
      id: 'actions',
      header: 'Thao tác',
      meta: { className: 'col-actions' },
      cell: (c) => (
        <span className="row-actions">
          <button type="button" className="btn btn-small" onClick={() => actions.edit(c.row.original)}>
            Sửa
          </button>
          <button
            type="button"
            className="btn btn-small"
            title={c.row.original.active ? 'Chuyển sang ngừng hoạt động' : 'Cho hoạt động trở lại'}
            onClick={() => actions.toggleActive(c.row.original)}
          >
            {c.row.original.active ? 'Ngừng' : 'Khôi phục'}
          </button>
          <button type="button" className="btn btn-small btn-danger-outline" onClick={() => actions.remove(c.row.original)}>
            Xoá
          </button>
        </span>
      ),
    }),
  ];
}
