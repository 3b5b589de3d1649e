/**
 * The records of any kind of the registry, as generic code (whole-bloc reads and writes, slices,
 * "what holds this unit/year") reaches them: a Dexie table per kind, except the scores, which live
 * in score sheets (score-store.ts). Generic code never calls `db.table(kind)` itself.
 */
import type { Table } from 'dexie';
import { KINDS, type AnyRecord } from '../../../shared/model/registry';
import type { Score } from '../../../shared/model/records';
import { db } from './database';
import {
  addScores,
  deleteScores,
  eachScoreOfBloc,
  scoreSheetsTable,
  scoresOfBloc,
  scoresOfYear,
  scoresOfYears,
  yearHasScores,
} from './score-store';

export interface KindStore {
  /** The Dexie table holding the kind's records, for a transaction's scope. */
  table: () => Table;
  ofBloc(blocId: string): Promise<AnyRecord[]>;
  /** Records of the years `from`..`to`, through a [blocId+year] index (kinds that have one). */
  ofYears(blocId: string, from: number, to: number): Promise<AnyRecord[]>;
  each(blocId: string, fn: (record: AnyRecord) => void): Promise<void>;
  /** Whether the bloc has a record of the kind naming the year. */
  inYear(blocId: string, year: number): Promise<boolean>;
  /** Adds a whole bloc's records (none stored yet). */
  add(records: readonly AnyRecord[]): Promise<void>;
  deleteBloc(blocId: string): Promise<void>;
}

function tableStore(key: string): KindStore {
  const table = () => db.table<AnyRecord>(key);
  return {
    table,
    ofBloc: (blocId) => table().where('blocId').equals(blocId).toArray(),
    ofYears: (blocId, from, to) =>
      from === to
        ? table().where('[blocId+year]').equals([blocId, from]).toArray()
        : table().where('[blocId+year]').between([blocId, from], [blocId, to], true, true).toArray(),
    each: (blocId, fn) => table().where('blocId').equals(blocId).each(fn),
    inYear: async (blocId, year) => (await table().where('blocId').equals(blocId).filter((r) => r.year === year).count()) > 0,
    add: async (records) => {
      await table().bulkAdd(records as AnyRecord[]);
    },
    deleteBloc: async (blocId) => {
      await table().where('blocId').equals(blocId).delete();
    },
  };
}

const asRecords = (scores: Score[]) => scores as unknown as AnyRecord[];

const scoreStore: KindStore = {
  table: scoreSheetsTable,
  ofBloc: async (blocId) => asRecords(await scoresOfBloc(blocId)),
  ofYears: async (blocId, from, to) => asRecords(from === to ? await scoresOfYear(blocId, from) : await scoresOfYears(blocId, from, to)),
  each: (blocId, fn) => eachScoreOfBloc(blocId, fn as unknown as (s: Score) => void),
  inYear: yearHasScores,
  add: (records) => addScores(records as unknown as Score[]),
  deleteBloc: (blocId) => deleteScores(blocId),
};

const STORES: ReadonlyMap<string, KindStore> = new Map(KINDS.map((k) => [k.key, k.key === 'scores' ? scoreStore : tableStore(k.key)]));

export function kindStore(key: string): KindStore {
  const store = STORES.get(key);
  if (!store) throw new Error(`no record kind "${key}"`);
  return store;
}
