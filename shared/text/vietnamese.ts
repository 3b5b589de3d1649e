/** Vietnamese text handling shared by every process: normalisation, search folding, collation, formats. */
import { isIsoDate } from './dates';

/** Precomposed Unicode (NFC). Every string crossing a boundary goes through this. */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

/** Deeply normalises every string inside plain data (objects, arrays) to NFC; returns a copy. */
export function deepNfc<T>(value: T): T {
  if (typeof value === 'string') return nfc(value) as T;
  if (Array.isArray(value)) return value.map((v) => deepNfc(v)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    // A "__proto__" key would set the copy's prototype instead of a value (see shared/text/clean.ts).
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (k !== '__proto__') out[k] = deepNfc(v);
    return out as T;
  }
  return value;
}

/**
 * Removes tone and vowel marks and turns đ/Đ into d/D, keeping case: "SGDĐT" → "SGDDT",
 * "Sở Y tế" → "So Y te". The one home of diacritic folding (search, ASCII file names).
 */
export function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/**
 * Folds text for diacritic-insensitive search: lower case, no tone or vowel marks, đ → d,
 * collapsed whitespace. "Sở Y tế" and "so y te" fold to the same string.
 */
export function fold(s: string): string {
  return stripDiacritics(s).toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * An ASCII slug for file names: the search folding above (no marks, đ → d, lower case), then every
 * run of other characters becomes one hyphen. "Khối Văn hóa - Xã hội" → "khoi-van-hoa-xa-hoi".
 */
export function asciiSlug(s: string, maxLength = 60): string {
  return fold(s)
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, maxLength)
    .replace(/^-+|-+$/g, '');
}

/** True when every word of the query occurs in the text, ignoring case and diacritics. */
export function matchesSearch(text: string, query: string): boolean {
  const q = fold(query);
  if (!q) return true;
  const t = fold(text);
  return q.split(' ').every((w) => t.includes(w));
}

const collator = new Intl.Collator('vi', { numeric: true });
/**
 * Vietnamese collation order for sorting names: base letters first (a < ă < â, d < đ), then tones
 * in dictionary order (a, à, ả, ã, á, ạ), then case; numbers inside names compare numerically.
 * Names that differ only by a tone mark or case never tie, so sorting is stable across machines.
 */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}

const numberFormats = new Map<number, Intl.NumberFormat>();
/** vi-VN number: "1.234,5". `digits` fixes the fraction digits when given. */
export function formatNumberVi(n: number, digits?: number): string {
  const key = digits ?? -1;
  let f = numberFormats.get(key);
  if (!f) {
    f =
      digits === undefined
        ? new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 })
        : new Intl.NumberFormat('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f.format(n);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** dd/mm/yyyy from an ISO date or time string (the date part is taken as written, no time zone shift). */
export function formatDateVi(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** dd/mm/yyyy HH:MM from an ISO timestamp, in local time. */
export function formatDateTimeVi(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad2(d.getDate())}/${pad2(d.getMonth() + 1)}/${d.getFullYear()} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/**
 * The place-and-date line of Nghị định 30/2020: "Hà Nam, ngày 05 tháng 01 năm 2026".
 * Days below 10 and months 1 and 2 take a leading zero; months 3–12 are written as they are.
 */
export function placeDateLine(place: string, isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m || !isIsoDate(isoDate)) throw new Error(`Ngày không hợp lệ: ${isoDate}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const monthText = month <= 2 ? pad2(month) : String(month);
  const prefix = place.trim() ? `${nfc(place.trim())}, ngày` : 'Ngày';
  return `${prefix} ${pad2(day)} tháng ${monthText} năm ${year}`;
}

/** Document number "Số: 05/BB-KTĐ": numbers below 10 take a leading zero. */
export function documentNumber(n: number, suffix: string): string {
  return `Số: ${n < 10 ? pad2(n) : String(n)}/${nfc(suffix)}`;
}

/** Upper case with Vietnamese rules (NFC kept). */
export function upperVi(s: string): string {
  return nfc(s).toLocaleUpperCase('vi-VN');
}

/** How a number typed as text was read; the reading is shown back to the user. */
export type NumberTextHow =
  /** "10", "+2", "-3" */
  | 'integer'
  /** "8,5", ",5", "0,125" */
  | 'decimal-comma'
  /** "8.5", "0.125" */
  | 'decimal-point'
  /** Unambiguous thousands groups: "1.234.567", "1.000,5", "1,000.5", "1 000". */
  | 'grouped'
  /** "1.000" or "1,000" read as one thousand (the rule's default). */
  | 'thousands'
  /** "1.000" or "1,000" read as a decimal because one thousand is above the maximum. */
  | 'decimal-by-max';

export type NumberTextReading =
  | { kind: 'blank' }
  | { kind: 'invalid' }
  | { kind: 'number'; value: number; how: NumberTextHow };

/** One to three digits (not starting with 0), one '.' or ',' and exactly three digits: "1.000", "12,500". */
const ONE_GROUP = /^([+-]?[1-9]\d{0,2})[.,](\d{3})$/;

/**
 * The one rule for a number typed as text (score cells of returned files, the app's number fields,
 * points in an imported scoring table). Both decimal marks are accepted, since it depends on the PC:
 * "8,5" and "8.5" are 8,5; thousands may be grouped by '.', ',' or a space when the grouping is
 * unambiguous ("1.234.567", "1.000,5", "1,000.5", "1 000"); a leading 0 is never a thousands group
 * ("0,125" is 0,125).
 *
 * "1.000" and "1,000" (one group of three digits) are ambiguous. They are one thousand, as vi-VN
 * and en-US both write thousands, unless `max` is given and one thousand is above it while the
 * decimal reading is not: against a criterion of at most 10 points, "1.000" is 1. (A maximum of
 * 1.000 or more keeps the thousands reading.) Callers show the reading back (`how`).
 */
export function readNumberText(raw: string, context: { max?: number } = {}): NumberTextReading {
  const s = raw.replace(/\u00a0/g, ' ').trim();
  if (s === '') return { kind: 'blank' };
  if (/^[+-]?\d+$/.test(s)) return { kind: 'number', value: Number(s), how: 'integer' };
  const one = ONE_GROUP.exec(s);
  if (one) {
    const thousands = Number(`${one[1]}${one[2]}`);
    const decimal = Number(`${one[1]}.${one[2]}`);
    const { max } = context;
    if (max !== undefined && Math.abs(thousands) > max && Math.abs(decimal) <= max) {
      return { kind: 'number', value: decimal, how: 'decimal-by-max' };
    }
    return { kind: 'number', value: thousands, how: 'thousands' };
  }
  // 1.234,5 or 1 234,5 (vi-VN) → 1234.5
  if (/^[+-]?[1-9]\d{0,2}([. ]\d{3})+(,\d+)?$/.test(s)) {
    return { kind: 'number', value: Number(s.replace(/[. ]/g, '').replace(',', '.')), how: 'grouped' };
  }
  // 1,234.5 (en-US) → 1234.5
  if (/^[+-]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/.test(s)) return { kind: 'number', value: Number(s.replace(/,/g, '')), how: 'grouped' };
  const d = /^([+-]?)(\d*)([.,])(\d+)$/.exec(s);
  if (d) return { kind: 'number', value: Number(`${d[1]}${d[2] || '0'}.${d[4]}`), how: d[3] === ',' ? 'decimal-comma' : 'decimal-point' };
  return { kind: 'invalid' };
}

/**
 * The value of `readNumberText`: the number, null for blank, undefined for text that is not a
 * number. `max` (optional) decides an ambiguous "1.000" as readNumberText says.
 */
export function parseLooseNumber(raw: string, context: { max?: number } = {}): number | null | undefined {
  const r = readNumberText(raw, context);
  return r.kind === 'number' ? r.value : r.kind === 'blank' ? null : undefined;
}
