import { describe, expect, it } from 'vitest';
import { clearPaper, paperLevel } from '../../../renderer/src/features/pledge/paper-transparency';

type Rgba = [number, number, number, number];

/** A synthetic scan: `count` pixels of each colour, in order. */
function image(...parts: [Rgba, number][]): Uint8ClampedArray {
  const pixels = parts.flatMap(([colour, count]) => Array.from({ length: count }, () => colour));
  return new Uint8ClampedArray(pixels.flat());
}
const pixel = (data: Uint8ClampedArray, i: number): Rgba => [data[i * 4]!, data[i * 4 + 1]!, data[i * 4 + 2]!, data[i * 4 + 3]!];

describe('clearPaper: the paper of a scanned signature or stamp becomes transparent', () => {
  it('clears white paper, keeps the ink and fades the ink edge', () => {
    const paper: Rgba = [250, 250, 250, 255];
    const ink: Rgba = [20, 40, 160, 255];
    const edge: Rgba = [200, 205, 230, 255];
    const data = image([paper, 70], [ink, 20], [edge, 10]);
    const result = clearPaper(data);

    expect(result.paperLevel).toBe(250);
    expect(result.cleared).toBe(70);
    expect(pixel(data, 0)).toEqual([0, 0, 0, 0]);
    expect(pixel(data, 70)).toEqual(ink);
    const [r, g, b, a] = pixel(data, 90);
    expect(a).toBeGreaterThan(0);
    expect(a).toBeLessThan(255);
    // Un-mixed from the paper: over the same paper the edge pixel looks as it did on the scan.
    const t = a / 255;
    for (const [c, original] of [[r, 200], [g, 205], [b, 230]] as const) {
      expect(Math.abs(t * c + (1 - t) * 250 - original)).toBeLessThanOrEqual(2);
    }
    // ...and darker than the scanned edge, so no light halo shows where it crosses a stamp.
    expect(r).toBeLessThan(200);
  });

  it('measures the paper of a greyish photo and clears it too', () => {
    const photoPaper: Rgba = [214, 210, 205, 255];
    const brighterPaper: Rgba = [226, 222, 219, 255];
    const stampInk: Rgba = [200, 30, 35, 255];
    const data = image([photoPaper, 40], [brighterPaper, 30], [stampInk, 30]);
    const result = clearPaper(data);
    expect(result.paperLevel).toBe(205);
    expect(result.cleared).toBe(70);
    expect(pixel(data, 0)[3]).toBe(0);
    expect(pixel(data, 40)[3]).toBe(0);
    expect(pixel(data, 70)).toEqual(stampInk);
  });

  it('keeps a bright saturated colour: it is ink, not paper, though its luminance is high', () => {
    const yellow: Rgba = [255, 240, 0, 255];
    const data = image([[255, 255, 255, 255], 60], [yellow, 40]);
    clearPaper(data);
    expect(pixel(data, 60)).toEqual(yellow);
    expect(pixel(data, 0)[3]).toBe(0);
  });

  it('leaves images that are not ink on paper as they are', () => {
    // Already transparent around the ink: the opaque pixels are all ink.
    const inkOnly = image([[0, 0, 0, 0], 80], [[30, 30, 120, 255], 20]);
    const before = inkOnly.slice();
    expect(clearPaper(inkOnly)).toEqual({ paperLevel: null, cleared: 0 });
    expect(inkOnly).toEqual(before);
    // A dark photo.
    const dark = image([[90, 95, 100, 255], 100]);
    expect(paperLevel(dark)).toBeNull();
    // Nothing at all.
    expect(clearPaper(new Uint8ClampedArray(0))).toEqual({ paperLevel: null, cleared: 0 });
  });

  it('keeps the ink of a signature that fills most of the picture', () => {
    const data = image([[255, 255, 255, 255], 25], [[10, 10, 10, 255], 75]);
    expect(clearPaper(data).cleared).toBe(25);
    expect(pixel(data, 99)).toEqual([10, 10, 10, 255]);
  });

  it('scales the alpha of half-transparent pixels instead of raising it', () => {
    const data = image([[255, 255, 255, 255], 60], [[220, 220, 220, 128], 40]);
    clearPaper(data);
    const a = pixel(data, 60)[3];
    expect(a).toBeGreaterThan(0);
    expect(a).toBeLessThan(128);
  });
});
