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
 * Deeply cleans every string inside plain data (objects, arrays). Keys that could reach a prototype
 * (`__proto__`, `constructor`, `prototype`) are dropped, never assigned. Other values (numbers,
 * Uint8Array, ...) are kept as they are. Copies only what changes: an object or array that is
 * already clean comes back as itself (a large bloc is some 70 MB of records; the callers parse the
 * result with zod, which makes the copy they keep).
 */
export function deepCleanText<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const cleaned = deepCleanText(v);
      if (!Object.is(cleaned, v)) {
        out ??= value.slice();
        out[i] = cleaned;
      }
    }
    return (out ?? value) as T;
  }
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    let out: Record<string, unknown> | null = null;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const forbidden = isForbiddenKey(k);
      const v = record[k];
      const cleaned = forbidden ? undefined : deepCleanText(v);
      if (out === null && (forbidden || !Object.is(cleaned, v))) {
        // The first change: copy the keys before it, then go on in the copy.
        out = {};
        for (let j = 0; j < i; j++) out[keys[j]!] = record[keys[j]!];
      }
      if (out !== null && !forbidden) out[k] = cleaned;
    }
    return (out ?? value) as T;
  }
  return value;
}
