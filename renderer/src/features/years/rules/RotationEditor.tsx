/** How next year's Khối trưởng and Khối phó are chosen: vote, a fixed rotation order, this year's top units, or appointment. */
import type { RulesProfile, Unit } from '../../../../../shared/model/records';
import { LEADER_ROTATION_LABELS } from '../../../../../shared/domain/rules-defaults';
import { ListButtons, moved } from './ListButtons';

type Rotation = RulesProfile['leaderRotation'];
const KINDS = (Object.keys(LEADER_ROTATION_LABELS) as Rotation['kind'][]).map((kind) => ({ kind, label: LEADER_ROTATION_LABELS[kind] }));

export function RotationEditor({ value, onChange, units, error }: { value: Rotation; onChange: (v: Rotation) => void; units: Unit[]; error?: string | undefined }) {
  const byId = new Map(units.map((u) => [u.id, u]));
  const order = value.kind === 'fixedOrder' ? value.order : [];
  const missing = units.filter((u) => !order.includes(u.id));
  return (
    <div>
      <div className="checks" role="radiogroup" aria-label="Cách chọn Khối trưởng, Khối phó năm sau" aria-invalid={error ? true : undefined}>
        {KINDS.map((k) => (
          <label key={k.kind} className="check">
            <input
              type="radio"
              name="leader-rotation"
              checked={value.kind === k.kind}
              onChange={() => onChange(k.kind === 'fixedOrder' ? { kind: 'fixedOrder', order: units.map((u) => u.id) } : { kind: k.kind })}
            />
            {k.label}
          </label>
        ))}
      </div>
      {error && <div className="field-error">{error}</div>}
      {value.kind === 'fixedOrder' && (
        <div className="rotation-order">
          <ol className="rule-list">
            {order.map((id, i) => (
              <li key={id}>
                <span className="rotation-index">{i + 1}.</span>
                <span className="grow">{byId.get(id)?.name ?? 'Đơn vị không còn trong danh sách'}</span>
                <ListButtons
                  index={i}
                  count={order.length}
                  label={byId.get(id)?.name ?? 'đơn vị'}
                  onMove={(f, t) => onChange({ kind: 'fixedOrder', order: moved(order, f, t) })}
                  onRemove={() => onChange({ kind: 'fixedOrder', order: order.filter((x) => x !== id) })}
                />
              </li>
            ))}
          </ol>
          {missing.length > 0 && (
            <label className="inline-inputs">
              <span>Thêm vào thứ tự:</span>
              <select value="" onChange={(e) => e.target.value && onChange({ kind: 'fixedOrder', order: [...order, e.target.value] })}>
                <option value="">— Chọn đơn vị —</option>
                {missing.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      )}
    </div>
  );
}
