/** Reads produced PDFs back with poppler (pdftotext, pdfinfo, pdffonts, pdfimages), as a person's viewer would. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
/** Words on one line that sit close together: one cell's line of text. */
export interface Segment {
  page: number;
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  centre: number;
}

export interface PdfProbe {
  pages: number;
  /** Page sizes in points. */
  sizes: { width: number; height: number }[];
  /** `pdftotext -layout` of the whole document. */
  layoutText: string;
  words: Word[];
  fonts: { name: string; embedded: boolean; unicode: boolean }[];
  images: number;
  /** Images in the order they are painted (pdfimages walks each page's content stream). */
  imageList: PdfImage[];
}

export interface PdfImage {
  page: number;
  /** 'image', or 'smask' for the transparency of the image listed before it. */
  type: string;
  /** Size in pixels. */
  width: number;
  height: number;
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

export function probePdf(bytes: Uint8Array): PdfProbe {
  const dir = mkdtempSync(join(tmpdir(), 'blocdesk-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    const info = run('pdfinfo', ['-f', '1', '-l', '9999', file]);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
      width: Number(m[1]),
      height: Number(m[2]),
    }));
    const layoutText = run('pdftotext', ['-layout', file, '-']);
    const bbox = run('pdftotext', ['-bbox', file, '-']);
    const words: Word[] = [];
    let page = 0;
    for (const line of bbox.split('\n')) {
      if (line.includes('<page ')) page++;
      const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
      if (m) {
        words.push({ page, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: decodeEntities(m[5] ?? '') });
      }
    }
    const fontLines = run('pdffonts', [file]).split('\n').slice(2).filter((l) => l.trim());
    const fonts = fontLines.map((l) => {
      const cols = l.trim().split(/\s+/);
      // name type... encoding emb sub uni objectID gen: read the flags from the end.
      const n = cols.length;
      return { name: cols[0] ?? '', embedded: cols[n - 5] === 'yes', unicode: cols[n - 3] === 'yes' };
    });
    const imageRows = run('pdfimages', ['-list', file]).split('\n').slice(2).filter((l) => l.trim());
    const imageList = imageRows.map((l): PdfImage => {
      const [page, , type, width, height] = l.trim().split(/\s+/);
      return { page: Number(page), type: type ?? '', width: Number(width), height: Number(height) };
    });
    return { pages, sizes, layoutText, words, fonts, images: imageRows.length, imageList };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Groups each line's words into segments separated by gaps wider than `maxGap` points. */
export function segments(words: Word[], maxGap = 7): Segment[] {
  const sorted = [...words].sort((a, b) => a.page - b.page || a.yMin - b.yMin || a.xMin - b.xMin);
  const out: Segment[] = [];
  let current: Segment | null = null;
  for (const w of sorted) {
    if (current && current.page === w.page && Math.abs(current.yMin - w.yMin) < 1 && w.xMin - current.xMax <= maxGap) {
      current.text += ` ${w.text}`;
      current.xMax = w.xMax;
      current.centre = (current.xMin + current.xMax) / 2;
    } else {
      current = { page: w.page, text: w.text, xMin: w.xMin, xMax: w.xMax, yMin: w.yMin, yMax: w.yMax, centre: (w.xMin + w.xMax) / 2 };
      out.push(current);
    }
  }
  return out;
}

/**
 * Finds centred text that may wrap over several lines (a unit's name in a signature cell): a
 * chain of segments on consecutive lines, centred on the same x, reading `text` when joined.
 */
export function findCentred(segs: Segment[], text: string): Segment[] | null {
  const target = text.replace(/\s+/g, ' ').trim();
  for (const start of segs) {
    if (!target.startsWith(start.text)) continue;
    const chain = [start];
    let joined = start.text;
    while (joined.length < target.length) {
      const last = chain[chain.length - 1] as Segment;
      const next = segs.find(
        (s) =>
          s.page === last.page &&
          s.yMin > last.yMin + 1 &&
          s.yMin - last.yMax < 6 &&
          Math.abs(s.centre - last.centre) < 2.5 &&
          target.startsWith(`${joined} ${s.text}`),
      );
      if (!next) break;
      chain.push(next);
      joined = `${joined} ${next.text}`;
    }
    if (joined === target) return chain;
  }
  return null;
}
