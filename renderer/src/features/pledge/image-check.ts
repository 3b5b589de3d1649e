/**
 * Scanned signature and stamp images: the type is decided by the file's first bytes (never by its
 * name), and the size of the stored copy is bounded. Pure; the canvas work is in image-resize.ts.
 */

export type ImageMime = 'image/png' | 'image/jpeg';

/** Files larger than this are refused before decoding (a scan of a signature is far smaller). */
export const MAX_IMAGE_FILE_BYTES = 15 * 1024 * 1024;
/** The longest side of the stored image, in pixels. */
export const MAX_IMAGE_SIDE = 600;

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** 'image/png' or 'image/jpeg' from the magic bytes; null for anything else. */
export function sniffImageMime(bytes: Uint8Array): ImageMime | null {
  if (bytes.length >= 8 && PNG_MAGIC.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

function describeOther(bytes: Uint8Array): string {
  const head = String.fromCharCode(...bytes.subarray(0, 8));
  if (head.startsWith('%PDF')) return 'tệp PDF';
  if (head.startsWith('GIF8')) return 'ảnh GIF';
  if (head.startsWith('BM')) return 'ảnh BMP';
  if (head.startsWith('RIFF')) return 'ảnh WebP hoặc tệp RIFF';
  if (head.startsWith('PK')) return 'tệp nén hoặc tệp Office';
  if (head.startsWith('II*') || head.startsWith('MM\u0000*')) return 'ảnh TIFF';
  return 'tệp không phải ảnh PNG hay JPEG';
}

/** Vietnamese reason why a file cannot be used as a signature or stamp image, or null when it can. */
export function imageProblem(name: string, bytes: Uint8Array): string | null {
  if (bytes.length === 0) return `Tệp "${name}" rỗng (0 byte). Hãy chọn ảnh PNG hoặc JPEG khác.`;
  if (bytes.length > MAX_IMAGE_FILE_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
    return `Tệp "${name}" quá lớn (${mb} MB; tối đa 15 MB). Hãy quét lại với độ phân giải thấp hơn.`;
  }
  if (!sniffImageMime(bytes)) {
    return `Tệp "${name}" là ${describeOther(bytes)}, không dùng được. Chỉ nhận ảnh PNG hoặc JPEG (kiểm tra theo nội dung tệp, không theo tên).`;
  }
  return null;
}

/** Size that fits into MAX_IMAGE_SIDE keeping the aspect ratio (never enlarges). */
export function fitWithin(width: number, height: number, maxSide = MAX_IMAGE_SIDE): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= maxSide) return { width, height };
  const k = maxSide / longest;
  return { width: Math.max(1, Math.round(width * k)), height: Math.max(1, Math.round(height * k)) };
}

export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) out += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(out);
}

export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
