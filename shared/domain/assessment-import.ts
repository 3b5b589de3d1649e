/**
 * Self-assessment import (pure): the reports main produces for returned files, and the plan of
 * what a confirmed import writes (changed Score records with their history, one ImportBatch) and
 * what its undo restores. The renderer writes a plan in ONE Dexie transaction.
 */
import { UserError } from '../errors';
import { scoreId, type ImportBatch, type Score, type ScoreChange } from '../model/records';

// ---------------------------------------------------------------- what inspect reports

export interface InspectProblem {
  /** Machine-readable kind ('above-max', 'blank', 'workbook-legacy-xls', ...). */
  kind: string;
  /** Vietnamese, says what and where. */
  message: string;
  /** Criterion code, when the problem is about one criterion. */
  code?: string;
  sheet?: string;
  cell?: string;
}

export interface InspectScore {
  code: string;
  /** The parsed value; null when blank, not a number or the row is missing. */
  value: number | null;
  max: number;
  sheet: string;
  /** Input cell ("E9"); null when the criterion's row was not found. */
  cell: string | null;
  /** Note/evidence, NFC Unicode (legacy encodings converted). */
  note: string;
  /** False when the file has no row for this criterion: the import leaves it untouched. */
  found: boolean;
  /** The text as typed, when the value was parsed from text ("8,5"). */
  raw?: string;
  /** The formula, when the value is a formula's cached result. */
  formula?: string;
}

export interface InspectReport {
  file: string;
  /** True when the file has no errors and can be imported. */
  ok: boolean;
  /** True when the file is not a usable workbook at all (then `scores` is empty). */
  refused: boolean;
  /** Unit code. */
  unit: string | null;
  unitId: string | null;
  year: number | null;
  tableVersion: number | null;
  size: number;
  sha256: string;
  scores: InspectScore[];
  errors: InspectProblem[];
  warnings: InspectProblem[];
}

// ---------------------------------------------------------------- planning an import

export interface ImportChange {
  file: string;
  unitId: string;
  unitCode: string;
  code: string;
  field: 'self' | 'note';
  old: number | string | null;
  new: number | string | null;
}

export interface ImportPlanInput {
  blocId: string;
  year: number;
  /** The reports the user accepted. Every one must be ok. */
  reports: readonly InspectReport[];
  /** Stored scores of the year (others are ignored). */
  existing: readonly Score[];
  batchId: string;
  /** ISO time of the commit. */
  now: string;
  /** Who commits (shown in the history). */
  by: string;
}

export interface ImportPlan {
  batch: ImportBatch;
  /** Score records to put (created or updated); untouched scores are not listed. */
  scores: Score[];
  changes: ImportChange[];
  /** Per file: how many values change. A re-imported identical file shows 0. */
  perFile: { file: string; unitId: string; unitCode: string; changes: number }[];
}

const MAX_HISTORY = 1000;


function appendHistory(history: readonly ScoreChange[], entries: ScoreChange[]): ScoreChange[] {
  const all = [...history, ...entries];
  return all.length > MAX_HISTORY ? all.slice(all.length - MAX_HISTORY) : all;
}

function sameValue(a: number | string | null, b: number | string | null): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-9);
}

/** Computes what committing the accepted reports changes. Pure; throws UserError for a report that is not importable. */
export function planImport(input: ImportPlanInput): ImportPlan {
  const existingById = new Map<string, Score>();
  for (const s of input.existing) {
    if (s.blocId === input.blocId && s.year === input.year) existingById.set(s.id, s);
  }
  const seenUnits = new Set<string>();
  const changes: ImportChange[] = [];
  const updated = new Map<string, Score>();
  const perFile: ImportPlan['perFile'] = [];
  const files: ImportBatch['files'] = [];

  for (const report of input.reports) {
    if (!report.ok || !report.unitId || !report.unit) {
      throw new UserError('import-not-ok', `Tệp '${report.file}' còn lỗi, không nhập được. Hãy bỏ chọn tệp này hoặc sửa lỗi rồi kiểm tra lại.`);
    }
    if (report.year !== null && report.year !== input.year) {
      throw new UserError('import-other-year', `Tệp '${report.file}' là phiếu năm ${report.year}, không phải năm ${input.year}.`);
    }
    if (seenUnits.has(report.unitId)) {
      throw new UserError('import-duplicate-unit', `Có hơn một tệp được chọn cho đơn vị ${report.unit}. Hãy chỉ chọn một tệp cho mỗi đơn vị.`);
    }
    seenUnits.add(report.unitId);
    files.push({ name: report.file, sha256: report.sha256, unitId: report.unitId, receivedAt: input.now });
    let fileChanges = 0;
    for (const s of report.scores) {
      if (!s.found) continue;
      const id = scoreId(input.year, report.unitId, s.code);
      const before = updated.get(id) ?? existingById.get(id);
      const oldSelf = before?.self ?? null;
      const oldNote = before?.note ?? '';
      const newNote = s.note;
      const entries: ScoreChange[] = [];
      const reason = `Nhập từ tệp ${report.file}`;
      if (!sameValue(oldSelf, s.value)) {
        entries.push({ at: input.now, by: input.by, field: 'self', old: oldSelf, new: s.value, reason, batchId: input.batchId });
        changes.push({ file: report.file, unitId: report.unitId, unitCode: report.unit, code: s.code, field: 'self', old: oldSelf, new: s.value });
      }
      if (oldNote !== newNote) {
        entries.push({ at: input.now, by: input.by, field: 'note', old: oldNote, new: newNote, reason, batchId: input.batchId });
        changes.push({ file: report.file, unitId: report.unitId, unitCode: report.unit, code: s.code, field: 'note', old: oldNote, new: newNote });
      }
      if (entries.length === 0) continue;
      fileChanges += entries.length;
      const base: Score = before ?? {
        id,
        blocId: input.blocId,
        year: input.year,
        unitId: report.unitId,
        code: s.code,
        self: null,
        verified: null,
        note: '',
        history: [],
        updatedAt: input.now,
      };
      updated.set(id, {
        ...base,
        self: s.value,
        note: newNote,
        history: appendHistory(base.history, entries),
        updatedAt: input.now,
      });
    }
    perFile.push({ file: report.file, unitId: report.unitId, unitCode: report.unit, changes: fileChanges });
  }

  const batch: ImportBatch = {
    id: input.batchId,
    blocId: input.blocId,
    year: input.year,
    createdAt: input.now,
    files,
    changes: changes.map(({ unitId, code, field, old, new: value }) => ({ unitId, code, field, old, new: value })),
    undoneAt: null,
  };
  return { batch, scores: [...updated.values()], changes, perFile };
}

// ---------------------------------------------------------------- undo

export interface UndoConflict {
  unitId: string;
  code: string;
  field: 'self' | 'note';
  /** What the batch wrote. */
  imported: number | string | null;
  /** What is stored now (changed since the import). */
  current: number | string | null;
}

export interface UndoPlan {
  batch: ImportBatch;
  scores: Score[];
  /** Values edited after the import: left as they are. */
  conflicts: UndoConflict[];
  restored: number;
}

export function planUndo(input: {
  batch: ImportBatch;
  existing: readonly Score[];
  now: string;
  by: string;
}): UndoPlan {
  const { batch } = input;
  if (batch.undoneAt) {
    throw new UserError('batch-already-undone', 'Lần nhập này đã được hoàn tác trước đó.');
  }
  const byId = new Map(input.existing.map((s) => [s.id, s]));
  const updated = new Map<string, Score>();
  const conflicts: UndoConflict[] = [];
  let restored = 0;
  const fileOf = new Map(batch.files.map((f) => [f.unitId, f.name]));
  // Later changes of the same value first, so a value changed twice in one batch returns to the first old value.
  for (let i = batch.changes.length - 1; i >= 0; i--) {
    const change = batch.changes[i]!;
    const id = scoreId(batch.year, change.unitId, change.code);
    const current = updated.get(id) ?? byId.get(id);
    if (!current) {
      conflicts.push({ unitId: change.unitId, code: change.code, field: change.field, imported: change.new, current: null });
      continue;
    }
    const now = change.field === 'self' ? current.self : current.note;
    if (!sameValue(now, change.new)) {
      conflicts.push({ unitId: change.unitId, code: change.code, field: change.field, imported: change.new, current: now });
      continue;
    }
    const entry: ScoreChange = {
      at: input.now,
      by: input.by,
      field: change.field,
      old: now,
      new: change.old,
      reason: `Hoàn tác lần nhập tệp ${fileOf.get(change.unitId) ?? ''}`.trim(),
      batchId: batch.id,
    };
    const next: Score =
      change.field === 'self'
        ? { ...current, self: typeof change.old === 'number' ? change.old : null }
        : { ...current, note: typeof change.old === 'string' ? change.old : '' };
    updated.set(id, { ...next, history: appendHistory(current.history, [entry]), updatedAt: input.now });
    restored++;
  }
  return { batch: { ...batch, undoneAt: input.now }, scores: [...updated.values()], conflicts, restored };
}

// ---------------------------------------------------------------- applying a plan to a bloc's data

/**
 * The bloc's data with a committed import: the plan's scores put by id (created or replaced) and its
 * batch added. What the renderer's Dexie transaction writes, for code that holds the data in memory (CLI).
 */
export function applyImportPlan<T extends { scores: Score[]; importBatches: ImportBatch[] }>(data: T, plan: Pick<ImportPlan, 'scores' | 'batch'>): T {
  const put = new Map(plan.scores.map((s) => [s.id, s]));
  const scores = data.scores.map((s) => put.get(s.id) ?? s);
  const known = new Set(data.scores.map((s) => s.id));
  for (const s of plan.scores) if (!known.has(s.id)) scores.push(s);
  return { ...data, scores, importBatches: [...data.importBatches, plan.batch] };
}
