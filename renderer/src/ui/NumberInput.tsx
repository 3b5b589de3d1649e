/**
 * A number typed the Vietnamese way ("66,67") or with a point; keeps the text while it is being
 * typed and reports the parsed number (null when blank or not a number).
 */
import { useEffect, useState } from 'react';
import { formatNumberVi, parseLooseNumber } from '../../../shared/text/vietnamese';

export function NumberInput({
  id,
  value,
  onChange,
  ariaLabel,
  className,
  describedBy,
}: {
  id?: string;
  value: number | null;
  onChange: (n: number | null) => void;
  ariaLabel?: string;
  className?: string;
  describedBy?: string | undefined;
}) {
  const shown = value === null ? '' : formatNumberVi(value).replace(/\./g, '');
  const [text, setText] = useState(shown);
  useEffect(() => {
    const parsed = parseLooseNumber(text);
    if ((parsed ?? null) !== value) setText(shown);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <input
      id={id}
      className={className ?? 'input-number'}
      inputMode="decimal"
      aria-label={ariaLabel}
      aria-describedby={describedBy}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const n = parseLooseNumber(e.target.value);
        onChange(n === undefined ? null : n);
      }}
    />
  );
}
