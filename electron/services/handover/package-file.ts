/**
 * Writes and reads handover packages (*.blocdesk; format in shared/package/format.ts). Reading
 * refuses, with one Vietnamese sentence and no side effect, anything that is not an intact package
 * of a schema this app understands: empty, foreign, truncated, tampered (checksums), unsafe zip
 * structure (zip/zip-guard.ts, checked before anything is inflated), hostile JSON, invalid or
 * inconsistent records, images that do not decode, newer-schema or oversized files.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { UserError } from '../../../shared/errors';
import { BlocDataSchema, SCHEMA_VERSION, type BlocData } from '../../../shared/model/records';
import { migrateBlocData } from '../../../shared/model/migrations';
import { sheetsOfText, toSheeted, type DeflateJson, type StoredScoreSheet } from '../../../shared/model/score-sheets';
import { deflateRawSync } from 'node:zlib';
import type { OpenedPackage } from '../../../shared/api/channels/foundation';
import { countsOf as registryCounts } from '../../../shared/model/registry';
import {
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  PACKAGE_MAX_DATA_BYTES,
  PACKAGE_MAX_FILE_BYTES,
  PACKAGE_MAX_MANIFEST_BYTES,
  PACKAGE_MAX_UNPACKED_BYTES,
  PackageManifestSchema,
  type PackageCounts,
  type PackageManifest,
  type PackagePreview,
} from '../../../shared/package/format';
import { consistencyProblems } from '../../../shared/package/consistency';
import { describeIssue } from '../../../shared/package/describe-issue';
import { jsonShapeProblem, parseUntrustedJson } from '../../../shared/package/untrusted-json';
import type { ArraySpans } from '../../../shared/package/json-in-pieces';
import { cleanText, deepCleanText } from '../../../shared/text/clean';
import { checkImage } from '../images/image-check';
import { checkDeclaredSizes, inflateZipEntry, readZipDirectory, type ZipEntry, type ZipLimits, type ZipPolicy, type ZipProblem, type ZipRefuse } from '../zip/zip-guard';
import { rememberSheetsOf } from './checked-sheets';
import { zipEntries, zipEntriesAsync, type ZipEntry as ZipWriteEntry } from './zip-writer';

export { consistencyProblems };
export type { PackageCounts };

export const DATA_ENTRY = 'data.json';
export const MANIFEST_ENTRY = 'manifest.json';

export interface PackageMeta {
  createdBy: string;
  appName: string;
  appVersion: string;
  now: string;
}

export interface ReadPackage {
  manifest: PackageManifest;
  data: BlocData;
  preview: PackagePreview;
  /** `data.scores` as stored sheets cut from the package's text, when asked for (ReadOptions) and it could stand for them. */
  scoreSheets: StoredScoreSheet[] | null;
}

/** A package read, as the renderer is handed it to apply (its scores as the sheets it stores). */
export function openedPackage(read: ReadPackage): OpenedPackage {
  const { scores: _, ...rest } = read.data;
  const data = read.scoreSheets ? { ...rest, scoreSheets: read.scoreSheets } : toSheeted(read.data, deflateSheet);
  // The window stores these bytes as they are, and the backup after the import sends them back.
  rememberSheetsOf(read.data, data.scoreSheets);
  return { preview: read.preview, data };
}

/**
 * A score sheet's JSON deflated as the window stores it (StoredScoreSheet), by zlib: several times
 * faster than the window's own. In an array of its own: a small Buffer is a slice of a shared pool,
 * which a structured clone (IPC, IndexedDB) would copy whole.
 */
const deflateSheet: DeflateJson = (json) => new Uint8Array(deflateRawSync(json, { level: 3 }));

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Records of each kind (the registry's), as the manifest lists them. */
export function countsOf(data: BlocData): PackageCounts {
  return registryCounts(data);
}

/** Builds the package bytes for one bloc. Deterministic for the same data and meta. */
export function buildPackage(input: BlocData, meta: PackageMeta): Uint8Array {
  return encodePackage(BlocDataSchema.parse(deepCleanText(input)), meta);
}

/**
 * The package bytes for data that has already passed BlocDataSchema, cleaned: what the bridge
 * delivers (dispatch cleans and parses every payload) and what readPackage returns. Skips
 * re-validating, which is most of the cost for a large bloc (the backups do this); consistency is
 * still checked. Gives the same bytes as buildPackage for such data.
 */
export function encodePackage(data: BlocData, meta: PackageMeta): Uint8Array {
  return zipEntries(packageEntries(data, meta));
}

/** encodePackage with the compression on the thread pool (the backups, which run while the user works). */
export function encodePackageAsync(data: BlocData, meta: PackageMeta): Promise<Uint8Array> {
  return zipEntriesAsync(packageEntries(data, meta));
}

function packageEntries(data: BlocData, meta: PackageMeta): ZipWriteEntry[] {
  checkConsistency(data);
  const dataBytes = Buffer.from(JSON.stringify(data), 'utf8');
  // Never write a package this app would refuse to read.
  if (dataBytes.length > PACKAGE_MAX_DATA_BYTES || jsonShapeProblem(dataBytes) !== null) throw blocTooLarge(dataBytes.length);
  const mtime = new Date(meta.now);
  // The manifest is written last, as the format says.
  return [
    // Level 3: a 10-year bloc's 70 MB of JSON packs about four times faster than at 6, for a
    // package about a third larger (2.8 MB instead of 2.1 MB).
    { name: DATA_ENTRY, data: dataBytes, mtime, level: DATA_LEVEL },
    manifestEntry(packageManifest(data, sha256(dataBytes), meta)),
  ];
}

/** The zlib level of data.json (see packageEntries). */
export const DATA_LEVEL = 3;

/** Refusal of a bloc whose data.json would be over the size or shape the reader accepts. */
export function blocTooLarge(bytes: number): UserError {
  return new UserError(
    'bloc-too-large',
    `Dữ liệu của khối quá lớn (${Math.round(bytes / 1048576)} MB, tối đa ${Math.round(PACKAGE_MAX_DATA_BYTES / 1048576)} MB) để xuất thành một gói bàn giao.`,
  );
}

/** The manifest of a package holding `data`, whose data.json has this SHA-256. */
/** `counts`: the kinds' numbers of records when `data` does not hold them all (a bloc received in parts keeps its big kinds' counts only). */
export function packageManifest(data: BlocData, dataSha256: string, meta: PackageMeta, counts: PackageCounts = countsOf(data)): PackageManifest {
  return {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    schemaVersion: SCHEMA_VERSION,
    app: { name: meta.appName, version: meta.appVersion },
    createdAt: meta.now,
    createdBy: meta.createdBy,
    bloc: { id: data.bloc.id, name: data.bloc.name, shortName: data.bloc.shortName },
    years: data.years.map((y) => y.year).sort((a, b) => a - b),
    counts,
    checksums: { [DATA_ENTRY]: dataSha256 },
  };
}

/** The manifest's zip entry (the last of a package). */
export function manifestEntry(manifest: PackageManifest): ZipWriteEntry {
  return { name: MANIFEST_ENTRY, data: Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'), mtime: new Date(manifest.createdAt), level: 6 };
}

function refuse(code: string, message: string, details?: string[]): never {
  throw new UserError(code, message, details);
}

/** Packages hold two files and nothing else: no folders, no hidden bytes between entries. */
const PACKAGE_ZIP_POLICY: ZipPolicy = { directories: 'refuse', lenientNames: false, contiguous: true };
const PACKAGE_ZIP_LIMITS: ZipLimits = {
  maxEntries: 8,
  maxEntryUncompressedBytes: PACKAGE_MAX_DATA_BYTES,
  maxTotalUncompressedBytes: PACKAGE_MAX_UNPACKED_BYTES,
  // Every inflate is bounded by the declared size, which is bounded above; JSON compresses very well.
  maxCompressionRatio: 5000,
  ratioCheckMinBytes: 1024 * 1024,
};

const ASK_ORIGINAL = 'hãy xin lại tệp gốc từ đơn vị bàn giao';

function damaged(name: string): never {
  refuse(
    'package-damaged',
    `Tệp "${name}" bị hỏng hoặc không đầy đủ (có thể bị cắt ngang khi sao chép hoặc tải về); ${ASK_ORIGINAL}.`,
  );
}

/** Words the zip guard's refusals for a package: one Vietnamese sentence each. */
function zipRefusal(name: string): ZipRefuse {
  return (problem: ZipProblem): never => {
    switch (problem.kind) {
      case 'truncated':
        return damaged(name);
      case 'corrupt':
        return refuse('package-damaged', `Gói "${name}" bị hỏng (${problem.detail}); ${ASK_ORIGINAL}.`);
      case 'unsafe':
        return refuse(
          'package-unsafe',
          `Gói "${name}" bị từ chối vì cấu trúc tệp nén không an toàn (${problem.detail}); gói do BlocDesk xuất ra không bao giờ như vậy, ${ASK_ORIGINAL}.`,
        );
      case 'too-many-entries':
        return refuse('package-unsafe', `Gói "${name}" chứa ${problem.count} thành phần nén, trong khi gói bàn giao chỉ có hai; gói đã bị sửa đổi.`);
      case 'zip64':
      case 'bomb':
        return refuse(
          'package-too-large',
          `Tệp "${name}" giải nén ra quá lớn${problem.kind === 'bomb' ? ` (${problem.detail})` : ''} nên bị từ chối để bảo vệ máy tính; đây không phải gói bàn giao hợp lệ.`,
        );
      case 'encrypted':
        return refuse('package-unsafe', `Gói "${name}" có phần được mã hóa bằng mật khẩu, điều BlocDesk không bao giờ làm; ${ASK_ORIGINAL}.`);
    }
  };
}

/**
 * Inflates one entry, checks its checksum and parses it as JSON (depth bounded, prototype keys
 * refused, strings cleaned). The inflated bytes and the text are dropped on return.
 */
function entryJson(bytes: Uint8Array, entry: ZipEntry, name: string, refuseZip: ZipRefuse, expectedSha?: string): unknown {
  return entryParsed(bytes, entry, name, refuseZip, expectedSha).value;
}

/**
 * data.json parsed and, when `withSheets`, its scores cut into the sheets the window stores while
 * its text is at hand (sheetsOfText; null when the text cannot stand for them as it is). The
 * inflated bytes are dropped on return.
 */
function dataJson(bytes: Uint8Array, entry: ZipEntry, name: string, refuseZip: ZipRefuse, sha: string, withSheets: boolean): { value: unknown; sheets: StoredScoreSheet[] | null } {
  const parsed = entryParsed(bytes, entry, name, refuseZip, sha, withSheets ? 'scores' : undefined);
  const scores = (parsed.value as { scores?: unknown } | null)?.scores;
  const spans = parsed.spans;
  const sheets =
    withSheets && parsed.exact && spans && Array.isArray(scores) ? sheetsOfText(parsed.content, spans.start, spans.ends, scores, deflateSheet) : null;
  return { value: parsed.value, sheets };
}

function entryParsed(
  bytes: Uint8Array,
  entry: ZipEntry,
  name: string,
  refuseZip: ZipRefuse,
  expectedSha?: string,
  spansOf?: string,
): { value: unknown; exact: boolean; spans: ArraySpans | null; content: Uint8Array } {
  const content = inflateZipEntry(bytes, entry, refuseZip);
  if (expectedSha !== undefined && sha256(content) !== expectedSha)
    refuse(
      'package-tampered',
      `Gói "${name}" không khớp mã kiểm tra (phần "${entry.name}"): nội dung đã bị sửa đổi hoặc hỏng sau khi xuất; ${ASK_ORIGINAL}.`,
    );
  const entryName = entry.name;
  const r = parseUntrustedJson(content, undefined, spansOf);
  if (r.ok) return { value: r.value, exact: r.exact, spans: r.spans, content };
  switch (r.problem.kind) {
    case 'not-utf8':
      return refuse('package-damaged', `Phần "${entryName}" của gói "${name}" không phải văn bản UTF-8; ${ASK_ORIGINAL}.`);
    case 'too-deep':
      return refuse(
        'package-unsafe',
        `Phần "${entryName}" của gói "${name}" lồng nhau sâu quá ${r.problem.maxDepth} cấp, điều dữ liệu BlocDesk không bao giờ có; gói đã bị sửa đổi.`,
      );
    case 'too-many-values':
      return refuse(
        'package-too-large',
        `Phần "${entryName}" của gói "${name}" có số bản ghi vượt xa một khối thi đua thật nên bị từ chối để bảo vệ máy tính; gói đã bị sửa đổi.`,
      );
    case 'string-too-long':
      return refuse(
        'package-too-large',
        `Phần "${entryName}" của gói "${name}" có một đoạn văn bản dài hơn ${Math.round(r.problem.maxBytes / 1048576)} MB, điều dữ liệu BlocDesk không bao giờ có; gói đã bị sửa đổi.`,
      );
    case 'forbidden-key':
      return refuse('package-unsafe', `Phần "${entryName}" của gói "${name}" chứa khóa "${r.problem.key}" không được phép; gói đã bị sửa đổi.`);
    case 'syntax':
      return refuse('package-damaged', `Phần "${entryName}" của gói "${name}" bị hỏng (không đọc được JSON); ${ASK_ORIGINAL}.`);
  }
}

/** The file name as shown in messages: no folder, no control characters. */
function shownName(fileName: string): string {
  return cleanText(basename(fileName.replace(/\\/g, '/'))).slice(0, 200);
}

/** How a package is read: `scoreSheets` also gives its scores as the sheets the window stores (ReadPackage.scoreSheets). */
export interface ReadOptions {
  scoreSheets?: boolean;
}

/** Reads and fully validates a package given as bytes. Never writes anything. */
export function readPackage(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): ReadPackage {
  const name = shownName(fileName);
  if (bytes.length === 0) refuse('package-empty', `Tệp "${name}" rỗng (0 byte), không phải gói bàn giao BlocDesk.`);
  if (bytes.length > PACKAGE_MAX_FILE_BYTES)
    refuse('package-too-large', `Tệp "${name}" quá lớn (${Math.round(bytes.length / 1048576)} MB) để là gói bàn giao BlocDesk.`);
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (!isZip)
    refuse(
      'package-foreign',
      `Tệp "${name}" không phải gói bàn giao BlocDesk (*.blocdesk); hãy chọn đúng tệp do BlocDesk xuất ra ở mục "Sao lưu & bàn giao".`,
    );

  // The whole structure is checked before anything is inflated.
  const refuseZip = zipRefusal(name);
  const entries = readZipDirectory(bytes, PACKAGE_ZIP_LIMITS, PACKAGE_ZIP_POLICY, refuseZip);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const manifestEntry = byName.get(MANIFEST_ENTRY);
  if (!manifestEntry)
    refuse('package-foreign', `Tệp "${name}" là tệp nén nhưng không phải gói bàn giao BlocDesk (thiếu tệp mô tả manifest.json).`);
  for (const e of entries)
    if (e.name !== MANIFEST_ENTRY && e.name !== DATA_ENTRY)
      refuse('package-tampered', `Gói "${name}" chứa tệp lạ "${e.name}" không thuộc gói bàn giao; gói có thể đã bị sửa đổi.`);
  checkDeclaredSizes(entries, PACKAGE_ZIP_LIMITS, refuseZip);
  if (manifestEntry.uncompressedSize > PACKAGE_MAX_MANIFEST_BYTES)
    refuse('package-too-large', `Tệp mô tả của gói "${name}" lớn bất thường (manifest.json); đây không phải gói bàn giao hợp lệ.`);

  const manifestRaw = entryJson(bytes, manifestEntry, name, refuseZip);
  const manifest = manifestOf(manifestRaw, name);

  // Every entry but the manifest must be listed with a matching checksum, and every listed entry present.
  const listed = new Map(Object.entries(manifest.checksums));
  for (const entryName of listed.keys())
    if (!byName.has(entryName)) refuse('package-damaged', `Gói "${name}" thiếu phần "${entryName}"; gói không đầy đủ, ${ASK_ORIGINAL}.`);
  const dataEntry = byName.get(DATA_ENTRY);
  if (!dataEntry) refuse('package-damaged', `Gói "${name}" thiếu phần dữ liệu (data.json); ${ASK_ORIGINAL}.`);
  const dataSha = listed.get(DATA_ENTRY);
  if (dataSha === undefined)
    refuse('package-tampered', `Gói "${name}" chứa phần dữ liệu không có trong danh mục kiểm tra; gói có thể đã bị sửa đổi.`);

  const raw = dataJson(bytes, dataEntry, name, refuseZip, dataSha, options.scoreSheets === true);
  const data = validatedData(raw.value, manifest.schemaVersion, name);
  // The cut sheets stand for the scores only when the schema took every score as it was parsed (no
  // migration, nothing filled in or changed); else the window gets them packed again (openedPackage).
  const rawScores = (raw.value as { scores?: unknown[] }).scores;
  const scoreSheets =
    raw.sheets && rawScores && data.scores.length === rawScores.length && data.scores.every((s, i) => s === rawScores[i]) ? raw.sheets : null;
  if (data.bloc.id !== manifest.bloc.id)
    refuse('package-tampered', `Gói "${name}": khối trong dữ liệu không khớp với tệp mô tả; gói có thể đã bị sửa đổi.`);
  const counts = countsOf(data);
  for (const key of Object.keys(counts) as (keyof PackageCounts)[]) {
    if (counts[key] !== manifest.counts[key])
      refuse('package-tampered', `Gói "${name}": số bản ghi "${key}" không khớp với tệp mô tả (${counts[key]} ≠ ${manifest.counts[key]}).`);
  }
  const problems = blocDataProblems(data);
  if (problems.length)
    refuse('package-invalid', `Dữ liệu trong gói "${name}" không nhất quán: ${problems[0]}.`, problems.slice(0, 8));

  return {
    manifest,
    data,
    scoreSheets,
    preview: {
      fileName: name,
      fileBytes: bytes.length,
      formatVersion: manifest.formatVersion,
      schemaVersion: manifest.schemaVersion,
      migratedFrom: manifest.schemaVersion < SCHEMA_VERSION ? manifest.schemaVersion : null,
      app: manifest.app,
      createdAt: manifest.createdAt,
      createdBy: manifest.createdBy,
      bloc: manifest.bloc,
      years: manifest.years,
      counts,
    },
  };
}

/** A package's manifest: ours, not newer than this app, well formed. */
function manifestOf(manifestRaw: unknown, name: string): PackageManifest {
  const formatCheck = (manifestRaw as { format?: unknown } | null)?.format;
  if (formatCheck !== PACKAGE_FORMAT)
    refuse('package-foreign', `Tệp "${name}" không phải gói bàn giao BlocDesk (định dạng "${String(formatCheck ?? 'không rõ').slice(0, 60)}").`);
  const versions = manifestRaw as { formatVersion?: unknown; schemaVersion?: unknown; app?: { version?: unknown } };
  if (typeof versions.formatVersion === 'number' && versions.formatVersion > PACKAGE_FORMAT_VERSION)
    refuse(
      'package-newer',
      `Gói "${name}" dùng định dạng phiên bản ${versions.formatVersion}, mới hơn phiên bản ứng dụng này hiểu được (${PACKAGE_FORMAT_VERSION}); hãy cập nhật BlocDesk rồi nhập lại.`,
    );
  if (typeof versions.schemaVersion === 'number' && versions.schemaVersion > SCHEMA_VERSION)
    refuse(
      'package-newer',
      `Gói "${name}" được tạo bởi BlocDesk ${String(versions.app?.version ?? 'mới hơn').slice(0, 40)} với cấu trúc dữ liệu phiên bản ${versions.schemaVersion}, mới hơn ứng dụng này (phiên bản ${SCHEMA_VERSION}); hãy cập nhật BlocDesk rồi nhập lại, dữ liệu hiện có không bị thay đổi.`,
    );
  const parsedManifest = PackageManifestSchema.safeParse(manifestRaw);
  if (!parsedManifest.success)
    refuse(
      'package-damaged',
      `Tệp mô tả của gói "${name}" không hợp lệ (${describeIssue(parsedManifest.error.issues[0]!)}).`,
      parsedManifest.error.issues.slice(0, 5).map(describeIssue),
    );
  return parsedManifest.data;
}

/**
 * Parses and checks a package's manifest.json bytes (already inflated, size bounded by the
 * caller): the manifest-only reader (package-manifest.ts) that lists backups uses it.
 */
export function checkManifest(manifestBytes: Uint8Array, name: string): PackageManifest {
  const r = parseUntrustedJson(manifestBytes);
  if (!r.ok) refuse('package-damaged', `Tệp mô tả của gói "${name}" bị hỏng (manifest.json không đọc được).`);
  return manifestOf(r.value, name);
}

/** Migrates and validates the parsed data.json; the raw tree is not kept once the records are made. */
function validatedData(raw: unknown, schemaVersion: number, name: string): BlocData {
  const parsed = BlocDataSchema.safeParse(migrateBlocData(raw, schemaVersion));
  if (!parsed.success)
    refuse(
      'package-invalid',
      `Dữ liệu trong gói "${name}" không hợp lệ (${describeIssue(parsed.error.issues[0]!)}).`,
      parsed.error.issues.slice(0, 8).map(describeIssue),
    );
  return parsed.data;
}

/** Attachments must be the PNG or JPEG images they say they are, of the size they say. */
export function attachmentProblems(data: BlocData): string[] {
  const out: string[] = [];
  const codeOf = new Map(data.units.map((u) => [u.id, u.code]));
  for (const a of data.attachments) {
    const what = `${a.kind === 'stamp' ? 'ảnh con dấu' : a.kind === 'signature' ? 'ảnh chữ ký' : 'tệp đính kèm'}${a.unitId ? ` của đơn vị ${codeOf.get(a.unitId) ?? a.unitId}` : ''}`;
    const image = checkImage(new Uint8Array(Buffer.from(a.data, 'base64')));
    if (!image.ok) out.push(`${what} là ${image.reason}`);
    else if (image.mime !== a.mime) out.push(`${what} ghi là ${a.mime} nhưng thực ra là ${image.mime}`);
    else if (image.width !== a.width || image.height !== a.height)
      out.push(`${what} ghi kích thước ${a.width}×${a.height} nhưng ảnh là ${image.width}×${image.height}`);
    if (out.length >= 8) break;
  }
  return out;
}

/** Every rule between records (shared/package/consistency.ts) plus the attachments' images. */
export function blocDataProblems(data: BlocData): string[] {
  return [...consistencyProblems(data), ...attachmentProblems(data)];
}

/**
 * Refuses to pack a bloc whose records do not hold together (the reader would refuse the package).
 * `consistency`: consistencyProblems(data) when the caller found them already (a bloc checked as it came).
 */
export function checkConsistency(data: BlocData, consistency?: readonly string[]): void {
  const problems = consistency ? [...consistency, ...attachmentProblems(data)] : blocDataProblems(data);
  if (problems.length)
    throw new UserError('bloc-inconsistent', `Dữ liệu của khối không nhất quán, không thể xuất gói: ${problems[0]}.`, problems.slice(0, 8));
}

/** Reads a package from disk (size checked before reading). */
export async function readPackageFile(path: string, options: ReadOptions = {}): Promise<ReadPackage> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new UserError('file-not-found', `Không tìm thấy tệp "${path}".`);
  }
  if (size > PACKAGE_MAX_FILE_BYTES)
    refuse('package-too-large', `Tệp "${basename(path)}" quá lớn (${Math.round(size / 1048576)} MB) để là gói bàn giao BlocDesk.`);
  const bytes = new Uint8Array(await readFile(path));
  return readPackage(bytes, path, options);
}
