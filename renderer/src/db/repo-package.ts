/**
 * The whole bloc at once: read it for the handover export and service calls, replace it with an
 * imported package, add a package as a separate bloc, load the sample. Each write is one transaction:
 * on any failure nothing changes.
 */
import { BlocDataSchema, type BlocData } from '../../../shared/model/records';
import { remapBlocIds } from '../../../shared/package/remap';
import { buildSampleBlocData } from '../../../shared/sample/sample-bloc';
import { db } from './database';
import { newId, nowIso } from './ids';
import { allTables, BLOC_RECORD_TABLES, checked } from './repo-common';
import { RepoError } from './repo-errors';

/** Everything of one bloc. */
export async function readBlocData(blocId: string): Promise<BlocData> {
  return db.transaction('r', allTables(), async () => {
    const bloc = await db.blocs.get(blocId);
    if (!bloc) throw new RepoError('not-found', 'Không tìm thấy khối thi đua trong dữ liệu của máy này.');
    const [units, years, scoringTables, pledges, attachments, scores, importBatches] = await Promise.all([
      db.units.where('blocId').equals(blocId).toArray(),
      db.years.where('blocId').equals(blocId).toArray(),
      db.scoringTables.where('blocId').equals(blocId).toArray(),
      db.pledges.where('blocId').equals(blocId).toArray(),
      db.attachments.where('blocId').equals(blocId).toArray(),
      db.scores.where('blocId').equals(blocId).toArray(),
      db.importBatches.where('blocId').equals(blocId).toArray(),
    ]);
    units.sort((a, b) => a.order - b.order);
    years.sort((a, b) => a.year - b.year);
    return { bloc, units, years, scoringTables, pledges, attachments, scores, importBatches };
  });
}

export async function blocExists(blocId: string): Promise<boolean> {
  return (await db.blocs.get(blocId)) !== undefined;
}

async function writeAll(data: BlocData): Promise<void> {
  await db.blocs.add(data.bloc);
  await db.units.bulkAdd(data.units);
  await db.years.bulkAdd(data.years);
  await db.scoringTables.bulkAdd(data.scoringTables);
  await db.pledges.bulkAdd(data.pledges);
  await db.attachments.bulkAdd(data.attachments);
  await db.scores.bulkAdd(data.scores);
  await db.importBatches.bulkAdd(data.importBatches);
}

/** Deletes every record of the package's bloc id, then inserts the package's records. */
export async function replaceBloc(input: BlocData): Promise<string> {
  const data = checked(BlocDataSchema, input, 'Dữ liệu khối');
  const blocId = data.bloc.id;
  await db.transaction('rw', allTables(), async () => {
    for (const t of BLOC_RECORD_TABLES) await db[t].where('blocId').equals(blocId).delete();
    await db.blocs.delete(blocId);
    await writeAll(data);
  });
  return blocId;
}

/** Inserts the package as a new bloc: every id is new, references kept. Returns the new bloc id. */
export async function addBlocAsNew(input: BlocData): Promise<string> {
  const data = remapBlocIds(checked(BlocDataSchema, input, 'Dữ liệu khối'), newId);
  await db.transaction('rw', allTables(), async () => {
    await writeAll(data);
  });
  return data.bloc.id;
}

export type ExistingBlocChoice = 'replace' | 'add';

/**
 * Loads the shipped sample bloc. When a bloc with the sample's id exists, `choose` decides
 * (replace it, add the sample as a separate bloc, or null to cancel). Returns the bloc id, or null.
 */
export async function loadSample(choose: (existing: BlocData) => Promise<ExistingBlocChoice | null>): Promise<string | null> {
  const data = buildSampleBlocData(nowIso());
  if (!(await blocExists(data.bloc.id))) return replaceBloc(data);
  const choice = await choose(data);
  if (choice === 'replace') return replaceBloc(data);
  if (choice === 'add') return addBlocAsNew(data);
  return null;
}
