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
import { valuesAt, viewAt } from '../model/record-paths';
import { KINDS, kindOf, recordsOf, type AnyRecord, type RecordKind } from '../model/registry';

/** Stop listing after this many: one broken package could otherwise yield 100 000 lines. */
const MAX_PROBLEMS = 50;

/** Problems between the records of one bloc; empty when the data is consistent. */
export function consistencyProblems(data: BlocData): string[] {
  const check = new ConsistencyCheck(data.bloc.id);
  for (const k of KINDS) check.add(k.key, recordsOf(data, k.key));
  return check.problems();
}

/**
 * What the checks below read of a record of kind `key`: its fields that are not lists or objects
 * (ids, year, unit, code, scores: what `describe`, the ids and the kinds' rules read) and the values
 * its references reach. A record reduced so gives the same problems as the record (the main
 * process checks the scores of an upload on other threads and hands these views back to it), for
 * every kind but those whose own rules (KindRules) read inside their records: units, years,
 * scoring tables, pledges. Keep the rules of any other kind to such fields.
 */
export function checkedView(key: string, record: AnyRecord): AnyRecord {
  const out: Record<string, unknown> = {};
  for (const field in record) {
    const value = record[field];
    if (value === null || typeof value !== 'object') out[field] = value;
  }
  const paths = nestedPathsOf(key);
  return (paths.length ? viewAt(record, paths, out) : out) as AnyRecord;
}

/** Per kind: the paths of its references that reach inside a list or an object (a field alone is copied above). */
const nestedPaths = new Map<string, string[]>();
function nestedPathsOf(key: string): string[] {
  let paths = nestedPaths.get(key);
  if (!paths) {
    paths = kindOf(key)!.refs.map((r) => r.path).filter((p) => /[.[{]/.test(p));
    nestedPaths.set(key, paths);
  }
  return paths;
}

/** A problem of a reference, placed by its record, its reference and its place among them (to list them in that order). */
type RefProblem = { at: number; ref: number; order: number; text: string };

/**
 * What a reference to a kind not all in yet keeps until the end: for each value, the first records
 * naming it (a value found missing then is told for those; more could not be listed anyway), and
 * the values a record names twice where it must not. No other record is kept.
 */
type LateRef = {
  ref: number;
  byValue: Map<string | number, { at: number; pos: number; r: AnyRecord }[]>;
  twice: { at: number; pos: number; v: string | number; r: AnyRecord }[];
};

/**
 * The same checks on a bloc whose records come a kind at a time, in the registry's order, each kind
 * in one or more lists (a bloc received in parts: electron/services/handover/bloc-upload.ts). Each
 * check runs as soon as what it needs is in: a record's own rules and its references to earlier
 * kinds as it comes, a reference to a later kind (a score's history to its import) when the bloc
 * is complete. So little is left for the end, and the problems come out as the whole-bloc check
 * lists them: ids and blocs, then references kind by kind and record by record, then the kinds' rules.
 */
export class ConsistencyCheck {
  private readonly idProblems: string[] = [];
  /** Per kind (registry index): its reference problems found as records came, and those found at the end. */
  private readonly refProblems = new Map<number, { early: RefProblem[]; late: RefProblem[] }>();
  private readonly ruleProblems: string[] = [];
  /** Per kind: the ids seen; for the kinds others refer to, their records by the key they are referred to by. */
  private readonly seen = new Map<string, Set<string>>();
  private readonly byKey = new Map<string, Map<string | number, AnyRecord>>();
  /** Per kind: its references to its own or a later kind, checked at the end. */
  private readonly late = new Map<number, LateRef[]>();
  private readonly counts = new Map<number, number>();
  private readonly rules = new KindRules((p) => push(this.ruleProblems, p));
  private current = -1;
  private readonly values: (string | number)[] = [];

  constructor(private readonly blocId: string) {}

  /** Takes records of kind `key`; kinds come in the registry's order. */
  add(key: string, records: readonly AnyRecord[]): void {
    const index = KINDS.findIndex((k) => k.key === key);
    if (index < this.current || index < 0) throw new Error(`consistency: kind "${key}" out of order`);
    this.current = index;
    const k = KINDS[index]!;
    const first = this.counts.get(index) ?? 0;
    this.counts.set(index, first + records.length);
    this.idsOf(k, records);
    const later = k.refs.map((_, i) => laterKind(index, i));
    this.referencesOf(index, records, first, (i) => !later[i]);
    if (later.some(Boolean)) this.keepLate(index, records, first, later);
    this.rules.take(key, records);
  }

  /** Every problem, after the last records. */
  problems(): string[] {
    for (const [index, lateRefs] of this.late) this.lateProblems(index, lateRefs);
    this.late.clear();
    const refs: string[] = [];
    for (const index of [...this.refProblems.keys()].sort((a, b) => a - b)) {
      // Each list holds its first problems in record order: their merge starts as the whole list would.
      const { early, late } = this.refProblems.get(index)!;
      const found = [...early, ...late].sort((a, b) => a.at - b.at || a.ref - b.ref || a.order - b.order);
      for (const p of found.slice(0, MAX_PROBLEMS)) refs.push(p.text);
    }
    return [...this.idProblems, ...refs, ...this.ruleProblems].slice(0, MAX_PROBLEMS);
  }

  private problemLists(index: number): { early: RefProblem[]; late: RefProblem[] } {
    const lists = this.refProblems.get(index) ?? { early: [], late: [] };
    this.refProblems.set(index, lists);
    return lists;
  }

  private keepLate(index: number, records: readonly AnyRecord[], first: number, later: readonly boolean[]): void {
    const k = KINDS[index]!;
    let lateRefs = this.late.get(index);
    if (!lateRefs) {
      lateRefs = k.refs.flatMap((_, ref) => (later[ref] ? [{ ref, byValue: new Map(), twice: [] }] : []));
      this.late.set(index, lateRefs);
    }
    const values = this.values;
    records.forEach((r, n) => {
      const at = first + n;
      for (const late of lateRefs) {
        const ref = k.refs[late.ref]!;
        valuesAt(r, ref.path, values);
        values.forEach((v, pos) => {
          const naming = late.byValue.get(v);
          if (!naming) late.byValue.set(v, [{ at, pos, r }]);
          else if (naming.length < MAX_PROBLEMS) naming.push({ at, pos, r });
        });
        if (ref.unique && late.twice.length < MAX_PROBLEMS) {
          const seen = new Set<string | number>();
          values.forEach((v, pos) => {
            if (seen.has(v)) late.twice.push({ at, pos, v, r });
            seen.add(v);
          });
        }
      }
    });
  }

  /** The problems of references to kinds that were not all in while the kind came, in the order the whole check finds them. */
  private lateProblems(index: number, lateRefs: readonly LateRef[]): void {
    const k = KINDS[index]!;
    const found = this.problemLists(index).late;
    for (const { ref: i, byValue, twice } of lateRefs) {
      const ref = k.refs[i]!;
      const target = kindOf(ref.to)!;
      const targets = this.byKey.get(ref.to) ?? new Map<string | number, AnyRecord>();
      for (const [v, naming] of byValue) {
        if (targets.has(v)) continue;
        for (const { at, pos, r } of naming) found.push({ at, ref: i, order: pos, text: missingText(whereOf(k, ref, r), target, v) });
      }
      // A record's values named twice come after its missing ones.
      for (const { at, pos, v, r } of twice) {
        const t = targets.get(v);
        found.push({ at, ref: i, order: Number.MAX_SAFE_INTEGER / 2 + pos, text: `${whereOf(k, ref, r)} có ${t ? target.describe(t) : `${target.label} "${v}"`} hai lần` });
      }
    }
  }

  /** Ids unique within the kind, every record of this bloc, derived ids matching; the keys others refer to. */
  private idsOf(k: RecordKind, records: readonly AnyRecord[]): void {
    const seen = this.seen.get(k.key) ?? new Set<string>();
    this.seen.set(k.key, seen);
    const referred = KINDS.some((other) => other.refs.some((ref) => ref.to === k.key));
    const keyed = this.byKey.get(k.key) ?? new Map<string | number, AnyRecord>();
    if (referred) this.byKey.set(k.key, keyed);
    const derive = k.id === 'fresh' ? null : k.id;
    const add = (p: string) => push(this.idProblems, p);
    for (const r of records) {
      const size = seen.size;
      seen.add(r.id);
      if (seen.size === size) add(`mã bản ghi ${k.label} "${r.id}" bị dùng hai lần`);
      if (r.blocId !== this.blocId) add(`${k.label} "${r.id}" thuộc khối khác`);
      if (derive && r.id !== derive.derive(r)) add(`${k.describe(r)}: mã bản ghi "${r.id}" không khớp với ${derive.from}`);
      if (!referred) continue;
      const key = r[k.refKey ?? 'id'];
      if ((typeof key === 'string' || typeof key === 'number') && !keyed.has(key)) keyed.set(key, r);
    }
  }

  /** The references `which` picks (those to earlier kinds, all in) of records numbered from `first` in their kind. */
  private referencesOf(index: number, records: readonly AnyRecord[], first: number, which: (ref: number) => boolean): void {
    const k = KINDS[index]!;
    // Looked up once per list: a large bloc has hundreds of thousands of records.
    const refs = k.refs.flatMap((ref, i) => (which(i) ? [{ i, ref, target: kindOf(ref.to)!, targets: this.byKey.get(ref.to) ?? new Map() }] : []));
    if (refs.length === 0) return;
    const found = this.problemLists(index).early;
    const values = this.values;
    records.forEach((r, n) => {
      const add = (i: number, text: string) => {
        if (found.length < MAX_PROBLEMS) found.push({ at: first + n, ref: i, order: 0, text });
      };
      for (const { i, ref, target, targets } of refs) {
        valuesAt(r, ref.path, values);
        // The description is made only for a problem (most records have none).
        for (const v of values) if (!targets.has(v)) add(i, missingText(whereOf(k, ref, r), target, v));
        if (!ref.unique) continue;
        const seen = new Set<string | number>();
        for (const v of values) {
          if (seen.has(v)) {
            const t = targets.get(v);
            add(i, `${whereOf(k, ref, r)} có ${t ? target.describe(t) : `${target.label} "${v}"`} hai lần`);
          }
          seen.add(v);
        }
      }
    });
  }
}

/** Whether reference `ref` of kind number `index` points to that kind or a later one (not all in while the kind comes). */
function laterKind(index: number, ref: number): boolean {
  return KINDS.findIndex((t) => t.key === KINDS[index]!.refs[ref]!.to) >= index;
}

/** Adds a problem to a list that stops at MAX_PROBLEMS. */
function push(list: string[], p: string): void {
  if (list.length < MAX_PROBLEMS) list.push(p);
}

function whereOf(k: RecordKind, ref: RecordKind['refs'][number], r: AnyRecord): string {
  return ref.label ? `${ref.label} ${k.describe(r)}` : k.describe(r);
}

function missingText(where: string, target: RecordKind, value: string | number): string {
  if (target.refKey === 'year') return `${where}: khối không có năm ${value}`;
  return `${where} tham chiếu ${target.label} không có trong khối ("${value}")`;
}

/**
 * The rules of particular kinds that are not references, run on each kind's records as they come:
 * a rule reads only earlier kinds (units before years, scoring tables before scores).
 */
class KindRules {
  private readonly units = new Map<string, BlocData['units'][number]>();
  private readonly codes = new Map<string, string>();
  private readonly years = new Set<number>();
  private readonly tableKeys = new Set<string>();
  /** The criteria (and their maximum) each year knows. */
  private readonly criteriaMax = new Map<number, Map<string, number>>();
  private readonly pledgeYears = new Set<number>();

  constructor(private readonly add: (p: string) => void) {}

  private code(id: string): string {
    return this.units.get(id)?.code ?? id;
  }

  take(key: string, records: readonly AnyRecord[]): void {
    const add = this.add;
    if (key === 'units') {
      for (const u of records as unknown as BlocData['units']) {
        this.units.set(u.id, u);
        const k = unitCodeKey(u.code);
        const other = this.codes.get(k);
        if (other !== undefined) add(other === u.code ? `mã đơn vị ${u.code} bị trùng` : `mã đơn vị ${u.code} trùng với ${other} (mã không phân biệt chữ hoa, chữ thường)`);
        else this.codes.set(k, u.code);
      }
    } else if (key === 'years') {
      for (const y of records as unknown as BlocData['years']) {
        const where = `năm ${y.year}`;
        if (this.years.has(y.year)) add(`năm ${y.year} có hai bản ghi`);
        this.years.add(y.year);
        const members = new Set(y.memberUnitIds);
        for (const [id, role] of [
          [y.leaderUnitId, 'Khối trưởng'],
          [y.deputyUnitId, 'Khối phó'],
        ] as const) {
          if (id !== null && this.units.has(id) && !members.has(id)) add(`${role} ${where} (${this.code(id)}) không phải thành viên của năm`);
        }
        if (y.leaderUnitId !== null && y.leaderUnitId === y.deputyUnitId) add(`Khối trưởng và Khối phó ${where} là cùng một đơn vị (${this.code(y.leaderUnitId)})`);
      }
    } else if (key === 'scoringTables') {
      // One per year and version.
      for (const t of records as unknown as BlocData['scoringTables']) {
        const k = `${t.year}:${t.version}`;
        if (this.tableKeys.has(k)) add(`bảng chấm điểm năm ${t.year} có hai phiên bản số ${t.version}`);
        this.tableKeys.add(k);
        const known = this.criteriaMax.get(t.year) ?? new Map<string, number>();
        for (const g of t.groups) for (const c of g.criteria) known.set(c.code, Math.max(known.get(c.code) ?? 0, c.max));
        this.criteriaMax.set(t.year, known);
      }
    } else if (key === 'pledges') {
      for (const p of records as unknown as BlocData['pledges']) {
        if (this.pledgeYears.has(p.year)) add(`năm ${p.year} có hai bản giao ước`);
        this.pledgeYears.add(p.year);
      }
    } else if (key === 'scores') {
      const where = (s: BlocData['scores'][number]) => `điểm năm ${s.year}, đơn vị ${this.code(s.unitId)}, tiêu chí ${s.code}`;
      for (const s of records as unknown as BlocData['scores']) {
        // A missing unit or year is told by the reference checks.
        if (!this.units.has(s.unitId) || !this.years.has(s.year)) continue;
        const max = this.criteriaMax.get(s.year)?.get(s.code);
        if (max === undefined) {
          add(`${where(s)}: bảng chấm điểm năm ${s.year} không có tiêu chí ${s.code}`);
          continue;
        }
        if (s.self !== null && s.self > max + 1e-9) add(`${where(s)}: điểm tự chấm ${s.self} vượt quá điểm tối đa ${max}`);
        if (s.verified !== null && s.verified > max + 1e-9) add(`${where(s)}: điểm thẩm định ${s.verified} vượt quá điểm tối đa ${max}`);
      }
    }
  }
}
