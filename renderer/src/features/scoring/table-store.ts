/**
 * Writes of the scoring-table screen, each in one Dexie transaction, through the pure life cycle of
 * shared/domain/scoring-table.ts (a locked version never changes; edits go into a new version with
 * a reason). Every record is NFC-normalised and validated before it is written.
 */
import { UserError } from '../../../../shared/errors';
import { ScoringTableSchema, type ScoringTable } from '../../../../shared/model/records';
import {
  assertEditable,
  copyTableForYear,
  findTable,
  lockTable,
  newVersion,
  tableInForce,
  type ScoringTableContent,
} from '../../../../shared/domain/scoring-table';
import { db } from '../../db/database';
import { newId, nowIso } from '../../db/ids';
import { checked } from '../../db/repo-common';
import { RepoError } from '../../db/repo-errors';

const WHAT = 'Bảng chấm điểm';

function asRepoError(err: unknown): never {
  if (err instanceof UserError) throw new RepoError(err.code, err.details?.length ? `${err.message} ${err.details.join('; ')}` : err.message);
  throw err;
}

async function versionsOf(blocId: string, year: number): Promise<ScoringTable[]> {
  return db.scoringTables.where('[blocId+year]').equals([blocId, year]).toArray();
}

/** Version 1 (draft) of a year's table with the given content (a new, an imported or an empty table). */
function firstVersion(blocId: string, year: number, content: ScoringTableContent): ScoringTable {
  const now = nowIso();
  return {
    id: newId(),
    blocId,
    year,
    version: 1,
    status: 'draft',
    title: content.title,
    scale: content.scale,
    groups: content.groups,
    reason: '',
    lockedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

export function emptyContent(year: number): ScoringTableContent {
  return {
    title: `Bảng chấm điểm thi đua năm ${year}`,
    scale: 100,
    groups: [
      {
        id: newId(),
        code: 'I',
        title: 'Thực hiện nhiệm vụ chính trị, chuyên môn được giao',
        kind: 'normal',
        criteria: [{ id: newId(), code: '1.1', title: 'Tiêu chí mới', max: 10, kind: 'qualitative', guidance: '' }],
      },
    ],
  };
}

/** Creates version 1 of a year that has no table yet. */
export async function createTable(blocId: string, year: number, content: ScoringTableContent): Promise<ScoringTable> {
  const record = checked(ScoringTableSchema, firstVersion(blocId, year, content), WHAT);
  return db.transaction('rw', db.scoringTables, async () => {
    if ((await versionsOf(blocId, year)).length > 0) {
      throw new RepoError('exists', `Năm ${year} đã có bảng chấm điểm; hãy sửa bảng đó hoặc tạo phiên bản mới.`);
    }
    await db.scoringTables.add(record);
    return record;
  });
}

/** Saves the content of a draft version. Refused for a locked version. */
export async function saveDraft(id: string, content: ScoringTableContent): Promise<ScoringTable> {
  return db.transaction('rw', db.scoringTables, async () => {
    const current = await db.scoringTables.get(id);
    if (!current) throw new RepoError('not-found', 'Không tìm thấy bảng chấm điểm cần lưu (có thể đã bị xoá).');
    try {
      assertEditable(current);
    } catch (err) {
      asRepoError(err);
    }
    const next = checked(ScoringTableSchema, { ...current, ...content, updatedAt: nowIso() }, WHAT);
    await db.scoringTables.put(next);
    return next;
  });
}

/** Locks a draft version (the bloc adopted it), after saving the given content into it. */
export async function lockVersion(id: string, content: ScoringTableContent): Promise<ScoringTable> {
  return db.transaction('rw', db.scoringTables, async () => {
    const current = await db.scoringTables.get(id);
    if (!current) throw new RepoError('not-found', 'Không tìm thấy bảng chấm điểm cần khoá.');
    let locked: ScoringTable;
    try {
      assertEditable(current);
      locked = lockTable(checked(ScoringTableSchema, { ...current, ...content }, WHAT), nowIso());
    } catch (err) {
      asRepoError(err);
    }
    await db.scoringTables.put(locked);
    return locked;
  });
}

/** A new draft version after the latest locked one, with its reason (required). */
export async function createNewVersion(blocId: string, year: number, reason: string, content?: ScoringTableContent): Promise<ScoringTable> {
  return db.transaction('rw', db.scoringTables, async () => {
    const all = await versionsOf(blocId, year);
    const latest = findTable(all, year);
    if (!latest) throw new RepoError('not-found', `Năm ${year} chưa có bảng chấm điểm.`);
    let next: ScoringTable;
    try {
      next = newVersion(latest, reason, nowIso(), newId, Math.max(...all.map((t) => t.version)));
    } catch (err) {
      asRepoError(err);
    }
    const record = checked(ScoringTableSchema, content ? { ...next, ...content } : next, WHAT);
    await db.scoringTables.add(record);
    return record;
  });
}

/** Deletes a draft version 2 or later (the locked versions before it stay). */
export async function discardDraftVersion(id: string): Promise<void> {
  await db.transaction('rw', db.scoringTables, async () => {
    const current = await db.scoringTables.get(id);
    if (!current) return;
    if (current.status === 'locked') throw new RepoError('locked', 'Phiên bản đã khoá không thể xoá.');
    if (current.version === 1) throw new RepoError('first', 'Không xoá phiên bản đầu tiên; hãy sửa nội dung của nó.');
    await db.scoringTables.delete(id);
  });
}

/** The table in force of the newest earlier year that has one (the source of "Sao chép bảng năm trước"). */
export async function previousYearTable(blocId: string, year: number): Promise<ScoringTable | null> {
  const earlier = (await db.scoringTables.where('blocId').equals(blocId).toArray()).filter((t) => t.year < year);
  if (earlier.length === 0) return null;
  return tableInForce(earlier, Math.max(...earlier.map((t) => t.year)));
}

/** Copies the latest table of an earlier year as version 1 (draft) of `year`. */
export async function copyFromYear(source: ScoringTable, year: number): Promise<ScoringTable> {
  const copy = checked(ScoringTableSchema, copyTableForYear(source, year, nowIso(), newId), WHAT);
  return db.transaction('rw', db.scoringTables, async () => {
    if ((await versionsOf(source.blocId, year)).length > 0) {
      throw new RepoError('exists', `Năm ${year} đã có bảng chấm điểm; không sao chép đè lên.`);
    }
    await db.scoringTables.add(copy);
    return copy;
  });
}

/**
 * Stores an imported table: version 1 when the year has none, the content of the draft when the
 * latest version is a draft, or a new version (reason required) when the latest is locked.
 */
export async function storeImported(blocId: string, year: number, content: ScoringTableContent, reason: string): Promise<ScoringTable> {
  const latest = findTable(await versionsOf(blocId, year), year);
  if (!latest) return createTable(blocId, year, content);
  if (latest.status === 'draft') return saveDraft(latest.id, content);
  return createNewVersion(blocId, year, reason, content);
}
