/**
 * The bloc's data in IndexedDB. One table per record kind of shared/model/records.ts, named like
 * the keys of BlocData. Every version of the schema stays declared here, with its upgrade, so an
 * old database always opens; test/unit/db-migrations.test.ts opens a fixture of every version.
 */
import Dexie, { type EntityTable } from 'dexie';
import {
  AttachmentSchema,
  BlocSchema,
  ImportBatchSchema,
  PledgeSchema,
  ScoreSchema,
  ScoringTableSchema,
  UnitSchema,
  YearSchema,
  SCHEMA_VERSION,
  type Attachment,
  type Bloc,
  type ImportBatch,
  type Pledge,
  type Score,
  type ScoringTable,
  type Unit,
  type Year,
} from '../../../shared/model/records';
import type { z } from 'zod';

export const DB_NAME = 'blocdesk';

/** Index declarations of each schema version, oldest first. Never edit a released version. */
export const SCHEMA_HISTORY: Record<number, Record<string, string>> = {
  1: {
    blocs: 'id, name',
    units: 'id, blocId, [blocId+code], [blocId+order]',
    years: 'id, blocId, [blocId+year]',
  },
  2: {
    scoringTables: 'id, blocId, [blocId+year], [blocId+year+version]',
    pledges: 'id, blocId, [blocId+year]',
    attachments: 'id, blocId, unitId',
  },
  3: {
    scores: 'id, blocId, [blocId+year], [blocId+year+unitId]',
    importBatches: 'id, blocId, [blocId+year]',
  },
};

export class BlocDeskDb extends Dexie {
  blocs!: EntityTable<Bloc, 'id'>;
  units!: EntityTable<Unit, 'id'>;
  years!: EntityTable<Year, 'id'>;
  scoringTables!: EntityTable<ScoringTable, 'id'>;
  pledges!: EntityTable<Pledge, 'id'>;
  attachments!: EntityTable<Attachment, 'id'>;
  scores!: EntityTable<Score, 'id'>;
  importBatches!: EntityTable<ImportBatch, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    // v1: bloc, units, years.
    this.version(1).stores(SCHEMA_HISTORY[1]!);
    // v2: scoring tables, pledges, attachments. Records of v1 are brought to the current shape
    // (fields added since get their defaults).
    this.version(2)
      .stores(SCHEMA_HISTORY[2]!)
      .upgrade(async (tx) => {
        await upgradeTable(tx.table('blocs'), BlocSchema);
        await upgradeTable(tx.table('units'), UnitSchema);
        await upgradeTable(tx.table('years'), YearSchema);
      });
    // v3: self-assessment scores and import batches.
    this.version(3)
      .stores(SCHEMA_HISTORY[3]!)
      .upgrade(async (tx) => {
        await upgradeTable(tx.table('scoringTables'), ScoringTableSchema);
        await upgradeTable(tx.table('pledges'), PledgeSchema);
        await upgradeTable(tx.table('attachments'), AttachmentSchema);
      });
    void ScoreSchema;
    void ImportBatchSchema;
  }
}

/** Fills defaults of fields added later; a record that cannot be read is kept as it is. */
async function upgradeTable(table: Dexie.Table, schema: z.ZodTypeAny): Promise<void> {
  await table.toCollection().modify((record: Record<string, unknown>) => {
    const parsed = schema.safeParse(record);
    if (parsed.success) Object.assign(record, parsed.data);
  });
}

if (Object.keys(SCHEMA_HISTORY).length !== SCHEMA_VERSION) {
  throw new Error('SCHEMA_HISTORY and SCHEMA_VERSION disagree');
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
