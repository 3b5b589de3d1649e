/**
 * Starts the loopback bridge (loopback-bridge.ts) from the command line: for the end-to-end tests
 * (playwright.config.ts) and a quick look in a browser (`npm run preview:browser`).
 *
 *   node dist/test-server/bridge-server.mjs --port 4173 --out .tmp/e2e-out   (built by npm run build)
 *   npx tsx test/e2e/support/bridge-server.ts --port 4173 --out .tmp/e2e-out (from source)
 *
 * With --inject index.html loads the bridge client itself, so any browser can use the app at the
 * printed address; saved files land in the output folder, and "Chọn tệp" / "Mở…" ask for a file
 * in the page. It listens before doing anything slow: the client script comes prebuilt next to the
 * bundle, and is only built (esbuild) on first request when running from source.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startBridgeServer } from './loopback-bridge';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4173' },
    out: { type: 'string' },
    root: { type: 'string' },
    inject: { type: 'boolean', default: false },
  },
});

const here = dirname(fileURLToPath(import.meta.url));
let client: Promise<string> | null = null;
/** The client script: prebuilt beside the bundle (dist/test-server), else built once from source. */
function clientJs(): Promise<string> {
  client ??= (async () => {
    const prebuilt = join(here, 'bridge-client.js');
    if (existsSync(prebuilt)) return readFileSync(prebuilt, 'utf8');
    const { build } = await import('esbuild');
    const out = await build({ entryPoints: [join(here, 'bridge-client.ts')], bundle: true, write: false, format: 'iife', target: 'chrome120' });
    return out.outputFiles[0]!.text;
  })();
  return client;
}

const server = await startBridgeServer({
  port: Number(values.port),
  outDir: values.out ?? mkdtempSync(join(tmpdir(), 'blocdesk-e2e-')),
  root: resolve(values.root ?? 'dist/renderer'),
  inject: values.inject,
  clientJs,
});
process.stdout.write(`BlocDesk loopback bridge on ${server.url} (renderer ${resolve(values.root ?? 'dist/renderer')}, output ${server.outDir})\n`);
// Exit normally when stopped, so a profile asked for with --cpu-prof is written (bench/support/bridge-server.ts).
process.once('SIGTERM', () => process.exit(0));
