/**
 * Runs the schema changes of shared/model/schema-changes.ts, for both upgrade paths: the Dexie
 * upgrade (renderer/src/db/database.ts runs `applySchemaChange` over the tables it names) and
 * handover packages from older app versions (`migrateBlocData`, over BlocData). The Dexie stores
 * of each version follow from the registry and the same list (`dexieStoresAt`).
 * test/unit/db/migrations.test.ts runs a fixture of every released version through both.
 */
import { BLOC_KIND, KINDS, kindOf } from './registry';
import { SCHEMA_CHANGES, SCHEMA_VERSION, mapRecords, type RawTables, type SchemaChange } from './schema-changes';

/** The Dexie store declarations of one version: the kinds that appeared in it and the index changes it lists. */
export function dexieStoresAt(version: number): Record<string, string | null> {
  const stores: Record<string, string | null> = {};
  if (BLOC_KIND.since === version) stores[BLOC_KIND.key] = BLOC_KIND.indexes;
  for (const k of KINDS) if (k.since === version) stores[k.key] = k.indexes;
  return { ...stores, ...SCHEMA_CHANGES[version - 1]?.stores };
}

/** The tables a version's upgrade reads and writes (none: Dexie only declares the stores). */
export function tablesOfChange(change: SchemaChange): string[] {
  return [...new Set([...(change.reshape ?? []), ...(change.touches ?? [])])];
}

function schemaOf(table: string) {
  if (table === BLOC_KIND.key) return BLOC_KIND.schema;
  const k = kindOf(table);
  if (!k) throw new Error(`schema change names unknown table "${table}"`);
  return k.schema;
}

/**
 * One version's step. Tables of kinds appearing in the version start empty; the version's own
 * `migrate` runs; then reshaped records get the defaults of fields added since (a record that
 * cannot be read is kept as it is, for the checks after to name). Reshaping last lets a version
 * whose data step makes old records readable again (version 4's rules profile) fill their defaults.
 */
export function applySchemaChange(tables: RawTables, change: SchemaChange): RawTables {
  let out: RawTables = { ...tables };
  for (const k of KINDS) if (k.since === change.version && out[k.key] === undefined) out[k.key] = [];
  if (change.migrate) out = change.migrate(out);
  for (const table of change.reshape ?? []) {
    const schema = schemaOf(table);
    out = mapRecords(out, table, (r) => {
      const parsed = schema.safeParse(r);
      return parsed.success ? { ...r, ...(parsed.data as object) } : r;
    });
  }
  return out;
}

/**
 * BlocData written by schema `fromVersion` (a package's `schemaVersion`), brought to the current
 * version (not yet validated). Storage-only changes (the layout on this PC) are not a package's.
 */
export function migrateBlocData(raw: unknown, fromVersion: number): unknown {
  if (fromVersion > SCHEMA_VERSION) throw new RangeError(`schema ${fromVersion} is newer than ${SCHEMA_VERSION}`);
  if (!Number.isInteger(fromVersion) || fromVersion < 1) throw new RangeError(`no schema ${fromVersion}`);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || fromVersion === SCHEMA_VERSION) return raw;
  // BlocData holds the bloc as one object; the changes see it as the "blocs" table.
  const { bloc, ...rest } = raw as Record<string, unknown>;
  let tables: RawTables = { ...rest, [BLOC_KIND.key]: bloc === undefined ? [] : [bloc] };
  for (const change of SCHEMA_CHANGES.slice(fromVersion)) if (!change.storageOnly) tables = applySchemaChange(tables, change);
  const { [BLOC_KIND.key]: blocs, ...records } = tables;
  const first = Array.isArray(blocs) ? (blocs[0] as unknown) : undefined;
  return first === undefined ? records : { bloc: first, ...records };
}
