/**
 * Text that crosses a boundary (IPC payloads, handover packages, records written to IndexedDB) is
 * cleaned here, in one place: NFC, and no invisible control characters. NUL, the other C0/C1
 * controls and the bidi embedding/override/isolate marks can make a name print differently from
 * what it is ("Sở Y tế" followed by U+202E reverses the rest of a line), so they are removed.
 * Tab, line feed and carriage return stay: multi-line fields (commitments, notes) use them.
 */
import { nfc } from './vietnamese';

/**
 * C0 controls except \t \n \r, DEL, C1 controls, Arabic letter mark, LRM/RLM,
 * LRE/RLE/PDF/LRO/RLO (U+202A–202E), LRI/RLI/FSI/PDI (U+2066–2069) and the BOM / zero-width no-break space.
 */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const HAS_CONTROL = new RegExp(CONTROL_CHARS.source);

/** True when the string holds a character that cleanText would remove. */
export function hasControlChars(s: string): boolean {
  return HAS_CONTROL.test(s);
}

/** Removes control and bidi-override characters (see above); keeps tab and line breaks. */
export function stripControlChars(s: string): string {
  return HAS_CONTROL.test(s) ? s.replace(CONTROL_CHARS, '') : s;
}

/** Printable ASCII (and tab, line breaks) is already clean: the common case, checked without copying. */
const PLAIN_ASCII = /^[\t\n\r\x20-\x7e]*$/;

/** NFC and no control characters: the form every string has once it is inside the app. */
export function cleanText(s: string): string {
  return PLAIN_ASCII.test(s) ? s : stripControlChars(nfc(s));
}

/** Keys that must never be copied onto an object: they would reach its prototype. */
export function isForbiddenKey(key: string): boolean {
  return key === '__proto__' || key === 'constructor' || key === 'prototype';
}

/**
 * Deeply cleans every string inside plain data (objects, arrays) and returns a copy. Keys that could
 * reach a prototype (`__proto__`, `constructor`, `prototype`) are dropped, never assigned. Other
 * values (numbers, Uint8Array, ...) are kept as they are.
 */
export function deepCleanText<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map((v) => deepCleanText(v)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (isForbiddenKey(k)) continue;
      out[k] = deepCleanText(v);
    }
    return out as T;
  }
  return value;
}
