/**
 * Reads returned self-assessment workbooks and reports, per file, what was found (unit, year, the
 * score of every criterion with its sheet and cell) and every problem, in Vietnamese. Nothing is
 * written: the renderer shows the reports, the user confirms, and shared/domain/assessment-import.ts
 * plans the changes.
 *
 * One file goes through four steps, each in its own module:
 *  1. inspect-files.ts: reading the file (missing, too large, not a workbook → a refused report);
 *  2. inspect-layout.ts: where the score table is (found by its header's words);
 *  3. inspect-identity.ts: whose file it is (hidden identification, else the visible header) and
 *     whether its year and scoring-table version fit;
 *  4. inspect-scores.ts: the score of every criterion, its problems and its note.
 * Formulas reaching outside the file are flagged on the way (external-references.ts).
 */
import type { InspectProblem, InspectReport, InspectScore } from '../../../shared/domain/assessment-import';
import type { BlocData, Unit } from '../../../shared/model/records';
import { UserError } from '../../../shared/errors';
import { externalReferenceWarnings } from './external-references';
import { openWorkbook, refusedReport, sha256, type InspectInput, type OpenedWorkbook } from './inspect-files';
import { identifyFile, readIdentity } from './inspect-identity';
import { findInputLayout } from './inspect-layout';
import { readScores } from './inspect-scores';
import { yearContext, type YearContext } from './year-context';

export type { InspectProblem, InspectReport, InspectScore };
export { readWorkbookFiles, refusedFileReport, type InspectInput } from './inspect-files';

/** Inspects one workbook against the year's scoring table. Never throws for a bad file. */
export async function inspectWorkbook(ctx: YearContext, file: InspectInput): Promise<InspectReport> {
  const read = await openWorkbook(file);
  if ('refused' in read) return read.refused;
  try {
    return inspectOpened(ctx, file, read.opened);
  } catch (err) {
    // Defensive: an unexpected shape of a workbook must not crash the batch.
    return refusedReport(
      file,
      new UserError(
        'workbook-unreadable',
        `Tệp '${file.name}' có cấu trúc bất thường, không đọc được điểm (${err instanceof Error ? err.message.slice(0, 100) : 'lỗi'}). ` +
          'Hãy dùng mẫu do Khối gửi, điền lại rồi nhập lại.',
      ),
    );
  }
}

function inspectOpened(ctx: YearContext, file: InspectInput, { workbook, results, linkedFiles }: OpenedWorkbook): InspectReport {
  const { identity, idSheet } = readIdentity(workbook);
  const layout = findInputLayout(workbook, idSheet);
  const errors: InspectProblem[] = [];
  const warnings: InspectProblem[] = [];
  if (!layout) {
    errors.push({
      kind: 'no-score-table',
      message:
        `Không tìm thấy bảng điểm trong tệp '${file.name}': cần một dòng tiêu đề có cột "Mã" và cột "Điểm tự chấm". ` +
        'Hãy dùng mẫu phiếu tự chấm do Khối gửi.',
    });
  }
  warnings.push(...externalReferenceWarnings(workbook, new Set(idSheet ? [idSheet] : []), linkedFiles));
  const who = identifyFile(ctx, file.name, identity, layout);
  errors.push(...who.errors);
  warnings.push(...who.warnings);
  const read = layout ? readScores(ctx, layout, results) : { scores: [], errors: [], warnings: [] };
  errors.push(...read.errors);
  warnings.push(...read.warnings);
  return {
    file: file.name,
    ok: errors.length === 0,
    refused: false,
    unit: who.unit?.code ?? null,
    unitId: who.unit?.id ?? null,
    year: who.year,
    tableVersion: identity?.tableVersion ?? null,
    size: file.bytes.byteLength,
    sha256: sha256(file.bytes),
    scores: read.scores,
    errors,
    warnings,
  };
}

/** Marks files of the same unit in one batch: each of them gets an error naming the others. */
export function flagDuplicateUnits(reports: InspectReport[], units: readonly Unit[]): void {
  const byUnit = new Map<string, InspectReport[]>();
  for (const r of reports) {
    if (!r.unitId) continue;
    const list = byUnit.get(r.unitId) ?? [];
    list.push(r);
    byUnit.set(r.unitId, list);
  }
  for (const [unitId, list] of byUnit) {
    if (list.length < 2) continue;
    const unit = units.find((u) => u.id === unitId);
    for (const r of list) {
      const others = list.filter((o) => o !== r).map((o) => `'${o.file}'`);
      r.errors.push({
        kind: 'duplicate-unit',
        message: `Có ${list.length} tệp cho cùng đơn vị ${unit?.name ?? r.unit} (${r.unit}): '${r.file}' và ${others.join(', ')}. Hãy chỉ chọn một tệp cho mỗi đơn vị.`,
      });
      r.ok = false;
    }
  }
}

/** Inspects a batch of files for one year. */
export async function inspectFiles(data: BlocData, year: number, files: readonly InspectInput[]): Promise<InspectReport[]> {
  const ctx = yearContext(data, year);
  const reports: InspectReport[] = [];
  for (const f of files) reports.push(await inspectWorkbook(ctx, f));
  flagDuplicateUnits(reports, ctx.data.units);
  return reports;
}
