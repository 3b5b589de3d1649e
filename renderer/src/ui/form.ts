/** Form validation with zod schemas carrying Vietnamese messages: field path → first message. */
import { useRef, useState } from 'react';
import type { z } from 'zod';
import type { ApiError } from '../../../shared/api/contract';
import { toApiError } from '../api';
import { useErrorFocus } from './focus-error';
import { useUnsaved } from './unsaved';

export type FieldErrors = Record<string, string>;

export function validateForm<S extends z.ZodTypeAny>(schema: S, values: unknown): { ok: true; value: z.output<S> } | { ok: false; errors: FieldErrors } {
  const r = schema.safeParse(values);
  if (r.success) return { ok: true, value: r.data };
  const errors: FieldErrors = {};
  for (const issue of r.error.issues) {
    const key = issue.path.join('.');
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

export interface ZodFormOptions<S extends z.ZodTypeAny> {
  /** What the form edits, for the unsaved-changes question ("thông tin khối thi đua"). */
  label: string;
  /** Stores valid values; throws to report a failure; returns false when it did not save (the user cancelled). */
  save: (valid: z.output<S>) => Promise<void | boolean>;
  /** Also run when the edits are dropped (e.g. undo a live font-size preview). */
  onDiscard?: () => void;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * State of a form validated by a zod schema: values, per-field messages, the failure of the last
 * save and whether a save runs. `submit()` validates first and calls `save` only with valid
 * values; what `save` throws is shown as the form's failure, nothing is lost from the fields.
 * Every such form: registers its unsaved edits (leaving asks save / discard / stay) and, when a
 * save is refused, focuses and scrolls to the first error (put `formRef` on the <form>).
 */
export function useZodForm<S extends z.ZodTypeAny, V>(schema: S, initial: V | (() => V), options: ZodFormOptions<S>) {
  const [values, setValues] = useState<V>(initial);
  const [saved, setSaved] = useState<V>(values);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const saving = useRef(false);
  const focus = useErrorFocus<HTMLFormElement>();
  const dirty = !same(values, saved);

  const set =
    <K extends keyof V>(key: K) =>
    (value: V[K]) =>
      setValues((s) => ({ ...s, [key]: value }));

  /** Validates and saves; true when the values are stored. */
  const submit = async (): Promise<boolean> => {
    const r = validateForm(schema, values);
    if (!r.ok) {
      setErrors(r.errors);
      focus.request();
      return false;
    }
    setErrors({});
    setFailure(null);
    setBusy(true);
    saving.current = true;
    try {
      if ((await options.save(r.value)) === false) return false;
      setSaved(values);
      return true;
    } catch (err) {
      setFailure(toApiError(err));
      focus.request();
      return false;
    } finally {
      saving.current = false;
      setBusy(false);
    }
  };
  /** Puts values back (default: the saved ones, "Bỏ thay đổi") and clears the messages. */
  const reset = (to: V = saved) => {
    setValues(to);
    setSaved(to);
    setErrors({});
    setFailure(null);
  };
  const discard = () => {
    reset(saved);
    options.onDiscard?.();
  };

  // A save in progress is not "unsaved": its own success handler may navigate away.
  const confirmLeave = useUnsaved({
    label: options.label,
    get dirty() {
      return dirty && !saving.current;
    },
    save: submit,
    discard,
  });
  return { values, setValues, set, errors, failure, busy, dirty, submit, reset, discard, confirmLeave, formRef: focus.ref };
}
