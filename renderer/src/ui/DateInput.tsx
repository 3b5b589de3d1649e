/**
 * The one date field of the app: typed as dd/mm/yyyy whatever the PC's language, checked against
 * the calendar, reported as ISO yyyy-mm-dd (null while the text is not a real date, which is then
 * kept as typed and marked invalid, with the reason once the user leaves the field).
 */
import { useEffect, useState } from 'react';
import { dateFieldText, parseDateVi } from '../../../shared/text/date-vi';

export function DateInput({
  id,
  value,
  onChange,
  ariaLabel,
  describedBy,
}: {
  id?: string;
  /** ISO yyyy-mm-dd, or '' when there is no valid date. */
  value: string;
  onChange: (iso: string | null) => void;
  ariaLabel?: string;
  describedBy?: string | undefined;
}) {
  const [text, setText] = useState(() => dateFieldText(value));
  const [left, setLeft] = useState(false);
  useEffect(() => {
    setText((t) => {
      const typed = parseDateVi(t);
      if (typed.ok ? typed.iso === value : !dateFieldText(value)) return t;
      return dateFieldText(value);
    });
  }, [value]);
  const parsed = parseDateVi(text);
  const message = !parsed.ok && left ? parsed.message : null;
  const msgId = id ? `${id}-date-msg` : undefined;
  return (
    <span className="date-input">
      <input
        id={id}
        type="text"
        inputMode="numeric"
        placeholder="dd/mm/yyyy"
        maxLength={10}
        aria-label={ariaLabel}
        aria-invalid={!parsed.ok && left ? true : undefined}
        aria-describedby={[describedBy, message ? msgId : undefined].filter(Boolean).join(' ') || undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const r = parseDateVi(e.target.value);
          onChange(r.ok ? r.iso : null);
        }}
        onBlur={() => {
          setLeft(true);
          if (parsed.ok) setText(dateFieldText(parsed.iso));
        }}
      />
      {message && (
        <span id={msgId} className="field-error">
          {message}
        </span>
      )}
    </span>
  );
}
