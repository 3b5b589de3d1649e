/**
 * Both upgrade paths, from the one list of schema changes: a database written by every released
 * schema version opens with the current BlocDeskDb, and a package of every released version is
 * migrated; both give the same, valid, consistent bloc, with the fields added since at their defaults.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { inflateSync } from 'fflate';
import { BlocDeskDb, SCHEMA_HISTORY, upgradeTables } from '../../../renderer/src/db/database';
import { BlocDataSchema, SCHEMA_VERSION, type BlocData, type Score } from '../../../shared/model/records';
import { migrateBlocData } from '../../../shared/model/migrations';
import { KINDS, recordsOf, type AnyRecord } from '../../../shared/model/registry';
import { DB_VERSION, SCHEMA_CHANGES, mapRecords, type SchemaChange } from '../../../shared/model/schema-changes';
import { loadSheet, packScores, storeSheet, unpackSheets, type StoredScoreSheet } from '../../../shared/model/score-sheets';
import { consistencyProblems } from '../../../shared/package/consistency';
import { packageData, RELEASED_FIXTURES, RELEASED_STORES, RULES_V3 } from './schema-fixtures';

const T = '2023-03-01T00:00:00.000Z';
let counter = 0;
const opened: Dexie[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) {
    d.close();
    await Dexie.delete(d.name);
  }
});

/** A raw database declared with the schema versions 1..upTo only, as an old app release had it. */
function oldDb(name: string, upTo: number): Dexie {
  const d = new Dexie(name);
  for (let v = 1; v <= upTo; v++) d.version(v).stores(SCHEMA_HISTORY[v]!);
  return d;
}

/** Scores of two blocs whose sheets the upgrades of the score sheets are tried on (5 sheets). */
const sheetScores = () => [...manyScores('b1', ['u1', 'u10'], [2023, 2024], ['2', '1', '1.1']), ...manyScores('b2', ['b2-u1'], [2024], ['1'])];

/** The database opened by this app after version `from` wrote `records` into `table`. */
async function openedAfter(name: string, from: number, table: string, records: object[]): Promise<BlocDeskDb> {
  const old = oldDb(name, from);
  await old.open();
  await old.table(table).bulkAdd(structuredClone(records));
  old.close();
  const current = new BlocDeskDb(name);
  opened.push(current);
  await current.open();
  expect(current.verno).toBe(DB_VERSION);
  return current;
}

/** The score sheets as the current database holds them, after `sheets` were written by version `from`. */
async function upgradedSheets(name: string, from: number, sheets: object[]): Promise<StoredScoreSheet[]> {
  return (await openedAfter(name, from, 'scoreSheets', sheets)).scoreSheets.toArray();
}

/** v1 records: written before issuingParent, partyFormat, unit contact fields, active and year notes existed. */
async function writeV1(d: Dexie): Promise<void> {
  await d.table('blocs').add({ id: 'b1', name: 'Khối Văn hóa - Xã hội', shortName: 'VHXH', province: 'Hà Nam', issuingBody: 'KHỐI VHXH', createdAt: T, updatedAt: T });
  await d.table('units').bulkAdd([
    { id: 'u1', blocId: 'b1', code: 'SYT', name: 'Sở Y tế', order: 1, createdAt: T, updatedAt: T },
    { id: 'u2', blocId: 'b1', code: 'SNV', name: 'Sở Nội vụ', order: 2, createdAt: T, updatedAt: T },
  ]);
  await d.table('years').add({
    id: 'y1',
    blocId: 'b1',
    year: 2023,
    memberUnitIds: ['u1', 'u2'],
    leaderUnitId: 'u1',
    deputyUnitId: 'u2',
    rules: RULES_V3,
    createdAt: T,
    updatedAt: T,
  });
}

async function expectV1Upgraded(current: BlocDeskDb): Promise<void> {
  const bloc = await current.blocs.get('b1');
  expect(bloc).toMatchObject({ name: 'Khối Văn hóa - Xã hội', issuingParent: '', partyFormat: false });
  const units = await current.units.where('blocId').equals('b1').sortBy('order');
  expect(units.map((u) => [u.code, u.shortName, u.head, u.address, u.phone, u.active])).toEqual([
    ['SYT', '', '', '', '', true],
    ['SNV', '', '', '', '', true],
  ]);
  expect((await current.years.get('y1'))!.note).toBe('');
  expect(await current.units.where('[blocId+code]').equals(['b1', 'SNV']).count()).toBe(1);
}

describe('Dexie migrations', () => {
  it('declares every version in SCHEMA_HISTORY', () => {
    expect(Object.keys(SCHEMA_HISTORY).map(Number)).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  it('upgrades a version 1 database', async () => {
    const name = `mig-v1-${++counter}`;
    const v1 = oldDb(name, 1);
    await v1.open();
    await writeV1(v1);
    v1.close();

    const current = new BlocDeskDb(name);
    opened.push(current);
    await current.open();
    expect(current.verno).toBe(DB_VERSION);
    await expectV1Upgraded(current);
    // Tables added after v1 work.
    await current.scoreSheets.bulkAdd(packScores([{ id: '2023:u1:1', blocId: 'b1', year: 2023, unitId: 'u1', code: '1', self: 5, verified: null, note: '', history: [], updatedAt: T }]).map(storeSheet));
    await current.pledges.add({
      id: 'p1', blocId: 'b1', year: 2023, title: 'Giao ước', legalBasis: [], intro: '', commitments: [], place: 'Hà Nam',
      date: '2023-03-01', documentNumber: '', witness: null, columns: 2, unitIds: ['u1'], updatedAt: T,
    });
    expect(unpackSheets((await current.scoreSheets.where('[blocId+year]').equals(['b1', 2023]).toArray()).map(loadSheet)).map((s) => s.self)).toEqual([5]);
    expect(await current.pledges.where('[blocId+year]').equals(['b1', 2023]).count()).toBe(1);
    expect(await current.importBatches.count()).toBe(0);
  });

  it('upgrades a version 2 database', async () => {
    const name = `mig-v2-${++counter}`;
    const v2 = oldDb(name, 2);
    await v2.open();
    // A version 2 app wrote blocs, units and years in their full shape.
    await v2.table('blocs').add({ id: 'b1', name: 'Khối Văn hóa - Xã hội', shortName: 'VHXH', province: 'Hà Nam', issuingBody: 'KHỐI VHXH', issuingParent: 'UBND TỈNH HÀ NAM', partyFormat: false, createdAt: T, updatedAt: T });
    await v2.table('units').add({ id: 'u1', blocId: 'b1', code: 'SYT', name: 'Sở Y tế', shortName: 'SYT', head: 'Lê Văn C', headTitle: 'Giám đốc', address: '', phone: '', order: 1, active: false, createdAt: T, updatedAt: T });
    // v2 records written before scoring-table reasons, lock times and pledge details existed.
    await v2.table('scoringTables').add({
      id: 't1', blocId: 'b1', year: 2023, version: 1, status: 'draft', title: 'Bảng chấm điểm 2023', scale: 100,
      groups: [{ id: 'g1', code: 'I', title: 'Chuyên môn', kind: 'normal', criteria: [{ id: 'c1', code: '1', title: 'Nhiệm vụ', max: 10, kind: 'qualitative' }] }],
      createdAt: T, updatedAt: T,
    });
    await v2.table('pledges').add({
      id: 'p1', blocId: 'b1', year: 2023, title: 'Giao ước thi đua', legalBasis: [], commitments: ['Hoàn thành nhiệm vụ'],
      place: 'Hà Nam', date: '2023-03-01', columns: 3, unitIds: ['u1', 'u2'], updatedAt: T,
    });
    await v2.table('attachments').add({ id: 'a1', blocId: 'b1', unitId: 'u1', kind: 'stamp', mime: 'image/png', width: 2, height: 2, data: 'AA==', createdAt: T });
    v2.close();

    const current = new BlocDeskDb(name);
    opened.push(current);
    await current.open();
    expect(current.verno).toBe(DB_VERSION);
    expect(await current.blocs.get('b1')).toMatchObject({ issuingParent: 'UBND TỈNH HÀ NAM' });
    expect(await current.units.get('u1')).toMatchObject({ head: 'Lê Văn C', active: false });
    const table = (await current.scoringTables.get('t1'))!;
    expect(table).toMatchObject({ reason: '', lockedAt: null });
    expect(table.groups[0]!.criteria[0]!.guidance).toBe('');
    expect(await current.pledges.get('p1')).toMatchObject({ intro: '', documentNumber: '', witness: null, commitments: ['Hoàn thành nhiệm vụ'] });
    expect(await current.attachments.get('a1')).toMatchObject({ kind: 'stamp', unitId: 'u1' });
    await current.importBatches.add({ id: 'ib1', blocId: 'b1', year: 2023, createdAt: T, files: [], changes: [], undoneAt: null });
    expect(await current.importBatches.where('[blocId+year]').equals(['b1', 2023]).count()).toBe(1);
  });

  it('opens the current version unchanged on a second start', async () => {
    const name = `mig-cur-${++counter}`;
    const first = new BlocDeskDb(name);
    await first.open();
    await first.blocs.add({ id: 'b', name: 'Khối', shortName: '', province: '', issuingBody: '', issuingParent: 'UBND TỈNH', partyFormat: true, createdAt: T, updatedAt: T });
    first.close();
    const again = new BlocDeskDb(name);
    opened.push(again);
    await again.open();
    expect(await again.blocs.get('b')).toMatchObject({ issuingParent: 'UBND TỈNH', partyFormat: true });
  });
});

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

/** Every stored record of a kind, as the app sees it (the scores unpacked from their sheets). */
async function storedOf(d: BlocDeskDb, key: string): Promise<AnyRecord[]> {
  return (key === 'scores' ? unpackSheets((await d.scoreSheets.toArray()).map(loadSheet)) : await d.table(key).toArray()) as AnyRecord[];
}

/** The bloc as the current app reads it from a database. */
async function readFrom(d: BlocDeskDb, blocId: string): Promise<BlocData> {
  const data: Record<string, unknown> = { bloc: await d.blocs.get(blocId) };
  for (const k of KINDS) data[k.key] = (await storedOf(d, k.key)).filter((r) => r.blocId === blocId);
  return BlocDataSchema.parse(data);
}

describe('every released schema version, through both upgrade paths', () => {
  it('keeps the index declarations of released versions as they were', () => {
    for (const [v, stores] of Object.entries(RELEASED_STORES)) expect(SCHEMA_HISTORY[Number(v)]).toEqual(stores);
  });

  for (const version of Object.keys(RELEASED_FIXTURES).map(Number)) {
    it(`brings version ${version} to the current schema, the same in IndexedDB and in a package`, async () => {
      const name = `mig-both-${version}-${++counter}`;
      const old = oldDb(name, version);
      await old.open();
      for (const [table, records] of Object.entries(RELEASED_FIXTURES[version]!)) await old.table(table).bulkAdd(structuredClone(records));
      old.close();
      const current = new BlocDeskDb(name);
      opened.push(current);
      await current.open();
      expect(current.verno).toBe(DB_VERSION);
      const fromDb = await readFrom(current, 'b1');

      const fromPackage = BlocDataSchema.parse(migrateBlocData(packageData(version), version));
      expect(consistencyProblems(fromPackage)).toEqual([]);
      expect(fromDb.bloc).toEqual(fromPackage.bloc);
      for (const k of KINDS) expect(byId(recordsOf(fromDb, k.key)), k.key).toEqual(byId(recordsOf(fromPackage, k.key)));

      // Fields added since have their defaults; what the old version knew is kept.
      expect(fromPackage.years[0]!.leadershipSource).toBeNull();
      // The percent-only rules of version 3 in exact fractions: 66,67% of the ballots returned → 2/3.
      expect(fromPackage.years[0]!.rules).toMatchObject({
        threshold: { num: 2, den: 3, comparison: 'gte', base: 'returned' },
        quorum: { num: 1, den: 2, comparison: 'gte' },
        exclusiveAwards: true,
        invalidScope: 'section',
        maxRounds: 3,
      });
      expect(fromPackage.years[0]!.rules.awards.map((a) => [a.id, a.seats, a.maxMarks])).toEqual([
        ['award-gov-flag', 1, null],
        ['award-prov-flag', 2, null],
      ]);
      expect(fromPackage.years[0]!.memberUnitIds).toEqual(['u1', 'u2']);
      expect(fromPackage.units.map((u) => u.signer)).toEqual(['head', 'head']);
      if (version >= 2) expect(fromPackage.years[0]!.note).toBe('Năm đầu');
      if (version >= 2) expect(fromPackage.scoringTables[0]!.groups[0]!.criteria[0]!.guidance).toBe(version === 2 ? '' : 'Có minh chứng');
      if (version >= 3) expect(fromPackage.scores[0]!.history[0]!.batchId).toBe('ib1');
      expect(fromPackage.voteRounds).toEqual([]);
      // The stored records themselves hold every field of the current schema (not only once parsed).
      for (const k of KINDS) for (const raw of await storedOf(current, k.key)) expect(raw, k.key).toEqual(k.schema.parse(raw));
      expect(await current.years.get('y1')).toHaveProperty('leadershipSource', null);
    });
  }

  it('leaves a package of the current version as it is, and refuses versions it does not know', () => {
    const data = packageData(3);
    expect(migrateBlocData(data, SCHEMA_VERSION)).toBe(data);
    expect(() => migrateBlocData(data, SCHEMA_VERSION + 1)).toThrow(RangeError);
    expect(() => migrateBlocData(data, 0)).toThrow(RangeError);
  });

  it('leaves malformed tables for the record checks to refuse', () => {
    const raw = { ...packageData(3), years: 'pas une liste', units: [42] };
    const migrated = migrateBlocData(raw, 3) as Record<string, unknown>;
    expect(migrated.years).toBe('pas une liste');
    expect(migrated.units).toEqual([42]);
    expect(BlocDataSchema.safeParse(migrated).success).toBe(false);
  });
});

/** Scores of `units` × `years` × `codes`, each with a history, as one record per score (schema 4). */
function manyScores(blocId: string, units: string[], years: number[], codes: string[]): Score[] {
  return years.flatMap((year) =>
    units.flatMap((unitId, u) =>
      codes.map((code, c) => ({
        id: `${year}:${unitId}:${code}`, blocId, year, unitId, code, self: (u + c) % 11, verified: c % 3 === 0 ? ((u + c) % 11) - 1 : null,
        note: c % 4 === 0 ? `Ghi chú ${code}` : '',
        history: [
          { at: T, by: 'Thư ký', field: 'self' as const, old: null, new: (u + c) % 11, reason: '', batchId: null },
          ...(c % 3 === 0 ? [{ at: T, by: 'Tổ thẩm định', field: 'verified' as const, old: null, new: ((u + c) % 11) - 1, reason: 'Thiếu minh chứng', batchId: null }] : []),
        ],
        updatedAt: T,
      })),
    ),
  );
}

describe('schema 5: the scores of this PC move into score sheets', () => {
  it('opens a version 4 database with every score intact (ids, values, histories), one record per bloc, year and unit', async () => {
    const name = `mig-sheets-${++counter}`;
    // Two blocs; unit ids where one is the prefix of another ('u1', 'u10'); codes out of order.
    const written = [
      ...manyScores('b1', ['u1', 'u10', 'u2'], [2023, 2024], ['2', '1', '1.1', '10']),
      ...manyScores('b2', ['b2-u1'], [2024], ['1', '2']),
    ];
    const current = await openedAfter(name, 4, 'scores', written);
    expect([...current.backendDB().objectStoreNames]).not.toContain('scores');
    const stored = await current.scoreSheets.toArray();
    // Since version 7 a sheet holds its scores as their JSON, deflated.
    for (const s of stored) expect(s.deflated).toBeInstanceOf(Uint8Array);
    const sheets = stored.map(loadSheet);
    expect(unpackSheets(sheets)).toEqual([...written].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(sheets.map((s) => [s.id, s.blocId, s.scores.length]).sort()).toEqual([
      ['2023:u1', 'b1', 4], ['2023:u10', 'b1', 4], ['2023:u2', 'b1', 4],
      ['2024:b2-u1', 'b2', 2], ['2024:u1', 'b1', 4], ['2024:u10', 'b1', 4], ['2024:u2', 'b1', 4],
    ].sort());
    for (const sheet of sheets) {
      for (const s of sheet.scores) expect([s.blocId, s.year, s.unitId, s.id.startsWith(`${sheet.id}:`)]).toEqual([sheet.blocId, sheet.year, sheet.unitId, true]);
      expect(sheet.scores.map((s) => s.id)).toEqual(sheet.scores.map((s) => s.id).sort());
    }
    expect(unpackSheets((await current.scoreSheets.where('[blocId+year]').equals(['b1', 2024]).toArray()).map(loadSheet))).toHaveLength(12);
  });

  it('versions 6 and 7: score sheets of version 5 (scores as objects) come to hold their JSON, deflated, every score as it was', async () => {
    const written = sheetScores();
    const stored = await upgradedSheets(`mig-json-${++counter}`, 5, packScores(written));
    expect(stored).toHaveLength(5);
    for (const s of stored) {
      expect(s.deflated).toBeInstanceOf(Uint8Array);
      expect('scores' in s).toBe(false);
    }
    expect(unpackSheets(stored.map(loadSheet))).toEqual([...written].sort((a, b) => (a.id < b.id ? -1 : 1)));
  });

  it('version 7: score sheets of version 6 (their JSON as bytes) come to hold it deflated, every score as it was', async () => {
    const written = sheetScores();
    const asJson = packScores(written).map(({ scores, ...sheet }) => ({ ...sheet, json: new TextEncoder().encode(JSON.stringify(scores)) }));
    const stored = await upgradedSheets(`mig-deflated-${++counter}`, 6, asJson);
    expect(stored).toHaveLength(5);
    for (const [i, s] of stored.entries()) {
      expect('json' in s).toBe(false);
      // Raw DEFLATE of the same JSON: smaller, and inflated it is that JSON byte for byte.
      expect(inflateSync(s.deflated)).toEqual(asJson.find((j) => j.id === s.id)!.json);
      expect(s.deflated.length, String(i)).toBeLessThan(asJson.find((j) => j.id === s.id)!.json.length);
    }
    expect(unpackSheets(stored.map(loadSheet))).toEqual([...written].sort((a, b) => (a.id < b.id ? -1 : 1)));
  });

  it('packages keep schema version 4: a change of the layout on this PC alone is not a package change', () => {
    expect(DB_VERSION).toBe(7);
    expect(SCHEMA_CHANGES[4]!.storageOnly).toBe(true);
    expect(SCHEMA_CHANGES[5]!.storageOnly).toBe(true);
    expect(SCHEMA_CHANGES[6]!.storageOnly).toBe(true);
    expect(SCHEMA_VERSION).toBe(4);
    // A package of version 4 is current; version 5 packages are never written.
    const data = packageData(4);
    expect(migrateBlocData(data, 4)).toBe(data);
    expect(() => migrateBlocData(data, 5)).toThrow(RangeError);
  });

  it('a later schema change over "scores" reads and writes them in their sheets', async () => {
    const name = `mig-later-${++counter}`;
    const first = new BlocDeskDb(name);
    await first.open();
    const scores = manyScores('b1', ['u1', 'u2'], [2024], ['1', '2']);
    await first.scoreSheets.bulkAdd(packScores(scores).map(storeSheet));
    first.close();

    const later: SchemaChange = { version: DB_VERSION + 1, note: 'test', touches: ['scores'], migrate: (t) => mapRecords(t, 'scores', (r) => ({ ...r, note: `${String(r.note)}!` })) };
    const next = new Dexie(name);
    opened.push(next);
    for (let v = 1; v <= DB_VERSION; v++) next.version(v).stores(SCHEMA_HISTORY[v]!);
    next.version(DB_VERSION + 1).stores({}).upgrade((tx) => upgradeTables(tx, later));
    await next.open();
    const sheets = (await next.table('scoreSheets').toArray()) as StoredScoreSheet[];
    expect(sheets).toHaveLength(2);
    expect(unpackSheets(sheets.map(loadSheet))).toEqual(scores.map((s) => ({ ...s, note: `${s.note}!` })));
  });
});
