import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/src/db/database';
import { storedScore, storedScores } from '../db/stored-scores';
import { scoresOfYear } from '../../../renderer/src/db/score-store';
import { RepoError } from '../../../renderer/src/db/repo-errors';
import {
  copyFromYear,
  createNewVersion,
  createTable,
  emptyContent,
  lockVersion,
  previousYearTable,
  saveDraft,
  storeImported,
} from '../../../renderer/src/features/scoring/table-store';
import { commitImport, diffAgainstStored, undoImport } from '../../../renderer/src/features/assessment/assessment-store';
import { savePledge, setUnitImage } from '../../../renderer/src/features/pledge/pledge-store';
import { latestUnitImages } from '../../../shared/domain/unit-images';
import type { InspectReport } from '../../../shared/domain/assessment-import';
import type { Pledge } from '../../../shared/model/records';
import { scoreId } from '../../../shared/model/records';

const BLOC = 'khoi-1';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('scoring table store', () => {
  it('keeps a locked version unchanged and edits through a new version with a reason', async () => {
    const v1 = await createTable(BLOC, 2025, emptyContent(2025));
    expect(v1).toMatchObject({ version: 1, status: 'draft', title: 'Bảng chấm điểm thi đua năm 2025' });
    const content = { ...emptyContent(2025), title: 'Bảng chấm điểm năm 2025 (sửa)', scale: 10 };
    await saveDraft(v1.id, content);
    const locked = await lockVersion(v1.id, content);
    expect(locked.status).toBe('locked');
    await expect(saveDraft(v1.id, emptyContent(2025))).rejects.toThrow(/đã khóa/);
    await expect(createNewVersion(BLOC, 2025, '   ')).rejects.toBeInstanceOf(RepoError);
    const v2 = await createNewVersion(BLOC, 2025, 'Bổ sung tiêu chí chuyển đổi số');
    expect(v2).toMatchObject({ version: 2, status: 'draft', reason: 'Bổ sung tiêu chí chuyển đổi số', title: 'Bảng chấm điểm năm 2025 (sửa)' });
    const stored = await db.scoringTables.where('[blocId+year]').equals([BLOC, 2025]).sortBy('version');
    expect(stored.map((t) => [t.version, t.status, t.title])).toEqual([
      [1, 'locked', 'Bảng chấm điểm năm 2025 (sửa)'],
      [2, 'draft', 'Bảng chấm điểm năm 2025 (sửa)'],
    ]);
  });

  it('refuses to lock a table with errors and writes nothing', async () => {
    const v1 = await createTable(BLOC, 2025, emptyContent(2025));
    const bad = emptyContent(2025);
    bad.groups[0]!.criteria.push({ ...bad.groups[0]!.criteria[0]!, id: 'dup' });
    await expect(lockVersion(v1.id, bad)).rejects.toThrow(/Mã tiêu chí 1.1 bị trùng/);
    expect((await db.scoringTables.get(v1.id))!.status).toBe('draft');
  });

  it('copies last year\'s table as a draft with the new year in its title and new ids', async () => {
    const v1 = await createTable(BLOC, 2024, emptyContent(2024));
    await lockVersion(v1.id, emptyContent(2024));
    const source = await previousYearTable(BLOC, 2025);
    expect(source?.year).toBe(2024);
    const copy = await copyFromYear(source!, 2025);
    expect(copy).toMatchObject({ year: 2025, version: 1, status: 'draft', title: 'Bảng chấm điểm thi đua năm 2025' });
    expect(copy.groups[0]!.id).not.toBe(source!.groups[0]!.id);
    await expect(copyFromYear(source!, 2025)).rejects.toThrow(/đã có bảng chấm điểm/);
  });

  it('stores an imported table as version 1, into the draft, then as a new version once locked', async () => {
    const a = await storeImported(BLOC, 2025, { ...emptyContent(2025), title: 'Nhập lần 1' }, '');
    expect([a.version, a.status, a.title]).toEqual([1, 'draft', 'Nhập lần 1']);
    const b = await storeImported(BLOC, 2025, { ...emptyContent(2025), title: 'Nhập lần 2' }, '');
    expect([b.id, b.version, b.title]).toEqual([a.id, 1, 'Nhập lần 2']);
    await lockVersion(b.id, { ...emptyContent(2025), title: 'Nhập lần 2' });
    await expect(storeImported(BLOC, 2025, emptyContent(2025), '')).rejects.toThrow(/lý do/);
    const c = await storeImported(BLOC, 2025, { ...emptyContent(2025), title: 'Nhập lần 3' }, 'Theo văn bản mới của tỉnh');
    expect([c.version, c.status, c.reason, c.title]).toEqual([2, 'draft', 'Theo văn bản mới của tỉnh', 'Nhập lần 3']);
  });

  it('stores text as NFC', async () => {
    const nfd = 'Bảng chấm điểm năm 2025'.normalize('NFD');
    const t = await createTable(BLOC, 2025, { ...emptyContent(2025), title: nfd });
    expect((await db.scoringTables.get(t.id))!.title).toBe('Bảng chấm điểm năm 2025'.normalize('NFC'));
  });
});

function report(file: string, unitId: string, values: Record<string, number | null>, ok = true): InspectReport {
  return {
    file, ok, refused: false, unit: unitId.toUpperCase(), unitId, year: 2025, tableVersion: 1, size: 100, sha256: 'ab'.repeat(32),
    scores: Object.entries(values).map(([code, value], i) => ({ code, value, max: 10, sheet: 'Tự chấm điểm', cell: `E${8 + i}`, note: '', found: true })),
    errors: ok ? [] : [{ kind: 'above-max', message: 'Điểm vượt quá mức tối đa', code: '1.1', sheet: 'Tự chấm điểm', cell: 'E8' }],
    warnings: [],
  };
}

describe('self-assessment import store', () => {
  it('commits accepted files in one batch, shows the difference on re-import and undoes', async () => {
    const first = await commitImport(BLOC, 2025, [report('SYT-2025.xlsx', 'syt', { '1.1': 8, '1.2': 0 }), report('SGD-2025.xlsx', 'sgd', { '1.1': 9.5, '1.2': null })], 'Thư ký');
    expect(first.perFile.map((f) => f.changes)).toEqual([2, 1]);
    expect((await storedScore(scoreId(2025, 'syt', '1.2')))!.self).toBe(0);
    expect(await db.importBatches.count()).toBe(1);

    const corrected = report('SYT-2025.xlsx', 'syt', { '1.1': 7, '1.2': 0 });
    const stored = await scoresOfYear(BLOC, 2025);
    expect(diffAgainstStored(corrected, stored).map((d) => [d.code, d.stored, d.incoming, d.changed])).toEqual([
      ['1.1', 8, 7, true],
      ['1.2', 0, 0, false],
    ]);
    const second = await commitImport(BLOC, 2025, [corrected], 'Thư ký');
    expect(second.changes.map((c) => [c.code, c.old, c.new])).toEqual([['1.1', 8, 7]]);

    const undo = await undoImport(second.batch.id, 'Thư ký');
    expect(undo.restored).toBe(1);
    expect((await storedScore(scoreId(2025, 'syt', '1.1')))!.self).toBe(8);
    expect((await db.importBatches.get(second.batch.id))!.undoneAt).not.toBeNull();
    await expect(undoImport(second.batch.id, 'Thư ký')).rejects.toThrow(/đã được hoàn tác/);
  });

  it('writes nothing when one of the files has errors', async () => {
    await expect(commitImport(BLOC, 2025, [report('a.xlsx', 'syt', { '1.1': 8 }), report('b.xlsx', 'sgd', { '1.1': 11 }, false)], 'Thư ký')).rejects.toThrow(/còn lỗi/);
    expect((await storedScores()).length).toBe(0);
    expect(await db.importBatches.count()).toBe(0);
  });
});

describe('pledge store', () => {
  const pledge: Pledge = {
    id: 'p1', blocId: BLOC, year: 2025, title: 'BẢN GIAO ƯỚC THI ĐUA NĂM 2025', legalBasis: ['Căn cứ Luật Thi đua, khen thưởng;'], intro: '',
    commitments: ['Hoàn thành nhiệm vụ'.normalize('NFD')], place: 'Hà Nam', date: '2025-03-05', documentNumber: '', witness: null, columns: 3, unitIds: ['u1'],
    updatedAt: '2025-01-01T00:00:00.000Z',
  };
  it('keeps one pledge per year, in NFC', async () => {
    await savePledge(pledge);
    await savePledge({ ...pledge, id: 'p2', title: 'BẢN GIAO ƯỚC (sửa)' });
    const all = await db.pledges.toArray();
    expect(all.map((p) => [p.id, p.title])).toEqual([['p2', 'BẢN GIAO ƯỚC (sửa)']]);
    expect(all[0]!.commitments[0]).toBe('Hoàn thành nhiệm vụ'.normalize('NFC'));
  });
  it('replaces a unit\'s signature image and keeps its stamp', async () => {
    const img = { mime: 'image/png' as const, width: 10, height: 5, data: 'iVBORw0KGgo=' };
    await setUnitImage(BLOC, 'u1', 'signature', img);
    await setUnitImage(BLOC, 'u1', 'stamp', img);
    const second = await setUnitImage(BLOC, 'u1', 'signature', { ...img, width: 20 });
    const all = await db.attachments.toArray();
    expect(all).toHaveLength(2);
    expect(latestUnitImages(all).get('u1')!.signature!.id).toBe(second.id);
  });
});
