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
import { parseJsonInPieces } from './json-in-pieces';

export type UntrustedJsonProblem =
  | { kind: 'not-utf8' }
  | { kind: 'too-deep'; maxDepth: number }
  | { kind: 'too-many-values' }
  | { kind: 'string-too-long'; maxBytes: number }
  | { kind: 'forbidden-key'; key: string }
  | { kind: 'syntax' };

export type UntrustedJsonResult = { ok: true; value: unknown } | { ok: false; problem: UntrustedJsonProblem };

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
  return typeof json === 'string' ? shapeOfText(json, limits) : shapeOfBytes(json, limits);
}

/**
 * The scan over bytes, written apart from the one over text so each loop reads its input directly
 * (a shared accessor closure made the 70 MB scan of a large package several times slower).
 * Keep the two in step.
 */
function shapeOfBytes(json: Uint8Array, limits: JsonShapeLimits): UntrustedJsonProblem | null {
  let depth = 0;
  let containers = 0;
  let separators = 0;
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

/** Cleans strings in place and finds a forbidden key; depth is already bounded, so recursion is safe. */
function cleanInPlace(value: unknown): string | null {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'string') value[i] = cleanText(v);
      else if (v !== null && typeof v === 'object') {
        const bad = cleanInPlace(v);
        if (bad !== null) return bad;
      }
    }
    return null;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (isForbiddenKey(key)) return key;
    const v = record[key];
    if (typeof v === 'string') record[key] = cleanText(v);
    else if (v !== null && typeof v === 'object') {
      const bad = cleanInPlace(v);
      if (bad !== null) return bad;
    }
  }
  return null;
}

/** Parses untrusted JSON; strings come back cleaned (shared/text/clean.ts). Never throws. */
export function parseUntrustedJson(json: Uint8Array, limits: JsonShapeLimits = DEFAULT_JSON_SHAPE_LIMITS): UntrustedJsonResult {
  const shape = jsonShapeProblem(json, limits);
  if (shape) return { ok: false, problem: shape };
  // A document of our shape is parsed in pieces (json-in-pieces.ts: far less memory for a large
  // bloc); anything else, and every broken document, as one text, so each refusal is as before.
  let value = parseJsonInPieces(json);
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
  if (typeof value === 'string') return { ok: true, value: cleanText(value) };
  if (value !== null && typeof value === 'object') {
    const bad = cleanInPlace(value);
    if (bad !== null) return { ok: false, problem: { kind: 'forbidden-key', key: bad } };
  }
  return { ok: true, value };
}
