/**
 * The year's members: tick the units that belong to the bloc this year and put them in order.
 * Membership may change mid-cycle (reorganisations), so inactive units stay selectable.
 */
import { useMemo, useState } from 'react';
import type { Unit, Year } from '../../../../shared/model/records';
import { toApiError } from '../../api';
import { setYearMembers } from '../../db/repo-years';
import { useNotice } from '../../ui/Notice';
import { useUnsaved } from '../../ui/unsaved';

export function MembershipEditor({ year, units }: { year: Year; units: Unit[] }) {
  const notice = useNotice();
  const [draft, setDraft] = useState<string[]>(year.memberUnitIds);
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const others = units.filter((u) => !draft.includes(u.id));
  const changed = draft.join() !== year.memberUnitIds.join();

  const move = (i: number, d: -1 | 1) =>
    setDraft((xs) => {
      const next = [...xs];
      const j = i + d;
      if (j < 0 || j >= next.length) return xs;
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    });
  const save = async (): Promise<boolean> => {
    try {
      await setYearMembers(year.id, draft);
      notice.notify('success', `Đã lưu thành viên năm ${year.year}.`);
      return true;
    } catch (err) {
      notice.error(toApiError(err));
      return false;
    }
  };
  useUnsaved({ label: `thành viên năm ${year.year}`, dirty: changed, save, discard: () => setDraft(year.memberUnitIds) });

  return (
    <div className="membership">
      <ol className="member-list" aria-label={`Thành viên năm ${year.year}`}>
        {draft.map((id, i) => {
          const u = byId.get(id);
          return (
            <li key={id}>
              <label className="check">
                <input type="checkbox" checked onChange={() => setDraft((xs) => xs.filter((x) => x !== id))} />
                <span className="member-index">{i + 1}.</span> {u?.name ?? 'Đơn vị không còn trong danh sách'}
                {u && !u.active && <span className="badge badge-off">Ngừng hoạt động</span>}
                {id === year.leaderUnitId && <span className="badge badge-role">Khối trưởng</span>}
                {id === year.deputyUnitId && <span className="badge badge-role">Khối phó</span>}
              </label>
              <span className="row-actions">
                <button type="button" className="btn-icon" aria-label={`Chuyển ${u?.name ?? ''} lên`} title="Chuyển lên" disabled={i === 0} onClick={() => move(i, -1)}>
                  ↑
                </button>
                <button type="button" className="btn-icon" aria-label={`Chuyển ${u?.name ?? ''} xuống`} title="Chuyển xuống" disabled={i === draft.length - 1} onClick={() => move(i, 1)}>
                  ↓
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      {others.length > 0 && (
        <>
          <div className="subheading">Đơn vị không thuộc năm {year.year}</div>
          <ul className="member-list member-list-others">
            {others.map((u) => (
              <li key={u.id}>
                <label className="check">
                  <input type="checkbox" checked={false} onChange={() => setDraft((xs) => [...xs, u.id])} />
                  {u.name}
                  {!u.active && <span className="badge badge-off">Ngừng hoạt động</span>}
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="form-actions">
        {changed && <span className="muted">Có thay đổi chưa lưu.</span>}
        <button type="button" className="btn" disabled={!changed} onClick={() => setDraft(year.memberUnitIds)}>
          Bỏ thay đổi
        </button>
        <button type="button" className="btn btn-primary" disabled={!changed} onClick={() => void save()}>
          Lưu thành viên
        </button>
      </div>
    </div>
  );
}
