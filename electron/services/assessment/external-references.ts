/**
 * Formulas in a returned file that reach outside it: references to other workbooks (`[1]Sheet!A1`,
 * `'C:\x\[x.xlsx]Sheet'!A1`), network folders (`\\server\share`), web queries (WEBSERVICE), links
 * (HYPERLINK) and calls to other programs (DDE `cmd|'...'!A0`, RTD, CALL, REGISTER). The import
 * only uses the results cached in the file, so these are warnings naming the sheet and cell: the
 * numbers may be stale, and opening the file with links enabled may reach a server or run a program.
 */
import ExcelJS from 'exceljs';
import type { InspectProblem } from '../../../shared/domain/assessment-import';
import type { ExternalLink } from '../excel/sheet-xml';

export type ExternalKind = 'program' | 'webservice' | 'hyperlink' | 'workbook' | 'unc';

/** A string literal of a formula ("..." with "" inside), masked so that text in it is not taken for a reference. */
const STRING_LITERAL = /"(?:[^"]|"")*"/g;
const PROGRAM_CALL = /(?:^|[^\p{L}\p{N}_.])(?:RTD|CALL|REGISTER(?:\.ID)?)\s*\(/iu;
/** DDE: `cmd|' /C calc'!A0`, `=MSEXCEL|'\..\..\Windows\System32\cmd.exe'!''`. */
const DDE = /(?:^|[^\p{L}\p{N}_.'\]])[\p{L}\p{N}_.]+\|/u;
const WEBSERVICE = /(?:^|[^\p{L}\p{N}_])(?:_xlfn\.)?(?:WEBSERVICE|FILTERXML|IMAGE)\s*\(/iu;
const HYPERLINK = /(?:^|[^\p{L}\p{N}_.])HYPERLINK\s*\(/iu;
/** `'[x.xlsx]Sheet 1'!A1`, `'C:\dir\[x.xlsx]Sheet'!A1`. */
const QUOTED_WORKBOOK = /'(?:[^']|'')*\[[^\]']+\](?:[^']|'')*'!/;
/** `[1]Sheet1!A1`, `[x.xlsx]Sheet1!A1`, `[1]!Name`; not a table reference such as `Table1[Col]`. */
const BARE_WORKBOOK = /(?:^|[^\p{L}\p{N}_.[\]])\[[^\][]+\][\p{L}\p{N}_.]*!/u;
const UNC = /\\\\[^\\\s"'!]+\\/;

/** Why a formula reaches outside its file, or null. */
export function externalKind(formula: string): ExternalKind | null {
  const code = formula.replace(STRING_LITERAL, '""');
  if (PROGRAM_CALL.test(code) || DDE.test(code)) return 'program';
  if (WEBSERVICE.test(code)) return 'webservice';
  if (HYPERLINK.test(code)) return 'hyperlink';
  if (QUOTED_WORKBOOK.test(code) || BARE_WORKBOOK.test(code)) return 'workbook';
  if (UNC.test(formula)) return 'unc';
  return null;
}

const MAX_LISTED = 10;
const PASTE_VALUES = 'hãy đề nghị đơn vị thay công thức bằng giá trị (Sao chép, rồi Dán đặc biệt > Giá trị) và gửi lại.';

function shown(formula: string): string {
  const f = formula.replace(/\s+/g, ' ');
  return `=${f.length > 80 ? `${f.slice(0, 77)}...` : f}`;
}

function message(kind: ExternalKind, where: string, formula: string): string {
  const f = shown(formula);
  switch (kind) {
    case 'program':
      return `${where} có công thức gọi chương trình hoặc dịch vụ khác (${f}); đây có thể là mã độc. Không bật "Enable Content" hay "Cập nhật liên kết" khi mở tệp này; ${PASTE_VALUES}`;
    case 'webservice':
      return `${where} có công thức lấy dữ liệu từ Internet (${f}). Khối chỉ dùng kết quả đã lưu trong tệp; ${PASTE_VALUES}`;
    case 'hyperlink':
      return `${where} có công thức tạo liên kết (${f}). Không bấm vào liên kết lạ; ${PASTE_VALUES}`;
    case 'workbook':
      return `${where} có công thức lấy số liệu từ tệp khác (${f}). Khối chỉ dùng kết quả đã lưu trong tệp, số liệu có thể đã cũ; ${PASTE_VALUES}`;
    case 'unc':
      return `${where} có công thức trỏ tới thư mục dùng chung trên mạng (${f}). Khối chỉ dùng kết quả đã lưu trong tệp; ${PASTE_VALUES}`;
  }
}

/**
 * One warning per formula cell that reaches outside the file (the first ten, then a count), plus
 * one for links to other files that the workbook declares without a formula naming them.
 */
export function externalReferenceWarnings(
  workbook: ExcelJS.Workbook,
  skip: ReadonlySet<ExcelJS.Worksheet>,
  links: readonly ExternalLink[] = [],
): InspectProblem[] {
  const out: InspectProblem[] = [];
  let more = 0;
  const moreSheets = new Set<string>();
  let workbookRefs = 0;
  for (const ws of workbook.worksheets) {
    if (skip.has(ws)) continue;
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        const formula = cell.formula;
        if (!formula) return;
        const kind = externalKind(formula);
        if (!kind) return;
        if (kind === 'workbook') workbookRefs++;
        if (out.length >= MAX_LISTED) {
          more++;
          moreSheets.add(ws.name);
          return;
        }
        out.push({ kind: 'external-formula', sheet: ws.name, cell: cell.address, message: message(kind, `Ô ${cell.address} (trang '${ws.name}')`, formula) });
      });
    });
  }
  if (more > 0) {
    out.push({
      kind: 'external-formula',
      message: `Còn ${more} ô khác có công thức tham chiếu ra ngoài tệp (trang ${[...moreSheets].map((s) => `'${s}'`).join(', ')}); ${PASTE_VALUES}`,
    });
  }
  const listed = (list: readonly ExternalLink[]) => `${list.slice(0, 3).map((l) => `"${l.target}"`).join(', ')}${list.length > 3 ? ', ...' : ''}`;
  const files = links.filter((l) => l.kind === 'file');
  const programs = links.filter((l) => l.kind === 'program');
  if (programs.length > 0) {
    out.push({
      kind: 'external-link',
      message:
        `Tệp có liên kết gọi chương trình khác (${listed(programs)}); đây có thể là mã độc. Không bật "Enable Content" hay "Cập nhật liên kết" ` +
        'khi mở tệp này; hãy đề nghị đơn vị gửi lại tệp không có liên kết này.',
    });
  }
  // Formulas naming another workbook were listed above; a link without them is still worth saying.
  if (files.length > 0 && workbookRefs === 0) {
    out.push({
      kind: 'external-link',
      message: `Tệp có liên kết tới ${files.length} tệp khác (${listed(files)}). Không chọn "Cập nhật liên kết" khi mở tệp; Khối chỉ dùng số liệu đã lưu trong tệp.`,
    });
  }
  return out;
}
