/**
 * A page that writes a bloc into the app's IndexedDB as the app of schema version 4 stored it (one
 * record per score, every store as released: test/unit/db/schema-fixtures.ts), for the upgrade
 * test to open the app over it in Chromium. The bloc comes in window.__seedData; window.__seeded
 * says when it is written (true) or why not (a message).
 */
import Dexie from 'dexie';
import type { BlocData } from '../../../shared/model/records';
import { RELEASED_STORES } from '../../unit/db/schema-fixtures';

declare global {
  interface Window {
    __seedData: BlocData;
    __seeded?: true | string;
  }
}

async function seed(data: BlocData): Promise<void> {
  const db = new Dexie('blocdesk');
  for (const version of [1, 2, 3, 4]) db.version(version).stores(RELEASED_STORES[version]!);
  await db.open();
  const { bloc, ...records } = data;
  await db.transaction('rw', db.tables, async () => {
    await db.table('blocs').add(bloc);
    for (const [table, list] of Object.entries(records)) await db.table(table).bulkAdd(list as object[]);
  });
  db.close();
}

seed(window.__seedData).then(
  () => (window.__seeded = true),
  (err: unknown) => (window.__seeded = err instanceof Error ? `${err.name}: ${err.message}` : String(err)),
);
