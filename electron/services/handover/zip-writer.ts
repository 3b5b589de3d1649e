/**
 * Writes a plain ZIP archive (deflate, no ZIP64) with Node's native zlib. A 10-year bloc's data is
 * some 70 MB of JSON: native deflate packs it several times faster than fflate's JavaScript one,
 * which dominated the time of a backup. Readers (fflate's unzipSync, package-manifest.ts, any zip
 * tool) see an ordinary archive. Entry times are written on the office clock, so the bytes do not
 * depend on the PC's time zone.
 */
import { promisify } from 'node:util';
import { crc32, deflateRaw, deflateRawSync } from 'node:zlib';
import { localParts } from '../../../shared/domain/office-time';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
  mtime: Date;
  /** zlib level 0–9; 0 stores the entry uncompressed. */
  level: number;
}

const ZIP_LIMIT = 0xffffffff;

function dosDateTime(at: Date): { time: number; date: number } {
  const ms = at.getTime();
  const p = localParts(Number.isNaN(ms) ? Date.UTC(1980, 0, 1) : ms);
  const year = Math.min(Math.max(p.year, 1980), 2107);
  return {
    time: (p.hour << 11) | (p.minute << 5) | (p.second >> 1),
    date: ((year - 1980) << 9) | (p.month << 5) | p.day,
  };
}

const deflateRawAsync = promisify(deflateRaw);

/**
 * An entry compressed while its data was still being written (bloc-upload.ts): the raw deflate
 * body, and the CRC-32 and length of the data it holds.
 */
export interface PackedZipEntry {
  name: string;
  mtime: Date;
  deflated: Uint8Array;
  crc: number;
  size: number;
}

export function zipEntries(entries: readonly ZipEntry[]): Uint8Array {
  return assemble(entries.map((e) => packed(e, e.level === 0 ? e.data : deflateRawSync(e.data, { level: e.level }))));
}

/** The same archive, compressed on libuv's thread pool so the event loop stays free meanwhile. */
export async function zipEntriesAsync(entries: readonly ZipEntry[]): Promise<Uint8Array> {
  const bodies = await Promise.all(entries.map((e) => (e.level === 0 ? e.data : deflateRawAsync(e.data, { level: e.level }))));
  return assemble(entries.map((e, i) => packed(e, bodies[i]!)));
}

/** An archive of entries already compressed and of plain ones (compressed here). */
export function zipPackedEntries(entries: readonly (PackedZipEntry | ZipEntry)[]): Uint8Array {
  return assemble(entries.map((e) => ('deflated' in e ? { ...e, stored: false, body: e.deflated } : packed(e, e.level === 0 ? e.data : deflateRawSync(e.data, { level: e.level })))));
}

interface Body {
  name: string;
  mtime: Date;
  stored: boolean;
  body: Uint8Array;
  crc: number;
  size: number;
}

function packed(entry: ZipEntry, body: Uint8Array): Body {
  return { name: entry.name, mtime: entry.mtime, stored: entry.level === 0, body, crc: crc32(entry.data), size: entry.data.length };
}

function assemble(entries: readonly Body[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const { stored, body, crc } = entry;
    if (entry.size >= ZIP_LIMIT || body.length >= ZIP_LIMIT || offset >= ZIP_LIMIT) throw new RangeError('zip too large');
    const { time, date } = dosDateTime(entry.mtime);
    const flags = /[^\x20-\x7e]/.test(entry.name) ? 0x0800 : 0; // UTF-8 names when not plain ASCII
    const method = stored ? 0 : 8;

    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    const fields: EntryFields = { flags, method, time, date, crc, compressed: body.length, size: entry.size, nameLength: name.length };
    writeEntryFields(local, 6, fields);
    local.writeUInt16LE(0, 28);
    name.copy(local, 30);

    const central = Buffer.alloc(46 + name.length);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    writeEntryFields(central, 8, fields);
    central.writeUInt32LE(offset, 42);
    name.copy(central, 46);

    locals.push(local, body);
    centrals.push(central);
    offset += local.length + body.length;
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  const out = Buffer.concat([...locals, ...centrals, end]);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

interface EntryFields {
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressed: number;
  size: number;
  nameLength: number;
}

/** The run of fields the local header (at 6) and the central directory entry (at 8) share, in the same order. */
function writeEntryFields(header: Buffer, at: number, f: EntryFields): void {
  header.writeUInt16LE(f.flags, at);
  header.writeUInt16LE(f.method, at + 2);
  header.writeUInt16LE(f.time, at + 4);
  header.writeUInt16LE(f.date, at + 6);
  header.writeUInt32LE(f.crc, at + 8);
  header.writeUInt32LE(f.compressed, at + 12);
  header.writeUInt32LE(f.size, at + 16);
  header.writeUInt16LE(f.nameLength, at + 20);
}
