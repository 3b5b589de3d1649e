// Bundles the loopback bridge server (e2e tests, browser preview) and its page client with esbuild,
// so that Playwright starts it with plain node in a fraction of a second (tsx needs ~2 s plus a
// client build, which made the first `npm test` on a busy machine miss the web server timeout).
// The services (exceljs, pdfmake, conf) are a separate chunk the server loads after it listens.
// Written to dist/test-server/, which packaging leaves out of the app (electron-builder.yml).
import { build } from 'esbuild';

await build({
  entryPoints: ['test/e2e/support/bridge-server.ts'],
  outdir: 'dist/test-server',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
await build({
  entryPoints: ['test/e2e/support/bridge-client.ts'],
  outfile: 'dist/test-server/bridge-client.js',
  bundle: true,
  platform: 'browser',
  target: 'chrome120',
  format: 'iife',
  logLevel: 'warning',
});
console.log('test server: dist/test-server/bridge-server.mjs, dist/test-server/bridge-client.js');
