/** Form validation with zod schemas carrying Vietnamese messages: field path → first message. */
import { useState } from 'react';
import type { z } from 'zod';
import type { ApiError } from '../../../shared/api/contract';
import { toApiError } from '../api';

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

/**
 * State of a form validated by a zod schema: values, per-field messages, the failure of the last
 * save and whether a save runs. `submit(save)` validates first and calls `save` only with valid
 * values; what `save` throws is shown as the form's failure, nothing is lost from the fields.
 */
export function useZodForm<S extends z.ZodTypeAny, V>(schema: S, initial: V | (() => V)) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set =
    <K extends keyof V>(key: K) =>
    (value: V[K]) =>
      setValues((s) => ({ ...s, [key]: value }));
  const submit = async (save: (valid: z.output<S>) => Promise<void>) => {
    const r = validateForm(schema, values);
    if (!r.ok) return setErrors(r.errors);
    setErrors({});
    setFailure(null);
    setBusy(true);
    try {
      await save(r.value);
    } catch (err) {
      setFailure(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  /** Puts the values back (e.g. "Bỏ thay đổi") and clears the messages. */
  const reset = (to: V) => {
    setValues(to);
    setErrors({});
    setFailure(null);
  };
  return { values, setValues, set, errors, failure, busy, submit, reset };
}
