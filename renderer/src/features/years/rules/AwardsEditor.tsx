/**
 * Award types the bloc votes on, one ballot section each, in the order they are voted: the quota
 * (a number, or a share of the units not yet proposed), the marks a ballot may carry, how units
 * are marked, an optional threshold of its own, and what settles a tie at the cut line.
 */
import type { AwardType, RulesProfile } from '../../../../../shared/model/records';
import { defaultRulesProfile, MARKING_LABELS, newAward, VOTE_TIE_RULE_LABELS } from '../../../../../shared/domain/rules-defaults';
import type { BallotSectionPlan } from '../../../../../shared/domain/vote/plan';
import { seatRuleText } from '../../../../../shared/domain/vote/seats';
import { newId } from '../../../db/ids';
import { FractionInput, INVALID_FRACTION, isValidFraction } from '../../../ui/FractionInput';
import { NumberInput } from '../../../ui/NumberInput';
import { DefaultNote, same } from './DefaultNote';
import { ListButtons, moved } from './ListButtons';
import { thresholdPreview, ThresholdInputs } from './ThresholdInputs';

/** What the ballot says for the award and when a unit passes, in words. */
function awardPreview(a: AwardType, plan: BallotSectionPlan | undefined, profileThreshold: RulesProfile['threshold']): string {
  if (a.seats === 0) return 'Chỉ tiêu 0: năm nay không bỏ phiếu hình thức này.';
  if (!plan) return 'Chỉ tiêu hoặc số đơn vị được chọn chưa hợp lệ.';
  return `Đề nghị ${seatRuleText(a.seats, plan.seats)}; phiếu bầu ghi «${plan.instruction}». ${thresholdPreview(a.threshold ?? profileThreshold)}`;
}

/** Still as the app suggests: a default award unchanged but for its name, or an added one with the default vote settings. */
function isDefaultAward(a: AwardType): boolean {
  const d = defaultRulesProfile().awards.find((x) => x.id === a.id) ?? newAward(a.id, a.name, a.seats);
  return same({ ...a, name: '' }, { ...d, name: '' });
}

/** `errors`: messages by field path ("awards.1.seats"), shown at their field. */
export function AwardsEditor({
  value,
  onChange,
  errors = {},
  threshold,
  plan,
}: {
  value: AwardType[];
  onChange: (v: AwardType[]) => void;
  errors?: Record<string, string>;
  /** The profile's threshold, which an award without its own takes. */
  threshold: RulesProfile['threshold'];
  /** The first ballot the rules would print, by award id (ballotPreview.ts). */
  plan: ReadonlyMap<string, BallotSectionPlan>;
}) {
  const set = (i: number, patch: Partial<AwardType>) => onChange(value.map((a, k) => (k === i ? { ...a, ...patch } : a)));
  return (
    <div>
      <ol className="award-list">
        {value.map((a, i) => {
          const name = a.name || `hình thức thứ ${i + 1}`;
          const share = typeof a.seats !== 'number';
          const e = (field: string) => errors[`awards.${i}.${field}`];
          return (
            <li key={a.id} className="award-card">
              <div className="award-head">
                <span className="award-index">{i + 1}.</span>
                <input
                  className="grow"
                  aria-label={`Tên hình thức khen thưởng ${i + 1}`}
                  aria-invalid={e('name') ? true : undefined}
                  value={a.name}
                  maxLength={200}
                  onChange={(ev) => set(i, { name: ev.target.value })}
                />
                <ListButtons index={i} count={value.length} label={a.name || 'hình thức'} onMove={(f, t) => onChange(moved(value, f, t))} onRemove={() => onChange(value.filter((_, k) => k !== i))} />
              </div>
              <CellError message={e('name')} />
              <div className="award-fields">
                <div className="award-field">
                  <span className="field-label">Chỉ tiêu</span>
                  <span className="inline-inputs">
                    <select
                      aria-label={`Cách tính chỉ tiêu ${name}`}
                      value={share ? 'share' : 'count'}
                      onChange={(ev) => set(i, { seats: ev.target.value === 'share' ? { num: 1, den: 2, of: 'remaining' } : 1 })}
                    >
                      <option value="count">Số đơn vị</option>
                      <option value="share">Tỷ lệ số đơn vị còn lại</option>
                    </select>
                    {typeof a.seats === 'number' ? (
                      <NumberInput ariaLabel={`Số đơn vị được đề nghị ${name}`} value={a.seats} invalid={!!e('seats')} onChange={(n) => set(i, { seats: n ?? Number.NaN })} />
                    ) : (
                      <FractionInput
                        ariaLabel={`Tỷ lệ số đơn vị còn lại ${name}`}
                        placeholder="50%"
                        value={a.seats}
                        invalid={!!e('seats')}
                        onChange={(f) => set(i, { seats: { ...(f ?? INVALID_FRACTION), of: 'remaining' } })}
                      />
                    )}
                  </span>
                </div>
                <div className="award-field">
                  <span className="field-label">Chọn tối đa trên phiếu</span>
                  <NumberInput ariaLabel={`Số đơn vị được chọn tối đa trên phiếu ${name}`} value={a.maxMarks} invalid={!!e('maxMarks')} onChange={(n) => set(i, { maxMarks: n })} />
                  <span className="field-hint">Để trống: bằng chỉ tiêu</span>
                </div>
                <div className="award-field">
                  <span className="field-label">Cách đánh dấu</span>
                  <select aria-label={`Cách đánh dấu ${name}`} value={a.marking} onChange={(ev) => set(i, { marking: ev.target.value as AwardType['marking'] })}>
                    {Object.entries(MARKING_LABELS).map(([k, text]) => (
                      <option key={k} value={k}>
                        {text}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="award-field">
                  <span className="field-label">Khi bằng phiếu ở vị trí cuối</span>
                  <select aria-label={`Khi bằng phiếu ${name}`} value={a.tieRule} onChange={(ev) => set(i, { tieRule: ev.target.value as AwardType['tieRule'] })}>
                    {Object.entries(VOTE_TIE_RULE_LABELS).map(([k, text]) => (
                      <option key={k} value={k}>
                        {text}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="award-field award-threshold">
                  <label className="check">
                    <input type="checkbox" checked={a.threshold !== null} onChange={(ev) => set(i, { threshold: ev.target.checked ? { ...threshold } : null })} />
                    Ngưỡng riêng cho hình thức này
                  </label>
                  {a.threshold && <ThresholdInputs label={`ngưỡng riêng ${name}`} value={a.threshold} invalid={!!e('threshold')} onChange={(t) => set(i, { threshold: t })} />}
                </div>
              </div>
              <CellError message={e('seats') ?? e('maxMarks') ?? e('threshold')} />
              <div className="field-hint">
                {awardPreview(a, plan.get(a.id), threshold)}
                <DefaultNote isDefault={isDefaultAward(a)} />
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" className="btn btn-small" disabled={value.length >= 20} onClick={() => onChange([...value, newAward(newId(), '', 1)])}>
        Thêm hình thức khen thưởng
      </button>
    </div>
  );
}

function CellError({ message }: { message: string | undefined }) {
  return message ? <div className="field-error">{message}</div> : null;
}
