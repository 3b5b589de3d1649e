/**
 * What the record schemas cannot see: rules between records of one bloc. A package is written only
 * when its data passes, and read only when it passes, so a package from another PC can never bring
 * in a bloc the app would not have made itself (records of another bloc, ids used twice, references
 * to units that are not there, a leader who is not a member, scores for criteria that do not exist).
 * The generic part (ids, bloc, references) follows from the record registry; the rules below it are
 * the kind-specific ones. Each problem is a Vietnamese fragment naming the record (by unit code,
 * year, criterion code).
 */
import { unitCodeKey } from '../model/unit-code';
import type { BlocData } from '../model/records';
import { valuesAt } from '../model/record-paths';
import { KINDS, kindOf, recordsOf, type AnyRecord, type RecordKind } from '../model/registry';

/** Stop listing after this many: one broken package could otherwise yield 100 000 lines. */
const MAX_PROBLEMS = 50;

/** Problems between the records of one bloc; empty when the data is consistent. */
export function consistencyProblems(data: BlocData): string[] {
  const out: string[] = [];
  const add = (p: string) => {
    if (out.length < MAX_PROBLEMS) out.push(p);
  };
  registryProblems(data, add);
  kindRules(data, add);
  return out;
}

/** Ids unique within each kind, every record of this bloc, derived ids matching, every reference resolved. */
function registryProblems(data: BlocData, add: (p: string) => void): void {
  const blocId = data.bloc.id;
  // Each kind's records by the key others refer to them with (id, or year for years).
  const byKey = new Map<string, Map<string | number, AnyRecord>>();
  for (const k of KINDS) {
    const seen = new Set<string>();
    const keyed = new Map<string | number, AnyRecord>();
    for (const r of recordsOf(data, k.key)) {
      if (seen.has(r.id)) add(`mã bản ghi ${k.label} "${r.id}" bị dùng hai lần`);
      seen.add(r.id);
      if (r.blocId !== blocId) add(`${k.label} "${r.id}" thuộc khối khác`);
      if (k.id !== 'fresh' && r.id !== k.id.derive(r)) add(`${k.describe(r)}: mã bản ghi "${r.id}" không khớp với ${k.id.from}`);
      const key = r[k.refKey ?? 'id'];
      if ((typeof key === 'string' || typeof key === 'number') && !keyed.has(key)) keyed.set(key, r);
    }
    byKey.set(k.key, keyed);
  }
  for (const k of KINDS) {
    for (const r of recordsOf(data, k.key)) {
      for (const ref of k.refs) {
        const target = kindOf(ref.to)!;
        const targets = byKey.get(ref.to)!;
        const where = ref.label ? `${ref.label} ${k.describe(r)}` : k.describe(r);
        const values = valuesAt(r, ref.path);
        for (const v of values) if (!targets.has(v)) add(missingText(where, target, v));
        if (!ref.unique) continue;
        const seen = new Set<string | number>();
        for (const v of values) {
          if (seen.has(v)) {
            const t = targets.get(v);
            add(`${where} có ${t ? target.describe(t) : `${target.label} "${v}"`} hai lần`);
          }
          seen.add(v);
        }
      }
    }
  }
}

function missingText(where: string, target: RecordKind, value: string | number): string {
  if (target.refKey === 'year') return `${where}: khối không có năm ${value}`;
  return `${where} tham chiếu ${target.label} không có trong khối ("${value}")`;
}

/** The rules of particular kinds that are not references. */
function kindRules(data: BlocData, add: (p: string) => void): void {
  const units = new Map(data.units.map((u) => [u.id, u]));
  const code = (id: string) => units.get(id)?.code ?? id;
  const codes = new Map<string, string>();
  for (const u of data.units) {
    const key = unitCodeKey(u.code);
    const other = codes.get(key);
    if (other !== undefined) add(other === u.code ? `mã đơn vị ${u.code} bị trùng` : `mã đơn vị ${u.code} trùng với ${other} (mã không phân biệt chữ hoa, chữ thường)`);
    else codes.set(key, u.code);
  }

  const years = new Set<number>();
  for (const y of data.years) {
    const where = `năm ${y.year}`;
    if (years.has(y.year)) add(`năm ${y.year} có hai bản ghi`);
    years.add(y.year);
    const members = new Set(y.memberUnitIds);
    for (const [id, role] of [
      [y.leaderUnitId, 'Khối trưởng'],
      [y.deputyUnitId, 'Khối phó'],
    ] as const) {
      if (id !== null && units.has(id) && !members.has(id)) add(`${role} ${where} (${code(id)}) không phải thành viên của năm`);
    }
    if (y.leaderUnitId !== null && y.leaderUnitId === y.deputyUnitId) add(`Khối trưởng và Khối phó ${where} là cùng một đơn vị (${code(y.leaderUnitId)})`);
  }

  // Scoring tables: one per year and version; the criteria (and their maximum) each year knows.
  const tableKeys = new Set<string>();
  const criteriaMax = new Map<number, Map<string, number>>();
  for (const t of data.scoringTables) {
    const key = `${t.year}:${t.version}`;
    if (tableKeys.has(key)) add(`bảng chấm điểm năm ${t.year} có hai phiên bản số ${t.version}`);
    tableKeys.add(key);
    const known = criteriaMax.get(t.year) ?? new Map<string, number>();
    for (const g of t.groups) for (const c of g.criteria) known.set(c.code, Math.max(known.get(c.code) ?? 0, c.max));
    criteriaMax.set(t.year, known);
  }

  const pledgeYears = new Set<number>();
  for (const p of data.pledges) {
    if (pledgeYears.has(p.year)) add(`năm ${p.year} có hai bản giao ước`);
    pledgeYears.add(p.year);
  }

  for (const s of data.scores) {
    // A missing unit or year is told by the reference checks.
    if (!units.has(s.unitId) || !years.has(s.year)) continue;
    const where = `điểm năm ${s.year}, đơn vị ${code(s.unitId)}, tiêu chí ${s.code}`;
    const max = criteriaMax.get(s.year)?.get(s.code);
    if (max === undefined) {
      add(`${where}: bảng chấm điểm năm ${s.year} không có tiêu chí ${s.code}`);
      continue;
    }
    for (const [field, value] of [
      ['tự chấm', s.self],
      ['thẩm định', s.verified],
    ] as const) {
      if (value !== null && value > max + 1e-9) add(`${where}: điểm ${field} ${value} vượt quá điểm tối đa ${max}`);
    }
  }
}
