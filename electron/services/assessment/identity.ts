/**
 * What a self-assessment template carries to identify itself, and how it is written and found
 * again. The identification lives in three places, so that it survives what units do to files:
 *  - a veryHidden sheet "_blocdesk" with key/value rows (LibreOffice turns it into a hidden sheet
 *    when it re-saves; renaming it is unlikely but it is also recognised by its first cell);
 *  - the workbook's core "keywords" property (kept by Excel, LibreOffice and openpyxl);
 *  - the visible header ("Mã đơn vị: SYT", "NĂM 2024"), read only as a last resort.
 */
import type { ScoringTable, Unit } from '../../../shared/model/records';
import { uniqueFileTokens, windowsSafeFileName } from '../../../shared/text/file-names';
import { nfc } from '../../../shared/text/vietnamese';

export const TEMPLATE_FORMAT = 'blocdesk-tu-cham';
export const TEMPLATE_FORMAT_VERSION = 1;
export const ID_SHEET_NAME = '_blocdesk';
export const INPUT_SHEET_NAME = 'Tự chấm điểm';
export const INSTRUCTIONS_SHEET_NAME = 'Hướng dẫn';

/** Header texts of the input table (matched after folding, so edits of case/diacritics still match). */
export const HEADERS = {
  code: 'Mã',
  title: 'Nội dung tiêu chí',
  max: 'Điểm tối đa',
  kind: 'Loại',
  self: 'Điểm tự chấm',
  note: 'Ghi chú / minh chứng',
} as const;

export interface TemplateIdentity {
  format: string;
  formatVersion: number;
  blocId: string;
  blocName: string;
  year: number;
  unitId: string;
  unitCode: string;
  unitName: string;
  tableId: string;
  tableVersion: number;
  tableChecksum: string;
}

const KEYS: (keyof TemplateIdentity)[] = [
  'format',
  'formatVersion',
  'blocId',
  'blocName',
  'year',
  'unitId',
  'unitCode',
  'unitName',
  'tableId',
  'tableVersion',
  'tableChecksum',
];

export function identityRows(id: TemplateIdentity): [string, string | number][] {
  return KEYS.map((k) => [k, id[k]]);
}

/** Parses key/value pairs back; null when the format marker is absent. Fields not found stay empty. */
export function identityFromPairs(pairs: Map<string, string>): Partial<TemplateIdentity> | null {
  if (pairs.get('format') !== TEMPLATE_FORMAT) return null;
  const out: Partial<TemplateIdentity> = {};
  for (const k of KEYS) {
    const v = pairs.get(k);
    if (v === undefined || v === '') continue;
    if (k === 'formatVersion' || k === 'year' || k === 'tableVersion') {
      const n = Number(v);
      if (Number.isFinite(n)) (out as Record<string, unknown>)[k] = n;
    } else (out as Record<string, unknown>)[k] = nfc(v);
  }
  return out;
}

/** Compact form for the workbook's keywords property: `blocdesk-tu-cham;year=2024;unitCode=SYT;...`. */
export function identityKeywords(id: TemplateIdentity): string {
  return [TEMPLATE_FORMAT, ...KEYS.filter((k) => k !== 'format' && k !== 'blocName' && k !== 'unitName').map((k) => `${k}=${encodeURIComponent(String(id[k]))}`)].join(';');
}

export function identityFromKeywords(keywords: string | undefined): Partial<TemplateIdentity> | null {
  if (!keywords || !keywords.startsWith(TEMPLATE_FORMAT)) return null;
  const pairs = new Map<string, string>([['format', TEMPLATE_FORMAT]]);
  for (const part of keywords.split(';').slice(1)) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    try {
      pairs.set(part.slice(0, eq), decodeURIComponent(part.slice(eq + 1)));
    } catch {
      // a mangled value: ignore it
    }
  }
  return identityFromPairs(pairs);
}

/** The file name of a template from a unit's file-name token (see templateFileNames): `TuCham_2024_SYT.xlsx`. */
export function templateFileName(year: number, unitToken: string): string {
  return windowsSafeFileName(`TuCham_${year}_${unitToken}`, 'xlsx');
}

/**
 * The template file name of every unit of the bloc, by unit id: ASCII (unit codes may hold
 * Vietnamese letters: "SGDĐT" → TuCham_2024_SGDDT.xlsx), unique ignoring case, and decided over
 * all the bloc's units in their order, so a unit gets the same name whichever units are exported.
 */
export function templateFileNames(units: readonly Unit[], year: number): Map<string, string> {
  const ordered = [...units].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const tokens = uniqueFileTokens(
    ordered.map((u) => u.code),
    'DV',
  );
  return new Map(ordered.map((u, i) => [u.id, templateFileName(year, tokens[i]!)]));
}
