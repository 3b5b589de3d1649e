/** The vote: threshold and its base, quorum, exclusive awards, over-marked ballots, rounds, self-vote. */
import type { RulesProfile } from '../../../../../shared/model/records';
import { COMPARISON_LABELS, defaultRulesProfile, INVALID_SCOPE_LABELS } from '../../../../../shared/domain/rules-defaults';
import { requiredPresent } from '../../../../../shared/domain/vote/quorum';
import { comparisonPhrase } from '../../../../../shared/domain/vote/threshold';
import { Field } from '../../../ui/Field';
import { FractionInput, isValidFraction } from '../../../ui/FractionInput';
import { NumberInput } from '../../../ui/NumberInput';
import { DefaultNote, same } from './DefaultNote';
import { thresholdPreview, ThresholdInputs } from './ThresholdInputs';

export type Vote = Pick<RulesProfile, 'threshold' | 'quorum' | 'exclusiveAwards' | 'invalidScope' | 'maxRounds' | 'selfVoteAllowed'>;
export const VOTE_KEYS = ['threshold', 'quorum', 'exclusiveAwards', 'invalidScope', 'maxRounds', 'selfVoteAllowed'] as const satisfies readonly (keyof Vote)[];

function quorumPreview(q: Vote['quorum'], memberCount: number): string {
  if (q === null) return 'Quy chế không quy định (để trống).';
  if (!isValidFraction(q)) return 'Tỷ lệ chưa hợp lệ: nhập dạng 1/2, 2/3 hoặc 70%, hoặc để trống.';
  const rule = `${comparisonPhrase(q)} tổng số đơn vị thành viên`;
  if (memberCount === 0) return `Có mặt ${rule}.`;
  return `Có mặt ${rule}: với ${memberCount} đơn vị thành viên, cần ít nhất ${requiredPresent(memberCount, { ...q, of: 'members' })} đơn vị.`;
}

/** A hint with the default marked. */
function Hint({ text, isDefault }: { text: string; isDefault: boolean }) {
  return (
    <>
      {text}
      <DefaultNote isDefault={isDefault} />
    </>
  );
}

export function VoteEditor({ value, onChange, errors = {}, memberCount }: { value: Vote; onChange: (v: Vote) => void; errors?: Record<string, string>; memberCount: number }) {
  const d = defaultRulesProfile();
  const q = value.quorum;
  return (
    <div className="form-grid vote-grid">
      <Field label="Ngưỡng đạt khi bình xét" error={errors.threshold} hint={<Hint text={thresholdPreview(value.threshold)} isDefault={same(value.threshold, d.threshold)} />}>
        {(id, describedBy) => (
          <ThresholdInputs id={id} describedBy={describedBy} label="của ngưỡng" value={value.threshold} invalid={!!errors.threshold} onChange={(threshold) => onChange({ ...value, threshold })} />
        )}
      </Field>
      <Field label="Số đơn vị có mặt tối thiểu" error={errors.quorum} hint={<Hint text={quorumPreview(q, memberCount)} isDefault={same(q, d.quorum)} />}>
        {(id, describedBy) => (
          <span className="inline-inputs">
            <select
              id={id}
              aria-label="Cách so sánh số đơn vị có mặt"
              value={q?.comparison ?? 'gte'}
              disabled={q === null}
              onChange={(e) => q && onChange({ ...value, quorum: { ...q, comparison: e.target.value as 'gt' | 'gte' } })}
            >
              {Object.entries(COMPARISON_LABELS).map(([k, text]) => (
                <option key={k} value={k}>
                  {text}
                </option>
              ))}
            </select>
            <FractionInput
              ariaLabel="Tỷ lệ đơn vị có mặt tối thiểu"
              describedBy={describedBy}
              placeholder="để trống"
              value={q}
              invalid={!!errors.quorum}
              onChange={(f) => onChange({ ...value, quorum: f === null ? null : { num: f.num, den: f.den, comparison: q?.comparison ?? 'gte' } })}
            />
            <span>tổng số đơn vị thành viên</span>
          </span>
        )}
      </Field>
      <Field label="Phiếu chọn quá số đơn vị được chọn" hint={<Hint text="Phiếu không có dấu của Ban tổ chức luôn không hợp lệ cả phiếu." isDefault={value.invalidScope === d.invalidScope} />}>
        {(id, describedBy) => (
          <select id={id} aria-describedby={describedBy} value={value.invalidScope} onChange={(e) => onChange({ ...value, invalidScope: e.target.value as Vote['invalidScope'] })}>
            {Object.entries(INVALID_SCOPE_LABELS).map(([k, text]) => (
              <option key={k} value={k}>
                {text}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label="Số vòng bỏ phiếu tối đa mỗi mục"
        error={errors.maxRounds}
        hint={<Hint text="Kể cả lần bỏ phiếu đầu; hết số vòng mà chưa có đơn vị đạt thì để trống chỉ tiêu." isDefault={value.maxRounds === d.maxRounds} />}
      >
        {(id, describedBy) => (
          <NumberInput id={id} describedBy={describedBy} value={value.maxRounds} invalid={!!errors.maxRounds} onChange={(n) => onChange({ ...value, maxRounds: n ?? Number.NaN })} />
        )}
      </Field>
      <div className="field field-wide" role="group" aria-labelledby="vote-ballots-label">
        <span id="vote-ballots-label" className="field-label">
          Phiếu bầu
        </span>
        <div className="checks">
          <label className="check">
            <input type="checkbox" checked={value.exclusiveAwards} onChange={(e) => onChange({ ...value, exclusiveAwards: e.target.checked })} />
            Mỗi đơn vị chỉ được đề nghị một hình thức (xét theo thứ tự các hình thức ở trên)
            <DefaultNote isDefault={value.exclusiveAwards === d.exclusiveAwards} />
          </label>
          <label className="check">
            <input type="checkbox" checked={value.selfVoteAllowed} onChange={(e) => onChange({ ...value, selfVoteAllowed: e.target.checked })} />
            Đơn vị được bỏ phiếu cho chính mình
          </label>
        </div>
      </div>
    </div>
  );
}

export const voteOf = (r: RulesProfile): Vote => Object.fromEntries(VOTE_KEYS.map((k) => [k, r[k]])) as Vote;
