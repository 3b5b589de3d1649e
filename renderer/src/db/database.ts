/**
 * The bloc's data in IndexedDB: the `blocs` table and one table per kind of the record registry
 * (shared/model/registry.ts), named like the keys of BlocData, except the scores: they are kept in
 * `scoreSheets`, one record per bloc, year and unit (shared/model/score-sheets.ts; read and written
 * only through score-store.ts, generic code through kind-store.ts). Every Dexie version is declared
 * from the one list of schema changes (shared/model/schema-changes.ts), with its upgrade, so an old
 * database always opens; test/unit/db/migrations.test.ts opens a fixture of every version.
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { Bloc } from '../../../shared/model/records';
import { applySchemaChange, dexieStoresAt, tablesOfChange } from '../../../shared/model/migrations';
import type { RecordKey, RecordOf } from '../../../shared/model/registry';
import { SCHEMA_CHANGES, SCORE_JSON_SINCE, SCORE_SHEETS_SINCE, type RawTables, type SchemaChange } from '../../../shared/model/schema-changes';
import {
  SCORE_SHEETS_TABLE,
  loadAnySheet,
  packScores,
  storeSheet,
  unpackSheets,
  type JsonScoreSheet,
  type ScoreSheet,
  type StoredScoreSheet,
} from '../../../shared/model/score-sheets';

export const DB_NAME = 'blocdesk';

/** Index declarations of each schema version, oldest first (derived; never edit a released version). */
export const SCHEMA_HISTORY: Record<number, Record<string, string | null>> = Object.fromEntries(
  SCHEMA_CHANGES.map((c) => [c.version, dexieStoresAt(c.version)]),
);

/** The kinds stored one record per record (the scores are in score sheets). */
type RecordTables = { [K in RecordKey as K extends 'scores' ? never : K]: EntityTable<RecordOf<K>, 'id'> };

// Dexie puts a property on the database for every declared table; this types them from the registry.
export interface BlocDeskDb extends RecordTables {
  blocs: EntityTable<Bloc, 'id'>;
  scoreSheets: EntityTable<StoredScoreSheet, 'id'>;
}

export class BlocDeskDb extends Dexie {
  constructor(name = DB_NAME) {
    super(name);
    for (const change of SCHEMA_CHANGES) {
      const version = this.version(change.version).stores(SCHEMA_HISTORY[change.version]!);
      if (tablesOfChange(change).length) version.upgrade((tx) => upgradeTables(tx, change));
    }
  }
}

/**
 * Runs a schema change over the tables it names, all blocs at once, inside Dexie's upgrade
 * transaction. A change after the scores moved into score sheets sees them as the flat "scores"
 * table like a package does; they are read from and written back to their sheets.
 */
export async function upgradeTables(tx: Transaction, change: SchemaChange): Promise<void> {
  const names = tablesOfChange(change);
  const inSheets = (name: string) => name === 'scores' && change.version > SCORE_SHEETS_SINCE;
  const asJson = change.version >= SCORE_JSON_SINCE;
  const before: RawTables = {};
  for (const name of names) {
    before[name] = inSheets(name)
      ? unpackSheets(((await tx.table(SCORE_SHEETS_TABLE).toArray()) as (ScoreSheet | JsonScoreSheet | StoredScoreSheet)[]).map(loadAnySheet))
      : await tx.table(name).toArray();
  }
  const after = applySchemaChange(before, change);
  for (const name of names) {
    if (after[name] === before[name]) continue;
    const table = tx.table(inSheets(name) ? SCORE_SHEETS_TABLE : name);
    await table.clear();
    const sheets = () => packScores(after[name] as never).map((s) => (asJson ? storeSheet(s) : s));
    await table.bulkAdd((inSheets(name) ? sheets() : after[name]) as object[]);
  }
}

/** The app's database (one per browser profile). */
export const db = new BlocDeskDb();

/** Asks the browser to keep the data even under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean> {
  if (typeof navigator !== 'undefined' && navigator.storage?.persist) {
    try {
      return await navigator.storage.persist();
    } catch {
      return false;
    }
  }
  return false;
}
