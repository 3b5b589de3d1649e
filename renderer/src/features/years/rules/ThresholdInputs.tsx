/** A vote threshold: "trên" / "từ … trở lên", an exact share, and what it is a share of. */
import type { VoteThreshold } from '../../../../../shared/model/records';
import { COMPARISON_LABELS, THRESHOLD_BASE_LABELS } from '../../../../../shared/domain/rules-defaults';
import { thresholdText } from '../../../../../shared/domain/vote/threshold';
import { FractionInput, INVALID_FRACTION, isValidFraction } from '../../../ui/FractionInput';

export function ThresholdInputs({
  value,
  onChange,
  label,
  id,
  invalid,
  describedBy,
}: {
  value: VoteThreshold;
  onChange: (t: VoteThreshold) => void;
  /** Names the inputs for assistive technology: "của ngưỡng", "của ngưỡng riêng Cờ thi đua …". */
  label: string;
  id?: string;
  invalid?: boolean;
  describedBy?: string | undefined;
}) {
  const set = (patch: Partial<VoteThreshold>) => onChange({ ...value, ...patch });
  return (
    <span className="inline-inputs">
      <select id={id} aria-label={`Cách so sánh ${label}`} value={value.comparison} onChange={(e) => set({ comparison: e.target.value as VoteThreshold['comparison'] })}>
        {Object.entries(COMPARISON_LABELS).map(([k, text]) => (
          <option key={k} value={k}>
            {text}
          </option>
        ))}
      </select>
      <FractionInput
        ariaLabel={`Tỷ lệ ${label}`}
        describedBy={describedBy}
        placeholder="1/2"
        value={value}
        invalid={invalid ?? false}
        onChange={(f) => set(f ?? INVALID_FRACTION)}
      />
      <select aria-label={`Tính trên (${label})`} value={value.base} onChange={(e) => set({ base: e.target.value as VoteThreshold['base'] })}>
        {Object.entries(THRESHOLD_BASE_LABELS).map(([k, text]) => (
          <option key={k} value={k}>
            {text}
          </option>
        ))}
      </select>
    </span>
  );
}

/** "Đạt khi trên 1/2 số phiếu hợp lệ", or what is missing. */
export function thresholdPreview(t: VoteThreshold): string {
  return isValidFraction(t) ? `Đạt khi ${thresholdText(t)}.` : 'Tỷ lệ chưa hợp lệ: nhập dạng 1/2, 2/3 hoặc 70%.';
}
