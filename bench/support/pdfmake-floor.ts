/**
 * The floor of the pledge's whole process: a bare Node process that loads pdfmake the way the CLI
 * does (the vendored bundle through V8's code cache, electron/cli/vendor-load.ts) and renders one
 * pdfmake definition with the CLI's compiler setting (short-run.ts), with nothing of BlocDesk's own
 * (no package read, no model, no checks).
 * Bundled and run by cli.bench.ts: node floor.mjs <pdfmake.cjs> <definition.json> <fonts.json> <out.pdf>.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { withoutOptimizer } from '../../electron/cli/short-run';
import { loadVendor } from '../../electron/cli/vendor-load';

interface Pdfmake {
  addFonts(fonts: Record<string, Record<string, string>>): void;
  createPdf(definition: unknown): { getBuffer(): Promise<Uint8Array> };
}

const [vendor, definitionFile, fontsFile, out] = process.argv.slice(2) as [string, string, string, string];
const loaded = loadVendor(vendor) as Pdfmake | { default: Pdfmake };
const pdfmake = 'default' in loaded ? loaded.default : loaded;
pdfmake.addFonts(JSON.parse(readFileSync(fontsFile, 'utf8')) as Record<string, Record<string, string>>);
const definition: unknown = JSON.parse(readFileSync(definitionFile, 'utf8'));
writeFileSync(out, await withoutOptimizer(() => pdfmake.createPdf(definition).getBuffer()));
