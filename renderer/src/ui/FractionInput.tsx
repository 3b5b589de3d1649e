/**
 * An exact share typed as "1/2", "2/3", "70%" or "66,67%" (shared/domain/vote/fraction.ts reads
 * it). Keeps the text while it is typed; reports the fraction, null when blank, or
 * INVALID_FRACTION (NaN parts) while the text is not a share yet, which the form refuses to save.
 */
import { useEffect, useState } from 'react';
import { fractionText, parseFractionText, type Fraction } from '../../../shared/domain/vote/fraction';

export const INVALID_FRACTION: Fraction = { num: Number.NaN, den: Number.NaN };

/** A fraction with whole parts, 0 ≤ num ≤ den, den ≥ 1. */
export function isValidFraction(f: Fraction | null | undefined): f is Fraction {
  return !!f && Number.isInteger(f.num) && Number.isInteger(f.den) && f.den >= 1 && f.num >= 0 && f.num <= f.den;
}

export function fractionFieldText(f: Fraction | null | undefined): string {
  return isValidFraction(f) ? fractionText(f) : '';
}

function read(text: string): Fraction | null {
  if (!text.trim()) return null;
  const parsed = parseFractionText(text);
  return parsed.ok ? parsed.fraction : INVALID_FRACTION;
}

const sameValue = (a: Fraction | null, b: Fraction | null) =>
  a === b || (!!a && !!b && ((Number.isNaN(a.num) && Number.isNaN(b.num)) || (a.num === b.num && a.den === b.den)));

export function FractionInput({
  id,
  value,
  onChange,
  ariaLabel,
  describedBy,
  invalid,
  placeholder,
}: {
  id?: string;
  value: Fraction | null;
  onChange: (f: Fraction | null) => void;
  ariaLabel?: string;
  describedBy?: string | undefined;
  invalid?: boolean;
  placeholder?: string;
}) {
  const [text, setText] = useState(() => fractionFieldText(value));
  // A value set from outside (defaults restored, changes discarded) replaces the text; the value typed keeps it.
  useEffect(() => setText((t) => (sameValue(read(t), value) ? t : fractionFieldText(value))), [value]);
  const bad = text.trim() !== '' && !parseFractionText(text).ok;
  return (
    <input
      id={id}
      className="input-fraction"
      inputMode="decimal"
      aria-label={ariaLabel}
      aria-describedby={describedBy}
      aria-invalid={invalid || bad ? true : undefined}
      placeholder={placeholder}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(read(e.target.value));
      }}
    />
  );
}
