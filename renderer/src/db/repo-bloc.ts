/** The bloc record: create, edit, delete with everything in it. */
import { BlocSchema, type Bloc } from '../../../shared/model/records';
import { db } from './database';
import { newId, nowIso } from './ids';
import { kindStore } from './kind-store';
import { allTables, BLOC_RECORD_TABLES, checked } from './repo-common';
import { RepoError } from './repo-errors';

export type BlocInput = Pick<Bloc, 'name' | 'shortName' | 'province' | 'issuingBody' | 'issuingParent' | 'partyFormat'>;

export async function listBlocs(): Promise<Bloc[]> {
  return db.blocs.toArray();
}

export async function createBloc(input: BlocInput): Promise<Bloc> {
  const now = nowIso();
  const bloc = checked(BlocSchema, { ...input, id: newId(), createdAt: now, updatedAt: now }, 'Khối thi đua');
  await db.blocs.add(bloc);
  return bloc;
}

export async function updateBloc(id: string, patch: Partial<BlocInput>): Promise<Bloc> {
  return db.transaction('rw', db.blocs, async () => {
    const current = await db.blocs.get(id);
    if (!current) throw new RepoError('not-found', 'Không tìm thấy khối thi đua cần sửa (có thể đã bị xoá).');
    const next = checked(BlocSchema, { ...current, ...patch, id, updatedAt: nowIso() }, 'Khối thi đua');
    await db.blocs.put(next);
    return next;
  });
}

/** Deletes the bloc and every record of it, in one transaction. */
export async function deleteBloc(id: string): Promise<void> {
  await db.transaction('rw', allTables(), async () => {
    for (const t of BLOC_RECORD_TABLES) await kindStore(t).deleteBloc(id);
    await db.blocs.delete(id);
  });
}
