/**
 * Asks for a reason (or a few fields) in a dialog whose first field has the cursor; resolves with
 * the values, or null when cancelled. One provider per screen: `const [ask, dialog] = useAskFields()`.
 */
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { Dialog } from '../../ui/Dialog';

export interface AskField {
  name: string;
  label: string;
  /** Required fields refuse an empty value with this message. */
  required?: string;
  multiline?: boolean;
  initial?: string;
  placeholder?: string;
}

export interface AskRequest {
  title: string;
  intro?: ReactNode;
  fields: AskField[];
  confirm: string;
}

type Pending = AskRequest & { resolve: (v: Record<string, string> | null) => void };

export function useAskFields(): [(r: AskRequest) => Promise<Record<string, string> | null>, ReactNode] {
  const [pending, setPending] = useState<Pending | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState('');
  const current = useRef<Pending | null>(null);

  const ask = useCallback(
    (r: AskRequest) =>
      new Promise<Record<string, string> | null>((resolve) => {
        const p = { ...r, resolve };
        current.current = p;
        setValues(Object.fromEntries(r.fields.map((f) => [f.name, f.initial ?? ''])));
        setProblem('');
        setPending(p);
      }),
    [],
  );
  const finish = (v: Record<string, string> | null) => {
    current.current?.resolve(v);
    current.current = null;
    setPending(null);
  };
  const submit = () => {
    if (!pending) return;
    const missing = pending.fields.find((f) => f.required && !(values[f.name] ?? '').trim());
    if (missing) {
      setProblem(missing.required ?? '');
      return;
    }
    finish(values);
  };

  const dialog = pending ? (
    <Dialog
      open
      title={pending.title}
      onClose={() => finish(null)}
      footer={
        <>
          <button type="button" className="btn" onClick={() => finish(null)}>
            Hủy
          </button>
          <button type="button" className="btn btn-primary" onClick={submit}>
            {pending.confirm}
          </button>
        </>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {pending.intro && <div className="ask-intro">{pending.intro}</div>}
        {pending.fields.map((f) => (
          <label key={f.name} className="field">
            <span>{f.label}</span>
            {f.multiline ? (
              <textarea
                name={f.name}
                rows={3}
                value={values[f.name] ?? ''}
                placeholder={f.placeholder}
                aria-invalid={problem !== '' && f.required !== undefined && !(values[f.name] ?? '').trim()}
                onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
              />
            ) : (
              <input
                name={f.name}
                value={values[f.name] ?? ''}
                placeholder={f.placeholder}
                aria-invalid={problem !== '' && f.required !== undefined && !(values[f.name] ?? '').trim()}
                onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
              />
            )}
          </label>
        ))}
        {problem && (
          <p className="error-box" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" hidden />
      </form>
    </Dialog>
  ) : null;
  return [ask, dialog];
}
