/**
 * JSON from a file a user handed us. Three things JSON.parse alone does not do:
 *  - bound the nesting depth before parsing (a document nested thousands of levels deep makes every
 *    recursive step after it overflow the stack);
 *  - refuse keys that could reach a prototype (`__proto__`, `constructor`, `prototype`): no record
 *    of ours has them, and copying them onto an object would set its prototype;
 *  - clean every string (NFC, no control characters) while parsing, so no second copy of a large
 *    document is made for that.
 */
import { cleanText, isForbiddenKey } from '../text/clean';

export type UntrustedJsonProblem =
  | { kind: 'too-deep'; maxDepth: number }
  | { kind: 'forbidden-key'; key: string }
  | { kind: 'syntax' };

export type UntrustedJsonResult = { ok: true; value: unknown } | { ok: false; problem: UntrustedJsonProblem };

/** The deepest our records go is about 8 (bloc → tables → groups → criteria → fields); leave room. */
export const DEFAULT_MAX_JSON_DEPTH = 32;

/** True when arrays/objects nest deeper than `maxDepth`. One linear pass, strings skipped. */
export function jsonNestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}

class ForbiddenKey extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

/** Parses untrusted JSON text; strings come back cleaned (shared/text/clean.ts). Never throws. */
export function parseUntrustedJson(text: string, maxDepth = DEFAULT_MAX_JSON_DEPTH): UntrustedJsonResult {
  if (jsonNestsDeeperThan(text, maxDepth)) return { ok: false, problem: { kind: 'too-deep', maxDepth } };
  try {
    const value: unknown = JSON.parse(text, (key, v: unknown) => {
      if (isForbiddenKey(key)) throw new ForbiddenKey(key);
      return typeof v === 'string' ? cleanText(v) : v;
    });
    return { ok: true, value };
  } catch (err) {
    if (err instanceof ForbiddenKey) return { ok: false, problem: { kind: 'forbidden-key', key: err.key } };
    return { ok: false, problem: { kind: 'syntax' } };
  }
}
