/**
 * Loopback server for end-to-end tests (and a quick look in a browser): serves the built renderer
 * and answers the bridge with the real main-process handlers. Only the desktop dialogs are
 * replaced: a save dialog writes into the output folder, an open dialog takes the next paths the
 * test queued (POST /__test/open-queue), printing keeps the PDF in the output folder.
 *
 *   npx tsx test/e2e/support/bridge-server.ts --port 4173 --out .tmp/e2e-out
 *
 * With --inject (npm run preview:browser) index.html loads the bridge client itself, so any
 * browser can use the app at the printed address; saved files land in the output folder.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { decodeWire, encodeWire } from '../../../shared/api/wire';
import { dispatch } from '../../../electron/services/bridge/dispatch';
import type { ServiceContext } from '../../../electron/services/bridge/context';
import type { Host } from '../../../electron/services/bridge/host';
import { handlers } from '../../../electron/services/handlers/index';
import { createConfSettings } from '../../../electron/services/settings/conf-store';
import { appVersion } from '../../../electron/cli/app-version';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4173' },
    out: { type: 'string' },
    root: { type: 'string' },
    inject: { type: 'boolean', default: false },
  },
});
const root = resolve(values.root ?? 'dist/renderer');
const outDir = resolve(values.out ?? mkdtempSync(join(tmpdir(), 'blocdesk-e2e-')));
mkdirSync(outDir, { recursive: true });
const settingsDir = mkdtempSync(join(tmpdir(), 'blocdesk-e2e-settings-'));

const openQueue: string[][] = [];
let printed = 0;
const host: Host = {
  async showSaveDialog({ defaultPath }) {
    return join(outDir, basename(defaultPath));
  },
  async showOpenDialog({ directory }) {
    const next = openQueue.shift();
    if (!next) return [];
    if (directory) for (const p of next) mkdirSync(p, { recursive: true });
    return next;
  },
  async printPdf(pdf) {
    printed += 1;
    await writeFile(join(outDir, `printed-${printed}.pdf`), pdf);
    return true;
  },
};

const ctx: ServiceContext = {
  host,
  settings: createConfSettings(settingsDir),
  assetsDir: resolve('assets'),
  appVersion: appVersion(),
  backupsDir: join(settingsDir, 'backups'),
  log: (line) => process.stderr.write(`${line}\n`),
};

const clientJs = (
  await build({ entryPoints: [resolve('test/e2e/support/bridge-client.ts')], bundle: true, write: false, format: 'iife', target: 'chrome120' })
).outputFiles[0]!.text;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, type: string, payload: string | Buffer): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(payload);
}

const server = createServer((req, res) => {
  void (async () => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname.startsWith('/__bridge/')) {
      const channel = decodeURIComponent(url.pathname.slice('/__bridge/'.length));
      const args = decodeWire(await body(req));
      const result = await dispatch(handlers, ctx, channel, Array.isArray(args) ? args : []);
      send(res, 200, 'application/json', encodeWire(result));
      return;
    }
    if (req.method === 'POST' && url.pathname === '/__test/open-queue') {
      const { paths } = JSON.parse(await body(req)) as { paths: string[] };
      openQueue.push(paths.map((p) => resolve(p)));
      send(res, 200, 'application/json', '{"ok":true}');
      return;
    }
    if (url.pathname === '/__test/bridge-client.js') return send(res, 200, MIME['.js']!, clientJs);
    if (url.pathname === '/__test/info') return send(res, 200, 'application/json', JSON.stringify({ outDir, settingsDir }));
    const rel = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
    const file = normalize(join(root, rel));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) return send(res, 404, 'text/plain', 'Not found');
    if (values.inject && rel === '/index.html') {
      // A classic script in <head> runs before the app's module script.
      const html = readFileSync(file, 'utf8').replace('</title>', '</title>\n    <script src="/__test/bridge-client.js"></script>');
      return send(res, 200, MIME['.html']!, html);
    }
    send(res, 200, MIME[extname(file)] ?? 'application/octet-stream', readFileSync(file));
  })().catch((err: unknown) => send(res, 500, 'text/plain', String(err)));
});

const port = Number(values.port);
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`BlocDesk loopback bridge on http://127.0.0.1:${port} (renderer ${root}, output ${outDir})\n`);
});
