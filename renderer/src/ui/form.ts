/** Form validation with zod schemas carrying Vietnamese messages: field path → first message. */
import type { z } from 'zod';

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
