/**
 * What a service call about one year needs of a bloc, instead of the whole bloc: the bloc, its
 * units, the year's record, the scoring table(s) the call reads, that year's records of every
 * year-bound kind of the registry, the latest signature and stamp of each unit only when the call
 * prints them, and earlier years only when it compares years. The slice is still a BlocData that
 * passes the schema and the package's consistency checks, so the services read it unchanged.
 *
 * A call may name the year-bound kinds it reads (`records`); the others stay out.
 *
 * Why every unit stays: units are small, and the services need the non-members too (the year's
 * units fall back to the active units when the year lists none; a returned file of a unit that is
 * not a member this year is named as such, not as an unknown unit).
 */
import type { BlocData, ScoringTable } from '../model/records';
import { KINDS, recordsOf, type AnyRecord, type RecordKind } from '../model/registry';
import { findTable, tableInForce } from './scoring-table';
import { latestUnitImages } from './unit-images';
import type { TableChoice } from './year-table';

export interface SliceNeeds {
  /** The units' latest scanned signature and stamp (documents that print them). Default no. */
  images?: boolean;
  /** The records of the years before this one too (reports that compare years). Default no. */
  pastYears?: boolean;
  /** Which version(s) of the year's scoring table: default the one in force; 'all' every version. */
  table?: TableChoice | 'all';
  /**
   * The year-bound kinds the call reads (registry keys, e.g. 'scores'); default every one. The kinds
   * they refer to come too (scores bring the import batches their history names). Years and
   * scoring tables follow their own rules above.
   */
  records?: readonly string[];
}

/** Kinds whose records belong to one year: they point to a year by their `year` field. */
export function isYearBound(kind: Pick<RecordKind, 'refs'>): boolean {
  return kind.refs.some((r) => r.path === 'year' && r.to === 'years');
}

/** The kind a slice keeps only under `needs.images`. */
export const IMAGE_KIND = 'attachments';

/** The year-bound kinds the slice keeps: those named, the year-bound kinds they refer to and the scoring tables; null for every one. */
export function keptKinds(needs: SliceNeeds): Set<string> | null {
  if (!needs.records) return null;
  const kept = new Set([...needs.records, 'scoringTables']);
  for (let grew = true; grew; ) {
    grew = false;
    for (const k of KINDS) {
      if (!kept.has(k.key)) continue;
      for (const r of k.refs) {
        const target = KINDS.find((t) => t.key === r.to);
        if (target && isYearBound(target) && !kept.has(target.key)) {
          kept.add(target.key);
          grew = true;
        }
      }
    }
  }
  return kept;
}

/** Whether the slice keeps a record of `recordYear` for a call about `year`. */
export function inSlice(recordYear: unknown, year: number, needs: SliceNeeds): boolean {
  return recordYear === year || (!!needs.pastYears && typeof recordYear === 'number' && recordYear < year);
}

/** The tables kept: the chosen one of the year (all of them when it is missing, so the call's message names the versions there are), the one in force of each earlier year. */
function keptTables(tables: readonly ScoringTable[], year: number, needs: SliceNeeds): ScoringTable[] {
  const ofYear = tables.filter((t) => t.year === year);
  const choice = needs.table ?? 'in-force';
  let chosen: ScoringTable | null = null;
  if (choice !== 'all') chosen = choice === 'in-force' ? tableInForce(ofYear, year) : findTable(ofYear, year, choice === 'latest' ? undefined : choice.version);
  const kept: ScoringTable[] = choice === 'all' || !chosen ? ofYear : [chosen];
  if (!needs.pastYears) return kept;
  const past = [...new Set(tables.filter((t) => t.year < year).map((t) => t.year))].map((y) => tableInForce(tables, y)!);
  return [...past, ...kept];
}

/**
 * The slice of `data` a call about `year` needs. Scores whose criterion is in none of the kept
 * tables of their year are left out (no table the call reads scores them, and the package's checks
 * refuse a score without its criterion). When the bloc has no record of `year`, every year record
 * stays, so the call's "no such year" message lists the years there are.
 */
export function yearSlice(data: BlocData, year: number, needs: SliceNeeds = {}): BlocData {
  const hasYear = data.years.some((y) => y.year === year);
  const tables = keptTables(data.scoringTables, year, needs);
  const codes = new Map<number, Set<string>>();
  for (const t of tables) {
    const known = codes.get(t.year) ?? new Set<string>();
    for (const g of t.groups) for (const c of g.criteria) known.add(c.code);
    codes.set(t.year, known);
  }
  const images = needs.images ? new Set<unknown>(imageRecords(data.attachments)) : null;
  const kinds = keptKinds(needs);

  const out: Record<string, unknown> = { bloc: data.bloc };
  for (const k of KINDS) {
    const records = recordsOf(data, k.key);
    let kept: AnyRecord[];
    if (k.key === 'years') kept = hasYear ? records.filter((r) => inSlice(r.year, year, needs)) : records;
    else if (k.key === 'scoringTables') kept = tables as unknown as AnyRecord[];
    else if (k.key === IMAGE_KIND) kept = images ? records.filter((r) => images.has(r)) : [];
    else if (isYearBound(k)) kept = kinds && !kinds.has(k.key) ? [] : records.filter((r) => inSlice(r.year, year, needs));
    else kept = records;
    if (k.key === 'scores') kept = kept.filter((s) => codes.get(s.year as number)?.has(s.code as string) ?? false);
    out[k.key] = kept;
  }
  return out as BlocData;
}

/** The latest signature and stamp of each unit, in the bloc's order. */
function imageRecords<A extends BlocData['attachments'][number]>(attachments: readonly A[]): A[] {
  const latest = new Set<A>();
  for (const { signature, stamp } of latestUnitImages(attachments).values()) {
    if (signature) latest.add(signature);
    if (stamp) latest.add(stamp);
  }
  return attachments.filter((a) => latest.has(a));
}
