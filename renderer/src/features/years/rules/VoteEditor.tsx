/** Vote threshold and its base, quorum, self-vote, invalid ballots. */
import type { RulesProfile } from '../../../../../shared/model/records';
import { THRESHOLD_BASE_LABELS } from '../../../../../shared/domain/rules-defaults';
import { Field } from '../../../ui/Field';
import { NumberInput } from '../../../ui/NumberInput';

type Vote = Pick<RulesProfile, 'threshold' | 'quorumPercent' | 'selfVoteAllowed' | 'invalidBallotsInBase'>;

export function VoteEditor({ value, onChange, errors = {} }: { value: Vote; onChange: (v: Vote) => void; errors?: Record<string, string> }) {
  const t = value.threshold;
  const setT = (patch: Partial<Vote['threshold']>) => onChange({ ...value, threshold: { ...t, ...patch } });
  return (
    <div className="form-grid">
      <Field label="Ngưỡng đạt khi bình xét" error={errors['threshold.percent']}>
        {(id) => (
          <span className="inline-inputs">
            <select id={id} value={t.comparison} onChange={(e) => setT({ comparison: e.target.value as 'gt' | 'gte' })} aria-label="Cách so sánh">
              <option value="gt">Trên (&gt;)</option>
              <option value="gte">Từ … trở lên (≥)</option>
            </select>
            <NumberInput
              ariaLabel="Tỷ lệ phần trăm của ngưỡng"
              value={t.percent}
              invalid={!!errors['threshold.percent']}
              onChange={(n) => setT({ percent: n ?? Number.NaN })}
            />
            <span>%</span>
          </span>
        )}
      </Field>
      <Field label="Tính trên">
        {(id) => (
          <select id={id} value={t.base} onChange={(e) => setT({ base: e.target.value as Vote['threshold']['base'] })}>
            {Object.entries(THRESHOLD_BASE_LABELS).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Số thành viên có mặt tối thiểu (%)" error={errors.quorumPercent}>
        {(id, describedBy) => (
          <NumberInput
            id={id}
            describedBy={describedBy}
            value={value.quorumPercent}
            invalid={!!errors.quorumPercent}
            onChange={(n) => onChange({ ...value, quorumPercent: n ?? Number.NaN })}
          />
        )}
      </Field>
      <div className="field" role="group" aria-labelledby="vote-ballots-label">
        <span id="vote-ballots-label" className="field-label">
          Phiếu bầu
        </span>
        <div className="checks">
          <label className="check">
            <input type="checkbox" checked={value.selfVoteAllowed} onChange={(e) => onChange({ ...value, selfVoteAllowed: e.target.checked })} />
            Đơn vị được bỏ phiếu cho chính mình
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={value.invalidBallotsInBase}
              disabled={t.base !== 'cast'}
              onChange={(e) => onChange({ ...value, invalidBallotsInBase: e.target.checked })}
            />
            Tính cả phiếu không hợp lệ vào số phiếu thu về
          </label>
        </div>
      </div>
    </div>
  );
}
