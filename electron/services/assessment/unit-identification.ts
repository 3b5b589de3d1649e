/**
 * Which unit (and bloc) a returned file belongs to.
 *
 * With the hidden identification (identity.ts) the bloc id and unit id decide. Without it (a unit
 * deleted the hidden sheet and the keywords, or copied its scores into another file) the file
 * must not pass silently as this bloc's: the visible header decides, and only when it is
 * unambiguous. A bloc title naming another bloc is refused; the unit code and name written in the
 * header must point to exactly one unit of this bloc. The file name alone is not enough (anyone
 * can rename a file): such a file is refused with a message saying how to make it importable.
 */
import type ExcelJS from 'exceljs';
import type { InspectProblem } from '../../../shared/domain/assessment-import';
import type { Unit } from '../../../shared/model/records';
import { asciiFileToken } from '../../../shared/text/file-names';
import { fold, stripDiacritics } from '../../../shared/text/vietnamese';
import { plainText } from './cell-text';
import { templateFileNames, type TemplateIdentity } from './identity';
import type { YearContext } from './year-context';

/** What the visible header above the score table says. */
export interface VisibleHeader {
  /** A line naming a bloc ("KHỐI …", "CỤM …"), unless it is this bloc's. */
  otherBlocTitle: string | null;
  /** True when a header line is this bloc's name. */
  thisBloc: boolean;
  unitName: string | null;
  unitCode: string | null;
  year: number | null;
}

export const NO_VISIBLE_HEADER: VisibleHeader = { otherBlocTitle: null, thisBloc: false, unitName: null, unitCode: null, year: null };

const UNIT_CODE = /M[aã]\s+[đd][ơo]n\s+v[ịi]\s*:\s*([\p{L}\p{N}_.-]+)/iu;
const UNIT_NAME = /^[đd][ơo]n\s+v[ịi]\s*:\s*(.+)$/iu;
const YEAR = /N[ĂA]M\s+(20\d\d)\b/iu;
const BLOC_TITLE = /^(khoi|cum)( |$)/;

/** Reads the header lines above row `headerRow` of the score sheet (the first ten columns). */
export function readVisibleHeader(ws: ExcelJS.Worksheet, headerRow: number, blocNames: readonly string[]): VisibleHeader {
  const ours = new Set(blocNames.filter((s) => s.trim()).map(fold));
  const out: VisibleHeader = { ...NO_VISIBLE_HEADER };
  for (let r = 1; r < headerRow; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= Math.min(row.cellCount, 10); c++) {
      const cell = row.getCell(c);
      if (cell.isMerged && cell.master !== cell) continue;
      const t = plainText(cell);
      if (!t) continue;
      const folded = fold(t);
      if (ours.has(folded)) out.thisBloc = true;
      else if (BLOC_TITLE.test(folded)) out.otherBlocTitle ??= t;
      const code = UNIT_CODE.exec(t);
      if (code) out.unitCode ??= code[1]!;
      else {
        const name = UNIT_NAME.exec(t);
        if (name) out.unitName ??= name[1]!.trim();
      }
      const year = YEAR.exec(t);
      if (year) out.year ??= Number(year[1]);
    }
  }
  return out;
}

/** Units whose code (as written or folded to an ASCII file-name token) stands alone in the file name. */
export function fileNameHints(fileName: string, units: readonly Unit[]): { units: Unit[]; year: number | null } {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const ascii = stripDiacritics(base).toUpperCase();
  const found = units.filter((u) => {
    const token = asciiFileToken(u.code).toUpperCase();
    if (!token) return false;
    const escaped = token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?:^|[^A-Z0-9])${escaped}(?:[^A-Z0-9]|$)`).test(ascii);
  });
  const year = /(?:^|[^0-9])(20\d\d)(?![0-9])/.exec(base);
  return { units: found, year: year ? Number(year[1]) : null };
}

export interface UnitIdentification {
  unit: Unit | undefined;
  errors: InspectProblem[];
  warnings: InspectProblem[];
}

const sameCode = (a: string, b: string) => a.normalize('NFC').toUpperCase() === b.normalize('NFC').toUpperCase();

/** The unit of a file that carries the hidden identification. */
export function unitFromHiddenIdentity(ctx: YearContext, fileName: string, identity: Partial<TemplateIdentity>): UnitIdentification {
  const errors: InspectProblem[] = [];
  const units = ctx.data.units;
  const unit =
    (identity.unitId ? units.find((u) => u.id === identity.unitId) : undefined) ??
    (identity.unitCode ? units.find((u) => sameCode(u.code, identity.unitCode!)) : undefined);
  const blocMismatch = identity.blocId !== undefined && identity.blocId !== ctx.data.bloc.id;
  if (blocMismatch) {
    errors.push({
      kind: 'other-bloc',
      message: `Tệp '${fileName}' là mẫu của khối khác ("${identity.blocName ?? identity.blocId}"), không phải của ${ctx.data.bloc.name}.`,
    });
  } else if (!unit) {
    errors.push({
      kind: 'unknown-unit',
      message:
        identity.unitId || identity.unitCode
          ? `Tệp '${fileName}' ghi đơn vị "${identity.unitName ?? identity.unitCode ?? identity.unitId}" (mã ${identity.unitCode ?? '?'}) không có trong danh sách đơn vị của khối.`
          : `Thông tin nhận dạng của tệp '${fileName}' không ghi đơn vị nào. Hãy yêu cầu đơn vị điền vào mẫu do Khối gửi rồi nhập lại.`,
    });
  }
  return { unit: blocMismatch ? undefined : unit, errors, warnings: [] };
}

/**
 * The unit of a file without the hidden identification, from its visible header: refused when the
 * header names another bloc, names no unit, or names units that are not exactly one of this bloc.
 */
export function unitFromVisibleHeader(ctx: YearContext, fileName: string, visible: VisibleHeader): UnitIdentification {
  const bloc = ctx.data.bloc;
  const noId = `Tệp '${fileName}' không có thông tin nhận dạng của mẫu (trang ẩn và thuộc tính nhận dạng đã bị xóa hoặc tệp được chép sang tệp khác)`;
  const example = (ctx.units[0] && templateFileNames(ctx.data.units, ctx.year.year).get(ctx.units[0].id)) ?? `TuCham_${ctx.year.year}_SYT.xlsx`;
  const refuse = (kind: string, message: string): UnitIdentification => ({ unit: undefined, errors: [{ kind, message }], warnings: [] });

  if (visible.otherBlocTitle && !visible.thisBloc) {
    return refuse(
      'other-bloc',
      `${noId} và tiêu đề ghi "${visible.otherBlocTitle}", không phải ${bloc.name}. Có thể đây là mẫu của khối khác: ` +
        'hãy gửi lại mẫu phiếu tự chấm của Khối cho đơn vị điền rồi nhập lại.',
    );
  }
  if (!visible.unitCode && !visible.unitName) {
    return refuse(
      'unidentified',
      `${noId} và phần tiêu đề không ghi đơn vị nào, nên không biết là phiếu của đơn vị nào. Hãy yêu cầu đơn vị điền vào mẫu do Khối gửi ` +
        `(ví dụ ${example}), hoặc ghi dòng "Mã đơn vị: <mã>" vào phần tiêu đề phía trên bảng điểm rồi nhập lại.`,
    );
  }
  const units = ctx.data.units;
  const byCode = visible.unitCode ? units.filter((u) => sameCode(u.code, visible.unitCode!)) : [];
  const byName = visible.unitName ? units.filter((u) => fold(u.name) === fold(visible.unitName!)) : [];
  const candidates = [...new Map([...byCode, ...byName].map((u) => [u.id, u])).values()];
  const written = [visible.unitName ? `"${visible.unitName}"` : null, visible.unitCode ? `mã ${visible.unitCode}` : null].filter(Boolean).join(', ');
  if (candidates.length === 0) {
    return refuse(
      'unknown-unit',
      `${noId}, và đơn vị ghi ở tiêu đề (${written}) không phải đơn vị nào của ${bloc.name}. Có thể đây là phiếu của khối khác: ` +
        'hãy kiểm tra lại tệp, hoặc gửi lại mẫu phiếu tự chấm của Khối cho đơn vị điền.',
    );
  }
  if (candidates.length > 1) {
    return refuse(
      'unit-mismatch',
      `${noId}, và tiêu đề ghi ${written}, ứng với nhiều đơn vị khác nhau (${candidates.map((u) => `${u.name} (${u.code})`).join('; ')}). ` +
        'Hãy sửa dòng "Đơn vị:" hoặc "Mã đơn vị:" ở tiêu đề cho đúng một đơn vị rồi nhập lại.',
    );
  }
  const unit = candidates[0]!;
  return {
    unit,
    errors: [],
    warnings: [
      {
        kind: 'no-identity',
        message: `${noId}; đã xác định là phiếu của ${unit.name} (${unit.code}) theo ${written} ở tiêu đề. Hãy kiểm tra lại trước khi nhập.`,
      },
    ],
  };
}
