/** Helpers shared by the repo-* modules: record validation with Vietnamese messages, table lists. */
import type { z } from 'zod';
import { RECORD_KEYS } from '../../../shared/model/registry';
import { deepCleanText } from '../../../shared/text/clean';
import { db } from './database';
import { kindStore } from './kind-store';
import { RepoError } from './repo-errors';

/** Kinds whose records carry a `blocId` (everything but `blocs`): the kinds of the record registry. */
export const BLOC_RECORD_TABLES = RECORD_KEYS;

/** Every table of the app's data (the scores' sheets for the scores), for a transaction over a whole bloc. */
export function allTables() {
  return [db.blocs, ...BLOC_RECORD_TABLES.map((t) => kindStore(t).table())];
}

/** Cleans the text (NFC, no control characters) and validates a record before it is written; throws RepoError naming the field. */
export function checked<S extends z.ZodTypeAny>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(deepCleanText(value));
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(bản ghi)'}: ${i.message}`)
      .join('; ');
    throw new RepoError('invalid-record', `${what} không hợp lệ, chưa lưu: ${issues}`);
  }
  return parsed.data;
}
