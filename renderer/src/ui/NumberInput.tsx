/**
 * A number typed the Vietnamese way ("66,67") or with a point; keeps the text while it is being
 * typed (even when it is not a number yet, which is marked invalid) and reports the parsed number
 * (null when blank or not a number). Never shows "NaN".
 */
import { useEffect, useState } from 'react';
import { parseLooseNumber } from '../../../shared/text/vietnamese';
import { isNotANumber, numberFieldText, syncNumberText } from './number-text';

export function NumberInput({
  id,
  value,
  onChange,
  ariaLabel,
  className,
  describedBy,
  invalid,
}: {
  id?: string;
  value: number | null;
  onChange: (n: number | null) => void;
  ariaLabel?: string;
  className?: string;
  describedBy?: string | undefined;
  /** Marks the field invalid (e.g. out of range) besides text that is not a number. */
  invalid?: boolean;
}) {
  const [text, setText] = useState(() => numberFieldText(value));
  useEffect(() => setText((t) => syncNumberText(t, value)), [value]);
  return (
    <input
      id={id}
      className={className ?? 'input-number'}
      inputMode="decimal"
      aria-label={ariaLabel}
      aria-describedby={describedBy}
      aria-invalid={invalid || isNotANumber(text) ? true : undefined}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const n = parseLooseNumber(e.target.value);
        onChange(n === undefined ? null : n);
      }}
    />
  );
}
