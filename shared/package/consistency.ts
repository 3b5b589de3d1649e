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
  // Only the kinds that others refer to are keyed (not the hundred thousand scores).
  const referred = new Set<string>(KINDS.flatMap((k) => k.refs.map((ref) => ref.to)));
  for (const k of KINDS) {
    const seen = new Set<string>();
    const keyed = referred.has(k.key) ? new Map<string | number, AnyRecord>() : null;
    const derive = k.id === 'fresh' ? null : k.id;
    for (const r of recordsOf(data, k.key)) {
      const size = seen.size;
      seen.add(r.id);
      if (seen.size === size) add(`mã bản ghi ${k.label} "${r.id}" bị dùng hai lần`);
      if (r.blocId !== blocId) add(`${k.label} "${r.id}" thuộc khối khác`);
      if (derive && r.id !== derive.derive(r)) add(`${k.describe(r)}: mã bản ghi "${r.id}" không khớp với ${derive.from}`);
      if (!keyed) continue;
      const key = r[k.refKey ?? 'id'];
      if ((typeof key === 'string' || typeof key === 'number') && !keyed.has(key)) keyed.set(key, r);
    }
    byKey.set(k.key, keyed ?? new Map());
  }
  const values: (string | number)[] = [];
  for (const k of KINDS) {
    // Looked up once per kind: a large bloc has hundreds of thousands of records.
    const refs = k.refs.map((ref) => ({ ref, target: kindOf(ref.to)!, targets: byKey.get(ref.to)! }));
    for (const r of recordsOf(data, k.key)) {
      for (const { ref, target, targets } of refs) {
        valuesAt(r, ref.path, values);
        // The description is made only for a problem (most records have none).
        for (const v of values) if (!targets.has(v)) add(missingText(whereOf(k, ref, r), target, v));
        if (!ref.unique) continue;
        const seen = new Set<string | number>();
        for (const v of values) {
          if (seen.has(v)) {
            const t = targets.get(v);
            add(`${whereOf(k, ref, r)} có ${t ? target.describe(t) : `${target.label} "${v}"`} hai lần`);
          }
          seen.add(v);
        }
      }
    }
  }
}

function whereOf(k: RecordKind, ref: RecordKind['refs'][number], r: AnyRecord): string {
  return ref.label ? `${ref.label} ${k.describe(r)}` : k.describe(r);
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

  const scoreWhere = (s: BlocData['scores'][number]) => `điểm năm ${s.year}, đơn vị ${code(s.unitId)}, tiêu chí ${s.code}`;
  for (const s of data.scores) {
    // A missing unit or year is told by the reference checks.
    if (!units.has(s.unitId) || !years.has(s.year)) continue;

    const max = criteriaMax.get(s.year)?.get(s.code);
    if (max === undefined) {
      add(`${scoreWhere(s)}: bảng chấm điểm năm ${s.year} không có tiêu chí ${s.code}`);
      continue;
    }
    if (s.self !== null && s.self > max + 1e-9) add(`${scoreWhere(s)}: điểm tự chấm ${s.self} vượt quá điểm tối đa ${max}`);
    if (s.verified !== null && s.verified > max + 1e-9) add(`${scoreWhere(s)}: điểm thẩm định ${s.verified} vượt quá điểm tối đa ${max}`);
  }
}
