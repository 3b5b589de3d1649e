/**
 * Reads only a package's manifest.json from disk, without inflating its data: the zip's central
 * directory is at the end of the file, so the tail locates the manifest entry and only that entry
 * is read. Listing a folder of backups of a 10-year bloc then costs a few kilobytes per file.
 * The manifest is checked like the full reader does (package-file.ts, checkManifest); the data's
 * checksums are only verified when the package is actually read (readPackageFile).
 */
import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { inflateSync } from 'fflate';
import { UserError } from '../../../shared/errors';
import { PACKAGE_MAX_FILE_BYTES, type PackageManifest } from '../../../shared/package/format';
import { checkManifest, DATA_ENTRY, MANIFEST_ENTRY } from './package-file';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
/** A manifest is a few kilobytes; anything bigger is not ours. */
const MAX_MANIFEST_BYTES = 1024 * 1024;

export interface ManifestOnly {
  manifest: PackageManifest;
  size: number;
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buffer = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === length ? buffer : buffer.subarray(0, done);
}

export async function readPackageManifestFile(path: string): Promise<ManifestOnly> {
  const name = basename(path);
  const damaged = (): never => {
    throw new UserError(
      'package-damaged',
      `Tệp "${name}" bị hỏng hoặc không đầy đủ (có thể bị cắt ngang khi sao chép hoặc ghi dở).`,
    );
  };
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch {
    throw new UserError('file-not-found', `Không đọc được tệp "${path}".`);
  }
  try {
    const size = (await handle.stat()).size;
    if (size === 0) throw new UserError('package-empty', `Tệp "${name}" rỗng (0 byte), không phải gói BlocDesk.`);
    if (size > PACKAGE_MAX_FILE_BYTES)
      throw new UserError('package-too-large', `Tệp "${name}" quá lớn (${Math.round(size / 1048576)} MB) để là gói BlocDesk.`);
    const head = await readAt(handle, 0, 4);
    const view4 = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(at, true);
    if (head.length < 4 || view4(head, 0) !== LOCAL_SIGNATURE)
      throw new UserError('package-foreign', `Tệp "${name}" không phải gói BlocDesk (*.blocdesk).`);
    if (size < EOCD_SIZE) damaged();

    const tailStart = Math.max(0, size - EOCD_SIZE - MAX_COMMENT);
    const tail = await readAt(handle, tailStart, size - tailStart);
    const tv = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
    let eocd = -1;
    for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
      if (tv.getUint32(i, true) === EOCD_SIGNATURE) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) damaged();
    const entryCount = tv.getUint16(eocd + 10, true);
    const cdSize = tv.getUint32(eocd + 12, true);
    const cdOffset = tv.getUint32(eocd + 16, true);
    if (cdOffset + cdSize > tailStart + eocd) damaged();
    const cd = await readAt(handle, cdOffset, cdSize);
    if (cd.length !== cdSize) damaged();
    const cv = new DataView(cd.buffer, cd.byteOffset, cd.byteLength);

    let manifestEntry: { method: number; compressed: number; original: number; offset: number } | null = null;
    let hasData = false;
    let p = 0;
    for (let n = 0; n < entryCount; n++) {
      if (p + 46 > cd.length || cv.getUint32(p, true) !== CENTRAL_SIGNATURE) damaged();
      const nameLength = cv.getUint16(p + 28, true);
      const extraLength = cv.getUint16(p + 30, true);
      const commentLength = cv.getUint16(p + 32, true);
      if (p + 46 + nameLength > cd.length) damaged();
      const entryName = new TextDecoder().decode(cd.subarray(p + 46, p + 46 + nameLength));
      if (entryName === MANIFEST_ENTRY)
        manifestEntry = {
          method: cv.getUint16(p + 10, true),
          compressed: cv.getUint32(p + 20, true),
          original: cv.getUint32(p + 24, true),
          offset: cv.getUint32(p + 42, true),
        };
      if (entryName === DATA_ENTRY) hasData = true;
      p += 46 + nameLength + extraLength + commentLength;
    }
    if (!manifestEntry)
      throw new UserError('package-foreign', `Tệp "${name}" là tệp nén nhưng không phải gói BlocDesk (thiếu tệp mô tả manifest.json).`);
    if (!hasData) throw new UserError('package-damaged', `Gói "${name}" thiếu phần dữ liệu (data.json).`);
    if (manifestEntry.compressed > MAX_MANIFEST_BYTES || manifestEntry.original > MAX_MANIFEST_BYTES) damaged();

    const local = await readAt(handle, manifestEntry.offset, 30);
    if (local.length !== 30 || view4(local, 0) !== LOCAL_SIGNATURE) damaged();
    const lv = new DataView(local.buffer, local.byteOffset, local.byteLength);
    const dataStart = manifestEntry.offset + 30 + lv.getUint16(26, true) + lv.getUint16(28, true);
    const stored = await readAt(handle, dataStart, manifestEntry.compressed);
    if (stored.length !== manifestEntry.compressed) damaged();
    let bytes: Uint8Array;
    try {
      if (manifestEntry.method === 0) bytes = stored;
      else if (manifestEntry.method === 8) bytes = inflateSync(stored, { out: new Uint8Array(manifestEntry.original) });
      else return damaged();
    } catch {
      return damaged();
    }
    if (bytes.length !== manifestEntry.original) damaged();
    return { manifest: checkManifest(bytes, name), size };
  } finally {
    await handle.close();
  }
}
