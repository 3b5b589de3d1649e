/** Scanned images of the model (data URLs) decoded for embedding: bytes, format and pixel size. */

export interface DecodedImage {
  type: 'png' | 'jpg';
  bytes: Uint8Array;
  /** Size in pixels, as the image itself says. */
  width: number;
  height: number;
}

const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;

/** Width and height of a PNG (IHDR) or a JPEG (its first frame header); null when unreadable. */
export function imageSize(bytes: Uint8Array): { type: 'png' | 'jpg'; width: number; height: number } | null {
  if (bytes.length >= 24 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
    return { type: 'png', width: u32(bytes, 16), height: u32(bytes, 20) };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let at = 2;
    while (at + 9 < bytes.length) {
      if (bytes[at] !== 0xff) return null;
      const marker = bytes[at + 1]!;
      // Start-of-frame markers (C0–CF) carry the size, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { type: 'jpg', height: u16(bytes, at + 5), width: u16(bytes, at + 7) };
      }
      if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
        at += 2;
        continue;
      }
      at += 2 + u16(bytes, at + 2);
    }
  }
  return null;
}

/**
 * The image of a data URL. The documents' images were checked when the model was built
 * (documents/images.ts); an image whose size cannot be read here is a programming error.
 */
export function imageOf(dataUrl: string): DecodedImage {
  const comma = dataUrl.indexOf(',');
  const bytes = new Uint8Array(Buffer.from(dataUrl.slice(comma + 1), 'base64'));
  const size = imageSize(bytes);
  if (!size || size.width <= 0 || size.height <= 0) throw new Error('Ảnh chữ ký hoặc con dấu không đọc được kích thước.');
  return { ...size, bytes };
}
