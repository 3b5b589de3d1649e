/** A labelled form field with its validation message; `children` receives the input's id. */
import { useId, type ReactNode } from 'react';

export interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  /** A doubt that does not block saving (e.g. a second unit with the same name); shown instead of the hint. */
  warning?: ReactNode;
  required?: boolean;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}

export function Field({ label, error, hint, warning, required, children }: FieldProps) {
  const id = useId();
  const msgId = `${id}-msg`;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required && <span className="required" aria-hidden="true"> *</span>}
      </label>
      {children(id, error || warning || hint ? msgId : undefined)}
      {error ? (
        <div id={msgId} className="field-error">
          {error}
        </div>
      ) : warning ? (
        <div id={msgId} className="field-warning" role="status">
          {warning}
        </div>
      ) : hint ? (
        <div id={msgId} className="field-hint">
          {hint}
        </div>
      ) : null}
    </div>
  );
}

/** A text input inside a Field. */
export function TextField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  warning?: ReactNode;
  required?: boolean;
  placeholder?: string;
  maxLength?: number;
  name?: string;
}) {
  return (
    <Field label={props.label} error={props.error} hint={props.hint} warning={props.warning} required={props.required ?? false}>
      {(id, describedBy) => (
        <input
          id={id}
          name={props.name}
          type="text"
          value={props.value}
          placeholder={props.placeholder}
          maxLength={props.maxLength}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
