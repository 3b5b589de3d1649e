/**
 * Khối trưởng and Khối phó of the year, chosen among its members. One unit cannot hold both:
 * picking the unit that holds the other role is refused with a message at the field, and nothing
 * is saved (the other role is never cleared behind the user's back).
 */
import { useState } from 'react';
import type { Unit, Year } from '../../../../shared/model/records';
import { toApiError } from '../../api';
import { setYearRoles } from '../../db/repo-years';
import { Field } from '../../ui/Field';
import { useNotice } from '../../ui/Notice';

type Role = 'leader' | 'deputy';
const ROLE_LABEL: Record<Role, string> = { leader: 'Khối trưởng', deputy: 'Khối phó' };

/** Why `unitId` cannot take `role` (it holds the other one), or null. */
export function roleConflict(year: Pick<Year, 'year' | 'leaderUnitId' | 'deputyUnitId'>, role: Role, unitId: string | null, unitName: string): string | null {
  const other: Role = role === 'leader' ? 'deputy' : 'leader';
  const holder = other === 'leader' ? year.leaderUnitId : year.deputyUnitId;
  if (!unitId || unitId !== holder) return null;
  return `${unitName} đang là ${ROLE_LABEL[other]} năm ${year.year}. Khối trưởng và Khối phó phải là hai đơn vị khác nhau: hãy chọn đơn vị khác, hoặc đổi ${ROLE_LABEL[other]} trước.`;
}

export function RolesEditor({ year, members }: { year: Year; members: Unit[] }) {
  const notice = useNotice();
  const [refused, setRefused] = useState<{ role: Role; message: string } | null>(null);
  const save = async (leader: string | null, deputy: string | null) => {
    try {
      await setYearRoles(year.id, leader, deputy);
      notice.notify('success', `Đã lưu Khối trưởng, Khối phó năm ${year.year}.`);
    } catch (err) {
      notice.error(toApiError(err));
    }
  };
  const pick = (role: Role, unitId: string | null) => {
    const conflict = roleConflict(year, role, unitId, members.find((u) => u.id === unitId)?.name ?? 'Đơn vị này');
    setRefused(conflict ? { role, message: conflict } : null);
    if (conflict) return;
    void (role === 'leader' ? save(unitId, year.deputyUnitId) : save(year.leaderUnitId, unitId));
  };
  const select = (role: Role) => {
    const value = role === 'leader' ? year.leaderUnitId : year.deputyUnitId;
    const other = role === 'leader' ? year.deputyUnitId : year.leaderUnitId;
    return (
      <Field label={ROLE_LABEL[role]} error={refused?.role === role ? refused.message : undefined}>
        {(id, describedBy) => (
          <select
            id={id}
            aria-describedby={describedBy}
            aria-invalid={refused?.role === role ? true : undefined}
            value={value ?? ''}
            onChange={(e) => pick(role, e.target.value || null)}
          >
            <option value="">— Chưa chọn —</option>
            {members.map((u) => (
              <option key={u.id} value={u.id}>
                {u.id === other ? `${u.name} (${ROLE_LABEL[role === 'leader' ? 'deputy' : 'leader']})` : u.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    );
  };
  return (
    <div className="form-grid">
      {select('leader')}
      {select('deputy')}
    </div>
  );
}
