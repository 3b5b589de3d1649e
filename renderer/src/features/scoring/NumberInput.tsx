/**
 * A points field that reads numbers the way Vietnamese staff type them ("8,5", "1.000") and shows
 * them in vi-VN form. The value is committed on blur or Enter; text that is not a number is shown
 * as an error and not committed.
 */
import { useEffect, useState } from 'react';
import { parseLooseNumber } from '../../../../shared/text/vietnamese';
import { numberFieldText } from '../../ui/number-text';

interface Props {
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  label: string;
  /** Allow an empty field (the value becomes undefined). */
  optional?: boolean;
  disabled?: boolean;
  className?: string;
}

const show = (v: number | undefined) => numberFieldText(v);

export function NumberInput({ value, onChange, label, optional, disabled, className }: Props) {
  const [text, setText] = useState(show(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(show(value));
    setError(null);
  }, [value]);

  function commit() {
    const parsed = parseLooseNumber(text);
    if (parsed === null) {
      if (optional) {
        setError(null);
        if (value !== undefined) onChange(undefined);
      } else {
        setError('Cần nhập số điểm.');
      }
      return;
    }
    if (parsed === undefined || !Number.isFinite(parsed)) {
      setError(`"${text}" không phải là số (ví dụ hợp lệ: 10 hoặc 2,5).`);
      return;
    }
    if (parsed < 0) {
      setError('Số điểm không được âm (điểm trừ ghi số dương).');
      return;
    }
    setError(null);
    if (parsed !== value) onChange(parsed);
    else setText(show(value));
  }

  return (
    <span className={`number-input ${className ?? ''}`}>
      <input
        type="text"
        inputMode="decimal"
        aria-label={label}
        aria-invalid={error ? true : undefined}
        title={error ?? label}
        value={text}
        disabled={disabled}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
