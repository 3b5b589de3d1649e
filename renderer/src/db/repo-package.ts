/**
 * The whole bloc at once: read it for the handover export and service calls, replace it with an
 * imported package, add a package as a separate bloc, load the sample. Each write is one transaction:
 * on any failure nothing changes.
 */
import { BlocDataSchema, type BlocData } from '../../../shared/model/records';
import { KINDS, recordsOf, type AnyRecord } from '../../../shared/model/registry';
import { remapBlocIds } from '../../../shared/package/remap';
import { buildSampleBlocData } from '../../../shared/sample/sample-bloc';
import { formatDateTimeVi, nfc } from '../../../shared/text/vietnamese';
import { db } from './database';
import { newId, nowIso } from './ids';
import { kindStore } from './kind-store';
import { addScoreSheets, storedSheetsOfYear, scoresOfYear, yearsWithScores } from './score-store';
import { fromSheeted, isSheeted, type SheetedBlocData } from '../../../shared/model/score-sheets';
import { encodePart, partsOf, sheetParts, type EncodedPart, type PartKey } from '../../../shared/package/bloc-parts';
import { phase } from './phase-timing';
import { allTables, BLOC_RECORD_TABLES, checked } from './repo-common';
import { RepoError } from './repo-errors';

/** Everything of one bloc: the bloc and the records of every kind of the registry. */
export async function readBlocData(blocId: string): Promise<BlocData> {
  return db.transaction('r', allTables(), async () => {
    const bloc = await db.blocs.get(blocId);
    if (!bloc) throw new RepoError('not-found', 'Không tìm thấy khối thi đua trong dữ liệu của máy này.');
    const lists = await Promise.all(KINDS.map((k) => kindStore(k.key).ofBloc(blocId)));
    const data: Record<string, unknown> = { bloc };
    KINDS.forEach((k, i) => {
      const list = lists[i]!;
      if (k.sort) list.sort(k.sort);
      data[k.key] = list;
    });
    return data as BlocData;
  });
}

/**
 * The same bloc as readBlocData, in the parts it is sent to main in (shared/package/bloc-parts.ts),
 * read in one transaction: `emit` gets each part as soon as it is read (the scores a year at a time,
 * their stored sheets sent as they are), so the part can be on its way while the next is read. Returns
 * how many parts there were.
 */
export async function readBlocParts(blocId: string, emit: (part: EncodedPart) => void): Promise<number> {
  return db.transaction('r', allTables(), async () => {
    const [bloc, years] = await Promise.all([db.blocs.get(blocId), yearsWithScores(blocId)]);
    if (!bloc) throw new RepoError('not-found', 'Không tìm thấy khối thi đua trong dữ liệu của máy này.');
    // Every read is asked for at once: IndexedDB answers them in turn while this thread joins and
    // sends the parts before (asked one at a time, each read waited for the last part to go).
    const reads = KINDS.map((k) =>
      k.key === 'scores' && !k.sort ? years.map((year) => storedSheetsOfYear(blocId, year)) : [kindStore(k.key).ofBloc(blocId)],
    );
    // A failed read fails the transaction: the one awaited throws, the others must not go unhandled.
    for (const list of reads) for (const read of list) read.catch(() => undefined);
    let count = 0;
    const send = (parts: EncodedPart[]) => {
      for (const part of parts) emit(part);
      count += parts.length;
    };
    send([encodePart({ key: 'bloc', records: [bloc] })]);
    for (const [i, k] of KINDS.entries()) {
      const key = k.key as PartKey;
      if (key === 'scores' && !k.sort) {
        for (const [j, year] of years.entries()) {
          const stored = (await reads[i]![j]) as Uint8Array[] | null;
          send(stored ? sheetParts(key, stored) : partsOf(key, await scoresOfYear(blocId, year)).map(encodePart));
        }
        continue;
      }
      const list = (await reads[i]![0]) as AnyRecord[];
      if (k.sort) list.sort(k.sort);
      send(partsOf(key, list).map(encodePart));
    }
    return count;
  });
}

export async function blocExists(blocId: string): Promise<boolean> {
  return (await db.blocs.get(blocId)) !== undefined;
}

/** A whole bloc to write: its scores as a list, or as the sheets main made of a package it read. */
export type WholeBloc = BlocData | SheetedBlocData;

async function writeAll(data: WholeBloc): Promise<void> {
  await db.blocs.add(data.bloc);
  for (const k of KINDS) {
    if (k.key === 'scores' && isSheeted(data)) await addScoreSheets(data.scoreSheets);
    else await kindStore(k.key).add(recordsOf(data as BlocData, k.key));
  }
}

/**
 * How a write of a whole bloc takes its input. By default it is cleaned and validated here
 * (BlocDataSchema). `{ validatedInMain: true }` is only for a package main has just read and
 * validated with the same schema (handover.open, handover.read, backups.read: OpenedPackage):
 * validating 120 000 records a second time here would only cost time.
 */
export interface WholeBlocInput {
  validatedInMain?: boolean;
}

/** The bloc to write: as given when main validated it, else cleaned and validated here (sheets read back into scores first). */
const blocInput = (input: WholeBloc, options: WholeBlocInput): Promise<WholeBloc> =>
  phase('import:validate', () =>
    options.validatedInMain ? input : checked(BlocDataSchema, isSheeted(input) ? fromSheeted(input) : input, 'Dữ liệu khối'),
  );

/** Deletes every record of the package's bloc id, then inserts the package's records. */
export async function replaceBloc(input: WholeBloc, options: WholeBlocInput = {}): Promise<string> {
  const data = await blocInput(input, options);
  const blocId = data.bloc.id;
  await phase('import:transaction', () => db.transaction('rw', allTables(), async () => {
    for (const t of BLOC_RECORD_TABLES) await kindStore(t).deleteBloc(blocId);
    await db.blocs.delete(blocId);
    await writeAll(data);
  }));
  return blocId;
}

const BLOC_NAME_MAX = 300;
const nameKey = (name: string) => nfc(name).trim().toLocaleLowerCase('vi-VN');

/**
 * A bloc name no bloc on this PC has, so that two blocs are never told apart only by their id:
 * the name itself when it is free, else "<name> (nhập ngày 01/12/2026)", then "…, lần 2)"...
 */
export function distinctBlocName(name: string, taken: readonly string[], now: string): string {
  const used = new Set(taken.map(nameKey));
  if (!used.has(nameKey(name))) return name;
  const day = formatDateTimeVi(now).slice(0, 10);
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? ` (nhập ngày ${day})` : ` (nhập ngày ${day}, lần ${n})`;
    const candidate = `${name.trim().slice(0, BLOC_NAME_MAX - suffix.length)}${suffix}`;
    if (!used.has(nameKey(candidate))) return candidate;
  }
}

/** Writes a bloc that is not on this PC yet, renamed when another bloc here has its name. */
async function addRenamed(data: WholeBloc, now: string): Promise<string> {
  await phase('import:transaction', () => db.transaction('rw', allTables(), async () => {
    if (await db.blocs.get(data.bloc.id)) throw new RepoError('exists', 'Khối này đã có trên máy; hãy chọn thay thế hoặc thêm thành khối riêng.');
    const taken = (await db.blocs.toArray()).map((b) => b.name);
    await writeAll({ ...data, bloc: { ...data.bloc, name: distinctBlocName(data.bloc.name, taken, now) } });
  }));
  return data.bloc.id;
}

/**
 * Inserts the package as a new bloc: every id is new, references kept; the name gets the import
 * date when a bloc on this PC has the same name. Returns the new bloc id.
 */
export async function addBlocAsNew(input: WholeBloc, now: string = nowIso(), options: WholeBlocInput = {}): Promise<string> {
  // Every id changes, the scores' too: sheets are read back into scores for that (a rare choice).
  const data = await blocInput(input, options);
  return addRenamed(remapBlocIds(isSheeted(data) ? fromSheeted(data) : data, newId), now);
}

/** Inserts a package whose bloc is not on this PC, keeping its ids (renamed like addBlocAsNew). */
export async function importNewBloc(input: WholeBloc, now: string = nowIso(), options: WholeBlocInput = {}): Promise<string> {
  return addRenamed(await blocInput(input, options), now);
}

/**
 * When the bloc last changed on this PC: the newest time any of its records was created, updated or
 * undone (the bloc record's own updatedAt only moves when the bloc form is saved). Null when absent.
 */
export async function lastChangeOf(blocId: string): Promise<string | null> {
  return db.transaction('r', allTables(), async () => {
    const bloc = await db.blocs.get(blocId);
    if (!bloc) return null;
    let newest = bloc.updatedAt;
    const seen = (t: string | null | undefined) => {
      if (t && Date.parse(t) > Date.parse(newest)) newest = t;
    };
    await Promise.all(
      KINDS.map((k) =>
        kindStore(k.key).each(blocId, (r: AnyRecord) => {
          for (const field of k.stamps) seen(r[field] as string | null | undefined);
        }),
      ),
    );
    return newest;
  });
}

export type ExistingBlocChoice = 'replace' | 'add';

/**
 * Loads the shipped sample bloc. When a bloc with the sample's id exists, `choose` decides
 * (replace it, add the sample as a separate bloc, or null to cancel); before replacing,
 * `beforeReplace` receives the copy on this PC (to back it up; a throw cancels). Returns the bloc id, or null.
 */
export async function loadSample(
  choose: (existing: BlocData) => Promise<ExistingBlocChoice | null>,
  beforeReplace?: (current: BlocData) => Promise<void>,
): Promise<string | null> {
  const data = buildSampleBlocData(nowIso());
  if (!(await blocExists(data.bloc.id))) return replaceBloc(data);
  const choice = await choose(data);
  if (choice === 'replace') {
    if (beforeReplace) await beforeReplace(await readBlocData(data.bloc.id));
    return replaceBloc(data);
  }
  if (choice === 'add') return addBlocAsNew(data);
  return null;
}
