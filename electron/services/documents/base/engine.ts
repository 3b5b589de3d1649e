/**
 * The one pdfmake instance of the process, kept warm: fonts are registered once per font set,
 * remote URLs are refused and local reads are limited to the registered font folders.
 */
import { dirname, resolve } from 'node:path';
import pdfmake from 'pdfmake';
import type { FontSet } from './fonts';
import type { DocumentDefinition } from './types';

export class PdfEngine {
  private readonly families = new Map<string, FontSet>();
  private readonly allowedFolders = new Set<string>();

  constructor() {
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path) => this.allowedFolders.has(dirname(resolve(path))));
  }

  /** Registers the font set (once) and returns its pdfmake family name. */
  use(fontSet: FontSet): string {
    const known = this.families.get(fontSet.family);
    if (!known || known.folder !== fontSet.folder) {
      this.families.set(fontSet.family, fontSet);
      this.allowedFolders.add(fontSet.folder);
      pdfmake.addFonts({ [fontSet.family]: { ...fontSet.files } });
    }
    return fontSet.family;
  }

  /** Renders the definition; the bytes are a fresh copy owned by the caller. */
  async render(definition: DocumentDefinition): Promise<Uint8Array<ArrayBuffer>> {
    if (!this.families.has(definition.defaultStyle.font)) {
      throw new Error(`Phông chữ "${definition.defaultStyle.font}" chưa được đăng ký.`);
    }
    const buffer = await pdfmake.createPdf(definition).getBuffer();
    return new Uint8Array(buffer);
  }
}

let shared: PdfEngine | null = null;
/** The process-wide engine (created on first use, reused afterwards). */
export function pdfEngine(): PdfEngine {
  shared ??= new PdfEngine();
  return shared;
}
