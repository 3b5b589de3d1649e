/**
 * Being told that the app's data changed: after every committed write to the app's database, in
 * this window or another. The automatic backups use it to know that there is something new to back
 * up, without scanning the records (a large bloc has hundreds of thousands of scores).
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import { db } from './database';

export function onDataChanged(listener: () => void): () => void {
  const prefix = `idb://${db.name}/`;
  const handler = (parts: ObservabilitySet) => {
    if (Object.keys(parts).some((part) => part.startsWith(prefix))) listener();
  };
  Dexie.on('storagemutated', handler);
  return () => Dexie.on.storagemutated.unsubscribe(handler);
}
