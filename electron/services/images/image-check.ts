/**
 * Checks that bytes really are a PNG or JPEG image, in main, before they are stored or printed.
 * Magic bytes alone prove nothing; this walks the whole structure:
 *  - PNG: signature, every chunk's length and CRC, IHDR first (size, bit depth and colour type that
 *    go together), PLTE before IDAT for palette images, IDAT inflated with a hard output limit to
 *    exactly the size IHDR implies, a valid filter byte on every row, IEND last;
 *  - JPEG: SOI, every marker segment's length, a frame header (SOF) with its size and components,
 *    quantisation tables, at least one scan (SOS) with entropy-coded data, EOI.
 * Pixels are not colour-decoded; what could make a viewer or pdfmake misread the file is refused.
 */
import { crc32, inflateSync } from 'node:zlib';

export type ImageMime = 'image/png' | 'image/jpeg';

export interface ImageLimits {
  /** Longest side in pixels. */
  maxSide: number;
  /** Size of the decompressed PNG scanlines, bounding what one image may inflate to. */
  maxRawBytes: number;
}

export const DEFAULT_IMAGE_LIMITS: ImageLimits = { maxSide: 4000, maxRawBytes: 32 * 1024 * 1024 };

export type ImageCheck = { ok: true; mime: ImageMime; width: number; height: number } | { ok: false; reason: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The MIME type the first bytes announce, or null. */
export function sniffImage(bytes: Uint8Array): ImageMime | null {
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Checks the whole file; the reason, when it is refused, is a Vietnamese fragment. */
export function checkImage(bytes: Uint8Array, limits: ImageLimits = DEFAULT_IMAGE_LIMITS): ImageCheck {
  const mime = sniffImage(bytes);
  if (mime === 'image/png') return checkPng(bytes, limits);
  if (mime === 'image/jpeg') return checkJpeg(bytes, limits);
  return { ok: false, reason: 'không phải ảnh PNG hay JPEG' };
}

// ---------------------------------------------------------------- PNG

const PNG_DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** Adam7 passes: x0, y0, dx, dy. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

function checkPng(bytes: Uint8Array, limits: ImageLimits): ImageCheck {
  const bad = (reason: string): ImageCheck => ({ ok: false, reason: `ảnh PNG hỏng (${reason})` });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let p = 8;
  let width = 0;
  let height = 0;
  let depth = 0;
  let colour = -1;
  let interlace = 0;
  let palette = false;
  let idatState: 'before' | 'in' | 'after' = 'before';
  const idat: Uint8Array[] = [];
  let ended = false;
  while (p < bytes.length) {
    if (p + 12 > bytes.length) return bad('khối dữ liệu bị cắt');
    const length = view.getUint32(p);
    const type = String.fromCharCode(bytes[p + 4]!, bytes[p + 5]!, bytes[p + 6]!, bytes[p + 7]!);
    if (length > 0x7fffffff || p + 12 + length > bytes.length) return bad('khối dữ liệu bị cắt');
    if (!/^[A-Za-z]{4}$/.test(type)) return bad('khối dữ liệu không hợp lệ');
    if (crc32(bytes.subarray(p + 4, p + 8 + length)) !== view.getUint32(p + 8 + length)) return bad(`sai mã CRC ở khối ${type}`);
    const data = bytes.subarray(p + 8, p + 8 + length);
    if (p === 8 && type !== 'IHDR') return bad('thiếu IHDR');
    if (type === 'IHDR') {
      if (p !== 8 || length !== 13) return bad('IHDR không hợp lệ');
      width = view.getUint32(p + 8);
      height = view.getUint32(p + 12);
      depth = data[8]!;
      colour = data[9]!;
      interlace = data[12]!;
      if (width < 1 || height < 1) return bad('kích thước 0');
      if (width > limits.maxSide || height > limits.maxSide) return bad(`kích thước ${width}×${height} điểm ảnh quá lớn`);
      if (!PNG_DEPTHS[colour]?.includes(depth)) return bad('kiểu màu không hợp lệ');
      if (data[10] !== 0 || data[11] !== 0 || interlace > 1) return bad('kiểu nén không hợp lệ');
    } else if (type === 'PLTE') {
      const maxEntries = colour === 3 ? 2 ** depth : 256;
      if (idatState !== 'before' || colour === 0 || colour === 4 || length === 0 || length % 3 !== 0 || length / 3 > maxEntries) return bad('bảng màu không hợp lệ');
      palette = true;
    } else if (type === 'IDAT') {
      if (idatState === 'after') return bad('dữ liệu ảnh bị tách rời');
      if (colour === 3 && !palette) return bad('thiếu bảng màu');
      idatState = 'in';
      idat.push(data);
    } else if (type === 'IEND') {
      if (length !== 0) return bad('IEND không hợp lệ');
      ended = true;
      p += 12;
      break;
    } else {
      if (idatState === 'in') idatState = 'after';
      // Unknown critical chunks (upper-case first letter) cannot be skipped by a decoder.
      if (type.charCodeAt(0) < 0x61 && !['cHRM', 'gAMA', 'iCCP', 'sBIT', 'sRGB', 'bKGD', 'hIST', 'tRNS', 'pHYs', 'sPLT', 'tIME', 'iTXt', 'tEXt', 'zTXt'].includes(type))
        return bad(`khối ${type} không được hỗ trợ`);
    }
    p += 12 + length;
  }
  if (!ended) return bad('thiếu phần kết thúc IEND');
  if (p !== bytes.length) return bad('có dữ liệu thừa sau IEND');
  if (idat.length === 0) return bad('không có dữ liệu ảnh');

  const bitsPerPixel = depth * PNG_CHANNELS[colour]!;
  const rows: { count: number; bytes: number }[] = [];
  if (interlace === 0) rows.push({ count: height, bytes: Math.ceil((width * bitsPerPixel) / 8) });
  else
    for (const [x0, y0, dx, dy] of ADAM7) {
      const w = Math.ceil((width - x0) / dx);
      const h = Math.ceil((height - y0) / dy);
      if (w > 0 && h > 0) rows.push({ count: h, bytes: Math.ceil((w * bitsPerPixel) / 8) });
    }
  const expected = rows.reduce((n, r) => n + r.count * (1 + r.bytes), 0);
  if (expected > limits.maxRawBytes) return bad(`kích thước ${width}×${height} điểm ảnh quá lớn`);
  const stream = idat.length === 1 ? idat[0]! : Buffer.concat(idat);
  let raw: Buffer;
  try {
    raw = inflateSync(stream, { maxOutputLength: Math.max(1, expected) });
  } catch {
    return bad('dữ liệu nén không giải được');
  }
  if (raw.length !== expected) return bad('dữ liệu ảnh không khớp kích thước');
  let at = 0;
  for (const r of rows)
    for (let y = 0; y < r.count; y++) {
      if (raw[at]! > 4) return bad('bộ lọc dòng không hợp lệ');
      at += 1 + r.bytes;
    }
  return { ok: true, mime: 'image/png', width, height };
}

// ---------------------------------------------------------------- JPEG

function isSof(m: number): boolean {
  return m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
}

function checkJpeg(bytes: Uint8Array, limits: ImageLimits): ImageCheck {
  const bad = (reason: string): ImageCheck => ({ ok: false, reason: `ảnh JPEG hỏng (${reason})` });
  const n = bytes.length;
  const u16 = (i: number) => (bytes[i]! << 8) | bytes[i + 1]!;
  let p = 2;
  let width = 0;
  let height = 0;
  let components = 0;
  let quantTables = 0;
  let scans = 0;
  while (true) {
    if (p >= n || bytes[p] !== 0xff) return bad(p >= n ? 'thiếu phần kết thúc EOI' : 'mã đánh dấu không hợp lệ');
    while (p < n && bytes[p] === 0xff) p++; // fill bytes
    if (p >= n) return bad('thiếu phần kết thúc EOI');
    const m = bytes[p++]!;
    if (m === 0xd9) break; // EOI
    if (m === 0x00 || m === 0xd8) return bad('mã đánh dấu không hợp lệ');
    if ((m >= 0xd0 && m <= 0xd7) || m === 0x01) continue; // RSTn, TEM: no length
    if (p + 2 > n) return bad('đoạn dữ liệu bị cắt');
    const length = u16(p);
    if (length < 2 || p + length > n) return bad('đoạn dữ liệu bị cắt');
    const seg = p + 2;
    if (isSof(m)) {
      if (width) return bad('có hai phần mô tả khung ảnh');
      if (length < 8) return bad('phần mô tả khung ảnh không hợp lệ');
      const precision = bytes[seg]!;
      height = u16(seg + 1);
      width = u16(seg + 3);
      components = bytes[seg + 5]!;
      if (![8, 12, 16].includes(precision) || components < 1 || components > 4 || length !== 8 + 3 * components) return bad('phần mô tả khung ảnh không hợp lệ');
      if (width < 1 || height < 1) return bad('kích thước 0');
      if (width > limits.maxSide || height > limits.maxSide) return bad(`kích thước ${width}×${height} điểm ảnh quá lớn`);
      for (let c = 0; c < components; c++) {
        const sampling = bytes[seg + 7 + 3 * c]!;
        const h = sampling >> 4;
        const v = sampling & 15;
        if (h < 1 || h > 4 || v < 1 || v > 4 || bytes[seg + 8 + 3 * c]! > 3) return bad('phần mô tả khung ảnh không hợp lệ');
      }
    } else if (m === 0xdb) {
      quantTables++;
    } else if (m === 0xda) {
      if (!width) return bad('dữ liệu ảnh trước phần mô tả khung');
      const ns = bytes[seg]!;
      if (ns < 1 || ns > components || length !== 6 + 2 * ns) return bad('phần đầu lượt quét không hợp lệ');
      // Entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart marker.
      let q = p + length;
      const start = q;
      while (q < n) {
        if (bytes[q] === 0xff) {
          const next = bytes[q + 1];
          if (next === undefined) return bad('thiếu phần kết thúc EOI');
          if (next === 0xff) q++; // a fill byte before a marker
          else if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) q += 2;
          else break;
        } else q++;
      }
      if (q === start) return bad('lượt quét không có dữ liệu');
      scans++;
      p = q;
      continue;
    }
    p += length;
  }
  if (!width) return bad('thiếu phần mô tả khung ảnh');
  if (!quantTables) return bad('thiếu bảng lượng tử');
  if (!scans) return bad('không có dữ liệu ảnh');
  return { ok: true, mime: 'image/jpeg', width, height };
}
