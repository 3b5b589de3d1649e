import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../shared/api/contract';
import type { BackupReason, BackupTaken } from '../../../shared/package/backup';
import type { BlocData } from '../../../shared/model/records';
import { buildSyntheticBlocData, withFullHistory } from '../../../shared/sample/sample-bloc';
import { afterBackup, backupBloc, type BackupOfBloc, type TakeBackup } from '../../../renderer/src/app/backups/backup-first';
import { onDataChanged } from '../../../renderer/src/db/changes';
import { db } from '../../../renderer/src/db/database';
import { storedScores } from '../db/stored-scores';
import { deleteBloc } from '../../../renderer/src/db/repo-bloc';
import { readBlocData, replaceBloc } from '../../../renderer/src/db/repo-package';
import { createYear, deleteYear } from '../../../renderer/src/db/repo-years';
import { undoImport } from '../../../renderer/src/features/assessment/assessment-store';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

/** A backup folder in memory: what each backup held, in order. */
function folder(fail: string | null = null) {
  const taken: { reason: BackupReason; data: BlocData }[] = [];
  const take: TakeBackup = async (data, reason): Promise<ApiResult<BackupTaken>> => {
    if (fail) return { ok: false, error: { code: 'backup-folder-unavailable', message: fail } };
    taken.push({ reason, data: structuredClone(data) });
    return { ok: true, value: { path: `/sao-luu/${taken.length}.blocdesk`, fileName: `${taken.length}.blocdesk`, bytes: 1, time: new Date().toISOString(), reason, removed: [], warnings: [] } };
  };
  // The bloc read from storage as it is now, then written: what the app does (its worker path reads the same).
  const backup: BackupOfBloc = (blocId, reason) => backupBloc(take, blocId, reason);
  return { taken, take: backup };
}

async function seeded(): Promise<BlocData> {
  const data = withFullHistory(buildSyntheticBlocData({ units: 3, criteria: 4, years: 2, now: '2025-12-30T02:00:00.000Z', lastYear: 2025 }));
  await replaceBloc(data);
  return data;
}

const yes = async () => true;
const no = async () => false;

describe('a backup before each destructive action', () => {
  it('deleting a year: the backup holds the year, then the year is gone', async () => {
    const data = await seeded();
    const y2026 = await createYear(data.bloc.id, 2026);
    const { taken, take } = folder();
    const r = await afterBackup(take, data.bloc.id, 'before-delete-year', no, () => deleteYear(y2026.id));
    expect(r.done).toBe(true);
    expect(taken.map((t) => t.reason)).toEqual(['before-delete-year']);
    expect(taken[0]!.data.years.map((y) => y.year)).toEqual([2024, 2025, 2026]);
    expect((await readBlocData(data.bloc.id)).years.map((y) => y.year)).toEqual([2024, 2025]);
  });

  it('deleting a bloc: the backup holds the whole bloc, then the bloc is gone', async () => {
    const data = await seeded();
    const { taken, take } = folder();
    await afterBackup(take, data.bloc.id, 'before-delete-bloc', no, () => deleteBloc(data.bloc.id));
    expect(taken[0]!.reason).toBe('before-delete-bloc');
    expect(taken[0]!.data.scores).toHaveLength(data.scores.length);
    expect(taken[0]!.data.units.map((u) => u.code)).toEqual(['DV01', 'DV02', 'DV03']);
    expect(await db.blocs.count()).toBe(0);
    expect((await storedScores()).length).toBe(0);
  });

  it('undoing an import: the backup holds the imported scores, then they are undone', async () => {
    const data = await seeded();
    const batch = data.importBatches.find((b) => b.year === 2025)!;
    const { taken, take } = folder();
    const r = await afterBackup(take, data.bloc.id, 'before-undo-import', no, () => undoImport(batch.id, 'Thư ký'));
    expect(r.done && r.value.restored).toBeGreaterThan(0);
    const before = taken[0]!.data;
    expect(before.importBatches.find((b) => b.id === batch.id)!.undoneAt).toBeNull();
    expect(before.scores.filter((s) => s.year === 2025).every((s) => s.self !== null)).toBe(true);
    expect((await db.importBatches.get(batch.id))!.undoneAt).not.toBeNull();
  });

  it('a backup that cannot be written: the user is asked, and "no" leaves everything as it was', async () => {
    const data = await seeded();
    const { taken, take } = folder('Không tìm thấy thư mục sao lưu "E:\\SaoLuu".');
    const asked: string[] = [];
    const r = await afterBackup(take, data.bloc.id, 'before-delete-bloc', async (e) => (asked.push(e.message), false), () => deleteBloc(data.bloc.id));
    expect(r).toEqual({ done: false });
    expect(asked).toEqual(['Không tìm thấy thư mục sao lưu "E:\\SaoLuu".']);
    expect(taken).toEqual([]);
    expect(await db.blocs.get(data.bloc.id)).toBeDefined();
    expect((await storedScores()).length).toBe(data.scores.length);
  });

  it('"go on anyway" runs the action without a backup', async () => {
    const data = await seeded();
    const { take } = folder('Ổ đĩa đầy.');
    const r = await afterBackup(take, data.bloc.id, 'before-delete-bloc', yes, () => deleteBloc(data.bloc.id));
    expect(r).toMatchObject({ done: true, backup: null });
    expect(await db.blocs.count()).toBe(0);
  });

  it('a bloc that is not there: nothing to back up, the user decides', async () => {
    const { take } = folder();
    const asked: string[] = [];
    const r = await afterBackup(take, 'khong-co', 'before-delete-bloc', async (e) => (asked.push(e.message), false), async () => 1);
    expect(r).toEqual({ done: false });
    expect(asked[0]).toContain('Không tìm thấy khối thi đua');
  });
});

describe('data-change events', () => {
  it('every committed write is announced; reads are not', async () => {
    const data = await seeded();
    let changes = 0;
    const stop = onDataChanged(() => changes++);
    await readBlocData(data.bloc.id);
    await new Promise((r) => setTimeout(r, 20));
    expect(changes).toBe(0);
    await createYear(data.bloc.id, 2026);
    await new Promise((r) => setTimeout(r, 20));
    expect(changes).toBeGreaterThan(0);
    stop();
    const seen = changes;
    await deleteBloc(data.bloc.id);
    await new Promise((r) => setTimeout(r, 20));
    expect(changes).toBe(seen);
  });
});
