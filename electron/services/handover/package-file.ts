/**
 * Writes and reads handover packages (*.blocdesk; format in shared/package/format.ts). Reading
 * refuses, with a Vietnamese message and no side effect, anything that is not an intact package
 * of a schema this app understands: empty, foreign, truncated, tampered (checksums), inconsistent,
 * newer-schema or oversized files.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { UserError } from '../../../shared/errors';
import { BlocDataSchema, SCHEMA_VERSION, type BlocData } from '../../../shared/model/records';
import { migrateBlocData } from '../../../shared/model/migrations';
import {
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  PACKAGE_MAX_FILE_BYTES,
  PACKAGE_MAX_UNPACKED_BYTES,
  PackageManifestSchema,
  type PackageCounts,
  type PackageManifest,
  type PackagePreview,
} from '../../../shared/package/format';
import { deepNfc } from '../../../shared/text/vietnamese';

const DATA_ENTRY = 'data.json';
const MANIFEST_ENTRY = 'manifest.json';

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
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function countsOf(data: BlocData): PackageCounts {
  return {
    units: data.units.length,
    years: data.years.length,
    scoringTables: data.scoringTables.length,
    pledges: data.pledges.length,
    attachments: data.attachments.length,
    scores: data.scores.length,
    importBatches: data.importBatches.length,
  };
}

/** Builds the package bytes for one bloc. Deterministic for the same data and meta. */
export function buildPackage(input: BlocData, meta: PackageMeta): Uint8Array {
  const data = BlocDataSchema.parse(deepNfc(input));
  checkConsistency(data);
  const dataBytes = strToU8(JSON.stringify(data));
  const manifest: PackageManifest = {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    schemaVersion: SCHEMA_VERSION,
    app: { name: meta.appName, version: meta.appVersion },
    createdAt: meta.now,
    createdBy: meta.createdBy,
    bloc: { id: data.bloc.id, name: data.bloc.name, shortName: data.bloc.shortName },
    years: data.years.map((y) => y.year).sort((a, b) => a - b),
    counts: countsOf(data),
    checksums: { [DATA_ENTRY]: sha256(dataBytes) },
  };
  const mtime = new Date(meta.now);
  return zipSync(
    {
      [DATA_ENTRY]: [dataBytes, { level: 6, mtime }],
      [MANIFEST_ENTRY]: [strToU8(JSON.stringify(manifest, null, 2)), { level: 6, mtime }],
    },
  );
}

function refuse(code: string, message: string, details?: string[]): never {
  throw new UserError(code, message, details);
}

/** Reads and fully validates a package given as bytes. */
export function readPackage(bytes: Uint8Array, fileName: string): ReadPackage {
  const name = basename(fileName);
  if (bytes.length === 0) refuse('package-empty', `Tệp "${name}" rỗng (0 byte), không phải gói bàn giao BlocDesk.`);
  if (bytes.length > PACKAGE_MAX_FILE_BYTES)
    refuse('package-too-large', `Tệp "${name}" quá lớn (${Math.round(bytes.length / 1048576)} MB) để là gói bàn giao BlocDesk.`);
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (!isZip)
    refuse(
      'package-foreign',
      `Tệp "${name}" không phải gói bàn giao BlocDesk (*.blocdesk). Hãy chọn đúng tệp do BlocDesk xuất ra ở mục "Sao lưu & bàn giao".`,
    );

  let entries: Unzipped;
  let unpacked = 0;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        unpacked += f.originalSize;
        if (unpacked > PACKAGE_MAX_UNPACKED_BYTES) throw new RangeError('too large');
        return true;
      },
    });
  } catch (err) {
    if (err instanceof RangeError)
      refuse('package-too-large', `Tệp "${name}" giải nén ra quá lớn; đây không phải gói bàn giao hợp lệ.`);
    refuse(
      'package-damaged',
      `Tệp "${name}" bị hỏng hoặc không đầy đủ (có thể bị cắt ngang khi sao chép hoặc tải về). Hãy xin lại tệp gốc từ đơn vị bàn giao.`,
    );
  }
  const manifestBytes = entries[MANIFEST_ENTRY];
  if (!manifestBytes)
    refuse('package-foreign', `Tệp "${name}" là tệp nén nhưng không phải gói bàn giao BlocDesk (thiếu tệp mô tả manifest.json).`);

  let manifestRaw: unknown;
  try {
    manifestRaw = JSON.parse(strFromU8(manifestBytes));
  } catch {
    refuse('package-damaged', `Tệp mô tả của gói "${name}" bị hỏng (manifest.json không đọc được).`);
  }
  const formatCheck = (manifestRaw as { format?: unknown } | null)?.format;
  if (formatCheck !== PACKAGE_FORMAT)
    refuse('package-foreign', `Tệp "${name}" không phải gói bàn giao BlocDesk (định dạng "${String(formatCheck ?? 'không rõ')}").`);
  const versions = manifestRaw as { formatVersion?: unknown; schemaVersion?: unknown; app?: { version?: unknown } };
  if (typeof versions.formatVersion === 'number' && versions.formatVersion > PACKAGE_FORMAT_VERSION)
    refuse(
      'package-newer',
      `Gói "${name}" dùng định dạng phiên bản ${versions.formatVersion}, mới hơn phiên bản ứng dụng này hiểu được (${PACKAGE_FORMAT_VERSION}). Hãy cập nhật BlocDesk rồi nhập lại.`,
    );
  if (typeof versions.schemaVersion === 'number' && versions.schemaVersion > SCHEMA_VERSION)
    refuse(
      'package-newer',
      `Gói "${name}" được tạo bởi BlocDesk ${String(versions.app?.version ?? 'mới hơn')} với cấu trúc dữ liệu phiên bản ${versions.schemaVersion}, mới hơn ứng dụng này (phiên bản ${SCHEMA_VERSION}). Hãy cập nhật BlocDesk rồi nhập lại; dữ liệu hiện có không bị thay đổi.`,
    );
  const parsedManifest = PackageManifestSchema.safeParse(manifestRaw);
  if (!parsedManifest.success)
    refuse(
      'package-damaged',
      `Tệp mô tả của gói "${name}" không hợp lệ.`,
      parsedManifest.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`),
    );
  const manifest = parsedManifest.data;

  // Every entry must be listed with a matching checksum, and nothing else may be in the archive.
  const listed = new Set(Object.keys(manifest.checksums));
  for (const entry of Object.keys(entries)) {
    if (entry === MANIFEST_ENTRY || entry.endsWith('/')) continue;
    if (!listed.has(entry))
      refuse('package-tampered', `Gói "${name}" chứa tệp lạ "${entry}" không có trong danh mục kiểm tra; gói có thể đã bị sửa đổi.`);
  }
  for (const [entry, expected] of Object.entries(manifest.checksums)) {
    const content = entries[entry];
    if (!content) refuse('package-damaged', `Gói "${name}" thiếu phần "${entry}"; gói không đầy đủ.`);
    if (sha256(content) !== expected)
      refuse(
        'package-tampered',
        `Gói "${name}" không khớp mã kiểm tra (phần "${entry}"): nội dung đã bị sửa đổi hoặc hỏng sau khi xuất. Hãy xin lại tệp gốc.`,
      );
  }
  const dataBytes = entries[DATA_ENTRY];
  if (!dataBytes) refuse('package-damaged', `Gói "${name}" thiếu phần dữ liệu (data.json).`);

  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(dataBytes));
  } catch {
    refuse('package-damaged', `Phần dữ liệu của gói "${name}" bị hỏng (data.json không đọc được).`);
  }
  const migrated = migrateBlocData(raw, manifest.schemaVersion);
  const parsed = BlocDataSchema.safeParse(deepNfc(migrated));
  if (!parsed.success)
    refuse(
      'package-invalid',
      `Dữ liệu trong gói "${name}" không hợp lệ.`,
      parsed.error.issues.slice(0, 8).map((i) => `${i.path.join('.')}: ${i.message}`),
    );
  const data = parsed.data;
  if (data.bloc.id !== manifest.bloc.id)
    refuse('package-tampered', `Gói "${name}": khối trong dữ liệu không khớp với tệp mô tả; gói có thể đã bị sửa đổi.`);
  const counts = countsOf(data);
  for (const key of Object.keys(counts) as (keyof PackageCounts)[]) {
    if (counts[key] !== manifest.counts[key])
      refuse('package-tampered', `Gói "${name}": số bản ghi "${key}" không khớp với tệp mô tả (${counts[key]} ≠ ${manifest.counts[key]}).`);
  }
  const problems = consistencyProblems(data);
  if (problems.length) refuse('package-invalid', `Dữ liệu trong gói "${name}" không nhất quán.`, problems.slice(0, 8));

  return {
    manifest,
    data,
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

/** References inside one bloc's data that point nowhere, or records of another bloc. */
export function consistencyProblems(data: BlocData): string[] {
  const out: string[] = [];
  const blocId = data.bloc.id;
  const unitIds = new Set(data.units.map((u) => u.id));
  const codes = new Set<string>();
  for (const u of data.units) {
    if (u.blocId !== blocId) out.push(`Đơn vị ${u.code} thuộc khối khác.`);
    if (codes.has(u.code)) out.push(`Mã đơn vị ${u.code} bị trùng.`);
    codes.add(u.code);
  }
  const yearsSeen = new Set<number>();
  for (const y of data.years) {
    if (y.blocId !== blocId) out.push(`Năm ${y.year} thuộc khối khác.`);
    if (yearsSeen.has(y.year)) out.push(`Năm ${y.year} bị trùng.`);
    yearsSeen.add(y.year);
    for (const id of [...y.memberUnitIds, y.leaderUnitId, y.deputyUnitId])
      if (id !== null && !unitIds.has(id)) out.push(`Năm ${y.year} tham chiếu đơn vị không tồn tại (${id}).`);
  }
  const tables = [...data.scoringTables, ...data.pledges, ...data.attachments, ...data.scores, ...data.importBatches];
  for (const r of tables) if (r.blocId !== blocId) out.push(`Bản ghi ${r.id} thuộc khối khác.`);
  for (const s of data.scores) if (!unitIds.has(s.unitId)) out.push(`Điểm ${s.id} tham chiếu đơn vị không tồn tại.`);
  for (const a of data.attachments) if (a.unitId !== null && !unitIds.has(a.unitId)) out.push(`Tệp đính kèm ${a.id} tham chiếu đơn vị không tồn tại.`);
  return out;
}

function checkConsistency(data: BlocData): void {
  const problems = consistencyProblems(data);
  if (problems.length) throw new UserError('bloc-inconsistent', 'Dữ liệu của khối không nhất quán, không thể xuất gói.', problems.slice(0, 8));
}

/** Reads a package from disk (size checked before reading). */
export async function readPackageFile(path: string): Promise<ReadPackage> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new UserError('file-not-found', `Không tìm thấy tệp "${path}".`);
  }
  if (size > PACKAGE_MAX_FILE_BYTES)
    refuse('package-too-large', `Tệp "${basename(path)}" quá lớn (${Math.round(size / 1048576)} MB) để là gói bàn giao BlocDesk.`);
  const bytes = new Uint8Array(await readFile(path));
  return readPackage(bytes, path);
}

/** Writes bytes atomically: a temporary file beside the target, then a rename. */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}
