/**
 * Reads produced Word files back: their XML parts (unzipped), and LibreOffice's own reading of
 * them (headless conversion to text and to PDF, as a user's office suite opens the file).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

/** The parts of a .docx (a zip) as text, by path ("word/document.xml"). */
export function docxParts(bytes: Uint8Array): Map<string, string> {
  const files = unzipSync(bytes);
  return new Map(Object.entries(files).map(([name, data]) => [name, name.endsWith('.xml') || name.endsWith('.rels') ? strFromU8(data) : '']));
}

export function docxPart(bytes: Uint8Array, name = 'word/document.xml'): string {
  const part = docxParts(bytes).get(name);
  if (part === undefined) throw new Error(`${name} thiếu trong tệp .docx`);
  return part;
}

/** Names of the media files embedded in a .docx. */
export function docxMedia(bytes: Uint8Array): string[] {
  return Object.keys(unzipSync(bytes)).filter((n) => n.startsWith('word/media/'));
}

export interface Converted {
  /** LibreOffice's plain-text reading of each file. */
  text: Map<string, string>;
  /** LibreOffice's PDF of each file. */
  pdf: Map<string, Uint8Array>;
}

/**
 * Converts every file with one headless LibreOffice per target format (its own profile folder,
 * so runs in parallel do not share one). Throws when LibreOffice fails or produces nothing.
 */
export function convertWithLibreOffice(files: Record<string, Uint8Array>): Converted {
  const dir = mkdtempSync(join(tmpdir(), 'blocdesk-lo-'));
  try {
    const names = Object.keys(files);
    for (const name of names) writeFileSync(join(dir, `${name}.docx`), files[name]!);
    const profile = `file://${join(dir, 'profile')}`;
    const convert = (target: string, out: string) =>
      execFileSync(
        'soffice',
        [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', target, '--outdir', join(dir, out), ...names.map((n) => join(dir, `${n}.docx`))],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 },
      );
    convert('txt:Text (encoded):UTF8', 'txt');
    convert('pdf', 'pdf');
    const result: Converted = { text: new Map(), pdf: new Map() };
    for (const name of names) {
      const txt = join(dir, 'txt', `${name}.txt`);
      const pdf = join(dir, 'pdf', `${name}.pdf`);
      if (!existsSync(txt) || !existsSync(pdf)) throw new Error(`LibreOffice không mở được ${name}.docx`);
      result.text.set(name, readFileSync(txt, 'utf8').replace(/^\uFEFF/, ''));
      result.pdf.set(name, new Uint8Array(readFileSync(pdf)));
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whitespace-separated words, for comparing texts laid out differently (line breaks, columns). */
export function wordSet(text: string): Set<string> {
  return new Set(text.normalize('NFC').split(/\s+/).filter(Boolean));
}

/** The text with every run of whitespace (line breaks included) as one space. */
export const flatText = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ');

/** Every attribute value of a tag in the XML, e.g. attrs(xml, 'w:pgMar') → [{ 'w:top': '1134', … }]. */
export function tags(xml: string, tag: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const m of xml.matchAll(new RegExp(`<${tag}(\\s[^>]*?)?/?>`, 'g'))) {
    const attrs: Record<string, string> = {};
    for (const a of (m[1] ?? '').matchAll(/([\w:]+)="([^"]*)"/g)) attrs[a[1]!] = a[2]!;
    out.push(attrs);
  }
  return out;
}
