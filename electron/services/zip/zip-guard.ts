/**
 * Reads a zip archive a user handed us (a workbook, a handover package) without trusting it. One
 * home for the zip rules; the callers (excel/workbook-guard.ts, handover/package-file.ts) word the
 * refusals for their kind of file.
 *
 * Before a single byte is inflated, the central directory is read and checked against the local
 * headers: names (no `..`, absolute paths, drive letters, control characters, `__proto__`, no
 * duplicates, no symlinks), methods and flags that agree, sizes that agree when the local header
 * carries them, entries that do not overlap each other or the directory, optionally no hidden bytes
 * between entries, and declared sizes within the caller's limits. Inflating is bounded by the
 * declared size (zlib's maxOutputLength), so a header that lies cannot make us allocate more.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Name as stored ("/" separators; see ZipPolicy.lenientNames). */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** First byte of the entry's data, after its local header. */
  dataStart: number;
  isDirectory: boolean;
}

export interface ZipLimits {
  /** Number of entries in the zip. */
  maxEntries: number;
  /** Uncompressed size of a single entry. */
  maxEntryUncompressedBytes: number;
  /** Sum of the uncompressed sizes of all entries. */
  maxTotalUncompressedBytes: number;
  /** Uncompressed/compressed ratio above which a large entry is treated as a zip bomb. */
  maxCompressionRatio: number;
  /** Entries smaller than this are never judged by their ratio (tiny XML compresses very well). */
  ratioCheckMinBytes: number;
}

export interface ZipPolicy {
  /** Directory entries are skipped (workbooks) or refused (handover packages). */
  directories: 'skip' | 'refuse';
  /** Read "xl\\workbook.xml" and "/xl/workbook.xml" as "xl/workbook.xml" (a few old tools write them). */
  lenientNames: boolean;
  /** Every byte of the file belongs to an entry, the directory or the end record: nothing hidden. */
  contiguous: boolean;
}

/** Why a zip is refused. `detail` is a Vietnamese fragment naming the entry, for the caller's sentence. */
export type ZipProblem =
  | { kind: 'truncated' }
  | { kind: 'corrupt'; detail: string }
  | { kind: 'zip64' }
  | { kind: 'too-many-entries'; count: number }
  | { kind: 'unsafe'; detail: string }
  | { kind: 'bomb'; detail: string }
  | { kind: 'encrypted'; name: string };

/** Throws the caller's refusal; never returns. */
export type ZipRefuse = (problem: ZipProblem) => never;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_DATA_DESCRIPTOR = 0x08074b50;
const FLAG_ENCRYPTED = 0x1;
const FLAG_DATA_DESCRIPTOR = 0x8;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;
const DOS_DIRECTORY = 0x10;
const HOST_UNIX = 3;

const MB = 1024 * 1024;
export function megabytes(n: number): string {
  return (n / MB).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
}

/** Shown in messages: control characters removed, long names cut. */
function shown(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 80)}…` : clean;
}

/** Vietnamese reason why an entry name is unsafe to use, or null. */
function unsafeName(name: string): string | null {
  if (name.length === 0) return 'có thành phần không tên';
  if (/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(name)) return `tên thành phần "${shown(name)}" chứa ký tự điều khiển`;
  if (name.includes('\\')) return `tên thành phần "${shown(name)}" dùng dấu \\`;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return `thành phần "${shown(name)}" dùng đường dẫn tuyệt đối`;
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.some((s) => s === '..' || s === '.')) return `thành phần "${shown(name)}" trỏ ra ngoài thư mục (../)`;
  if (segments.some((s) => s === '')) return `tên thành phần "${shown(name)}" không hợp lệ`;
  if (segments.some((s) => s === '__proto__' || s === 'constructor' || s === 'prototype')) return `tên thành phần "${shown(name)}" không được phép`;
  return null;
}

interface Eocd {
  at: number;
  entryCount: number;
  cdSize: number;
  cdOffset: number;
}

function findEocd(view: DataView, exactEnd: boolean, refuse: ZipRefuse): Eocd {
  const len = view.byteLength;
  for (let i = len - 22; i >= Math.max(0, len - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) !== SIG_EOCD) continue;
    // A real end record's comment runs exactly to the end of the file; a signature inside the comment does not.
    if (exactEnd && i + 22 + view.getUint16(i + 20, true) !== len) continue;
    const disk = view.getUint16(i + 4, true);
    const cdDisk = view.getUint16(i + 6, true);
    const onDisk = view.getUint16(i + 8, true);
    const entryCount = view.getUint16(i + 10, true);
    const cdSize = view.getUint32(i + 12, true);
    const cdOffset = view.getUint32(i + 16, true);
    if (entryCount === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) refuse({ kind: 'zip64' });
    if (i >= 20 && view.getUint32(i - 20, true) === SIG_EOCD64_LOCATOR) refuse({ kind: 'zip64' });
    if (disk !== 0 || cdDisk !== 0 || onDisk !== entryCount) refuse({ kind: 'corrupt', detail: 'tệp nén nhiều phần (chia đĩa)' });
    return { at: i, entryCount, cdSize, cdOffset };
  }
  // A zip whose end was cut off has no end record; so has anything else.
  return refuse({ kind: 'truncated' });
}

/**
 * Reads and checks the central directory against the local headers, without inflating anything.
 * Declared sizes are bounded separately (checkDeclaredSizes), so a caller can first tell what kind
 * of zip it is. Directory entries are left out when the policy skips them.
 */
export function readZipDirectory(bytes: Uint8Array, limits: Pick<ZipLimits, 'maxEntries'>, policy: ZipPolicy, refuse: ZipRefuse): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = bytes.byteLength;
  if (len < 22) refuse({ kind: 'truncated' });
  const eocd = findEocd(view, policy.contiguous, refuse);
  if (eocd.entryCount > limits.maxEntries) refuse({ kind: 'too-many-entries', count: eocd.entryCount });
  if (eocd.cdOffset + eocd.cdSize > eocd.at) {
    // The directory points past where it should end: the file lost bytes in the middle or at the end.
    if (eocd.cdOffset + eocd.cdSize > len) refuse({ kind: 'truncated' });
    refuse({ kind: 'corrupt', detail: 'mục lục tệp nén sai vị trí' });
  }
  if (policy.contiguous && eocd.cdOffset + eocd.cdSize !== eocd.at) refuse({ kind: 'unsafe', detail: 'có dữ liệu ẩn sau mục lục tệp nén' });

  const utf8 = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let p = eocd.cdOffset;
  for (let n = 0; n < eocd.entryCount; n++) {
    if (p + 46 > eocd.at || view.getUint32(p, true) !== SIG_CENTRAL) refuse({ kind: 'corrupt', detail: 'mục lục tệp nén không hợp lệ' });
    const madeBy = view.getUint16(p + 4, true);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const externalAttrs = view.getUint32(p + 38, true);
    const localHeaderOffset = view.getUint32(p + 42, true);
    const next = p + 46 + nameLen + extraLen + commentLen;
    if (next > eocd.at) refuse({ kind: 'corrupt', detail: 'mục lục tệp nén không hợp lệ' });
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) refuse({ kind: 'zip64' });
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    let name = utf8.decode(nameBytes);
    if (policy.lenientNames) name = name.replace(/\\/g, '/').replace(/^\/+/, '');

    const unixMode = madeBy >> 8 === HOST_UNIX ? externalAttrs >>> 16 : 0;
    if ((unixMode & S_IFMT) === S_IFLNK) refuse({ kind: 'unsafe', detail: `thành phần "${shown(name)}" là liên kết tượng trưng (symlink)` });
    const problem = unsafeName(name);
    if (problem) refuse({ kind: 'unsafe', detail: problem });
    const isDirectory = name.endsWith('/') || (unixMode & S_IFMT) === S_IFDIR || (externalAttrs & DOS_DIRECTORY) !== 0;
    if (isDirectory && policy.directories === 'refuse') refuse({ kind: 'unsafe', detail: `có thư mục "${shown(name)}" trong tệp nén` });
    if (seen.has(name)) refuse({ kind: 'unsafe', detail: `thành phần "${shown(name)}" xuất hiện hai lần` });
    seen.add(name);

    // The local header must describe the same entry as the directory.
    const at = localHeaderOffset;
    if (at + 30 > eocd.cdOffset) {
      if (at + 30 > len) refuse({ kind: 'truncated' });
      refuse({ kind: 'corrupt', detail: `thành phần "${shown(name)}" nằm ngoài vùng dữ liệu` });
    }
    if (view.getUint32(at, true) !== SIG_LOCAL) refuse({ kind: 'corrupt', detail: `thành phần "${shown(name)}" không hợp lệ` });
    const localFlags = view.getUint16(at + 6, true);
    const localMethod = view.getUint16(at + 8, true);
    const localNameLen = view.getUint16(at + 26, true);
    const localExtraLen = view.getUint16(at + 28, true);
    const dataStart = at + 30 + localNameLen + localExtraLen;
    const localName = bytes.subarray(at + 30, at + 30 + localNameLen);
    const mismatch = (what: string) => refuse({ kind: 'corrupt', detail: `${what} của thành phần "${shown(name)}" không khớp giữa mục lục và phần đầu` });
    if (localNameLen !== nameLen || !localName.every((b, i) => b === nameBytes[i])) mismatch('tên');
    if (localMethod !== method) mismatch('kiểu nén');
    if ((localFlags & (FLAG_ENCRYPTED | FLAG_DATA_DESCRIPTOR)) !== (flags & (FLAG_ENCRYPTED | FLAG_DATA_DESCRIPTOR))) mismatch('cờ');
    if (!(flags & FLAG_DATA_DESCRIPTOR)) {
      if (view.getUint32(at + 14, true) !== crc) mismatch('mã CRC');
      if (view.getUint32(at + 18, true) !== compressedSize || view.getUint32(at + 22, true) !== uncompressedSize) mismatch('kích thước');
    }
    if (method === 0 && compressedSize !== uncompressedSize && !(flags & FLAG_ENCRYPTED)) mismatch('kích thước');
    if (dataStart + compressedSize > eocd.cdOffset) {
      if (dataStart + compressedSize > len) refuse({ kind: 'truncated' });
      refuse({ kind: 'unsafe', detail: `thành phần "${shown(name)}" chồng lên mục lục tệp nén` });
    }
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset, dataStart, isDirectory });
    p = next;
  }
  if (p !== eocd.cdOffset + eocd.cdSize) refuse({ kind: 'corrupt', detail: 'mục lục tệp nén không hợp lệ' });

  checkLayout(view, entries, eocd.cdOffset, policy, refuse);
  return policy.directories === 'skip' ? entries.filter((e) => !e.isDirectory) : entries;
}

/** Where an entry's bytes end: its data, plus the data descriptor when its flags announce one. */
function entryEnd(view: DataView, e: ZipEntry, limit: number): number {
  const end = e.dataStart + e.compressedSize;
  if (!(e.flags & FLAG_DATA_DESCRIPTOR)) return end;
  const signed = end + 4 <= limit && view.getUint32(end, true) === SIG_DATA_DESCRIPTOR;
  return end + (signed ? 16 : 12);
}

/** Entries never share bytes (the "overlapping entries" zip bomb); with `contiguous`, nothing hides between them. */
function checkLayout(view: DataView, entries: ZipEntry[], cdOffset: number, policy: ZipPolicy, refuse: ZipRefuse): void {
  const sorted = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  let cursor = 0;
  for (const e of sorted) {
    if (e.localHeaderOffset < cursor) refuse({ kind: 'unsafe', detail: `thành phần "${shown(e.name)}" chồng lên thành phần khác` });
    if (policy.contiguous && e.localHeaderOffset !== cursor) refuse({ kind: 'unsafe', detail: `có dữ liệu ẩn trước thành phần "${shown(e.name)}"` });
    cursor = entryEnd(view, e, cdOffset);
    if (cursor > cdOffset) refuse({ kind: 'unsafe', detail: `thành phần "${shown(e.name)}" chồng lên mục lục tệp nén` });
  }
  if (policy.contiguous && cursor !== cdOffset) refuse({ kind: 'unsafe', detail: 'có dữ liệu ẩn trước mục lục tệp nén' });
}

/** Bounds the declared sizes (per entry, in total, ratio) before anything is inflated. */
export function checkDeclaredSizes(entries: readonly ZipEntry[], limits: ZipLimits, refuse: ZipRefuse): void {
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (e.uncompressedSize > limits.maxEntryUncompressedBytes) {
      refuse({ kind: 'bomb', detail: `thành phần "${shown(e.name)}" giải nén ra ${megabytes(e.uncompressedSize)} MB, tối đa ${megabytes(limits.maxEntryUncompressedBytes)} MB` });
    }
    if (e.uncompressedSize >= limits.ratioCheckMinBytes && e.uncompressedSize / Math.max(1, e.compressedSize) > limits.maxCompressionRatio) {
      refuse({
        kind: 'bomb',
        detail: `thành phần "${shown(e.name)}" nén ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))} lần, giải nén ra ${megabytes(e.uncompressedSize)} MB`,
      });
    }
  }
  if (total > limits.maxTotalUncompressedBytes) {
    refuse({ kind: 'bomb', detail: `tổng dung lượng sau giải nén ${megabytes(total)} MB, tối đa ${megabytes(limits.maxTotalUncompressedBytes)} MB` });
  }
}

/** Inflates one checked entry; the output can never exceed its declared size. */
export function inflateZipEntry(bytes: Uint8Array, entry: ZipEntry, refuse: ZipRefuse): Uint8Array {
  if (entry.flags & FLAG_ENCRYPTED) refuse({ kind: 'encrypted', name: entry.name });
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (data.byteLength !== entry.compressedSize) refuse({ kind: 'truncated' });
  if (entry.method === 0) {
    if (data.byteLength !== entry.uncompressedSize) refuse({ kind: 'corrupt', detail: `kích thước thành phần "${shown(entry.name)}" không khớp` });
    return data;
  }
  if (entry.method !== 8) refuse({ kind: 'corrupt', detail: `thành phần "${shown(entry.name)}" dùng kiểu nén không hỗ trợ (${entry.method})` });
  let out: Buffer;
  try {
    // maxOutputLength makes zlib stop as soon as the output would exceed what the directory declared.
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      refuse({ kind: 'bomb', detail: `thành phần "${shown(entry.name)}" giải nén ra lớn hơn kích thước khai báo` });
    }
    refuse({ kind: 'corrupt', detail: `không giải nén được thành phần "${shown(entry.name)}"` });
  }
  if (out.byteLength !== entry.uncompressedSize) refuse({ kind: 'corrupt', detail: `kích thước thành phần "${shown(entry.name)}" không khớp` });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
