/**
 * Brings BlocData written by an older schema version to the current one (handover packages from
 * older app versions). Each step is one function; test/unit/migrations.test.ts runs a fixture of
 * every earlier version through the chain. Dexie's own upgrades live in renderer/src/db/database.ts.
 */
import { SCHEMA_VERSION } from './records';

type Raw = Record<string, unknown>;

const STEPS: Record<number, (data: Raw) => Raw> = {
  /** v1 → v2: scoring tables, pledges and attachments appeared. */
  1: (d) => ({ ...d, scoringTables: d.scoringTables ?? [], pledges: d.pledges ?? [], attachments: d.attachments ?? [] }),
  /** v2 → v3: self-assessment scores and import batches appeared. */
  2: (d) => ({ ...d, scores: d.scores ?? [], importBatches: d.importBatches ?? [] }),
};

export function migrateBlocData(raw: unknown, fromVersion: number): unknown {
  if (fromVersion > SCHEMA_VERSION) throw new RangeError(`schema ${fromVersion} is newer than ${SCHEMA_VERSION}`);
  if (!raw || typeof raw !== 'object') return raw;
  let data = raw as Raw;
  for (let v = fromVersion; v < SCHEMA_VERSION; v++) {
    const step = STEPS[v];
    if (!step) throw new RangeError(`no migration from schema ${v}`);
    data = step(data);
  }
  return data;
}
