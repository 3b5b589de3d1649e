/**
 * Makes the paper of a scanned signature or stamp transparent, so the stamp printed over the
 * signature lets the ink underneath show, as on a signed and stamped sheet. Pure: works on the RGBA
 * pixels of a canvas (ImageData.data), in place; image-resize.ts does the canvas work.
 *
 * A pixel's whiteness is its darkest channel: paper is light in every channel, while red stamp ink
 * stays "dark" in green and blue however bright it looks. The paper's level is measured on the image
 * (scans and photos are rarely pure white): pixels clearly lighter than the ink around them are
 * cleared, pixels near the level fade out along a ramp so the ink's edges stay smooth.
 */

/** Pixels at least this light (0–255 darkest channel) are paper candidates. */
const LIGHT = 128;
/** Below this share of light pixels the image is not ink on paper: it is left as it is. */
const MIN_PAPER_SHARE = 0.2;
/** How far below the paper level clearing starts, and how wide the fade to opaque ink is. */
const CLEAR_BELOW_PAPER = 10;
const FADE_WIDTH = 60;

export interface PaperResult {
  /** The measured paper level (darkest channel, 0–255), or null when no paper was found. */
  paperLevel: number | null;
  /** Pixels made fully transparent. */
  cleared: number;
}

/** The median whiteness of the light pixels, or null when too few pixels are light. */
export function paperLevel(rgba: ArrayLike<number>): number | null {
  const histogram = new Array<number>(256).fill(0);
  let opaque = 0;
  let light = 0;
  for (let i = 0; i + 3 < rgba.length; i += 4) {
    if (rgba[i + 3]! === 0) continue;
    opaque++;
    const w = Math.min(rgba[i]!, rgba[i + 1]!, rgba[i + 2]!);
    if (w >= LIGHT) {
      histogram[w]!++;
      light++;
    }
  }
  if (opaque === 0 || light < opaque * MIN_PAPER_SHARE) return null;
  let seen = 0;
  for (let w = LIGHT; w < 256; w++) {
    seen += histogram[w]!;
    if (seen * 2 >= light) return w;
  }
  return 255;
}

/**
 * Clears the paper in place: whiteness at or above (paper − 10) → alpha 0; at or below 60 less →
 * unchanged; between, alpha fades linearly and the colour is un-mixed from the paper, so the edge
 * of a stroke printed over white looks as on the scan (with whitened paper), without a light halo
 * where it crosses the stamp.
 */
export function clearPaper(rgba: Uint8ClampedArray | Uint8Array): PaperResult {
  const paper = paperLevel(rgba);
  if (paper === null) return { paperLevel: null, cleared: 0 };
  const clear = paper - CLEAR_BELOW_PAPER;
  const keep = clear - FADE_WIDTH;
  let cleared = 0;
  for (let i = 0; i + 3 < rgba.length; i += 4) {
    const alpha = rgba[i + 3]!;
    if (alpha === 0) continue;
    const w = Math.min(rgba[i]!, rgba[i + 1]!, rgba[i + 2]!);
    if (w <= keep) continue;
    if (w >= clear) {
      rgba[i] = rgba[i + 1] = rgba[i + 2] = rgba[i + 3] = 0;
      cleared++;
      continue;
    }
    const t = (clear - w) / FADE_WIDTH;
    for (let c = 0; c < 3; c++) {
      const unmixed = (rgba[i + c]! - paper * (1 - t)) / t;
      rgba[i + c] = Math.max(0, Math.min(255, Math.round(unmixed)));
    }
    rgba[i + 3] = Math.round(alpha * t);
  }
  return { paperLevel: paper, cleared };
}
