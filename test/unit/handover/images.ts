/** Real images for attachment tests: a PNG written here with zlib, and a JPEG rendered by pdftoppm (17×24). */
import { crc32, deflateSync } from 'node:zlib';

/** A 17×24 JPEG (baseline, from `pdftoppm -jpeg -r 2` of a pledge page). */
export const JPEG_17x24 = '/9j/4AAQSkZJRgABAQEAAgACAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCAAYABEDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwD3O6kKzx7duV5bcT0/A+uPWoYomN55xuHK5/1QC7f/AEHPv1qS6ZhcYBPTsaSINuGd3UUAX6KKKAIZLdJH3sWz6ClFugIOOlFFAEtFFFAH/9k=';

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const body = Buffer.concat([head.subarray(4), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

/**
 * An RGBA PNG of the given size, valid in every byte: a grey gradient, or with `inkSeed` white
 * paper with scattered dark strokes, which compresses about like a scanned signature.
 */
export function pngBytes(width: number, height: number, inkSeed?: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) raw.fill((x * 7 + y * 3) & 0xff, y * (1 + width * 4) + 1 + x * 4, y * (1 + width * 4) + 1 + x * 4 + 3).writeUInt8(255, y * (1 + width * 4) + 4 + x * 4);
  if (inkSeed !== undefined) {
    let r = inkSeed * 7919 + 1;
    for (let i = 0; i < height; i++) {
      const row = i * (1 + width * 4);
      raw[row] = 0;
      for (let x = 0; x < width; x++) {
        r = (r * 1103515245 + 12345) & 0x7fffffff;
        const v = r % 10 === 0 ? (r >> 8) & 0x7f : 255;
        raw.fill(v, row + 1 + x * 4, row + 4 + x * 4).writeUInt8(255, row + 4 + x * 4);
      }
    }
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]);
}
