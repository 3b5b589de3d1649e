/**
 * The loopback bridge: serves the built renderer and answers the bridge with the real
 * main-process handlers, for the end-to-end tests and the browser preview. Only the desktop
 * dialogs are replaced: a save dialog writes into the output folder; an open dialog takes the next
 * paths a test queued (POST /__test/open-queue) or, when the page asks for it, a file the user
 * picks in the browser (an <input type=file> the client shows; the file is uploaded into the output
 * folder); printing keeps the PDF in the output folder.
 *
 * Only this run's pages may use it: every request must name this server as its Host (and Origin,
 * when it sends one), so a web page on another origin or a DNS-rebinding name gets nothing; every
 * bridge and test-control request must also carry the per-run random token, which the server
 * leaves in its output folder for the Playwright fixtures and puts in the preview's index.html.
 * Bodies past a cap get 413.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { open, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { tmpdir } from 'node:os';
import { basename, extname, join, normalize, resolve, sep } from 'node:path';
import { decodeWire, decodeWireFrame, encodeWire, encodeWireFrame, WIRE_FRAME_TYPE } from '../../../shared/api/wire';
import type { ServiceContext } from '../../../electron/services/bridge/context';
import type { Host } from '../../../electron/services/bridge/host';
import { appVersion } from '../../../electron/cli/app-version';
import { handshakeResponse, WsConnection } from './ws-connection';
import { BRIDGE_DIALOGS_HEADER, BRIDGE_MAX_BODY_BYTES, BRIDGE_TIMING_HEADER, BRIDGE_TOKEN_FILE, BRIDGE_TOKEN_HEADER, BRIDGE_TOKEN_META } from './bridge-limits';

export interface BridgeServerOptions {
  /** 0 picks a free port. */
  port: number;
  outDir: string;
  /** The built renderer (dist/renderer). */
  root: string;
  /** Make index.html load the client itself (the browser preview). */
  inject: boolean;
  /** The bundled client script (built by `npm run build`, or on first use from source). */
  clientJs: () => Promise<string>;
  maxBodyBytes?: number;
  log?: (line: string) => void;
}

export interface BridgeServer {
  url: string;
  port: number;
  token: string;
  outDir: string;
  close(): Promise<void>;
}

/** An open dialog waiting for the browser's answer. */
interface PendingDialog {
  paths: string[];
  resolve(paths: string[]): void;
}

export interface DialogRequest {
  id: string;
  title: string;
  /** Extensions without the dot; empty means any file. */
  extensions: string[];
  multiple: boolean;
}

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

class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, type: string, payload: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...extra });
  res.end(payload);
}

/** The body, refused with 413 past `cap` (a declared length is checked before reading anything). */
async function readBody(req: IncomingMessage, cap: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > cap) throw new HttpRefusal(413, `Request body over ${cap} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > cap) throw new HttpRefusal(413, `Request body over ${cap} bytes`);
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

/** A file name safe to create in the upload folder: no path, no reserved characters. */
function uploadName(name: string | null): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  return base.replace(/[<>:"|?*\u0000-\u001f]/g, '_').replace(/^\.+/, '').trim().slice(0, 150) || 'tep';
}

export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const root = resolve(options.root);
  const outDir = resolve(options.outDir);
  mkdirSync(outDir, { recursive: true });
  const settingsDir = mkdtempSync(join(tmpdir(), 'blocdesk-e2e-settings-'));
  const maxBody = options.maxBodyBytes ?? BRIDGE_MAX_BODY_BYTES;
  const token = randomBytes(32).toString('hex');
  const tokenBytes = Buffer.from(token);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  const openQueue: string[][] = [];
  const dialogs = new Map<string, PendingDialog>();
  let printed = 0;
  let uploads = 0;

  /** The host of one bridge call; `ask` shows an open dialog in the page, when the page can. */
  const hostFor = (ask: ((d: DialogRequest) => void) | null): Host => ({
    async showSaveDialog({ defaultPath }) {
      return join(outDir, basename(defaultPath));
    },
    async showOpenDialog({ title, filters, multiple, directory }) {
      const next = openQueue.shift();
      if (next) {
        if (directory) for (const p of next) mkdirSync(p, { recursive: true });
        return next;
      }
      if (!ask) return [];
      // A browser cannot name a folder on the PC: folders the app asks for are the output folder.
      if (directory) return [outDir];
      const id = randomBytes(12).toString('hex');
      const extensions = filters.flatMap((f) => f.extensions).filter((e) => e !== '*');
      const anyFile = filters.some((f) => f.extensions.includes('*'));
      return new Promise<string[]>((resolvePaths) => {
        dialogs.set(id, { paths: [], resolve: resolvePaths });
        ask({ id, title, extensions: anyFile ? [] : extensions, multiple });
      });
    },
    async printPdf(pdf) {
      printed += 1;
      await writeFile(join(outDir, `printed-${printed}.pdf`), pdf);
      return true;
    },
  });

  type Services = typeof import('./bridge-services');
  let loaded: Promise<{ services: Services; ctx: Omit<ServiceContext, 'host'> }> | null = null;
  /** The services and their context, loaded once (started right after listening). */
  const services = () =>
    (loaded ??= import('./bridge-services').then((s) => ({
      services: s,
      ctx: { settings: s.createConfSettings(settingsDir), assetsDir: resolve('assets'), appVersion: appVersion(), userDataDir: settingsDir, log },
    })));

  let port = options.port;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  /** Same server by Host (and Origin, when sent): refuses other sites and DNS-rebinding names. */
  function checkOrigin(req: IncomingMessage): void {
    const hosts = allowedHosts();
    if (!hosts.has(req.headers.host ?? '')) throw new HttpRefusal(403, 'Host not allowed');
    const origin = req.headers.origin;
    if (origin !== undefined && !(origin.startsWith('http://') && hosts.has(origin.slice('http://'.length)))) {
      throw new HttpRefusal(403, 'Origin not allowed');
    }
  }

  /** Bridge and test-control requests: this run's token, and never sent by another site. */
  function checkToken(req: IncomingMessage): void {
    const site = req.headers['sec-fetch-site'];
    if (site === 'cross-site' || site === 'same-site') throw new HttpRefusal(403, 'Cross-site request');
    const given = Buffer.from(String(req.headers[BRIDGE_TOKEN_HEADER] ?? ''));
    if (given.length !== tokenBytes.length || !timingSafeEqual(given, tokenBytes)) throw new HttpRefusal(403, 'Missing or wrong token');
  }

  async function bridgeCall(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    const body = await readBody(req, maxBody);
    const t0 = performance.now();
    const args = decodeWire(body.toString('utf8'));
    const decoded = performance.now() - t0;
    const callArgs = Array.isArray(args) ? args : [];
    const { services: s, ctx } = await services();
    if (req.headers[BRIDGE_DIALOGS_HEADER] !== 'browser') {
      const t1 = performance.now();
      const result = await s.dispatch(s.handlers, { ...ctx, host: hostFor(null) }, channel, callArgs);
      const t2 = performance.now();
      // A result holding byte arrays (an opened package's score sheets) goes as one binary frame, the
      // bytes as they are, as Electron's IPC carries them; any other as JSON.
      const frame = encodeWireFrame(result);
      const [type, payload] = frame ? [WIRE_FRAME_TYPE, Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength)] : ['application/json', encodeWire(result)];
      // For a benchmark page only: what the harness's JSON costs on this side and what main's handler (dispatch) took.
      if (req.headers[BRIDGE_TIMING_HEADER] !== '1') return send(res, 200, type, payload);
      const timing = `decode;dur=${decoded.toFixed(1)}, handler;dur=${(t2 - t1).toFixed(1)}, encode;dur=${(performance.now() - t2).toFixed(1)}`;
      return send(res, 200, type, payload, { 'Server-Timing': timing });
    }
    // The page answers open dialogs itself: one JSON line per dialog request, then the result.
    res.writeHead(200, { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    res.flushHeaders();
    const mine = new Set<string>();
    res.on('close', () => {
      // The page went away: its dialogs are cancelled.
      for (const id of mine) dialogs.get(id)?.resolve([]);
    });
    const host = hostFor((dialog) => {
      mine.add(dialog.id);
      res.write(`${JSON.stringify({ dialog })}\n`);
    });
    const result = await s.dispatch(s.handlers, { ...ctx, host }, channel, callArgs);
    for (const id of mine) dialogs.delete(id);
    res.end(`{"result":${encodeWire(result)}}\n`);
  }

  /** One picked file, streamed into the upload folder with the size bound of a handover package. */
  async function upload(req: IncomingMessage, res: ServerResponse, id: string, name: string | null): Promise<void> {
    const dialog = dialogs.get(id);
    if (!dialog) throw new HttpRefusal(404, 'No such dialog');
    // As large as a handover package may be, the largest file the app opens.
    const cap = (await services()).services.PACKAGE_MAX_FILE_BYTES;
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > cap) throw new HttpRefusal(413, 'File too large');
    uploads += 1;
    const dir = join(outDir, 'tep-da-chon', String(uploads));
    mkdirSync(dir, { recursive: true });
    const path = join(dir, uploadName(name));
    const file = await open(path, 'w');
    let size = 0;
    try {
      for await (const c of req) {
        size += (c as Buffer).length;
        if (size > cap) throw new HttpRefusal(413, 'File too large');
        await file.write(c as Buffer);
      }
    } catch (err) {
      await file.close();
      await rm(path, { force: true });
      throw err;
    }
    await file.close();
    dialog.paths.push(path);
    send(res, 200, 'application/json', '{"ok":true}');
  }

  function finishDialog(res: ServerResponse, id: string, cancelled: boolean): void {
    const dialog = dialogs.get(id);
    if (!dialog) throw new HttpRefusal(404, 'No such dialog');
    dialogs.delete(id);
    dialog.resolve(cancelled ? [] : dialog.paths);
    send(res, 200, 'application/json', '{"ok":true}');
  }

  function serveFile(res: ServerResponse, pathname: string): void {
    const rel = pathname === '/' ? '/index.html' : decodeURIComponent(pathname);
    const file = normalize(join(root, rel));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) return send(res, 404, 'text/plain', 'Not found');
    if (options.inject && rel === '/index.html') {
      // The token travels in a <meta> the page's own client script reads; a classic script in
      // <head> runs before the app's module script.
      const html = readFileSync(file, 'utf8').replace(
        '</title>',
        `</title>\n    <meta name="${BRIDGE_TOKEN_META}" content="${token}" />\n    <script src="/__test/bridge-client.js"></script>`,
      );
      return send(res, 200, MIME['.html']!, html);
    }
    send(res, 200, MIME[extname(file)] ?? 'application/octet-stream', readFileSync(file));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    checkOrigin(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    if (req.method === 'GET' && path === '/__test/ready') return send(res, 200, 'text/plain', 'ok');
    // The client script holds no secret; the preview page loads it with a plain <script src>.
    if (req.method === 'GET' && path === '/__test/bridge-client.js') return send(res, 200, MIME['.js']!, await options.clientJs());
    if (path.startsWith('/__bridge/') || path.startsWith('/__test/')) {
      checkToken(req);
      if (req.method === 'POST' && path.startsWith('/__bridge/')) return bridgeCall(req, res, decodeURIComponent(path.slice('/__bridge/'.length)));
      if (req.method === 'POST' && path === '/__test/open-queue') {
        const { paths } = JSON.parse((await readBody(req, 1024 * 1024)).toString('utf8')) as { paths: string[] };
        openQueue.push(paths.map((p) => resolve(p)));
        return send(res, 200, 'application/json', '{"ok":true}');
      }
      if (req.method === 'GET' && path === '/__test/info') return send(res, 200, 'application/json', JSON.stringify({ outDir, settingsDir }));
      // For a bench: main forgets the score sheets it checked, as after a restart (checked-sheets.ts).
      if (req.method === 'POST' && path === '/__test/forget-checked-sheets') {
        (await services()).services.forgetCheckedSheets();
        return send(res, 200, 'application/json', '{"ok":true}');
      }
      const dialog = /^\/__test\/dialogs\/([0-9a-f]{24})\/(file|done|cancel)$/.exec(path);
      if (req.method === 'POST' && dialog) {
        if (dialog[2] === 'file') return upload(req, res, dialog[1]!, url.searchParams.get('name'));
        return finishDialog(res, dialog[1]!, dialog[2] === 'cancel');
      }
      throw new HttpRefusal(404, 'Not found');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpRefusal(405, 'Method not allowed');
    serveFile(res, path);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const status = err instanceof HttpRefusal ? err.status : 500;
      if (!(err instanceof HttpRefusal)) log(`[loopback] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      if (res.headersSent) return void res.end();
      // Stop reading a body we refused; the client gets the status, not the rest of its upload.
      const socket = req.socket as typeof req.socket | null;
      if (status === 413) res.on('finish', () => socket?.destroy());
      send(res, status, 'text/plain; charset=utf-8', err instanceof Error ? err.message : String(err), status === 413 ? { Connection: 'close' } : {});
    });
  });

  /**
   * The WebSocket for calls that carry byte arrays (bridge-client.ts): each message is one call as a
   * wire frame, { id, channel, args, timing }; each answer a text message { id, result, timing }.
   * The same checks as any bridge call: this server's Host and Origin (a page always sends its
   * Origin here), and the token, in the query (a page cannot set a WebSocket's headers).
   */
  const sockets = new Set<Duplex>();
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refuse = (status: string) => socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    try {
      checkOrigin(req);
      if (req.headers.origin === undefined) throw new HttpRefusal(403, 'Origin required');
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname !== '/__bridge-ws') return refuse('404 Not Found');
      const given = Buffer.from(url.searchParams.get('token') ?? '');
      if (given.length !== tokenBytes.length || !timingSafeEqual(given, tokenBytes)) throw new HttpRefusal(403, 'Missing or wrong token');
    } catch {
      return refuse('403 Forbidden');
    }
    const answer = handshakeResponse(req);
    if (!answer) return refuse('400 Bad Request');
    socket.write(answer);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const ws = new WsConnection(socket, head, maxBody, (message) => {
      void socketCall(message).then((reply) => ws.sendText(reply));
    });
  });

  async function socketCall(message: Buffer): Promise<string> {
    let id: unknown = null;
    try {
      const t0 = performance.now();
      const call = decodeWireFrame(message) as { id: number; channel: string; args: unknown[]; timing?: boolean };
      id = call.id;
      const decoded = performance.now() - t0;
      const { services: s, ctx } = await services();
      const t1 = performance.now();
      const result = await s.dispatch(s.handlers, { ...ctx, host: hostFor(null) }, String(call.channel), Array.isArray(call.args) ? call.args : []);
      const t2 = performance.now();
      const reply = encodeWire({ id, result });
      if (!call.timing) return reply;
      const timing = `decode;dur=${decoded.toFixed(1)}, handler;dur=${(t2 - t1).toFixed(1)}, encode;dur=${(performance.now() - t2).toFixed(1)}`;
      return encodeWire({ id, result, timing });
    } catch (err) {
      log(`[loopback] socket call: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return JSON.stringify({ id, failure: err instanceof Error ? err.message : String(err) });
    }
  }

  // For the Playwright fixtures (same user): the token of this run, readable by its owner only,
  // written before the server answers anything.
  const tokenFile = join(outDir, BRIDGE_TOKEN_FILE);
  writeFileSync(tokenFile, JSON.stringify({ token }), { mode: 0o600 });
  chmodSync(tokenFile, 0o600);
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  // Warm the services up now that the server answers.
  services().catch((err: unknown) => log(`[loopback] services: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    token,
    outDir,
    close: () =>
      new Promise<void>((done) => {
        for (const d of dialogs.values()) d.resolve([]);
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
