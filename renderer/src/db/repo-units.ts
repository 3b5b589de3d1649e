/**
 * Member units: add, edit, reorder, deactivate/reactivate, and delete only when the unit has no
 * history (no year, score, pledge or attachment refers to it).
 */
import { unitCodeKey } from '../../../shared/model/unit-code';
import { UnitSchema, type Unit } from '../../../shared/model/records';
import { valuesAt } from '../../../shared/model/record-paths';
import { KINDS, kindOf } from '../../../shared/model/registry';
import { nfc } from '../../../shared/text/vietnamese';
import { db } from './database';
import { kindStore } from './kind-store';
import { newId, nowIso } from './ids';
import { allTables, checked } from './repo-common';
import { RepoError } from './repo-errors';

export type UnitInput = Pick<Unit, 'code' | 'name' | 'shortName' | 'head' | 'headTitle' | 'address' | 'phone'> &
  Partial<Pick<Unit, 'signer' | 'deputyName' | 'deputyTitle'>>;

async function assertCodeFree(blocId: string, code: string, exceptId: string | null): Promise<void> {
  // Codes are compared without regard to case: "SYT" and "syt" would confuse every report.
  const wanted = unitCodeKey(code);
  const units = await db.units.where('blocId').equals(blocId).toArray();
  const clash = units.find((u) => u.id !== exceptId && unitCodeKey(u.code) === wanted);
  if (clash) throw new RepoError('duplicate-code', `Mã đơn vị "${code}" đã được dùng cho "${clash.name}". Mỗi đơn vị trong khối cần một mã riêng.`);
}

export async function addUnit(blocId: string, input: UnitInput): Promise<Unit> {
  return db.transaction('rw', db.units, db.blocs, async () => {
    if (!(await db.blocs.get(blocId))) throw new RepoError('not-found', 'Không tìm thấy khối thi đua để thêm đơn vị.');
    const code = nfc(input.code.trim());
    await assertCodeFree(blocId, code, null);
    const last = await db.units.where('[blocId+order]').between([blocId, -Infinity], [blocId, Infinity]).last();
    const now = nowIso();
    const unit = checked(
      UnitSchema,
      { ...input, code, id: newId(), blocId, order: (last?.order ?? 0) + 1, active: true, createdAt: now, updatedAt: now },
      'Đơn vị',
    );
    await db.units.add(unit);
    return unit;
  });
}

export async function updateUnit(id: string, input: Partial<UnitInput>): Promise<Unit> {
  return db.transaction('rw', db.units, async () => {
    const current = await db.units.get(id);
    if (!current) throw new RepoError('not-found', 'Không tìm thấy đơn vị cần sửa (có thể đã bị xoá).');
    const code = input.code !== undefined ? nfc(input.code.trim()) : current.code;
    if (code !== current.code) await assertCodeFree(current.blocId, code, id);
    const next = checked(UnitSchema, { ...current, ...input, code, id, updatedAt: nowIso() }, 'Đơn vị');
    await db.units.put(next);
    return next;
  });
}

export async function setUnitActive(id: string, active: boolean): Promise<void> {
  const n = await db.units.update(id, { active, updatedAt: nowIso() });
  if (n === 0) throw new RepoError('not-found', 'Không tìm thấy đơn vị (có thể đã bị xoá).');
}

/** Swaps the unit with its neighbour in the bloc's order (`-1` up, `+1` down). Renumbers 1..n. */
export async function moveUnit(id: string, direction: -1 | 1): Promise<void> {
  await db.transaction('rw', db.units, async () => {
    const unit = await db.units.get(id);
    if (!unit) throw new RepoError('not-found', 'Không tìm thấy đơn vị (có thể đã bị xoá).');
    const units = (await db.units.where('blocId').equals(unit.blocId).toArray()).sort((a, b) => a.order - b.order);
    const i = units.findIndex((u) => u.id === id);
    const j = i + direction;
    if (j < 0 || j >= units.length) return;
    [units[i], units[j]] = [units[j]!, units[i]!];
    const now = nowIso();
    const changed = units.flatMap((u, k) => (u.order === k + 1 ? [] : [{ ...u, order: k + 1, updatedAt: now }]));
    await db.units.bulkPut(changed);
  });
}

/** Where the unit is referred to, in Vietnamese ("năm 2024", "điểm tự chấm"...); empty when it has no history. */
export async function unitHistory(id: string): Promise<string[]> {
  const unit = await db.units.get(id);
  if (!unit) return [];
  const found: string[] = [];
  const years = await db.years.where('blocId').equals(unit.blocId).toArray();
  const yearRefs = kindOf('years')!.refs;
  const inYears = years
    .filter((y) => yearRefs.some((ref) => valuesAt(y, ref.path).includes(id)))
    .map((y) => y.year)
    .sort();
  if (inYears.length) found.push(`thành viên của năm ${inYears.join(', ')}`);
  // Every other kind of the registry that refers to units (scores, pledges, reviews, votes...).
  for (const k of KINDS) {
    const refs = k.refs.filter((r) => r.to === 'units');
    if (k.key === 'years' || !refs.length) continue;
    let n = 0;
    await kindStore(k.key).each(unit.blocId, (r) => {
      if (refs.some((ref) => valuesAt(r, ref.path).includes(id))) n++;
    });
    if (n) found.push(`${n} ${k.label}`);
  }
  return found;
}

/** Deletes a unit that has no history; a unit with history can only be deactivated. */
export async function deleteUnit(id: string): Promise<void> {
  await db.transaction('rw', allTables(), async () => {
    const unit = await db.units.get(id);
    if (!unit) return;
    const history = await unitHistory(id);
    if (history.length) {
      throw new RepoError(
        'unit-has-history',
        `Không xoá được "${unit.name}" vì đơn vị đã có dữ liệu (${history.join('; ')}). Hãy chọn "Ngừng hoạt động" thay vì xoá.`,
      );
    }
    await db.units.delete(id);
  });
}
