/**
 * Emulation years of a bloc: create (members and rules copied from the previous year), membership,
 * Khối trưởng / Khối phó, the rules profile, and delete while the year holds no work yet.
 */
import { RulesProfileSchema, YearSchema, type RulesProfile, type Unit, type Year } from '../../../shared/model/records';
import { defaultRulesProfile } from '../../../shared/domain/rules-defaults';
import { KINDS } from '../../../shared/model/registry';
import { db } from './database';
import { newId, nowIso } from './ids';
import { kindStore } from './kind-store';
import { allTables, checked } from './repo-common';
import { RepoError } from './repo-errors';

/** The year the new one copies from: the closest earlier year, else the closest later one. */
export function yearToCopy(years: Year[], year: number): Year | undefined {
  const earlier = years.filter((y) => y.year < year).sort((a, b) => b.year - a.year)[0];
  return earlier ?? years.filter((y) => y.year > year).sort((a, b) => a.year - b.year)[0];
}

/** Members of a new year: the copied year's members still active, else every active unit in order. */
export function initialMembers(source: Year | undefined, units: Unit[]): string[] {
  const active = new Set(units.filter((u) => u.active).map((u) => u.id));
  if (source) return source.memberUnitIds.filter((id) => active.has(id));
  return [...units].sort((a, b) => a.order - b.order).filter((u) => u.active).map((u) => u.id);
}

export async function createYear(blocId: string, year: number): Promise<Year> {
  return db.transaction('rw', db.years, db.units, db.blocs, async () => {
    if (!(await db.blocs.get(blocId))) throw new RepoError('not-found', 'Không tìm thấy khối thi đua để tạo năm.');
    const years = await db.years.where('blocId').equals(blocId).toArray();
    if (years.some((y) => y.year === year)) throw new RepoError('duplicate-year', `Năm thi đua ${year} đã có trong khối.`);
    const source = yearToCopy(years, year);
    const units = await db.units.where('blocId').equals(blocId).toArray();
    const now = nowIso();
    const record = checked(
      YearSchema,
      {
        id: newId(),
        blocId,
        year,
        memberUnitIds: initialMembers(source, units),
        leaderUnitId: null,
        deputyUnitId: null,
        rules: source ? structuredClone(source.rules) : defaultRulesProfile(),
        note: '',
        createdAt: now,
        updatedAt: now,
      },
      `Năm thi đua ${year}`,
    );
    await db.years.add(record);
    return record;
  });
}

async function modifyYear(id: string, change: (y: Year) => Year): Promise<Year> {
  return db.transaction('rw', db.years, async () => {
    const current = await db.years.get(id);
    if (!current) throw new RepoError('not-found', 'Không tìm thấy năm thi đua (có thể đã bị xoá).');
    const next = checked(YearSchema, { ...change(current), id, updatedAt: nowIso() }, `Năm thi đua ${current.year}`);
    await db.years.put(next);
    return next;
  });
}

export async function setYearMembers(id: string, memberUnitIds: string[]): Promise<Year> {
  return modifyYear(id, (y) => {
    if (new Set(memberUnitIds).size !== memberUnitIds.length) throw new RepoError('duplicate-member', 'Một đơn vị được chọn hai lần trong danh sách thành viên.');
    if (y.leaderUnitId && !memberUnitIds.includes(y.leaderUnitId))
      throw new RepoError('leader-not-member', `Khối trưởng năm ${y.year} phải là thành viên của năm. Hãy đổi Khối trưởng trước khi bỏ đơn vị này.`);
    if (y.deputyUnitId && !memberUnitIds.includes(y.deputyUnitId))
      throw new RepoError('deputy-not-member', `Khối phó năm ${y.year} phải là thành viên của năm. Hãy đổi Khối phó trước khi bỏ đơn vị này.`);
    return { ...y, memberUnitIds };
  });
}

export async function setYearRoles(id: string, leaderUnitId: string | null, deputyUnitId: string | null): Promise<Year> {
  return modifyYear(id, (y) => {
    if (leaderUnitId && leaderUnitId === deputyUnitId) throw new RepoError('same-leader-deputy', 'Khối trưởng và Khối phó phải là hai đơn vị khác nhau.');
    for (const [uid, role] of [
      [leaderUnitId, 'Khối trưởng'],
      [deputyUnitId, 'Khối phó'],
    ] as const) {
      if (uid && !y.memberUnitIds.includes(uid)) throw new RepoError('role-not-member', `${role} năm ${y.year} phải là thành viên của năm.`);
    }
    return { ...y, leaderUnitId, deputyUnitId };
  });
}

export async function setYearRules(id: string, rules: RulesProfile): Promise<Year> {
  const clean = checked(RulesProfileSchema, rules, 'Quy chế của năm');
  return modifyYear(id, (y) => ({ ...y, rules: clean }));
}

export async function setYearNote(id: string, note: string): Promise<Year> {
  return modifyYear(id, (y) => ({ ...y, note }));
}

/** What the year already holds (records of any kind that names the year); a year with work cannot be deleted. */
export async function yearWork(blocId: string, year: number): Promise<string[]> {
  const found: string[] = [];
  for (const k of KINDS) {
    if (!k.refs.some((r) => r.to === 'years')) continue;
    if (await kindStore(k.key).inYear(blocId, year)) found.push(k.label);
  }
  return found;
}

export async function deleteYear(id: string): Promise<void> {
  await db.transaction('rw', allTables(), async () => {
    const y = await db.years.get(id);
    if (!y) return;
    const work = await yearWork(y.blocId, y.year);
    if (work.length) throw new RepoError('year-has-work', `Không xoá được năm ${y.year} vì đã có ${work.join(', ')}.`);
    await db.years.delete(id);
  });
}
