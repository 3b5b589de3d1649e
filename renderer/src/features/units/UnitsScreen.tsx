/** Đơn vị: the bloc's member units in a sortable, searchable table. */
import { useMemo, useState } from 'react';
import type { Unit } from '../../../../shared/model/records';
import { formatNumberVi } from '../../../../shared/text/vietnamese';
import { toApiError } from '../../api';
import { useBloc, useUnits } from '../../app/hooks';
import { addUnit, deleteUnit, moveUnit, setUnitActive, unitHistory, updateUnit } from '../../db/repo-units';
import { useAsk, useConfirm } from '../../ui/Confirm';
import { DataTable } from '../../ui/DataTable';
import { Dialog } from '../../ui/Dialog';
import { useNotice } from '../../ui/Notice';
import { unitColumns, type UnitActions } from './unitColumns';
import { UnitForm } from './UnitForm';

export function UnitsScreen() {
  const bloc = useBloc();
  const units = useUnits();
  const notice = useNotice();
  const confirm = useConfirm();
  const ask = useAsk();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);

  const run = async (action: () => Promise<void>, success?: string) => {
    try {
      await action();
      if (success) notice.notify('success', success);
    } catch (err) {
      notice.error(toApiError(err));
    }
  };

  const actions: UnitActions = useMemo(
    () => ({
      edit: (u) => setEditing(u),
      move: (u, d) => void run(() => moveUnit(u.id, d)),
      toggleActive: (u) =>
        void (async () => {
          if (u.active) {
            const ok = await confirm(
              'Ngừng hoạt động',
              <p>
                Chuyển <strong>{u.name}</strong> sang ngừng hoạt động? Đơn vị sẽ không được chép vào các năm thi đua tạo sau này; dữ liệu các năm trước vẫn giữ
                nguyên.
              </p>,
              'Ngừng hoạt động',
            );
            if (!ok) return;
          }
          await run(() => setUnitActive(u.id, !u.active), u.active ? `${u.name} đã ngừng hoạt động.` : `${u.name} hoạt động trở lại.`);
        })(),
      remove: (u) =>
        void (async () => {
          const history = await unitHistory(u.id);
          if (history.length) {
            const choice = await ask({
              title: 'Không xoá được đơn vị',
              message: (
                <p>
                  <strong>{u.name}</strong> đã có dữ liệu ({history.join('; ')}) nên không thể xoá. Có thể chuyển đơn vị sang ngừng hoạt động.
                </p>
              ),
              choices: u.active ? [{ value: 'deactivate', label: 'Ngừng hoạt động', kind: 'primary' }] : [],
              cancelLabel: 'Đóng',
            });
            if (choice === 'deactivate') await run(() => setUnitActive(u.id, false), `${u.name} đã ngừng hoạt động.`);
            return;
          }
          if (await confirm('Xoá đơn vị', <p>Xoá hẳn {u.name} khỏi khối? Đơn vị chưa có dữ liệu nào.</p>, 'Xoá', true)) {
            await run(() => deleteUnit(u.id), `Đã xoá ${u.name}.`);
          }
        })(),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [confirm, ask, notice],
  );
  const firstId = units?.[0]?.id;
  const lastId = units?.[units.length - 1]?.id;
  const columns = useMemo(() => unitColumns(actions, firstId, lastId), [actions, firstId, lastId]);
  if (!bloc || !units) return <p className="muted">Đang mở dữ liệu…</p>;
  const activeCount = units.filter((u) => u.active).length;

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>Đơn vị thành viên</h1>
        <div className="actions">
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
            Thêm đơn vị
          </button>
        </div>
      </header>
      <div className="toolbar">
        <input
          type="search"
          className="search"
          placeholder="Tìm theo mã, tên, thủ trưởng…"
          title="Gõ có dấu hoặc không dấu đều được, ví dụ: so y te"
          aria-label="Tìm đơn vị"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <span className="muted">
          {formatNumberVi(activeCount)} đơn vị đang hoạt động
          {units.length > activeCount && `, ${formatNumberVi(units.length - activeCount)} ngừng hoạt động`}
        </span>
      </div>
      <DataTable
        label="Danh sách đơn vị"
        data={units}
        columns={columns}
        getRowId={(u) => u.id}
        search={search}
        searchText={(u) => [u.code, u.name, u.shortName, u.head, u.headTitle, u.address, u.phone].join(' ')}
        rowClassName={(u) => (u.active ? undefined : 'row-inactive')}
        emptyText={units.length ? 'Không có đơn vị nào khớp với nội dung tìm.' : 'Khối chưa có đơn vị nào. Bấm «Thêm đơn vị» để bắt đầu.'}
      />
      <Dialog open={editing !== null} title={editing === 'new' ? 'Thêm đơn vị' : 'Sửa thông tin đơn vị'} onClose={() => setEditing(null)} wide>
        {editing !== null && (
          <UnitForm
            initial={editing === 'new' ? undefined : editing}
            units={units}
            onCancel={() => setEditing(null)}
            onSubmit={async (input) => {
              if (editing === 'new') {
                await addUnit(bloc.id, input);
                notice.notify('success', `Đã thêm ${input.name}.`);
              } else {
                await updateUnit(editing.id, input);
                notice.notify('success', `Đã lưu ${input.name}.`);
              }
              setEditing(null);
            }}
          />
        )}
      </Dialog>
    </section>
  );
}
