/**
 * Opens a workbook a user handed us (a unit's returned self-assessment, an imported scoring table)
 * without trusting it. Before exceljs sees a byte we:
 *  1. sniff what the file really is (empty, OLE2 = legacy .xls or password-protected workbook,
 *     text/CSV/HTML renamed to .xlsx, PDF, OpenDocument, Word, ...);
 *  2. read the zip's central directory, check it against the local headers and bound the entry
 *     count, the declared sizes and the compression ratio (zip bombs) before inflating anything;
 *  3. inflate every entry with a hard output limit (Node's zlib `maxOutputLength`), so a header
 *     that lies about its size cannot make us allocate more than the limit (2 and 3: zip/zip-guard.ts);
 *  4. refuse DOCTYPE/ENTITY declarations in any XML part and sheets with too many rows;
 *  5. hand exceljs a clean stored zip rebuilt from exactly the bytes we checked, and turn its
 *     crashes on broken XML into a UserError.
 * Every refusal is a UserError with a Vietnamese message saying what the file is and what to do.
 */
import ExcelJS from 'exceljs';
import { zipSync, type Zippable } from 'fflate';
import { UserError } from '../../../shared/errors';
import { sheetNamesByPart } from './sheet-xml';
import { checkDeclaredSizes, inflateZipEntry, megabytes as mb, readZipDirectory, type ZipPolicy, type ZipProblem, type ZipRefuse } from '../zip/zip-guard';

export interface WorkbookLimits {
  /** Size of the file itself. */
  maxFileBytes: number;
  /** Number of entries in the zip. */
  maxEntries: number;
  /** Sum of the uncompressed sizes of all entries. */
  maxTotalUncompressedBytes: number;
  /** Uncompressed size of a single entry. */
  maxEntryUncompressedBytes: number;
  /** Uncompressed/compressed ratio above which a large entry is treated as a zip bomb. */
  maxCompressionRatio: number;
  /** Entries smaller than this are never judged by their ratio (tiny XML compresses very well). */
  ratioCheckMinBytes: number;
  /** Rows in one worksheet. */
  maxSheetRows: number;
}

export const DEFAULT_WORKBOOK_LIMITS: WorkbookLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxEntries: 1000,
  maxTotalUncompressedBytes: 150 * 1024 * 1024,
  maxEntryUncompressedBytes: 100 * 1024 * 1024,
  maxCompressionRatio: 150,
  ratioCheckMinBytes: 1024 * 1024,
  maxSheetRows: 20_000,
};

/** Error codes of every refusal (UserError.code). */
export type WorkbookRefusal =
  | 'workbook-empty'
  | 'workbook-too-large'
  | 'workbook-legacy-xls'
  | 'workbook-encrypted'
  | 'workbook-ole-other'
  | 'workbook-ods'
  | 'workbook-opendocument'
  | 'workbook-word'
  | 'workbook-powerpoint'
  | 'workbook-xlsb'
  | 'workbook-csv'
  | 'workbook-html'
  | 'workbook-xml2003'
  | 'workbook-pdf'
  | 'workbook-not-excel'
  | 'workbook-truncated'
  | 'workbook-corrupt'
  | 'workbook-no-workbook'
  | 'workbook-zip-bomb'
  | 'workbook-too-many-rows'
  | 'workbook-xml-entity'
  | 'workbook-unreadable'
  | 'workbook-no-sheets';

function refuse(code: WorkbookRefusal, message: string, details?: string[]): never {
  throw new UserError(code, message, details);
}

const ASK_AGAIN = 'Hãy yêu cầu đơn vị gửi lại tệp .xlsx điền trên mẫu do Khối gửi.';
const RESAVE = 'Hãy mở bằng Excel (hoặc LibreOffice) và lưu lại dưới dạng Sổ làm việc Excel (.xlsx) rồi nhập lại.';

// ---------------------------------------------------------------- sniffing non-zip files

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  if (bytes.length < sig.length) return false;
  return sig.every((b, i) => bytes[i] === b);
}

/** True when `needle` (ASCII) occurs in `bytes` as UTF-16LE, as OLE2 directory entry names do. */
function containsUtf16Le(bytes: Uint8Array, needle: string): boolean {
  const pattern = Buffer.from(needle, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(pattern) >= 0;
}

function sniffOle2(bytes: Uint8Array, fileName: string): never {
  if (containsUtf16Le(bytes, 'EncryptionInfo') || containsUtf16Le(bytes, 'EncryptedPackage')) {
    refuse(
      'workbook-encrypted',
      `Tệp '${fileName}' được đặt mật khẩu mở tệp nên không đọc được. Hãy mở bằng Excel, gỡ mật khẩu ` +
        '(Tệp > Thông tin > Bảo vệ Sổ làm việc > Mã hóa bằng Mật khẩu, xóa mật khẩu), lưu lại rồi nhập lại; ' +
        'hoặc yêu cầu đơn vị gửi lại tệp không đặt mật khẩu.',
    );
  }
  if (containsUtf16Le(bytes, 'Workbook') || containsUtf16Le(bytes, 'Book')) {
    refuse('workbook-legacy-xls', `Tệp '${fileName}' là định dạng Excel 97-2003 (.xls) cũ. ${RESAVE}`);
  }
  if (containsUtf16Le(bytes, 'WordDocument')) {
    refuse('workbook-word', `Tệp '${fileName}' là văn bản Word (.doc), không phải bảng tính Excel. ${ASK_AGAIN}`);
  }
  refuse(
    'workbook-ole-other',
    `Tệp '${fileName}' là tệp Office đời cũ không phải bảng tính Excel .xlsx. ${ASK_AGAIN}`,
  );
}

function sniffText(bytes: Uint8Array, fileName: string): never {
  let head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096));
  let text: string;
  if (startsWith(head, [0xff, 0xfe])) text = head.subarray(2).toString('utf16le');
  else if (startsWith(head, [0xfe, 0xff])) text = Buffer.from(head.subarray(2)).swap16().toString('utf16le');
  else {
    if (startsWith(head, [0xef, 0xbb, 0xbf])) head = head.subarray(3);
    text = head.toString('latin1');
  }
  const lower = text.trimStart().toLowerCase();
  if (lower.startsWith('%pdf')) {
    refuse('workbook-pdf', `Tệp '${fileName}' là tệp PDF, không phải bảng tính Excel. ${ASK_AGAIN}`);
  }
  if (lower.startsWith('{\\rtf')) {
    refuse('workbook-word', `Tệp '${fileName}' là văn bản RTF, không phải bảng tính Excel. ${ASK_AGAIN}`);
  }
  if (lower.startsWith('<?xml') && lower.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
    refuse('workbook-xml2003', `Tệp '${fileName}' là bảng tính XML 2003 (SpreadsheetML), không phải .xlsx. ${RESAVE}`);
  }
  if (/^(<!doctype html|<html|<\?xml[^>]*>\s*<html|<table|<meta|<head|<body)/.test(lower) || /<html[\s>]/.test(lower)) {
    refuse(
      'workbook-html',
      `Tệp '${fileName}' là trang HTML (thường do phần mềm khác xuất ra với đuôi .xls/.xlsx), không phải bảng tính Excel thật. ${RESAVE}`,
    );
  }
  // Mostly printable characters: a CSV or plain text file renamed to .xlsx.
  const sample = text.slice(0, 2048);
  let printable = 0;
  for (const ch of sample) {
    const c = ch.charCodeAt(0);
    if (c === 9 || c === 10 || c === 13 || (c >= 32 && c !== 127)) printable++;
  }
  if (sample.length > 0 && printable / sample.length > 0.95) {
    const kind = /[,;\t]/.test(sample) ? 'tệp văn bản CSV' : 'tệp văn bản thuần';
    refuse(
      'workbook-csv',
      `Tệp '${fileName}' là ${kind} được đặt đuôi như tệp Excel, không phải bảng tính .xlsx. ` +
        'Hãy mở bằng Excel và lưu lại dưới dạng Sổ làm việc Excel (.xlsx), hoặc điền vào mẫu .xlsx do Khối gửi rồi nhập lại.',
    );
  }
  refuse('workbook-not-excel', `Tệp '${fileName}' không phải là tệp Excel (.xlsx) hoặc đã bị hỏng nặng. ${ASK_AGAIN}`);
}

// ---------------------------------------------------------------- zip structure (zip/zip-guard.ts)

/** Workbooks may carry directory entries and names written with "\\" or a leading "/" by old tools. */
const WORKBOOK_ZIP_POLICY: ZipPolicy = { directories: 'skip', lenientNames: true, contiguous: false };

function truncated(fileName: string): never {
  refuse(
    'workbook-truncated',
    `Tệp '${fileName}' bị cắt cụt (thiếu phần cuối), có thể do tải về hoặc sao chép chưa xong. ` +
      'Hãy tải lại tệp hoặc yêu cầu đơn vị gửi lại.',
  );
}

function corrupt(fileName: string, detail: string): never {
  refuse(
    'workbook-corrupt',
    `Tệp '${fileName}' bị hỏng (${detail}), không đọc được. Nếu mở được bằng Excel, hãy lưu lại dưới dạng .xlsx rồi nhập lại; ` +
      'nếu không, yêu cầu đơn vị gửi lại tệp.',
  );
}

function zipBomb(fileName: string, detail: string): never {
  refuse(
    'workbook-zip-bomb',
    `Tệp '${fileName}' có nội dung nén bất thường (${detail}) nên bị từ chối để bảo vệ máy tính. ` +
      `Đây không phải phiếu tự chấm điểm hợp lệ. ${ASK_AGAIN}`,
  );
}

/** Words the zip guard's refusals for a workbook. */
function zipRefusal(fileName: string, limits: WorkbookLimits): ZipRefuse {
  return (problem: ZipProblem): never => {
    switch (problem.kind) {
      case 'truncated':
        return truncated(fileName);
      case 'corrupt':
      case 'unsafe':
        return corrupt(fileName, problem.detail);
      case 'zip64':
        return refuse('workbook-too-large', `Tệp '${fileName}' là tệp nén ZIP64 quá lớn đối với một phiếu tự chấm điểm. ${ASK_AGAIN}`);
      case 'too-many-entries':
        return refuse(
          'workbook-zip-bomb',
          `Tệp '${fileName}' chứa ${problem.count} thành phần nén (tối đa ${limits.maxEntries}), bất thường đối với một bảng tính nên bị từ chối. ${ASK_AGAIN}`,
        );
      case 'bomb':
        return zipBomb(fileName, problem.detail);
      case 'encrypted':
        return refuse('workbook-encrypted', `Tệp '${fileName}' có thành phần được mã hóa bằng mật khẩu nên không đọc được. ${RESAVE}`);
    }
  };
}

// ---------------------------------------------------------------- content checks

function asBuffer(u8: Uint8Array): Buffer {
  return Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
}

function isXmlPart(name: string): boolean {
  return /\.(xml|rels|vml)$/i.test(name);
}

function countRows(xml: Buffer, stopAbove: number): number {
  let count = 0;
  let i = xml.indexOf('<row');
  if (i < 0) {
    // Namespace-prefixed markup (`<x:row ...>`), written by a few tools.
    for (const _ of xml.toString('latin1').matchAll(/<\w+:row[\s>\/]/g)) if (++count > stopAbove) return count;
    return count;
  }
  while (i >= 0) {
    const next = xml[i + 4];
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) {
      if (++count > stopAbove) return count;
    }
    i = xml.indexOf('<row', i + 4);
  }
  return count;
}

// ---------------------------------------------------------------- the entry point

/** Checks the zip without inflating it and returns its checked, inflated parts. */
export function readCheckedParts(
  bytes: Uint8Array,
  fileName: string,
  limits: WorkbookLimits = DEFAULT_WORKBOOK_LIMITS,
): Map<string, Uint8Array> {
  if (bytes.byteLength === 0) {
    refuse('workbook-empty', `Tệp '${fileName}' rỗng (0 byte), không có nội dung. Hãy kiểm tra lại tệp hoặc yêu cầu đơn vị gửi lại.`);
  }
  if (bytes.byteLength > limits.maxFileBytes) {
    refuse(
      'workbook-too-large',
      `Tệp '${fileName}' quá lớn (${mb(bytes.byteLength)} MB; tối đa ${mb(limits.maxFileBytes)} MB) đối với một phiếu tự chấm điểm. ` +
        'Hãy kiểm tra lại đúng tệp chưa, xóa ảnh hoặc trang tính thừa rồi nhập lại.',
    );
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) sniffOle2(bytes, fileName);
  if (startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    refuse('workbook-no-workbook', `Tệp '${fileName}' là tệp nén rỗng, không chứa bảng tính Excel. ${ASK_AGAIN}`);
  }
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) sniffText(bytes, fileName);

  const zipRefuse = zipRefusal(fileName, limits);
  const entries = readZipDirectory(bytes, limits, WORKBOOK_ZIP_POLICY, zipRefuse);
  const byName = new Map(entries.map((e) => [e.name, e]));

  // What kind of zip is it?
  const mimetype = byName.get('mimetype');
  if (mimetype && mimetype.uncompressedSize < 200) {
    const kind = asBuffer(inflateZipEntry(bytes, mimetype, zipRefuse)).toString('latin1').trim();
    if (kind === 'application/vnd.oasis.opendocument.spreadsheet') {
      refuse('workbook-ods', `Tệp '${fileName}' là bảng tính OpenDocument (.ods) của LibreOffice/OpenOffice. ${RESAVE}`);
    }
    if (kind.startsWith('application/vnd.oasis.opendocument')) {
      refuse('workbook-opendocument', `Tệp '${fileName}' là tài liệu OpenDocument (${kind.split('.').pop()}), không phải bảng tính Excel. ${ASK_AGAIN}`);
    }
  }
  if (!byName.has('xl/workbook.xml')) {
    if (byName.has('xl/workbook.bin')) {
      refuse('workbook-xlsb', `Tệp '${fileName}' là Sổ làm việc nhị phân Excel (.xlsb). ${RESAVE}`);
    }
    if (byName.has('word/document.xml')) {
      refuse('workbook-word', `Tệp '${fileName}' là văn bản Word (.docx), không phải bảng tính Excel. ${ASK_AGAIN}`);
    }
    if (byName.has('ppt/presentation.xml')) {
      refuse('workbook-powerpoint', `Tệp '${fileName}' là bài trình chiếu PowerPoint, không phải bảng tính Excel. ${ASK_AGAIN}`);
    }
    refuse(
      'workbook-no-workbook',
      `Tệp '${fileName}' là tệp nén (ZIP) nhưng không chứa bảng tính Excel (thiếu xl/workbook.xml). ${ASK_AGAIN}`,
    );
  }

  // Bound the declared sizes before inflating anything.
  checkDeclaredSizes(entries, limits, zipRefuse);

  // Inflate (bounded by the declared sizes), workbook structure first so sheet names are known.
  const parts = new Map<string, Uint8Array>();
  const isSheet = (n: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(n);
  const ordered = [...entries.filter((e) => !isSheet(e.name)), ...entries.filter((e) => isSheet(e.name))];
  let names: Map<string, string> | null = null;
  for (const e of ordered) {
    const data = inflateZipEntry(bytes, e, zipRefuse);
    if (isXmlPart(e.name)) {
      const buf = asBuffer(data);
      if (buf.indexOf('<!DOCTYPE') >= 0 || buf.indexOf('<!ENTITY') >= 0) {
        refuse(
          'workbook-xml-entity',
          `Tệp '${fileName}' chứa khai báo DOCTYPE/ENTITY trong thành phần "${e.name}". Excel không bao giờ tạo nội dung này; ` +
            `tệp có thể đã bị sửa đổi nhằm gây hại nên bị từ chối. ${ASK_AGAIN}`,
        );
      }
      if (startsWith(buf, [0xff, 0xfe]) || startsWith(buf, [0xfe, 0xff])) {
        corrupt(fileName, `thành phần "${e.name}" dùng mã UTF-16 không hỗ trợ`);
      }
      if (isSheet(e.name)) {
        const rows = countRows(buf, limits.maxSheetRows);
        if (rows > limits.maxSheetRows) {
          names ??= sheetNamesByPart(parts);
          const sheet = names.get(e.name) ?? e.name;
          refuse(
            'workbook-too-many-rows',
            `Trang tính '${sheet}' trong tệp '${fileName}' có hơn ${limits.maxSheetRows.toLocaleString('vi-VN')} dòng, ` +
              'quá lớn đối với một phiếu tự chấm điểm. Hãy xóa các dòng thừa (hoặc điền lại vào mẫu do Khối gửi) rồi nhập lại.',
          );
        }
      }
    }
    parts.set(e.name, data);
  }
  return parts;
}

/**
 * Loads an untrusted .xlsx safely. Throws UserError (code: WorkbookRefusal) with a Vietnamese
 * message for every file that is not a usable workbook.
 */
export async function loadWorkbookSafely(
  bytes: Uint8Array,
  fileName: string,
  limits: Partial<WorkbookLimits> = {},
): Promise<ExcelJS.Workbook> {
  return (await loadWorkbookWithParts(bytes, fileName, limits)).workbook;
}

/**
 * As loadWorkbookSafely, also handing back the checked parts, for what exceljs loses (see
 * sheet-xml.ts). The caller keeps only the parts it needs.
 */
export async function loadWorkbookWithParts(
  bytes: Uint8Array,
  fileName: string,
  limits: Partial<WorkbookLimits> = {},
): Promise<{ workbook: ExcelJS.Workbook; parts: ReadonlyMap<string, Uint8Array> }> {
  const effective = { ...DEFAULT_WORKBOOK_LIMITS, ...limits };
  const parts = readCheckedParts(bytes, fileName, effective);
  // A stored (uncompressed) zip of exactly the bytes we checked: exceljs cannot see anything else.
  const zippable: Zippable = {};
  for (const [name, data] of parts) zippable[name] = [data, { level: 0 }];
  const clean = zipSync(zippable, { level: 0 });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(clean as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (err) {
    refuse(
      'workbook-unreadable',
      `Tệp '${fileName}' có cấu trúc bảng tính bị hỏng, không đọc được. ${RESAVE}`,
      [err instanceof Error ? err.message.slice(0, 300) : String(err).slice(0, 300)],
    );
  }
  if (workbook.worksheets.length === 0) {
    refuse('workbook-no-sheets', `Tệp '${fileName}' không có trang tính nào. ${ASK_AGAIN}`);
  }
  return { workbook, parts };
}
