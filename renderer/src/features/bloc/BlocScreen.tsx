/** Khối thi đua: edit the current bloc, create another one, delete one. */
import { useState } from 'react';
import { formatDateTimeVi, formatNumberVi } from '../../../../shared/text/vietnamese';
import { useBackups } from '../../app/backups/BackupsProvider';
import { useBloc, useUnits, useYears } from '../../app/hooks';
import { useNavigation } from '../../app/navigation';
import { useSession } from '../../app/session';
import { createBloc, deleteBloc, updateBloc } from '../../db/repo-bloc';
import { useConfirm } from '../../ui/Confirm';
import { Dialog } from '../../ui/Dialog';
import { useNotice } from '../../ui/Notice';
import { toApiError } from '../../api';
import { BlocForm } from './BlocForm';

export function BlocScreen() {
  const bloc = useBloc();
  const units = useUnits();
  const years = useYears();
  const { setBlocId } = useSession();
  const { go } = useNavigation();
  const notice = useNotice();
  const confirm = useConfirm();
  const { runAfterBackup } = useBackups();
  const [creating, setCreating] = useState(false);
  if (!bloc) return <p className="muted">Đang mở dữ liệu…</p>;

  const remove = async () => {
    const ok = await confirm(
      'Xoá khối thi đua',
      <>
        <p>
          Xoá khối <strong>{bloc.name}</strong> cùng toàn bộ đơn vị, năm thi đua, bảng chấm điểm và điểm chấm của khối khỏi máy này?
        </p>
        <p>Khối được sao lưu vào thư mục sao lưu trước khi xoá; muốn lấy lại, hãy khôi phục bản sao lưu đó ở mục «Bản sao lưu».</p>
      </>,
      'Xoá khối',
      true,
    );
    if (!ok) return;
    try {
      if (!(await runAfterBackup(bloc.id, 'before-delete-bloc', 'xoá khối', () => deleteBloc(bloc.id)))) return;
      setBlocId(null);
      notice.notify('success', `Đã xoá khối ${bloc.name}.`);
    } catch (err) {
      notice.error(toApiError(err));
    }
  };

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>Khối thi đua</h1>
        <div className="actions">
          <button type="button" className="btn" onClick={() => setCreating(true)}>
            Tạo khối mới
          </button>
          <button type="button" className="btn btn-danger-outline" onClick={() => void remove()}>
            Xoá khối này
          </button>
        </div>
      </header>
      <p className="muted">
        {formatNumberVi(units?.length ?? 0)} đơn vị · {formatNumberVi(years?.length ?? 0)} năm thi đua · cập nhật {formatDateTimeVi(bloc.updatedAt)} ·{' '}
        <button type="button" className="link" onClick={() => go('units')}>
          Xem đơn vị
        </button>
      </p>
      <div className="card">
        <BlocForm
          key={bloc.id + bloc.updatedAt}
          initial={bloc}
          submitLabel="Lưu thông tin khối"
          onSubmit={async (input) => {
            await updateBloc(bloc.id, input);
            notice.notify('success', 'Đã lưu thông tin khối.');
          }}
        />
      </div>
      <Dialog open={creating} title="Tạo khối thi đua mới" onClose={() => setCreating(false)} wide>
        <BlocForm
          submitLabel="Tạo khối"
          onSubmit={async (input) => {
            const created = await createBloc(input);
            setBlocId(created.id);
            setCreating(false);
            notice.notify('success', `Đã tạo ${created.name}.`);
          }}
        />
      </Dialog>
    </section>
  );
}
