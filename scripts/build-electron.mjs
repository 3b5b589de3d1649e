// Bundles the Electron main process (ESM) and preload (CommonJS, sandboxed) with esbuild, and the CLI (dist/cli).
import { build } from 'esbuild';
import { buildCli } from './cli-bundle.mjs';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };
await build({
  ...common,
  entryPoints: ['electron/main.ts'],
  outfile: 'dist/electron/main.mjs',
  format: 'esm',
  external: ['electron', 'electron-store', 'exceljs', 'pdfmake', 'conf'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
await build({
  ...common,
  entryPoints: ['electron/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
  format: 'cjs',
  // A sandboxed preload can require nothing of Node's: packages resolve to their browser builds (fflate's node build requires "module").
  platform: 'browser',
  target: 'chrome120',
  external: ['electron'],
});
await buildCli();
console.log('electron: dist/electron/main.mjs, dist/electron/preload.cjs; cli: dist/cli/bin.mjs');
