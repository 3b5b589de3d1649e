/**
 * The one list of schema changes. Each version says what changed; both upgrade paths follow from it
 * (shared/model/migrations.ts): the Dexie upgrade of the database on this PC (renderer/src/db/database.ts)
 * and the migration of a handover package written by an older app. Kinds that appear in a version
 * come from the registry (`since`); this list only holds what the registry cannot say: fields that
 * gained defaults, index changes, and data steps.
 * Never edit a released version; add the next one.
 */

import { migrateRulesProfileV3 } from './rules-migration';
import { SCORE_SHEETS_INDEXES, SCORE_SHEETS_TABLE, packScores, storeAnySheet, type JsonScoreSheet, type ScoreSheet, type StoredScoreSheet } from './score-sheets';
import type { Score } from './records-base';

export type RawRecord = Record<string, unknown>;
/** Records by table name (Dexie table or BlocData field; the bloc itself under "blocs"). */
export type RawTables = Record<string, unknown>;

export interface SchemaChange {
  version: number;
  /** What changed, in a line. */
  note: string;
  /** Dexie stores whose indexes change in this version (null drops a store). */
  stores?: Readonly<Record<string, string | null>>;
  /** Tables whose records gained fields with defaults: each record is re-read with the current schema, after `migrate`. */
  reshape?: readonly string[];
  /** Tables the `migrate` step reads and writes. */
  touches?: readonly string[];
  /**
   * A pure step over every record of the touched tables: all blocs of the database at once in a
   * Dexie upgrade, the one bloc of a package. Must leave a table it does not understand as it is.
   */
  migrate?: (tables: RawTables) => RawTables;
  /**
   * Only how the database on this PC stores the records changed: a package never sees it. It runs
   * in the Dexie upgrade only, and packages keep the schema version of the last change without it.
   */
  storageOnly?: true;
}

/** Maps the records of one table, leaving anything that is not a list of objects as it is (old or hostile data). */
export function mapRecords(tables: RawTables, table: string, fn: (record: RawRecord) => RawRecord): RawTables {
  const list = tables[table];
  if (!Array.isArray(list)) return tables;
  return { ...tables, [table]: list.map((r: unknown) => (typeof r === 'object' && r !== null && !Array.isArray(r) ? fn(r as RawRecord) : r)) };
}

export const SCHEMA_CHANGES: readonly SchemaChange[] = [
  { version: 1, note: 'bloc, units, years' },
  {
    version: 2,
    note: 'scoring tables, pledges, attachments; blocs, units and years gain fields (issuing parent, contact, notes)',
    reshape: ['blocs', 'units', 'years'],
  },
  {
    version: 3,
    note: 'scores and import batches; scoring tables, pledges and attachments gain fields',
    reshape: ['scoringTables', 'pledges', 'attachments'],
  },
  {
    version: 4,
    note: 'year-end work: the rules profile in exact fractions (threshold, quorum, seats, vote settings); unit reviews, explanations, year reviews, conferences, vote rounds, document drafts, register entries; years gain leadershipSource; units get the signer fields added after version 3 was released (signer, deputyName, deputyTitle)',
    // Years are reshaped after the rules migrate: a year of version 1 read with old rules gets its later defaults (note) here.
    reshape: ['units', 'years'],
    // The percent-only rules profile becomes the exact-fraction one (shared/model/rules-migration.ts).
    migrate: (t) =>
      mapRecords(t, 'years', (y) => ({
        ...y,
        ...('rules' in y ? { rules: migrateRulesProfileV3(y.rules) } : {}),
        leadershipSource: 'leadershipSource' in y ? y.leadershipSource : null,
      })),
  },
  {
    version: 5,
    note: 'this PC stores scores as one record per bloc, year and unit (score sheets, shared/model/score-sheets.ts) instead of one per score; packages unchanged',
    storageOnly: true,
    stores: { scores: null, [SCORE_SHEETS_TABLE]: SCORE_SHEETS_INDEXES },
    touches: ['scores', SCORE_SHEETS_TABLE],
    // Dexie drops the old store after this step; its records are left as they are for it.
    migrate: (t) => (Array.isArray(t.scores) ? { ...t, [SCORE_SHEETS_TABLE]: packScores(t.scores as Score[]) } : t),
  },
  {
    version: 6,
    note: 'score sheets hold their scores as the UTF-8 JSON of the array (StoredScoreSheet), not as objects: IndexedDB copies bytes in one piece, and the export sends this JSON as it is; packages unchanged',
    storageOnly: true,
    touches: [SCORE_SHEETS_TABLE],
    // Written in today's form (version 7's, deflated): the sheets are stored once, at the end of the upgrade.
    migrate: storeSheetsNow,
  },
  {
    version: 7,
    note: 'score sheets hold their JSON deflated (StoredScoreSheet.deflated): a sheet of 200 scores stays under the size past which Chromium stores a value as a separate file, and the export sends a tenth of the bytes; packages unchanged',
    storageOnly: true,
    touches: [SCORE_SHEETS_TABLE],
    migrate: storeSheetsNow,
  },
];

/** Every score sheet, whatever form it has (objects, JSON, deflated JSON), as stored now. */
function storeSheetsNow(t: RawTables): RawTables {
  const sheets = t[SCORE_SHEETS_TABLE];
  if (!Array.isArray(sheets)) return t;
  return { ...t, [SCORE_SHEETS_TABLE]: (sheets as (ScoreSheet | JsonScoreSheet | StoredScoreSheet)[]).map(storeAnySheet) };
}

/**
 * The two version numbers (one list, two counts):
 * - DB_VERSION, the Dexie version of the database on this PC: every change;
 * - SCHEMA_VERSION, the package's `schemaVersion` and the data schema of BlocData: the last change a
 *   package sees (storage-only changes do not count), so that a change of the local layout alone
 *   leaves the packages readable by the app versions before it.
 */
export const DB_VERSION = SCHEMA_CHANGES.length;
export const SCHEMA_VERSION = Math.max(...SCHEMA_CHANGES.filter((c) => !c.storageOnly).map((c) => c.version));

/** The Dexie version from which scores are stored in score sheets (a later change over "scores" reads and writes them there). */
export const SCORE_SHEETS_SINCE = SCHEMA_CHANGES.find((c) => c.stores?.[SCORE_SHEETS_TABLE])!.version;
/** The Dexie version from which score sheets hold their scores as JSON bytes (StoredScoreSheet). */
export const SCORE_JSON_SINCE = 6;

SCHEMA_CHANGES.forEach((c, i) => {
  if (c.version !== i + 1) throw new Error(`schema change ${i + 1} declares version ${c.version}`);
});
