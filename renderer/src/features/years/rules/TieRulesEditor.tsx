/** The ordered tie rules: the first rule that separates two units decides. */
import type { TieRule } from '../../../../../shared/model/records';
import { TIE_RULE_LABELS } from '../../../../../shared/domain/rules-defaults';
import { ListButtons, moved } from './ListButtons';

type Kind = TieRule['kind'];
const make = (kind: Kind): TieRule => (kind === 'higherGroupScore' ? { kind, groupCode: 'I' } : { kind });

export function TieRulesEditor({ value, onChange, errors = {} }: { value: TieRule[]; onChange: (v: TieRule[]) => void; errors?: Record<string, string> }) {
  const set = (i: number, rule: TieRule) => onChange(value.map((r, k) => (k === i ? rule : r)));
  return (
    <div>
      <ol className="rule-list">
        {value.map((r, i) => (
          <li key={i}>
            <select aria-label={`Tiêu chí xếp hạng khi bằng điểm thứ ${i + 1}`} value={r.kind} onChange={(e) => set(i, make(e.target.value as Kind))}>
              {Object.entries(TIE_RULE_LABELS).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </select>
            {r.kind === 'higherGroupScore' && (
              <input
                className="input-short"
                aria-label="Mã nhóm tiêu chí"
                aria-invalid={errors[`tieRules.${i}.groupCode`] ? true : undefined}
                title={errors[`tieRules.${i}.groupCode`]}
                placeholder="Mã nhóm, ví dụ I"
                value={r.groupCode}
                maxLength={20}
                onChange={(e) => set(i, { kind: 'higherGroupScore', groupCode: e.target.value })}
              />
            )}
            <ListButtons index={i} count={value.length} label={TIE_RULE_LABELS[r.kind]} onMove={(f, t) => onChange(moved(value, f, t))} onRemove={() => onChange(value.filter((_, k) => k !== i))} />
          </li>
        ))}
      </ol>
      {value.length === 0 && <p className="muted">Chưa có quy tắc nào: các đơn vị bằng điểm xếp đồng hạng.</p>}
      <button type="button" className="btn btn-small" disabled={value.length >= 10} onClick={() => onChange([...value, make('higherTotalScore')])}>
        Thêm quy tắc
      </button>
    </div>
  );
}
