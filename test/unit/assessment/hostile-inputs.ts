/**
 * Hostile self-assessment files made from a valid template, shared by the behavioural tests
 * (fuzz.test.ts, hostile-files.test.ts) and the benchmark that times them (bench/hostile.bench.ts).
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';

/** A small seeded PRNG, so every run mutates the same way. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JUNK = ['<', '>', '"', '&', '&amp;', '<row r="-1">', '</sheetData>', '<c r="ZZZ99999999"><v>1e309</v></c>', '\u0000', 'r:id="rId99"', '<si><t>', ']]>', '<!--', 'NaN', '9'.repeat(40)];

/** One random mutation of a workbook: flipped bytes, truncation, a dropped, random or edited zip entry. */
export function mutateWorkbook(base: Uint8Array, rand: () => number): { how: string; bytes: Uint8Array } {
  const pick = <T,>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const kind = Math.floor(rand() * 6);
  if (kind === 0) {
    const bytes = base.slice();
    const flips = 1 + Math.floor(rand() * 16);
    for (let i = 0; i < flips; i++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
    return { how: `flip ${flips} bytes`, bytes };
  }
  if (kind === 1) {
    const len = Math.floor(rand() * base.length);
    return { how: `truncate at ${len}`, bytes: base.slice(0, len) };
  }
  const copy: Unzipped = { ...unzipSync(base) };
  const names = Object.keys(copy);
  const name = pick(names);
  if (kind === 2) {
    delete copy[name];
    return { how: `drop ${name}`, bytes: zipSync(copy) };
  }
  if (kind === 3) {
    copy[name] = Uint8Array.from({ length: 1 + Math.floor(rand() * 2000) }, () => Math.floor(rand() * 256));
    return { how: `random ${name}`, bytes: zipSync(copy) };
  }
  const xmlNames = names.filter((n) => /\.(xml|rels)$/.test(n));
  const xmlName = pick(xmlNames);
  let text = strFromU8(copy[xmlName]!);
  const edits = 1 + Math.floor(rand() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rand() * text.length);
    const op = Math.floor(rand() * 3);
    if (op === 0) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 200));
    else if (op === 1) text = text.slice(0, at) + pick(JUNK) + text.slice(at);
    else {
      const len = Math.floor(rand() * 300);
      text = text.slice(0, at) + text.slice(at, at + len).repeat(2) + text.slice(at + len);
    }
  }
  copy[xmlName] = strToU8(text);
  return { how: `edit ${xmlName} ×${edits}`, bytes: zipSync(copy) };
}

/** Replaces (or adds, or with null removes) zip entries of a workbook. */
export function withEntries(base: Uint8Array, replace: Record<string, Uint8Array<ArrayBuffer> | string | null>): Uint8Array {
  const entries = unzipSync(base);
  for (const [name, value] of Object.entries(replace)) {
    if (value === null) delete entries[name];
    else entries[name] = typeof value === 'string' ? strToU8(value) : value;
  }
  return zipSync(entries);
}

/** The template with its first sheet replaced by one of `rows` rows (two cells each). */
export function hugeSheetWorkbook(template: Uint8Array, rows: number): Uint8Array {
  const out: string[] = [];
  for (let i = 1; i <= rows; i++) out.push(`<row r="${i}"><c r="A${i}"><v>${i}</v></c><c r="B${i}" t="inlineStr"><is><t>x${i % 97}</t></is></c></row>`);
  const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${out.join('')}</sheetData></worksheet>`;
  return withEntries(template, { 'xl/worksheets/sheet1.xml': sheet });
}
