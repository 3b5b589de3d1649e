/** Optional classification of the ranking by total ("Xuất sắc" từ 95 điểm): the highest band a unit reaches. */
import type { RulesProfile } from '../../../../../shared/model/records';
import { NumberInput } from '../../../ui/NumberInput';
import { ListButtons, moved } from './ListButtons';

type Bands = RulesProfile['classificationBands'];

export function BandsEditor({ value, onChange, errors = {} }: { value: Bands; onChange: (v: Bands) => void; errors?: Record<string, string> }) {
  const set = (i: number, patch: Partial<Bands[number]>) => onChange(value.map((b, k) => (k === i ? { ...b, ...patch } : b)));
  return (
    <div>
      {value.length === 0 ? (
        <p className="muted">Không xếp loại: bảng xếp hạng chỉ ghi thứ hạng.</p>
      ) : (
        <ol className="rule-list">
          {value.map((b, i) => (
            <li key={i}>
              <input
                className="input-short"
                aria-label={`Tên mức xếp loại ${i + 1}`}
                aria-invalid={errors[`classificationBands.${i}.label`] ? true : undefined}
                title={errors[`classificationBands.${i}.label`]}
                placeholder="Xuất sắc"
                maxLength={60}
                value={b.label}
                onChange={(e) => set(i, { label: e.target.value })}
              />
              <span>từ</span>
              <NumberInput ariaLabel={`Điểm tối thiểu của mức ${b.label || i + 1}`} value={b.min} invalid={!!errors[`classificationBands.${i}.min`]} onChange={(n) => set(i, { min: n ?? Number.NaN })} />
              <span>điểm trở lên</span>
              <ListButtons index={i} count={value.length} label={`mức ${b.label || i + 1}`} onMove={(f, t) => onChange(moved(value, f, t))} onRemove={() => onChange(value.filter((_, k) => k !== i))} />
            </li>
          ))}
        </ol>
      )}
      <button
        type="button"
        className="btn btn-small"
        disabled={value.length >= 10}
        onClick={() => onChange([...value, value.length === 0 ? { label: 'Xuất sắc', min: 95 } : { label: '', min: Number.NaN }])}
      >
        Thêm mức xếp loại
      </button>
    </div>
  );
}
