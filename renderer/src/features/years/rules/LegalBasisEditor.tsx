/** The căn cứ lines printed in document preambles. */
import { ListButtons, moved } from './ListButtons';

export function LegalBasisEditor({ value, onChange, errors = {} }: { value: string[]; onChange: (v: string[]) => void; errors?: Record<string, string> }) {
  return (
    <div>
      <ol className="rule-list">
        {value.map((line, i) => (
          <li key={i}>
            <textarea
              className="grow"
              rows={2}
              maxLength={600}
              aria-label={`Căn cứ thứ ${i + 1}`}
              aria-invalid={errors[`legalBasis.${i}`] ? true : undefined}
              title={errors[`legalBasis.${i}`]}
              value={line}
              onChange={(e) => onChange(value.map((l, k) => (k === i ? e.target.value : l)))}
            />
            <ListButtons index={i} count={value.length} label={`căn cứ thứ ${i + 1}`} onMove={(f, t) => onChange(moved(value, f, t))} onRemove={() => onChange(value.filter((_, k) => k !== i))} />
          </li>
        ))}
      </ol>
      <button type="button" className="btn btn-small" disabled={value.length >= 30} onClick={() => onChange([...value, 'Căn cứ '])}>
        Thêm căn cứ
      </button>
    </div>
  );
}
