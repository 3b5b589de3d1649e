/**
 * Writes of the conference papers: a document's draft (one per bloc, year and kind), the register's
 * numbers (issue, void) and the bloc's symbol. Each write is one Dexie transaction; the register's
 * rules (next number, never reused, a reason to void) are shared/domain/register's.
 */
import type { DocumentDraft } from '../../../../shared/domain/documents/draft';
import { entryOfRecord, issueNumber, recordOfEntry, registerOf, voidEntry, type IssueRequest, type RegisterEntry } from '../../../../shared/domain/register';
import { BlocSchema, DocumentDraftSchema, RegisterEntrySchema, type DocumentDraft as DraftRecord } from '../../../../shared/model/records';
import { deepNfc } from '../../../../shared/text/vietnamese';
import { db } from '../../db/database';
import { newId, nowIso } from '../../db/ids';
import { checked } from '../../db/repo-common';
import { RepoError } from '../../db/repo-errors';

/** Stores the draft of a document kind of a year, replacing the one saved before. */
export async function saveDocumentDraft(blocId: string, year: number, kind: string, draft: DocumentDraft): Promise<DraftRecord> {
  return db.transaction('rw', db.documentDrafts, async () => {
    const old = await db.documentDrafts.where('[blocId+year+kind]').equals([blocId, year, kind]).toArray();
    const record = checked(
      DocumentDraftSchema,
      deepNfc({ id: old[0]?.id ?? newId(), blocId, year, kind, fields: draft.fields, sections: draft.sections, updatedAt: nowIso() }),
      'Bản thảo văn bản',
    );
    const stale = old.filter((d) => d.id !== record.id).map((d) => d.id);
    if (stale.length) await db.documentDrafts.bulkDelete(stale);
    await db.documentDrafts.put(record);
    return record;
  });
}

/** Issues the next number of the type (read and written in one transaction, so two clicks never share a number). */
export async function issueRegisterNumber(blocId: string, request: Omit<IssueRequest, 'id' | 'issuedAt'>): Promise<RegisterEntry> {
  return db.transaction('rw', db.registerEntries, async () => {
    const entries = registerOf({ registerEntries: await db.registerEntries.where('blocId').equals(blocId).toArray() });
    const entry = issueNumber(entries, deepNfc({ ...request, id: newId(), issuedAt: nowIso() }));
    await db.registerEntries.add(checked(RegisterEntrySchema, recordOfEntry(entry, blocId), 'Sổ văn bản đi'));
    return entry;
  });
}

/** Voids a number with a reason; the entry stays and its number is never given again. */
export async function voidRegisterNumber(id: string, reason: string): Promise<RegisterEntry> {
  return db.transaction('rw', db.registerEntries, async () => {
    const record = await db.registerEntries.get(id);
    const entry = record ? entryOfRecord(record) : null;
    if (!record || !entry) throw new RepoError('not-found', 'Không tìm thấy số văn bản cần hủy (có thể đã bị xoá).');
    const voided = voidEntry(entry, deepNfc(reason), nowIso());
    await db.registerEntries.put(checked(RegisterEntrySchema, recordOfEntry(voided, record.blocId), 'Sổ văn bản đi'));
    return voided;
  });
}

/** Sets the bloc's symbol in document numbers ('' goes back to the default of its name). */
export async function setBlocSymbol(blocId: string, symbol: string): Promise<void> {
  await db.transaction('rw', db.blocs, async () => {
    const bloc = await db.blocs.get(blocId);
    if (!bloc) throw new RepoError('not-found', 'Không tìm thấy khối thi đua (có thể đã bị xoá).');
    await db.blocs.put(checked(BlocSchema, { ...bloc, documentSymbol: deepNfc(symbol), updatedAt: nowIso() }, 'Khối thi đua'));
  });
}
