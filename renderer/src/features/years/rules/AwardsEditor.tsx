/** Award types the bloc votes on and how many units it may propose for each. */
import type { AwardType } from '../../../../../shared/model/records';
import { newId } from '../../../db/ids';
import { NumberInput } from '../../../ui/NumberInput';
import { ListButtons, moved } from './ListButtons';

/** `errors`: messages by field path ("awards.1.maxProposals"), shown at their field. */
export function AwardsEditor({ value, onChange, errors = {} }: { value: AwardType[]; onChange: (v: AwardType[]) => void; errors?: Record<string, string> }) {
  const set = (i: number, patch: Partial<AwardType>) => onChange(value.map((a, k) => (k === i ? { ...a, ...patch } : a)));
  return (
    <div>
      <table className="plain-table">
        <thead>
          <tr>
            <th>Hình thức khen thưởng</th>
            <th>Số đơn vị được đề nghị</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {value.map((a, i) => (
            <tr key={a.id}>
              <td>
                <input
                  aria-label={`Tên hình thức khen thưởng ${i + 1}`}
                  aria-invalid={errors[`awards.${i}.name`] ? true : undefined}
                  value={a.name}
                  maxLength={200}
                  onChange={(e) => set(i, { name: e.target.value })}
                />
                <CellError message={errors[`awards.${i}.name`]} />
              </td>
              <td>
                <NumberInput
                  ariaLabel={`Số đơn vị được đề nghị ${a.name}`}
                  value={a.maxProposals}
                  invalid={!!errors[`awards.${i}.maxProposals`]}
                  onChange={(n) => set(i, { maxProposals: n ?? Number.NaN })}
                />
                <CellError message={errors[`awards.${i}.maxProposals`] && 'Nhập số nguyên từ 0 đến 50.'} />
              </td>
              <td>
                <ListButtons index={i} count={value.length} label={a.name || 'hình thức'} onMove={(f, t) => onChange(moved(value, f, t))} onRemove={() => onChange(value.filter((_, k) => k !== i))} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn btn-small" disabled={value.length >= 20} onClick={() => onChange([...value, { id: newId(), name: '', maxProposals: 1 }])}>
        Thêm hình thức khen thưởng
      </button>
    </div>
  );
}

function CellError({ message }: { message: string | undefined }) {
  return message ? <div className="field-error">{message}</div> : null;
}
