/**
 * JSON from a file a user handed us, given as UTF-8 bytes. What JSON.parse alone does not do:
 *  - refuse bytes that are not UTF-8;
 *  - bound the nesting depth before parsing (a document nested thousands of levels deep makes every
 *    recursive step after it overflow the stack) and the number of objects, arrays and values (150 MB
 *    of `{},{},…` would take gigabytes once parsed), in one pass over the bytes;
 *  - refuse keys that could reach a prototype (`__proto__`, `constructor`, `prototype`): no record
 *    of ours has them, and copying them onto an object would set its prototype;
 *  - clean every string (NFC, no control characters), in place, so no second copy of a large
 *    document is made for that.
 */
import { cleanText, isForbiddenKey } from '../text/clean';
import { parseJsonInPieces, type ArraySpans } from './json-in-pieces';

export type UntrustedJsonProblem =
  | { kind: 'not-utf8' }
  | { kind: 'too-deep'; maxDepth: number }
  | { kind: 'too-many-values' }
  | { kind: 'string-too-long'; maxBytes: number }
  | { kind: 'forbidden-key'; key: string }
  | { kind: 'syntax' };

/**
 * `cleaned`: how many strings cleaning changed. `shape`: the text's objects and arrays and its
 * separators. `exact`: the value says all the text says, so the text may stand for it (nothing
 * cleaned and no key given twice: the value has the text's containers and separators).
 */
export type UntrustedJsonResult =
  | {
      ok: true;
      value: unknown;
      cleaned: number;
      shape: { containers: number; separators: number };
      exact: boolean;
      /** Where the elements of the top-level array asked for (`spansOf`) lie, when the text was parsed in pieces and has it. */
      spans: ArraySpans | null;
    }
  | { ok: false; problem: UntrustedJsonProblem };

export interface JsonShapeLimits {
  /** Nesting of objects and arrays. Our records go about 8 deep (bloc → tables → groups → criteria → fields). */
  maxDepth: number;
  /** Objects and arrays in the whole document. */
  maxContainers: number;
  /** Separators (`,`): about the number of values and members. */
  maxSeparators: number;
  /** One string, as encoded (the longest of ours: an attachment's base64, at most 8 000 000 characters). */
  maxStringBytes: number;
}

/**
 * The largest real bloc (10 years × 60 units × 200 criteria, every score with history; see
 * bench/package.bench.ts) holds about 0.6 million objects and arrays and 3.4 million separators.
 */
export const DEFAULT_JSON_SHAPE_LIMITS: JsonShapeLimits = {
  maxDepth: 32,
  maxContainers: 2_000_000,
  maxSeparators: 10_000_000,
  maxStringBytes: 8_100_000,
};

/**
 * What is wrong with the document's shape, before it is parsed: one linear pass over UTF-8 bytes (or
 * a string), strings skipped; the structural characters are ASCII, so bytes and text agree.
 */
export function jsonShapeProblem(json: Uint8Array | string, limits: JsonShapeLimits = DEFAULT_JSON_SHAPE_LIMITS): UntrustedJsonProblem | null {
  return typeof json === 'string' ? shapeOfText(json, limits) : shapeOfBytes(json, limits, { depth: 0, containers: 0, separators: 0 });
}

/** Where a scan of a document written in pieces stands between two pieces. */
export interface JsonShapeTally {
  depth: number;
  containers: number;
  separators: number;
}

/**
 * jsonShapeProblem over a document that is written a piece at a time (bloc-upload.ts): each piece
 * is scanned once and `tally` carries the counts on. A piece holds whole strings (none is cut in two).
 */
export function tallyJsonShape(piece: Uint8Array, tally: JsonShapeTally, limits: JsonShapeLimits = DEFAULT_JSON_SHAPE_LIMITS): UntrustedJsonProblem | null {
  return shapeOfBytes(piece, limits, tally);
}

/**
 * The scan over bytes, written apart from the one over text so each loop reads its input directly
 * (a shared accessor closure made the 70 MB scan of a large package several times slower).
 * Keep the two in step.
 */
function shapeOfBytes(json: Uint8Array, limits: JsonShapeLimits, tally: JsonShapeTally): UntrustedJsonProblem | null {
  let { depth, containers, separators } = tally;
  const n = json.length;
  for (let i = 0; i < n; i++) {
    const c = json[i]!;
    if (c === 0x22 /* " */) {
      // Skip the string, escapes included, to its closing quote.
      const stringStart = i;
      for (i++; i < n; i++) {
        const d = json[i]!;
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22) break;
      }
      if (i >= n) return n - stringStart > limits.maxStringBytes ? { kind: 'string-too-long', maxBytes: limits.maxStringBytes } : null;
      if (i - stringStart > limits.maxStringBytes) return { kind: 'string-too-long', maxBytes: limits.maxStringBytes };
    } else if (c === 0x2c /* , */) {
      if (++separators > limits.maxSeparators) return { kind: 'too-many-values' };
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > limits.maxDepth) return { kind: 'too-deep', maxDepth: limits.maxDepth };
      if (++containers > limits.maxContainers) return { kind: 'too-many-values' };
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  tally.depth = depth;
  tally.containers = containers;
  tally.separators = separators;
  return null;
}

function shapeOfText(json: string, limits: JsonShapeLimits): UntrustedJsonProblem | null {
  let depth = 0;
  let containers = 0;
  let separators = 0;
  let inString = false;
  let stringStart = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) {
        inString = false;
        if (i - stringStart > limits.maxStringBytes) return { kind: 'string-too-long', maxBytes: limits.maxStringBytes };
      }
    } else if (c === 0x22) {
      inString = true;
      stringStart = i;
    }
    else if (c === 0x2c /* , */) {
      if (++separators > limits.maxSeparators) return { kind: 'too-many-values' };
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > limits.maxDepth) return { kind: 'too-deep', maxDepth: limits.maxDepth };
      if (++containers > limits.maxContainers) return { kind: 'too-many-values' };
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  if (inString && json.length - stringStart > limits.maxStringBytes) return { kind: 'string-too-long', maxBytes: limits.maxStringBytes };
  return null;
}

/** What the walk over a parsed value counts: strings cleaning changed, and the value's own shape. */
type Walk = { changed: number; containers: number; separators: number };

/**
 * Cleans strings in place (counting those it changes and the value's containers and separators)
 * and finds a forbidden key; depth is already bounded, so recursion is safe.
 */
function cleanInPlace(value: unknown, changes: Walk): string | null {
  changes.containers++;
  if (Array.isArray(value)) {
    if (value.length > 1) changes.separators += value.length - 1;
    for (let i = 0; i < value.length; i++) {
      const bad = cleanMember(value as unknown as Record<number, unknown>, i, changes);
      if (bad !== null) return bad;
    }
    return null;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length > 1) changes.separators += keys.length - 1;
  for (const key of keys) {
    if (isForbiddenKey(key)) return key;
    const bad = cleanMember(record, key, changes);
    if (bad !== null) return bad;
  }
  return null;
}

/** One element or member: a string cleaned where it stands, a container walked. */
function cleanMember<K extends string | number>(holder: Record<K, unknown>, key: K, changes: Walk): string | null {
  const v = holder[key];
  if (typeof v === 'string') {
    const c = cleanText(v);
    if (c !== v) {
      holder[key] = c;
      changes.changed++;
    }
    return null;
  }
  return v !== null && typeof v === 'object' ? cleanInPlace(v, changes) : null;
}

/** Below this size a document is parsed as one text: parsing in pieces saves memory, not time. */
const PIECES_FROM_BYTES = 16 * 1024 * 1024;

/**
 * Parses untrusted JSON; strings come back cleaned (shared/text/clean.ts). Never throws. `spansOf`:
 * a top-level key whose array's element positions to give back (a large document only).
 */
export function parseUntrustedJson(json: Uint8Array, limits: JsonShapeLimits = DEFAULT_JSON_SHAPE_LIMITS, spansOf?: string): UntrustedJsonResult {
  const tally: JsonShapeTally = { depth: 0, containers: 0, separators: 0 };
  const problem = shapeOfBytes(json, limits, tally);
  if (problem) return { ok: false, problem };
  const shape = { containers: tally.containers, separators: tally.separators };
  // A large document of our shape is parsed in pieces (json-in-pieces.ts: far less memory for a
  // large bloc); anything else, and every broken document, as one text, so each refusal is as before.
  const spans: ArraySpans | null = spansOf === undefined ? null : { key: spansOf, start: -1, ends: [] };
  let value = json.length >= PIECES_FROM_BYTES ? parseJsonInPieces(json, undefined, spans ?? undefined) : null;
  if (value === null && spans) spans.start = -1;
  if (value === null) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(json);
    } catch {
      return { ok: false, problem: { kind: 'not-utf8' } };
    }
    try {
      value = JSON.parse(text);
    } catch {
      return { ok: false, problem: { kind: 'syntax' } };
    }
  }
  if (typeof value === 'string') {
    const c = cleanText(value);
    return { ok: true, value: c, cleaned: c === value ? 0 : 1, shape, exact: c === value, spans: null };
  }
  const walk: Walk = { changed: 0, containers: 0, separators: 0 };
  if (value !== null && typeof value === 'object') {
    const bad = cleanInPlace(value, walk);
    if (bad !== null) return { ok: false, problem: { kind: 'forbidden-key', key: bad } };
  }
  const exact = walk.changed === 0 && walk.containers === shape.containers && walk.separators === shape.separators;
  return { ok: true, value, cleaned: walk.changed, shape, exact, spans: spans && spans.start >= 0 ? spans : null };
}
