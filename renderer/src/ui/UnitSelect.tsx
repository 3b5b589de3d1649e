/** A choice of one unit by name, or none ("—"). */
import type { Unit } from '../../../shared/model/records';

export function UnitSelect({ units, value, onChange, label }: { units: readonly Unit[]; value: string; onChange: (id: string) => void; label: string }) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} aria-label={label}>
      <option value="">—</option>
      {units.map((u) => (
        <option key={u.id} value={u.id}>
          {u.name}
        </option>
      ))}
    </select>
  );
}
