/**
 * Reads the few things exceljs loses straight from a workbook's XML parts, after workbook-guard.ts
 * has checked and inflated them: which part holds which sheet, and the cached results of formula
 * cells (exceljs drops a cached result of 0, FALSE or "", so `=0-0` or an empty `=SUM(...)` in a
 * file re-saved by LibreOffice or Excel looks like a formula that was never calculated).
 */

function utf8(u8: Uint8Array): string {
  return Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength).toString('utf8');
}

export function decodeXmlText(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-fA-F]{1,6});/g, (m, h: string) => codePoint(parseInt(h, 16), m))
    .replace(/&#([0-9]{1,7});/g, (m, d: string) => codePoint(Number(d), m))
    .replace(/&amp;/g, '&');
}

function codePoint(n: number, fallback: string): string {
  return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : fallback;
}

/** Maps worksheet part paths ("xl/worksheets/sheet1.xml") to their sheet names, from workbook.xml and its relationships. */
export function sheetNamesByPart(parts: ReadonlyMap<string, Uint8Array>): Map<string, string> {
  const result = new Map<string, string>();
  const workbook = parts.get('xl/workbook.xml');
  const rels = parts.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return result;
  const targets = new Map<string, string>();
  for (const m of utf8(rels).matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of utf8(workbook).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]*)"/.exec(m[0])?.[1] ?? /\b\w+:id="([^"]*)"/.exec(m[0])?.[1];
    const target = rid ? targets.get(rid) : undefined;
    if (name && target) result.set(target, decodeXmlText(name));
  }
  return result;
}

/** A formula cell's cached result as the file stores it. */
export type CachedResult =
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'error'; value: string };

const CELL = /<((?:\w+:)?)c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1c>)/g;
const FORMULA = /<(?:\w+:)?f\b/;
const VALUE = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/;

function cachedResult(type: string | undefined, inner: string): CachedResult | null {
  const raw = VALUE.exec(inner)?.[1];
  if (raw === undefined) return null;
  const text = decodeXmlText(raw);
  switch (type) {
    case 'str':
      return { kind: 'text', value: text };
    case 'b':
      return { kind: 'boolean', value: text.trim() === '1' };
    case 'e':
      return { kind: 'error', value: text };
    case undefined:
    case 'n': {
      const n = text.trim() === '' ? NaN : Number(text);
      return Number.isFinite(n) ? { kind: 'number', value: n } : null;
    }
    default:
      return null; // a shared-string or inline result: never written for formulas by Excel or LibreOffice
  }
}

/** The cached results of the formula cells of one sheet's XML, by address ("E9"); null for a formula without one. */
export function formulaResultsOfSheet(xml: string): Map<string, CachedResult | null> {
  const out = new Map<string, CachedResult | null>();
  for (const m of xml.matchAll(CELL)) {
    const inner = m[3];
    if (!inner || !FORMULA.test(inner)) continue;
    const attrs = m[2]!;
    const address = /\br="([A-Za-z]{1,3}[0-9]{1,7})"/.exec(attrs)?.[1];
    if (!address) continue;
    out.set(address.toUpperCase(), cachedResult(/\bt="(\w+)"/.exec(attrs)?.[1], inner));
  }
  return out;
}

/**
 * Cached formula results read on demand: a sheet's XML is parsed (formula cells only) the first
 * time one of its cells is asked for, and only the parts that can be asked for are kept.
 */
export class FormulaResults {
  private readonly sheetParts = new Map<string, Uint8Array>();
  private readonly workbookParts = new Map<string, Uint8Array>();
  private partBySheet: Map<string, string> | null = null;
  private readonly bySheet = new Map<string, Map<string, CachedResult | null>>();

  constructor(parts: ReadonlyMap<string, Uint8Array>) {
    for (const [name, data] of parts) {
      if (name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels') this.workbookParts.set(name, data);
      else if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) this.sheetParts.set(name, data);
    }
  }

  /**
   * The cached result of the formula cell `address` of sheet `sheet`: null when the file holds
   * no result for it (never calculated), undefined when it is not a formula cell of that sheet.
   */
  get(sheet: string, address: string): CachedResult | null | undefined {
    let cells = this.bySheet.get(sheet);
    if (!cells) {
      if (!this.partBySheet) {
        this.partBySheet = new Map([...sheetNamesByPart(this.workbookParts)].map(([part, name]) => [name, part]));
      }
      const part = this.partBySheet.get(sheet);
      const xml = part ? this.sheetParts.get(part) : undefined;
      cells = xml ? formulaResultsOfSheet(utf8(xml)) : new Map();
      this.bySheet.set(sheet, cells);
    }
    return cells.get(address.toUpperCase());
  }
}

export interface ExternalLink {
  /** 'file': another workbook or document; 'program': a DDE link, which starts another program. */
  kind: 'file' | 'program';
  target: string;
}

/** What a workbook's externalLink parts link to, as their relationships (or DDE links) name it. */
export function externalLinkTargets(parts: ReadonlyMap<string, Uint8Array>): ExternalLink[] {
  const out: ExternalLink[] = [];
  for (const [name, data] of parts) {
    if (/^xl\/externalLinks\/_rels\/[^/]+\.rels$/i.test(name)) {
      for (const m of utf8(data).matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
        const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
        if (target) out.push({ kind: 'file', target: decodeXmlText(target) });
      }
    } else if (/^xl\/externalLinks\/[^/]+\.xml$/i.test(name)) {
      // A DDE link starts another program: `<ddeLink ddeService="cmd" ddeTopic="/C calc">`.
      for (const m of utf8(data).matchAll(/<(?:\w+:)?ddeLink\b[^>]*>/g)) {
        const service = /\bddeService="([^"]*)"/.exec(m[0])?.[1] ?? '';
        const topic = /\bddeTopic="([^"]*)"/.exec(m[0])?.[1] ?? '';
        out.push({ kind: 'program', target: decodeXmlText(`${service}|${topic}`) });
      }
    }
  }
  return out;
}
