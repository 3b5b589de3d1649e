/**
 * Builds hostile handover packages byte by byte: local headers, central directory and end record
 * written as told, so a test can make them lie (sizes, offsets, names, attributes) the way an
 * attacker would. Also a package writer that skips buildPackage's checks, to carry data the app
 * would never write itself.
 */
import { createHash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { strToU8 } from 'fflate';
import { SCHEMA_VERSION } from '../../../shared/model/records';
import { PACKAGE_FORMAT } from '../../../shared/package/format';
import { RECORD_KEYS } from '../../../shared/model/registry';
import { concatBytes } from '../../../shared/package/bytes';

export const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export interface ForgedEntry {
  name: string;
  /** Bytes written after the local header (compressed already when method is 8). */
  payload: Uint8Array;
  method?: 0 | 8;
  /** Sizes written in both headers; default: the payload's (and for method 8 the `inflated` length). */
  compressedSize?: number;
  uncompressedSize?: number;
  crc?: number;
  /** Unix mode in the high 16 bits of the external attributes (e.g. 0o120777 for a symlink). */
  unixMode?: number;
  /** Where the central directory says the local header is (default: where it was written). */
  pointsAt?: number;
  /** Leave the entry out of the central directory (its bytes stay in the file). */
  hidden?: boolean;
  /** Leave the local header out (the central directory may still point at another one). */
  noLocal?: boolean;
}

/** Stores `content` (method 0) or deflates it (method 8), with the true sizes and CRC. */
export function entry(name: string, content: Uint8Array, method: 0 | 8 = 8): ForgedEntry {
  return {
    name,
    payload: method === 8 ? new Uint8Array(deflateRawSync(content)) : content,
    method,
    uncompressedSize: content.length,
    crc: crc32(content),
  };
}

/** Writes the zip exactly as described; returns the bytes and where each local header went. */
export function forgeZip(entries: ForgedEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let offset = 0;
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(offset);
    if (e.noLocal) continue;
    const name = strToU8(e.name);
    const h = new DataView(new ArrayBuffer(30));
    h.setUint32(0, 0x04034b50, true);
    h.setUint16(4, 20, true);
    h.setUint16(6, 0x800, true);
    h.setUint16(8, e.method ?? 0, true);
    h.setUint32(14, e.crc ?? crc32(e.payload), true);
    h.setUint32(18, e.compressedSize ?? e.payload.length, true);
    h.setUint32(22, e.uncompressedSize ?? e.payload.length, true);
    h.setUint16(26, name.length, true);
    parts.push(new Uint8Array(h.buffer), name, e.payload);
    offset += 30 + name.length + e.payload.length;
  }
  const cdStart = offset;
  let count = 0;
  entries.forEach((e, i) => {
    if (e.hidden) return;
    count++;
    const name = strToU8(e.name);
    const c = new DataView(new ArrayBuffer(46));
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, e.unixMode !== undefined ? (3 << 8) | 20 : 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, 0x800, true);
    c.setUint16(10, e.method ?? 0, true);
    c.setUint32(16, e.crc ?? crc32(e.payload), true);
    c.setUint32(20, e.compressedSize ?? e.payload.length, true);
    c.setUint32(24, e.uncompressedSize ?? e.payload.length, true);
    c.setUint16(28, name.length, true);
    c.setUint32(38, e.unixMode !== undefined ? (e.unixMode << 16) >>> 0 : 0, true);
    c.setUint32(42, e.pointsAt ?? offsets[i]!, true);
    parts.push(new Uint8Array(c.buffer), name);
    offset += 46 + name.length;
  });
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, count, true);
  end.setUint16(10, count, true);
  end.setUint32(12, offset - cdStart, true);
  end.setUint32(16, cdStart, true);
  parts.push(new Uint8Array(end.buffer));
  return concatBytes(...parts);
}

export { concatBytes };

type Json = Record<string, unknown>;

/** The manifest buildPackage would write for `data` (checksums of the given entries). */
export function manifestFor(data: Json, checksums: Record<string, string>): Json {
  const bloc = data.bloc as { id: string; name: string; shortName: string };
  const list = (k: string) => ((data[k] as unknown[] | undefined) ?? []).length;
  return {
    format: PACKAGE_FORMAT,
    formatVersion: 1,
    schemaVersion: SCHEMA_VERSION,
    app: { name: 'BlocDesk', version: '0.1.0' },
    createdAt: '2026-11-20T08:00:00.000Z',
    createdBy: 'Văn phòng Khối',
    bloc: { id: bloc.id, name: bloc.name, shortName: bloc.shortName },
    years: ((data.years as { year: number }[] | undefined) ?? []).map((y) => y.year),
    // Every kind of the registry, as buildPackage counts them.
    counts: Object.fromEntries(RECORD_KEYS.map((k) => [k, list(k)])),
    checksums,
  };
}

/** A package of `data` (any JSON, or raw text) with a matching manifest, without buildPackage's checks. */
export function rawPackage(data: Json | string, options: { manifestData?: Json; extra?: ForgedEntry[] } = {}): Uint8Array {
  const dataBytes = strToU8(typeof data === 'string' ? data : JSON.stringify(data));
  const manifest = manifestFor(options.manifestData ?? (data as Json), { 'data.json': sha(dataBytes) });
  return forgeZip([entry('data.json', dataBytes), entry('manifest.json', strToU8(JSON.stringify(manifest))), ...(options.extra ?? [])]);
}
