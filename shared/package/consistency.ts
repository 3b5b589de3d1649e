/**
 * What the record schemas cannot see: rules between records of one bloc. A package is written only
 * when its data passes, and read only when it passes, so a package from another PC can never bring
 * in a bloc the app would not have made itself (records of another bloc, ids used twice, references
 * to units that are not there, a leader who is not a member, scores for criteria that do not exist).
 * Each problem is a Vietnamese fragment naming the record (by unit code, year, criterion code).
 */
import { unitCodeKey } from '../model/unit-code';
import { scoreId, type BlocData } from '../model/records';

/** Stop listing after this many: one broken package could otherwise yield 100 000 lines. */
const MAX_PROBLEMS = 50;

const KIND_NAMES: Record<Exclude<keyof BlocData, 'bloc'>, string> = {
  units: 'đơn vị',
  years: 'năm thi đua',
  scoringTables: 'bảng chấm điểm',
  pledges: 'giao ước',
  attachments: 'tệp đính kèm',
  scores: 'điểm chấm',
  importBatches: 'lần nhập điểm',
};

/** Problems between the records of one bloc; empty when the data is consistent. */
export function consistencyProblems(data: BlocData): string[] {
  const out: string[] = [];
  const add = (p: string) => {
    if (out.length < MAX_PROBLEMS) out.push(p);
  };
  const blocId = data.bloc.id;

  // Ids are unique within each kind of record, and every record belongs to this bloc.
  for (const kind of Object.keys(KIND_NAMES) as (keyof typeof KIND_NAMES)[]) {
    const seen = new Set<string>();
    for (const r of data[kind]) {
      if (seen.has(r.id)) add(`mã bản ghi ${KIND_NAMES[kind]} "${r.id}" bị dùng hai lần`);
      seen.add(r.id);
      if (r.blocId !== blocId) add(`${KIND_NAMES[kind]} "${r.id}" thuộc khối khác`);
    }
  }

  const units = new Map(data.units.map((u) => [u.id, u]));
  const code = (id: string) => units.get(id)?.code ?? id;
  const codes = new Map<string, string>();
  for (const u of data.units) {
    const key = unitCodeKey(u.code);
    const other = codes.get(key);
    if (other !== undefined) add(other === u.code ? `mã đơn vị ${u.code} bị trùng` : `mã đơn vị ${u.code} trùng với ${other} (mã không phân biệt chữ hoa, chữ thường)`);
    else codes.set(key, u.code);
  }
  const missingUnit = (where: string, id: string) => {
    if (!units.has(id)) add(`${where} tham chiếu đơn vị không có trong khối ("${id}")`);
  };
  const twice = (where: string, ids: readonly string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) add(`${where} có đơn vị ${code(id)} hai lần`);
      seen.add(id);
    }
  };

  const years = new Set<number>();
  for (const y of data.years) {
    const where = `năm ${y.year}`;
    if (years.has(y.year)) add(`năm ${y.year} có hai bản ghi`);
    years.add(y.year);
    for (const id of y.memberUnitIds) missingUnit(`danh sách thành viên ${where}`, id);
    twice(`danh sách thành viên ${where}`, y.memberUnitIds);
    const members = new Set(y.memberUnitIds);
    for (const [id, role] of [
      [y.leaderUnitId, 'Khối trưởng'],
      [y.deputyUnitId, 'Khối phó'],
    ] as const) {
      if (id === null) continue;
      if (!units.has(id)) missingUnit(`${role} ${where}`, id);
      else if (!members.has(id)) add(`${role} ${where} (${code(id)}) không phải thành viên của năm`);
    }
    if (y.leaderUnitId !== null && y.leaderUnitId === y.deputyUnitId) add(`Khối trưởng và Khối phó ${where} là cùng một đơn vị (${code(y.leaderUnitId)})`);
    if (y.rules.leaderRotation.kind === 'fixedOrder') {
      for (const id of y.rules.leaderRotation.order) missingUnit(`thứ tự luân phiên Khối trưởng ${where}`, id);
      twice(`thứ tự luân phiên Khối trưởng ${where}`, y.rules.leaderRotation.order);
    }
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
    for (const id of p.unitIds) missingUnit(`giao ước năm ${p.year}`, id);
    twice(`giao ước năm ${p.year}`, p.unitIds);
  }

  for (const a of data.attachments) if (a.unitId !== null) missingUnit(`tệp đính kèm "${a.id}"`, a.unitId);

  for (const s of data.scores) {
    const where = `điểm năm ${s.year}, đơn vị ${code(s.unitId)}, tiêu chí ${s.code}`;
    if (!units.has(s.unitId)) {
      missingUnit(`điểm năm ${s.year}, tiêu chí ${s.code}`, s.unitId);
      continue;
    }
    if (s.id !== scoreId(s.year, s.unitId, s.code)) add(`${where}: mã bản ghi "${s.id}" không khớp với năm, đơn vị và tiêu chí`);
    if (!years.has(s.year)) {
      add(`${where}: khối không có năm ${s.year}`);
      continue;
    }
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

  for (const b of data.importBatches) {
    for (const f of b.files) missingUnit(`lần nhập điểm năm ${b.year} (tệp "${f.name}")`, f.unitId);
    for (const c of b.changes) missingUnit(`lần nhập điểm năm ${b.year} (tiêu chí ${c.code})`, c.unitId);
  }
  return out;
}
