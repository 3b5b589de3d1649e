/**
 * One registry of record kinds. Each entry is everything the app needs to know about a kind:
 * its key (the BlocData field and the Dexie table), zod schema, Dexie indexes, the schema version
 * it appeared in, the references it holds and how its id is made when a package is added as a
 * separate bloc. From it follow BlocDataSchema and the package counts, the Dexie stores, reading
 * and writing a whole bloc, the id remapping and the reference checks on import.
 * How to add a kind: docs/DEVELOPING.md, "How to add a record kind".
 */
import { z } from 'zod';
import {
  AttachmentSchema,
  BlocSchema,
  ImportBatchSchema,
  PledgeSchema,
  ScoreSchema,
  ScoringTableSchema,
  UnitSchema,
  YearSchema,
  scoreId,
} from './records-base';
import { fastArray, fastImportBatch, fastScore } from './fast-records';
import {
  ConferenceSchema,
  DocumentDraftSchema,
  ExplanationSchema,
  RegisterEntrySchema,
  UnitReviewSchema,
  VoteRoundSchema,
  YearReviewSchema,
  unitReviewId,
  yearRecordId,
} from './records-yearend';

/** A record of any kind, as the generic code sees it. */
export type AnyRecord = { id: string; blocId: string } & Record<string, unknown>;

/** Values at `path` (shared/model/record-paths.ts) point to records of kind `to`. */
export interface RecordRef {
  path: string;
  /** The kind referred to; by its id, or by the field its `refKey` names (years by their year). */
  to: 'units' | 'years' | 'importBatches';
  /** Put before the record's description in messages: "danh sách thành viên" + " năm 2024". */
  label?: string;
  /** Each record at most once in the list. */
  unique?: boolean;
}

/** How a record's id is made on "add as a separate bloc": a new one, or derived from its fields. */
export type IdRule<R> = 'fresh' | { derive: (record: R) => string; from: string };

export interface RecordKind<K extends string = string, S extends z.ZodType<AnyRecord> = z.ZodType<AnyRecord>, V extends number = number> {
  key: K;
  /** Vietnamese name of the kind, in messages ("đơn vị"). */
  label: string;
  schema: S;
  /** Most records of the kind in one bloc (the package's bound). */
  max: number;
  /** The schema version the kind appeared in (shared/model/schema-changes.ts). */
  since: V;
  /** Dexie index declaration, primary key first. */
  indexes: string;
  /** The field other records use to point here. Default 'id'. */
  refKey?: 'id' | 'year';
  refs: readonly RecordRef[];
  id: IdRule<z.output<S>>;
  /** Fields saying when the record last changed (the bloc's "last changed" time). */
  stamps: readonly string[];
  /** Order of the records when a bloc is read. */
  sort?: (a: z.output<S>, b: z.output<S>) => number;
  /** The record in Vietnamese messages: "năm 2024", "đơn vị SYT". */
  describe: (record: z.output<S>) => string;
  /**
   * For the kinds a big bloc holds by the hundred thousand: the schema's output for a record, or
   * null when zod must decide (shared/model/fast-records.ts). Used by BlocDataSchema's array.
   */
  fastParse?: (record: unknown) => z.output<S> | null;
}

function kind<const K extends string, S extends z.ZodType<AnyRecord>, const V extends number>(def: RecordKind<K, S, V>): RecordKind<K, S, V> {
  return def;
}

/** The bloc itself: one record per bloc, the root every other record names by blocId. */
export const BLOC_KIND = { key: 'blocs', label: 'thông tin khối', schema: BlocSchema, since: 1, indexes: 'id, name' } as const;

const yearRef = { path: 'year', to: 'years' } as const;
const unitRef = { path: 'unitId', to: 'units' } as const;

export const RECORD_KINDS = [
  kind({
    key: 'units',
    label: 'đơn vị',
    schema: UnitSchema,
    max: 1000,
    since: 1,
    indexes: 'id, blocId, [blocId+code], [blocId+order]',
    refs: [],
    id: 'fresh',
    stamps: ['updatedAt'],
    sort: (a, b) => a.order - b.order,
    describe: (u) => `đơn vị ${u.code}`,
  }),
  kind({
    key: 'years',
    label: 'năm thi đua',
    schema: YearSchema,
    max: 200,
    since: 1,
    indexes: 'id, blocId, [blocId+year]',
    refKey: 'year',
    refs: [
      { path: 'memberUnitIds[]', to: 'units', label: 'danh sách thành viên', unique: true },
      { path: 'leaderUnitId', to: 'units', label: 'Khối trưởng' },
      { path: 'deputyUnitId', to: 'units', label: 'Khối phó' },
      { path: 'rules.leaderRotation.order[]', to: 'units', label: 'thứ tự luân phiên Khối trưởng', unique: true },
    ],
    id: 'fresh',
    stamps: ['updatedAt'],
    sort: (a, b) => a.year - b.year,
    describe: (y) => `năm ${y.year}`,
  }),
  kind({
    key: 'scoringTables',
    label: 'bảng chấm điểm',
    schema: ScoringTableSchema,
    max: 2000,
    since: 2,
    indexes: 'id, blocId, [blocId+year], [blocId+year+version]',
    refs: [yearRef],
    id: 'fresh',
    stamps: ['updatedAt'],
    describe: (t) => `bảng chấm điểm năm ${t.year} (phiên bản ${t.version})`,
  }),
  kind({
    key: 'pledges',
    label: 'giao ước',
    schema: PledgeSchema,
    max: 200,
    since: 2,
    indexes: 'id, blocId, [blocId+year]',
    refs: [yearRef, { path: 'unitIds[]', to: 'units', unique: true }],
    id: 'fresh',
    stamps: ['updatedAt'],
    describe: (p) => `giao ước năm ${p.year}`,
  }),
  kind({
    key: 'attachments',
    label: 'tệp đính kèm',
    schema: AttachmentSchema,
    max: 2000,
    since: 2,
    indexes: 'id, blocId, unitId',
    refs: [unitRef],
    id: 'fresh',
    stamps: ['createdAt'],
    describe: (a) => `tệp đính kèm "${a.id}"`,
  }),
  kind({
    key: 'scores',
    label: 'điểm chấm',
    schema: ScoreSchema,
    max: 500000,
    since: 3,
    // The store of versions 3–4; since version 5 this PC keeps scores in score sheets (shared/model/score-sheets.ts).
    indexes: 'id, blocId, [blocId+year], [blocId+year+unitId]',
    refs: [yearRef, unitRef, { path: 'history[].batchId', to: 'importBatches', label: 'lịch sử của' }],
    id: { derive: (s) => scoreId(s.year, s.unitId, s.code), from: 'năm, đơn vị và tiêu chí' },
    stamps: ['updatedAt'],
    describe: (s) => `điểm năm ${s.year}, tiêu chí ${s.code}`,
    fastParse: fastScore,
  }),
  kind({
    key: 'importBatches',
    label: 'lần nhập điểm',
    schema: ImportBatchSchema,
    max: 5000,
    since: 3,
    indexes: 'id, blocId, [blocId+year]',
    refs: [
      yearRef,
      { path: 'files[].unitId', to: 'units', label: 'tệp của' },
      { path: 'changes[].unitId', to: 'units', label: 'thay đổi của' },
    ],
    id: 'fresh',
    stamps: ['createdAt', 'undoneAt'],
    describe: (b) => `lần nhập điểm năm ${b.year}`,
    fastParse: fastImportBatch,
  }),
  // ---- Schema 4: the year-end work ----
  kind({
    key: 'unitReviews',
    label: 'thẩm định đơn vị',
    schema: UnitReviewSchema,
    max: 50000,
    since: 4,
    indexes: 'id, blocId, [blocId+year]',
    refs: [yearRef, unitRef],
    id: { derive: (r) => unitReviewId(r.year, r.unitId), from: 'năm và đơn vị' },
    stamps: ['updatedAt'],
    describe: (r) => `thẩm định năm ${r.year}`,
  }),
  kind({
    key: 'explanations',
    label: 'giải trình',
    schema: ExplanationSchema,
    max: 50000,
    since: 4,
    indexes: 'id, blocId, [blocId+year], [blocId+year+unitId]',
    refs: [yearRef, unitRef],
    id: 'fresh',
    stamps: ['updatedAt'],
    describe: (e) => `giải trình năm ${e.year}, tiêu chí ${e.code}`,
  }),
  kind({
    key: 'yearReviews',
    label: 'kết quả xếp hạng năm',
    schema: YearReviewSchema,
    max: 200,
    since: 4,
    indexes: 'id, blocId',
    refs: [
      yearRef,
      { path: 'chairDecisions[].unitIds[]', to: 'units', label: 'quyết định của chủ trì trong' },
      { path: 'chairDecisions[].order[]', to: 'units', label: 'thứ tự do chủ trì quyết định trong' },
    ],
    id: { derive: (r) => yearRecordId(r.blocId, r.year), from: 'khối và năm' },
    stamps: ['updatedAt'],
    describe: (r) => `xếp hạng năm ${r.year}`,
  }),
  kind({
    key: 'conferences',
    label: 'hội nghị tổng kết',
    schema: ConferenceSchema,
    max: 200,
    since: 4,
    indexes: 'id, blocId',
    refs: [
      yearRef,
      { path: 'expectedUnitIds[]', to: 'units', label: 'đơn vị được mời dự', unique: true },
      { path: 'presentUnitIds[]', to: 'units', label: 'đơn vị có mặt tại', unique: true },
      { path: 'committee[].unitId', to: 'units', label: 'ban kiểm phiếu của' },
    ],
    id: { derive: (c) => yearRecordId(c.blocId, c.year), from: 'khối và năm' },
    stamps: ['updatedAt'],
    describe: (c) => `hội nghị năm ${c.year}`,
  }),
  kind({
    key: 'voteRounds',
    label: 'vòng bỏ phiếu',
    schema: VoteRoundSchema,
    max: 5000,
    since: 4,
    indexes: 'id, blocId, [blocId+year], [blocId+year+sectionId]',
    refs: [
      yearRef,
      { path: 'candidates[]', to: 'units', label: 'danh sách bầu của', unique: true },
      { path: 'votes{key}', to: 'units', label: 'số phiếu của' },
      { path: 'ballots[].marks{}[]', to: 'units', label: 'phiếu bầu của' },
      { path: 'ballots[].marks{}{key}', to: 'units', label: 'phiếu bầu của' },
      { path: 'secondEntry[].marks{}[]', to: 'units', label: 'phiếu nhập lần hai của' },
      { path: 'secondEntry[].marks{}{key}', to: 'units', label: 'phiếu nhập lần hai của' },
      { path: 'decision.winners[]', to: 'units', label: 'quyết định của chủ trì trong', unique: true },
      { path: 'overrides[].unitId', to: 'units', label: 'kết quả sửa tay của' },
    ],
    id: 'fresh',
    stamps: ['updatedAt'],
    describe: (r) => `vòng ${r.round} mục "${r.sectionId}" năm ${r.year}`,
  }),
  kind({
    key: 'documentDrafts',
    label: 'bản thảo văn bản',
    schema: DocumentDraftSchema,
    max: 5000,
    since: 4,
    indexes: 'id, blocId, [blocId+year], [blocId+year+kind]',
    refs: [yearRef],
    id: 'fresh',
    stamps: ['updatedAt'],
    describe: (d) => `bản thảo "${d.kind}" năm ${d.year}`,
  }),
  kind({
    key: 'registerEntries',
    label: 'sổ văn bản đi',
    schema: RegisterEntrySchema,
    max: 20000,
    since: 4,
    indexes: 'id, blocId, [blocId+year], [blocId+year+kind]',
    refs: [yearRef],
    id: 'fresh',
    stamps: ['createdAt', 'voidedAt'],
    describe: (e) => `văn bản số ${e.number}/${e.symbol} năm ${e.year}`,
  }),
] as const;

type Kinds = (typeof RECORD_KINDS)[number];
export type RecordKey = Kinds['key'];
export type KindOf<K extends RecordKey> = Extract<Kinds, { key: K }>;
export type RecordOf<K extends RecordKey> = z.output<KindOf<K>['schema']>;

/** The registry as generic code walks it (record types erased). */
export const KINDS: readonly RecordKind[] = RECORD_KINDS as unknown as readonly RecordKind[];
export const RECORD_KEYS: readonly RecordKey[] = RECORD_KINDS.map((k) => k.key);

export function kindOf(key: string): RecordKind | undefined {
  return KINDS.find((k) => k.key === key);
}

/** Kinds of the first version are required in a package; later ones default to none (older packages). */
type PackageField<E extends Kinds> = E['since'] extends 1 ? z.ZodArray<E['schema']> : z.ZodDefault<z.ZodArray<E['schema']>>;
type BlocDataShape = { bloc: typeof BlocSchema } & { [E in Kinds as E['key']]: PackageField<E> };

/**
 * The array's parse tries the kind's fast path first (every record, no issue possible) and falls
 * back to zod's own parse for the whole array as soon as one record needs it, so every refusal is
 * zod's. zod still runs the array's checks (the `max`) after either parse.
 */
function withFastPath<A extends z.ZodArray<z.ZodType>>(list: A, fast: ((r: unknown) => unknown) | undefined): A {
  if (!fast) return list;
  const zodParse = list._zod.parse;
  list._zod.parse = (payload, ctx) => {
    const out = fastArray(payload.value, fast);
    if (out === null) return zodParse(payload, ctx);
    payload.value = out;
    return payload;
  };
  return list;
}

function blocDataShape(): BlocDataShape {
  const shape: Record<string, z.ZodType> = { bloc: BlocSchema };
  for (const k of KINDS) {
    const list = withFastPath(z.array(k.schema).max(k.max), k.fastParse);
    shape[k.key] = k.since === 1 ? list : list.default([]);
  }
  return shape as unknown as BlocDataShape;
}

/** Everything of one bloc: what the handover package carries. */
export const BlocDataSchema = z.object(blocDataShape());
export type BlocData = z.infer<typeof BlocDataSchema>;
/** Input shape (defaults optional), e.g. for fixtures and older packages. */
export type BlocDataInput = z.input<typeof BlocDataSchema>;

/** How many records of each kind a bloc holds (the package manifest's counts). */
export type RecordCounts = { [K in RecordKey]: number };

export function countsOf(data: BlocData): RecordCounts {
  const out: Record<string, number> = {};
  for (const k of KINDS) out[k.key] = recordsOf(data, k.key).length;
  return out as RecordCounts;
}

/** The records of one kind in a bloc, typed loosely for generic code. */
export function recordsOf(data: BlocData, key: string): AnyRecord[] {
  return ((data as unknown as Record<string, AnyRecord[] | undefined>)[key] ?? []) as AnyRecord[];
}

/** Every kind with no records: the start of a BlocData literal, so a new kind needs no edit there. */
export function noRecords(): { [K in RecordKey]: RecordOf<K>[] } {
  return Object.fromEntries(KINDS.map((k) => [k.key, []])) as unknown as { [K in RecordKey]: RecordOf<K>[] };
}
