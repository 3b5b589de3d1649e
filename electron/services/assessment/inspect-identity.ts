/**
 * Inspecting returned files, step 3: whose file it is. The identification (identity.ts) is looked
 * for in the hidden sheet, then the keywords property; without either, only an unambiguous visible
 * header identifies the unit (unit-identification.ts). Then the unit, the year and the scoring
 * table's version are checked against the file's name and the year being imported.
 */
import type ExcelJS from 'exceljs';
import type { InspectProblem } from '../../../shared/domain/assessment-import';
import { tableChecksum } from '../../../shared/domain/scoring-table';
import type { Unit } from '../../../shared/model/records';
import { plainText } from './cell-text';
import { ID_SHEET_NAME, TEMPLATE_FORMAT, identityFromKeywords, identityFromPairs, type TemplateIdentity } from './identity';
import type { InputLayout } from './inspect-layout';
import { fileNameHints, NO_VISIBLE_HEADER, readVisibleHeader, unitFromHiddenIdentity, unitFromVisibleHeader } from './unit-identification';
import type { YearContext } from './year-context';

function identityFromSheet(ws: ExcelJS.Worksheet): Partial<TemplateIdentity> | null {
  if (plainText(ws.getCell(1, 1)) !== 'format' || plainText(ws.getCell(1, 2)) !== TEMPLATE_FORMAT) return null;
  const pairs = new Map<string, string>();
  for (let r = 1; r <= Math.min(ws.rowCount, 50); r++) {
    const k = plainText(ws.getCell(r, 1));
    if (k) pairs.set(k, plainText(ws.getCell(r, 2)));
  }
  return identityFromPairs(pairs);
}

/** The hidden identification of a workbook (its sheet, else the keywords property) and the sheet holding it. */
export function readIdentity(wb: ExcelJS.Workbook): { identity: Partial<TemplateIdentity> | null; idSheet: ExcelJS.Worksheet | undefined } {
  const idSheet = wb.worksheets.find((ws) => ws.name === ID_SHEET_NAME) ?? wb.worksheets.find((ws) => identityFromSheet(ws));
  const identity = (idSheet ? identityFromSheet(idSheet) : null) ?? identityFromKeywords(wb.keywords);
  return { identity, idSheet };
}

export interface FileIdentity {
  unit: Unit | null;
  year: number | null;
  errors: InspectProblem[];
  warnings: InspectProblem[];
}

/** The unit and year of a file, with every problem of its identification and of its table version. */
export function identifyFile(
  ctx: YearContext,
  fileName: string,
  hidden: Partial<TemplateIdentity> | null,
  layout: InputLayout | null,
): FileIdentity {
  const errors: InspectProblem[] = [];
  const warnings: InspectProblem[] = [];

  // Unit, year, bloc: by the hidden identification, else by the visible header alone.
  const visible = layout
    ? readVisibleHeader(layout.sheet, layout.headerRow, [ctx.data.bloc.name, ctx.data.bloc.shortName, ctx.data.bloc.issuingBody])
    : NO_VISIBLE_HEADER;
  const found = hidden ? unitFromHiddenIdentity(ctx, fileName, hidden) : unitFromVisibleHeader(ctx, fileName, visible);
  errors.push(...found.errors);
  warnings.push(...found.warnings);
  const identity = hidden ?? { ...(visible.unitCode ? { unitCode: visible.unitCode } : {}), ...(visible.year !== null ? { year: visible.year } : {}) };
  const unit = found.unit;

  const hints = fileNameHints(fileName, ctx.data.units);
  if (unit && hints.units.length > 0 && !hints.units.some((u) => u.id === unit.id)) {
    errors.push({
      kind: 'name-unit-mismatch',
      message: `Tên tệp '${fileName}' chỉ đơn vị ${hints.units.map((u) => u.code).join(', ')} nhưng nội dung là phiếu của ${unit.name} (${unit.code}). Hãy kiểm tra đơn vị đã gửi nhầm mẫu hay đặt nhầm tên tệp.`,
    });
  }
  if (unit && !ctx.year.memberUnitIds.includes(unit.id) && ctx.year.memberUnitIds.length > 0) {
    warnings.push({ kind: 'not-member', message: `${unit.name} (${unit.code}) không có trong danh sách thành viên của khối năm ${ctx.year.year}.` });
  }
  const year = identity.year ?? hints.year ?? null;
  if (year !== null && year !== ctx.year.year) {
    errors.push({
      kind: 'other-year',
      message: `Tệp '${fileName}' là phiếu tự chấm năm ${year}, không phải năm ${ctx.year.year} đang nhập.`,
    });
  } else if (hints.year !== null && identity.year !== undefined && hints.year !== identity.year) {
    warnings.push({
      kind: 'name-year-mismatch',
      message: `Tên tệp '${fileName}' ghi năm ${hints.year} nhưng nội dung là phiếu năm ${identity.year}.`,
    });
  }

  // The scoring table's version: the same rows (checksum) are enough, another version is reported.
  const table = ctx.table;
  if (identity.tableVersion !== undefined && identity.tableChecksum !== undefined) {
    if (identity.tableChecksum !== tableChecksum(table)) {
      errors.push({
        kind: 'table-version',
        message:
          `Tệp '${fileName}' được lập theo bảng chấm điểm phiên bản ${identity.tableVersion}, khác với bảng đang áp dụng (phiên bản ${table.version}). ` +
          'Hãy gửi mẫu mới cho đơn vị điền lại, hoặc đối chiếu từng tiêu chí trước khi nhập.',
      });
    } else if (identity.tableVersion !== table.version) {
      warnings.push({
        kind: 'table-version',
        message: `Tệp '${fileName}' theo bảng chấm điểm phiên bản ${identity.tableVersion}; các tiêu chí giống phiên bản ${table.version} đang áp dụng nên vẫn nhập được.`,
      });
    }
  }
  return { unit: unit ?? null, year, errors, warnings };
}
