/**
 * A year's slice of a bloc, read with index queries: the tables and rows a service call about one
 * year needs (shared/domain/year-slice.ts says which), not the whole bloc. Images are read only
 * when the call prints them. The handover export and backups read the whole bloc (repo-package.ts).
 */
import { documentNeeds, type DocumentKind } from '../../../shared/api/document-kinds';
import type { BlocData } from '../../../shared/model/records';
import { KINDS, type AnyRecord, type RecordKind } from '../../../shared/model/registry';
import { IMAGE_KIND, inSlice, isYearBound, keptKinds, yearSlice, type SliceNeeds } from '../../../shared/domain/year-slice';
import { db } from './database';
import { kindStore } from './kind-store';
import { allTables } from './repo-common';
import { RepoError } from './repo-errors';

/** The kind's records of the year (and the years before under `pastYears`), through its [blocId+year] index when it has one. */
async function yearRecords(k: RecordKind, blocId: string, year: number, needs: SliceNeeds): Promise<AnyRecord[]> {
  const store = kindStore(k.key);
  if (k.indexes.split(',').some((i) => i.trim() === '[blocId+year]')) return store.ofYears(blocId, needs.pastYears ? 0 : year, year);
  return (await store.ofBloc(blocId)).filter((r) => inSlice(r.year, year, needs));
}

/** What `yearSlice(await readBlocData(blocId), year, needs)` gives, reading only the rows it keeps. */
export async function readYearSlice(blocId: string, year: number, needs: SliceNeeds = {}): Promise<BlocData> {
  return db.transaction('r', allTables(), async () => {
    const bloc = await db.blocs.get(blocId);
    if (!bloc) throw new RepoError('not-found', 'Không tìm thấy khối thi đua trong dữ liệu của máy này.');
    const kinds = keptKinds(needs);
    const hasYear = (await db.years.where('[blocId+year]').equals([blocId, year]).count()) > 0;
    const lists = await Promise.all(
      KINDS.map((k) => {
        const all = () => kindStore(k.key).ofBloc(blocId);
        if (k.key === 'years') return hasYear ? yearRecords(k, blocId, year, needs) : all();
        if (k.key === IMAGE_KIND) return needs.images ? all() : Promise.resolve([]);
        if (!isYearBound(k)) return all();
        return kinds && !kinds.has(k.key) ? Promise.resolve([]) : yearRecords(k, blocId, year, needs);
      }),
    );
    const data: Record<string, unknown> = { bloc };
    KINDS.forEach((k, i) => {
      const list = lists[i]!;
      if (k.sort) list.sort(k.sort);
      // Several years through the [blocId+year] index come by year; readBlocData's order is the id's.
      else if (needs.pastYears) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      data[k.key] = list;
    });
    // The pure rules (which table, which images, which scores) have one home.
    return yearSlice(data as BlocData, year, needs);
  });
}

/** The data a document request sends: the slice its kind needs (shared/api/document-kinds.ts), with the table version it names. */
export function readDocumentData(blocId: string, kind: DocumentKind, year: number, options: { version?: number } = {}): Promise<BlocData> {
  return readYearSlice(blocId, year, documentNeeds(kind, options));
}
