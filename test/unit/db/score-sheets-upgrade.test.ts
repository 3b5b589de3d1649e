/**
 * The app's own database written by the version 4 app (one record per score) opens under the
 * current app, which reads and edits its scores through the score sheets: the bloc it reads is
 * the bloc of the version 4 package with the same records.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DB_NAME, SCHEMA_HISTORY, db } from '../../../renderer/src/db/database';
import { readBlocData } from '../../../renderer/src/db/repo-package';
import { setVerifiedScore } from '../../../renderer/src/db/repo-verification';
import { scoresOfYear } from '../../../renderer/src/db/score-store';
import { BlocDataSchema } from '../../../shared/model/records';
import { KINDS, recordsOf } from '../../../shared/model/registry';
import { packageData, RELEASED_FIXTURES } from './schema-fixtures';

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe('a version 4 database of the app, opened by this version', () => {
  it('reads the same bloc as the version 4 package, and edits one score without touching the others', async () => {
    expect(db.isOpen()).toBe(false);
    const old = new Dexie(DB_NAME);
    for (let v = 1; v <= 4; v++) old.version(v).stores(SCHEMA_HISTORY[v]!);
    await old.open();
    for (const [table, records] of Object.entries(RELEASED_FIXTURES[4]!)) await old.table(table).bulkAdd(structuredClone(records));
    old.close();

    const read = await readBlocData('b1');
    const expected = BlocDataSchema.parse(packageData(4));
    expect(read.bloc).toEqual(expected.bloc);
    for (const k of KINDS) expect(byId(recordsOf(read, k.key)), k.key).toEqual(byId(recordsOf(expected, k.key)));
    expect(read.scores.map((s) => s.id)).toEqual(['2023:u1:1', '2023:u1:2', '2023:u2:1']);

    await setVerifiedScore({ blocId: 'b1', year: 2023 }, 'u1', '1', 8, 'Phúc tra', 'Thư ký');
    const after = await scoresOfYear('b1', 2023);
    expect(after.filter((s) => s.code !== '1' || s.unitId !== 'u1')).toEqual(expected.scores.filter((s) => s.id !== '2023:u1:1'));
    expect(after.find((s) => s.id === '2023:u1:1')!.history.map((h) => [h.field, h.new, h.batchId])).toEqual([
      ['self', 9, 'ib1'],
      ['verified', 8, null],
    ]);
  });
});
