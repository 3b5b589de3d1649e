/** Khối trưởng and Khối phó of the year, chosen among its members. */
import type { Unit, Year } from '../../../../shared/model/records';
import { toApiError } from '../../api';
import { setYearRoles } from '../../db/repo-years';
import { Field } from '../../ui/Field';
import { useNotice } from '../../ui/Notice';

export function RolesEditor({ year, members }: { year: Year; members: Unit[] }) {
  const notice = useNotice();
  const save = async (leader: string | null, deputy: string | null) => {
    try {
      await setYearRoles(year.id, leader, deputy);
      notice.notify('success', `Đã lưu Khối trưởng, Khối phó năm ${year.year}.`);
    } catch (err) {
      notice.error(toApiError(err));
    }
  };
  const select = (label: string, value: string | null, onChange: (v: string | null) => void, exclude: string | null) => (
    <Field label={label}>
      {(id) => (
        <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
          <option value="">— Chưa chọn —</option>
          {members.map((u) => (
            <option key={u.id} value={u.id} disabled={u.id === exclude}>
              {u.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <div className="form-grid">
      {select('Khối trưởng', year.leaderUnitId, (v) => void save(v, year.deputyUnitId), year.deputyUnitId)}
      {select('Khối phó', year.deputyUnitId, (v) => void save(year.leaderUnitId, v), year.leaderUnitId)}
    </div>
  );
}
