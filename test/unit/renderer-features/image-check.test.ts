import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, fitWithin, imageProblem, sniffImageMime } from '../../../renderer/src/features/pledge/image-check';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);

describe('signature image checks', () => {
  it('recognises PNG and JPEG by their bytes, not by the name', () => {
    expect(sniffImageMime(png)).toBe('image/png');
    expect(sniffImageMime(jpeg)).toBe('image/jpeg');
    expect(sniffImageMime(new TextEncoder().encode('GIF89a....'))).toBeNull();
    expect(imageProblem('chu-ky.png', png)).toBeNull();
  });

  it('explains in Vietnamese why a file is refused', () => {
    expect(imageProblem('chu-ky.png', new TextEncoder().encode('%PDF-1.7 ...'))).toBe(
      'Tệp "chu-ky.png" là tệp PDF, không dùng được. Chỉ nhận ảnh PNG hoặc JPEG (kiểm tra theo nội dung tệp, không theo tên).',
    );
    expect(imageProblem('dau.jpg', new Uint8Array())).toBe('Tệp "dau.jpg" rỗng (0 byte). Hãy chọn ảnh PNG hoặc JPEG khác.');
    expect(imageProblem('dau.gif', new TextEncoder().encode('GIF89a'))).toContain('ảnh GIF');
    const big = new Uint8Array(16 * 1024 * 1024);
    big.set(png);
    expect(imageProblem('to.png', big)).toBe('Tệp "to.png" quá lớn (16 MB; tối đa 15 MB). Hãy quét lại với độ phân giải thấp hơn.');
  });

  it('scales the longest side down to 600 px keeping the ratio, never up', () => {
    expect(fitWithin(2400, 1200)).toEqual({ width: 600, height: 300 });
    expect(fitWithin(900, 3000)).toEqual({ width: 180, height: 600 });
    expect(fitWithin(300, 200)).toEqual({ width: 300, height: 200 });
  });

  it('round-trips bytes through base64', () => {
    const bytes = new Uint8Array(40_000).map((_, i) => (i * 31) % 256);
    const b64 = bytesToBase64(bytes);
    expect(b64.slice(0, 8)).toBe(Buffer.from(bytes).toString('base64').slice(0, 8));
    expect(base64ToBytes(b64)).toEqual(bytes);
  });
});
