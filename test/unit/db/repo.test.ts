import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/src/db/database';
import { storedScores } from './stored-scores';
import { putScore } from '../../../renderer/src/db/score-store';
import { createBloc, deleteBloc, updateBloc } from '../../../renderer/src/db/repo-bloc';
import {
  addBlocAsNew,
  distinctBlocName,
  importNewBloc,
  lastChangeOf,
  loadSample,
  readBlocData,
  replaceBloc,
} from '../../../renderer/src/db/repo-package';
import { addUnit, deleteUnit, moveUnit, setUnitActive, unitHistory, updateUnit } from '../../../renderer/src/db/repo-units';
import { createYear, deleteYear, setYearMembers, setYearRoles, setYearRules } from '../../../renderer/src/db/repo-years';
import { UnitFormSchema } from '../../../renderer/src/features/units/UnitForm';
import { SAMPLE_BLOC_ID } from '../../../shared/sample/sample-bloc';
import { smallBloc } from './fixtures';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

const blocInput = { name: 'Khối thi đua Kinh tế', shortName: 'Khối KT', province: 'Hà Nam', issuingBody: 'KHỐI THI ĐUA KINH TẾ', issuingParent: '', partyFormat: false };
const unitInput = (code: string, name: string) => ({ code, name, shortName: '', head: '', headTitle: '', address: '', phone: '' });

describe('whole-bloc operations', () => {
  it('reads back exactly what replaceBloc wrote', async () => {
    const data = smallBloc();
    await replaceBloc(data);
    expect(await readBlocData(data.bloc.id)).toEqual(data);
  });

  it('replaceBloc removes records the package does not have and leaves other blocs alone', async () => {
    const data = smallBloc();
    await replaceBloc(data);
    await replaceBloc(smallBloc('khoi-b'));
    await addUnit(data.bloc.id, unitInput('EXTRA', 'Đơn vị thêm sau'));
    await replaceBloc(data);
    expect((await readBlocData(data.bloc.id)).units.map((u) => u.code)).toEqual(['SYT', 'SGDDT', 'SVHTTDL']);
    expect((await readBlocData('khoi-b')).units).toHaveLength(3);
  });

  it('rolls back replaceBloc entirely when an insert fails', async () => {
    const data = smallBloc();
    await replaceBloc(data);
    await addUnit(data.bloc.id, unitInput('EXTRA', 'Đơn vị thêm sau'));
    const before = await readBlocData(data.bloc.id);
    // A unit id that belongs to another bloc makes the insert fail after the delete has run.
    const other = smallBloc('khoi-b');
    await replaceBloc(other);
    const broken = structuredClone(data);
    broken.units.push({ ...other.units[0]!, blocId: data.bloc.id });
    await expect(replaceBloc(broken)).rejects.toThrow();
    expect(await readBlocData(data.bloc.id)).toEqual(before);
  });

  it('refuses invalid data with a Vietnamese message and writes nothing', async () => {
    const broken = smallBloc();
    broken.units[0]!.code = 'mã có dấu cách';
    await expect(replaceBloc(broken)).rejects.toThrow(/Dữ liệu khối không hợp lệ/);
    expect(await db.blocs.count()).toBe(0);
  });

  it('writes a package main already validated as it is, in the same one transaction, and validates everything else', async () => {
    const data = smallBloc();
    await replaceBloc(data, { validatedInMain: true });
    expect(await readBlocData(data.bloc.id)).toEqual(data);
    await importNewBloc(smallBloc('khoi-b'), '2026-01-01T00:00:00.000Z', { validatedInMain: true });
    expect((await readBlocData('khoi-b')).units).toHaveLength(3);
    // Without the flag (any caller other than the import of an OpenedPackage), invalid data is refused.
    const broken = smallBloc('khoi-c');
    broken.units[0]!.code = 'mã có dấu cách';
    await expect(importNewBloc(broken)).rejects.toThrow(/Dữ liệu khối không hợp lệ/);
    await expect(addBlocAsNew(broken)).rejects.toThrow(/Dữ liệu khối không hợp lệ/);
    expect(await db.blocs.get('khoi-c')).toBeUndefined();
  });

  it('normalises decomposed text to NFC on the way in', async () => {
    const data = smallBloc();
    data.bloc.name = data.bloc.name.normalize('NFD');
    await replaceBloc(data);
    const stored = await readBlocData(data.bloc.id);
    expect(stored.bloc.name).toBe('Khối thi đua Văn hóa - Xã hội'.normalize('NFC'));
    const unit = await addUnit(data.bloc.id, unitInput('SNV', 'Sở Nội vụ'.normalize('NFD')));
    expect((await db.units.get(unit.id))!.name).toBe('Sở Nội vụ'.normalize('NFC'));
  });

  it('addBlocAsNew gives every record a new id and keeps references consistent', async () => {
    const data = smallBloc();
    await replaceBloc(data);
    const newId = await addBlocAsNew(data);
    expect(newId).not.toBe(data.bloc.id);
    expect(await db.blocs.count()).toBe(2);
    const copy = await readBlocData(newId);
    const unitIds = new Set(copy.units.map((u) => u.id));
    expect(copy.units.every((u) => !u.id.startsWith(data.bloc.id))).toBe(true);
    expect(copy.years[0]!.memberUnitIds.every((id) => unitIds.has(id))).toBe(true);
    expect(unitIds.has(copy.years[0]!.leaderUnitId!)).toBe(true);
    expect(copy.scores[0]!.unitId).toBe(copy.units.find((u) => u.code === 'SYT')!.id);
    expect(copy.attachments[0]!.unitId).toBe(copy.units.find((u) => u.code === 'SYT')!.id);
    expect(await readBlocData(data.bloc.id)).toEqual(data);
  });

  it('gives a bloc added beside one of the same name a name the user can tell apart', async () => {
    const data = smallBloc();
    await replaceBloc(data);
    const first = await addBlocAsNew(data, '2026-12-01T08:00:00.000Z');
    const second = await addBlocAsNew(data, '2026-12-01T09:00:00.000Z');
    const names = (await db.blocs.toArray()).map((b) => b.name).sort();
    expect(names).toEqual(
      [data.bloc.name, `${data.bloc.name} (nhập ngày 01/12/2026)`, `${data.bloc.name} (nhập ngày 01/12/2026, lần 2)`].sort(),
    );
    expect(new Set([first, second, data.bloc.id]).size).toBe(3);
  });

  it('renames a new bloc (ids kept) whose name another bloc here already has, ignoring case', async () => {
    await replaceBloc(smallBloc());
    const other = smallBloc('khoi-b');
    other.bloc.name = other.bloc.name.toLocaleUpperCase('vi-VN');
    expect(await importNewBloc(other, '2026-12-01T08:00:00.000Z')).toBe('khoi-b');
    expect((await db.blocs.get('khoi-b'))!.name).toBe(`${other.bloc.name} (nhập ngày 01/12/2026)`);
    await expect(importNewBloc(other)).rejects.toThrow(/đã có trên máy/);
    expect(distinctBlocName('Khối mới', ['Khối cũ'], '2026-12-01T08:00:00.000Z')).toBe('Khối mới');
    expect(distinctBlocName('K'.repeat(300), ['K'.repeat(300)], '2026-12-01T08:00:00.000Z')).toHaveLength(300);
  });

  it('knows when a bloc last changed: the newest change of any of its records', async () => {
    const data = smallBloc();
    await replaceBloc(data);
    expect(await lastChangeOf(data.bloc.id)).toBe(data.bloc.updatedAt);
    await putScore({ ...data.scores[0]!, updatedAt: '2030-05-06T07:08:09.000Z' });
    expect(await lastChangeOf(data.bloc.id)).toBe('2030-05-06T07:08:09.000Z');
    const unit = await addUnit(data.bloc.id, unitInput('MOI', 'Đơn vị mới'));
    await db.units.update(unit.id, { updatedAt: '2031-01-01T00:00:00.000Z' });
    expect(await lastChangeOf(data.bloc.id)).toBe('2031-01-01T00:00:00.000Z');
    await replaceBloc(smallBloc('khoi-b'));
    await db.units.where('blocId').equals('khoi-b').modify({ updatedAt: '2035-01-01T00:00:00.000Z' });
    expect(await lastChangeOf(data.bloc.id)).toBe('2031-01-01T00:00:00.000Z');
    expect(await lastChangeOf('khong-co')).toBeNull();
  });

  it('deleteBloc removes the bloc and all its records only', async () => {
    await replaceBloc(smallBloc());
    await replaceBloc(smallBloc('khoi-b'));
    await deleteBloc('khoi-a');
    expect(await db.units.count()).toBe(3);
    expect((await storedScores()).filter((s) => s.blocId === 'khoi-a').length).toBe(0);
    await expect(readBlocData('khoi-a')).rejects.toThrow(/Không tìm thấy khối/);
  });

  it('loads the sample, then asks before touching an existing copy', async () => {
    const asked: string[] = [];
    expect(await loadSample(async () => (asked.push('x'), 'add'))).toBe(SAMPLE_BLOC_ID);
    expect(asked).toHaveLength(0);
    const sample = await readBlocData(SAMPLE_BLOC_ID);
    expect(sample.units).toHaveLength(8);
    expect(sample.years.map((y) => y.year)).toEqual([2023, 2024]);
    expect(await loadSample(async () => null)).toBeNull();
    expect(await db.blocs.count()).toBe(1);
    const added = await loadSample(async () => 'add');
    expect(added).not.toBe(SAMPLE_BLOC_ID);
    expect(await db.blocs.count()).toBe(2);
    await updateBloc(SAMPLE_BLOC_ID, { name: 'Đã sửa' });
    const backedUp: string[] = [];
    expect(await loadSample(async () => 'replace', async (current) => void backedUp.push(current.bloc.name))).toBe(SAMPLE_BLOC_ID);
    expect(backedUp).toEqual(['Đã sửa']);
    expect((await db.blocs.get(SAMPLE_BLOC_ID))!.name).toBe(sample.bloc.name);
    expect(asked).toHaveLength(0);
    // A failed backup cancels the replace.
    await updateBloc(SAMPLE_BLOC_ID, { name: 'Sửa lần hai' });
    await expect(
      loadSample(
        async () => 'replace',
        async () => {
          throw new Error('không sao lưu được');
        },
      ),
    ).rejects.toThrow('không sao lưu được');
    expect((await db.blocs.get(SAMPLE_BLOC_ID))!.name).toBe('Sửa lần hai');
  });
});

describe('units', () => {
  it('adds units in order and refuses a duplicate code regardless of case', async () => {
    const bloc = await createBloc(blocInput);
    const a = await addUnit(bloc.id, unitInput('SYT', 'Sở Y tế'));
    const b = await addUnit(bloc.id, unitInput('SNV', 'Sở Nội vụ'));
    expect([a.order, b.order]).toEqual([1, 2]);
    await expect(addUnit(bloc.id, unitInput('syt', 'Sở khác'))).rejects.toThrow('Mã đơn vị "syt" đã được dùng cho "Sở Y tế"');
    await expect(updateUnit(b.id, { code: 'SYT' })).rejects.toThrow(/đã được dùng/);
    expect((await updateUnit(b.id, { head: 'Trần Thị Bình' })).head).toBe('Trần Thị Bình');
  });

  it('accepts Vietnamese unit codes (SGDĐT, ĐPTTH), compares them without case, refuses dot-only codes and slashes', async () => {
    const bloc = await createBloc(blocInput);
    expect((await addUnit(bloc.id, unitInput('SGDĐT', 'Sở Giáo dục và Đào tạo'))).code).toBe('SGDĐT');
    expect((await addUnit(bloc.id, unitInput('ĐPTTH', 'Đài Phát thanh và Truyền hình'))).code).toBe('ĐPTTH');
    await expect(addUnit(bloc.id, unitInput('sgdđt', 'Sở khác'))).rejects.toThrow(/đã được dùng cho "Sở Giáo dục và Đào tạo"/);
    for (const code of ['..', '.', 'A/B', 'A\\B', 'S Y T']) await expect(addUnit(bloc.id, unitInput(code, 'Đơn vị'))).rejects.toThrow(/không hợp lệ/);
    const form = (code: string) => UnitFormSchema.safeParse({ ...unitInput(code, 'Sở Y tế') });
    expect(form(' SGDĐT ').success).toBe(true);
    expect(form('..').error?.issues[0]?.message).toBe('Mã đơn vị không thể chỉ gồm dấu chấm.');
    expect(form('A/B').error?.issues[0]?.message).toMatch(/có thể có dấu, như Đ/);
  });

  it('moves a unit up and down', async () => {
    const bloc = await createBloc(blocInput);
    const [a, b, c] = [await addUnit(bloc.id, unitInput('A', 'A')), await addUnit(bloc.id, unitInput('B', 'B')), await addUnit(bloc.id, unitInput('C', 'C'))];
    await moveUnit(c.id, -1);
    const order = async () => (await db.units.orderBy('[blocId+order]').toArray()).map((u) => u.code);
    expect(await order()).toEqual(['A', 'C', 'B']);
    await moveUnit(a.id, -1); // already first: nothing happens
    await moveUnit(a.id, 1);
    expect(await order()).toEqual(['C', 'A', 'B']);
    void b;
  });

  it('deletes a unit without history, refuses one with history, deactivates and reactivates', async () => {
    const bloc = await createBloc(blocInput);
    const keep = await addUnit(bloc.id, unitInput('SYT', 'Sở Y tế'));
    const loose = await addUnit(bloc.id, unitInput('TMP', 'Đơn vị nhập nhầm'));
    await deleteUnit(loose.id);
    expect(await db.units.get(loose.id)).toBeUndefined();
    await createYear(bloc.id, 2025);
    expect(await unitHistory(keep.id)).toEqual(['thành viên của năm 2025']);
    await expect(deleteUnit(keep.id)).rejects.toThrow(/Không xoá được "Sở Y tế".*Ngừng hoạt động/);
    await setUnitActive(keep.id, false);
    expect((await db.units.get(keep.id))!.active).toBe(false);
    await setUnitActive(keep.id, true);
    expect((await db.units.get(keep.id))!.active).toBe(true);
  });
});

describe('years', () => {
  it('copies active members and rules from the previous year', async () => {
    const bloc = await createBloc(blocInput);
    const a = await addUnit(bloc.id, unitInput('A', 'Sở A'));
    const b = await addUnit(bloc.id, unitInput('B', 'Sở B'));
    const c = await addUnit(bloc.id, unitInput('C', 'Sở C'));
    const y2024 = await createYear(bloc.id, 2024);
    expect(y2024.memberUnitIds).toEqual([a.id, b.id, c.id]);
    expect(y2024.rules.awards).toHaveLength(3);
    await setYearMembers(y2024.id, [c.id, a.id, b.id]);
    const rules = structuredClone(y2024.rules);
    rules.threshold = { num: 2, den: 3, comparison: 'gte', base: 'members' };
    await setYearRules(y2024.id, rules);
    await setUnitActive(b.id, false);
    const y2025 = await createYear(bloc.id, 2025);
    expect(y2025.memberUnitIds).toEqual([c.id, a.id]);
    expect(y2025.rules.threshold).toEqual({ num: 2, den: 3, comparison: 'gte', base: 'members' });
    await expect(createYear(bloc.id, 2025)).rejects.toThrow('Năm thi đua 2025 đã có trong khối.');
  });

  it('keeps leader and deputy distinct members of the year', async () => {
    const bloc = await createBloc(blocInput);
    const a = await addUnit(bloc.id, unitInput('A', 'Sở A'));
    const b = await addUnit(bloc.id, unitInput('B', 'Sở B'));
    const y = await createYear(bloc.id, 2025);
    await expect(setYearRoles(y.id, a.id, a.id)).rejects.toThrow('Khối trưởng và Khối phó phải là hai đơn vị khác nhau.');
    const set = await setYearRoles(y.id, a.id, b.id);
    expect([set.leaderUnitId, set.deputyUnitId]).toEqual([a.id, b.id]);
    await expect(setYearMembers(y.id, [b.id])).rejects.toThrow(/Khối trưởng năm 2025 phải là thành viên/);
    await expect(setYearRules(y.id, { ...y.rules, quorum: { num: 4, den: 3, comparison: 'gte' } })).rejects.toThrow(/Quy chế của năm không hợp lệ/);
  });

  it('deletes an empty year but not one with a scoring table', async () => {
    await replaceBloc(smallBloc());
    await expect(deleteYear('khoi-a-2024')).rejects.toThrow('Không xoá được năm 2024 vì đã có bảng chấm điểm, điểm chấm.');
    const y = await createYear('khoi-a', 2025);
    await deleteYear(y.id);
    expect(await db.years.get(y.id)).toBeUndefined();
  });
});
