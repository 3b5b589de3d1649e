/**
 * JSON.parse of a large document without its whole text in memory. A 10-year bloc's data.json is
 * some 70 MB of UTF-8, which V8 holds as 140 MB of two-byte text (Vietnamese is not Latin-1) while
 * JSON.parse builds the records: the largest share of an import's peak memory. Here a document
 * shaped like ours, `{ "key": value, … }`, is parsed member by member, and each large array
 * value in batches of elements, so only about `batchBytes` of text exists at a time.
 *
 * The result is exactly JSON.parse's, or null whenever the bytes stray from the plain shape this
 * reader follows (a byte-order mark, a top-level key that could reach a prototype, an empty array
 * slot, anything not UTF-8 or not JSON): the caller then decodes and parses the whole text as
 * before, so every refusal stays what it was. Called only after jsonShapeProblem passed (depth and
 * counts bounded).
 */
import { isForbiddenKey } from '../text/clean';

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Index just past the string starting at `i` (a quote), or -1 when it does not end. */
function stringEnd(b: Uint8Array, i: number): number {
  for (let j = i + 1; j < b.length; j++) {
    const c = b[j]!;
    if (c === 0x5c) j++;
    else if (c === 0x22) return j + 1;
  }
  return -1;
}

/**
 * Index of the first `,` or `}` / `]` closing the current level, from `i` (inside a value at the
 * level), strings and nested containers skipped; -1 when the bytes end first.
 */
function valueEnd(b: Uint8Array, i: number): number {
  let depth = 0;
  for (let j = i; j < b.length; j++) {
    const c = b[j]!;
    if (c === 0x22) {
      const e = stringEnd(b, j);
      if (e < 0) return -1;
      j = e - 1;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      if (depth === 0) return j;
      depth--;
    } else if (c === 0x2c && depth === 0) return j;
  }
  return -1;
}

class Stray extends Error {}

/**
 * Where the elements of one top-level array lie in the text (filled in by parseJsonInPieces when it
 * meets `key`): its `[` at `start`, and each element ending just before `ends[i]` (its `,` or `]`).
 * Lets a caller cut an element's text out as it came instead of writing it again.
 */
export interface ArraySpans {
  key: string;
  start: number;
  ends: number[];
}

export function parseJsonInPieces(bytes: Uint8Array, batchBytes = 1 << 20, spans?: ArraySpans): unknown {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parse = (from: number, to: number, wrap = false): unknown => {
    let text: string;
    try {
      text = decoder.decode(bytes.subarray(from, to));
    } catch {
      throw new Stray();
    }
    try {
      return JSON.parse(wrap ? `[${text}]` : text);
    } catch {
      throw new Stray();
    }
  };
  const n = bytes.length;
  const skip = (i: number) => {
    while (i < n && isSpace(bytes[i]!)) i++;
    return i;
  };
  try {
    let i = skip(0);
    if (bytes[i] !== 0x7b) return null;
    const out: Record<string, unknown> = {};
    i = skip(i + 1);
    if (bytes[i] === 0x7d) return skip(i + 1) === n ? out : null;
    for (;;) {
      if (bytes[i] !== 0x22) return null;
      const keyEnd = stringEnd(bytes, i);
      if (keyEnd < 0) return null;
      const key = parse(i, keyEnd) as string;
      if (isForbiddenKey(key)) return null;
      i = skip(keyEnd);
      if (bytes[i] !== 0x3a) return null;
      i = skip(i + 1);
      let end: number;
      if (bytes[i] === 0x5b) {
        const close = arrayInBatches(i, spans?.key === key ? spans : null);
        out[key] = close.items;
        end = close.end + 1;
      } else {
        end = valueEnd(bytes, i);
        if (end < 0) return null;
        out[key] = parse(i, end);
      }
      i = skip(end);
      if (bytes[i] === 0x7d) return skip(i + 1) === n ? out : null;
      if (bytes[i] !== 0x2c) return null;
      i = skip(i + 1);
    }
  } catch (err) {
    if (err instanceof Stray) return null;
    throw err;
  }

  /** The array opened by `[` at `start`, its elements parsed a batch at a time, and where its `]` is. */
  function arrayInBatches(start: number, spans: ArraySpans | null): { items: unknown[]; end: number } {
    const items: unknown[] = [];
    if (spans) {
      spans.start = start;
      spans.ends = [];
    }
    let from = start + 1;
    let count = 1; // elements in the batch so far
    for (let j = from; ; ) {
      const e = valueEnd(bytes, j);
      if (e < 0) throw new Stray();
      const c = bytes[e]!;
      if (c === 0x7d) throw new Stray();
      // `[]` records one end for no element: the caller finds the counts differ.
      spans?.ends.push(e);
      if (c === 0x5d || e - from >= batchBytes) {
        const batch = parse(from, e, true) as unknown[];
        // An empty slot at a batch's edge (`[1,]`) parses as nothing: the count tells. `[]` is the empty array.
        if (batch.length !== count && !(batch.length === 0 && from === start + 1 && c === 0x5d)) throw new Stray();
        for (const item of batch) items.push(item);
        if (c === 0x5d) return { items, end: e };
        from = e + 1;
        count = 1;
      } else count++;
      j = e + 1;
    }
  }
}
