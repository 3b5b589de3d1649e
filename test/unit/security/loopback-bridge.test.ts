/**
 * The loopback test/preview server answers only this run's pages: a matching Host (and Origin),
 * the per-run token on every bridge and test-control request, bodies within a cap. Its browser
 * file dialogs (the preview's "Mở…") hand the app a file picked in the page.
 */
import { request } from 'node:http';
import { connect } from 'node:net';
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackage } from '../../../electron/services/handover/package-file';
import { decodeWire, decodeWireFrame, encodeWire, encodeWireFrame, WIRE_FRAME_TYPE, wireFramePieces } from '../../../shared/api/wire';
import type { OpenedPackage } from '../../../shared/api/channels/foundation';
import { fromSheeted } from '../../../shared/model/score-sheets';
import { buildSampleBlocData, buildSyntheticBlocData, withFullHistory } from '../../../shared/sample/sample-bloc';
import { startBridgeServer, type BridgeServer } from '../../e2e/support/loopback-bridge';
import { BRIDGE_MAX_BODY_BYTES, BRIDGE_TOKEN_FILE } from '../../e2e/support/bridge-limits';
import { tempDir } from '../assessment/corpus-tools';
import { sampleBloc } from '../assessment/fixtures';

const enc = (s: string) => new TextEncoder().encode(s);

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so that Host, Origin and Content-Length can be anything. */
function call(
  server: BridgeServer,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; onLine?: (line: string) => void } = {},
): Promise<Reply> {
  return new Promise((resolveReply, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      let body = '';
      let pending = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
        pending += chunk;
        let nl: number;
        while ((nl = pending.indexOf('\n')) >= 0) {
          options.onLine?.(pending.slice(0, nl));
          pending = pending.slice(nl + 1);
        }
      });
      res.on('end', () => resolveReply({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const out = tempDir('loopback-out');
const root = tempDir('loopback-root');
writeFileSync(join(root, 'index.html'), '<!doctype html><html><head><title>BlocDesk</title></head><body></body></html>');
let server: BridgeServer;
let injected: BridgeServer;
let small: BridgeServer;
const auth = () => ({ 'x-blocdesk-token': server.token, 'Content-Type': 'application/json' });

beforeAll(async () => {
  const clientJs = async () => '/* client */';
  server = await startBridgeServer({ port: 0, outDir: out, root, inject: false, clientJs, log: () => undefined });
  injected = await startBridgeServer({ port: 0, outDir: tempDir('loopback-preview'), root, inject: true, clientJs, log: () => undefined });
  small = await startBridgeServer({ port: 0, outDir: tempDir('loopback-small'), root, inject: false, clientJs, maxBodyBytes: 4096, log: () => undefined });
});
afterAll(async () => {
  await Promise.all([server.close(), injected.close(), small.close()]);
});

/** A WebSocket client as a page would be (masked frames), enough for these tests. */
async function openWs(
  target: BridgeServer,
  o: { origin: string | undefined; token: string; host?: string },
): Promise<{ status: number; send(message: Uint8Array, pieces?: number): void; next(): Promise<string>; end(): void }> {
  const socket = connect(target.port, '127.0.0.1');
  const headers = [
    `GET /__bridge-ws?token=${encodeURIComponent(o.token)} HTTP/1.1`,
    `Host: ${o.host ?? `127.0.0.1:${target.port}`}`,
    ...(o.origin ? [`Origin: ${o.origin}`] : []),
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
    'Sec-WebSocket-Version: 13',
  ];
  socket.write(`${headers.join('\r\n')}\r\n\r\n`);
  let buffered = Buffer.alloc(0);
  const waiters: (() => void)[] = [];
  socket.on('data', (d: Buffer) => {
    buffered = Buffer.concat([buffered, d]);
    waiters.splice(0).forEach((w) => w());
  });
  socket.on('close', () => waiters.splice(0).forEach((w) => w()));
  const more = () => new Promise<void>((r) => waiters.push(r));
  while (!buffered.includes('\r\n\r\n') && !socket.destroyed) await more();
  const headEnd = buffered.indexOf('\r\n\r\n');
  const status = Number(/^HTTP\/1\.1 (\d+)/.exec(buffered.subarray(0, Math.max(headEnd, 0)).toString())?.[1] ?? 0);
  buffered = buffered.subarray(headEnd + 4);
  const frame = (opcode: number, fin: boolean, payload: Uint8Array) => {
    const mask = randomBytes(4);
    const len = payload.length;
    const head = len < 126 ? Buffer.from([(fin ? 0x80 : 0) | opcode, 0x80 | len]) : Buffer.alloc(10);
    if (len >= 126) {
      head[0] = (fin ? 0x80 : 0) | opcode;
      head[1] = 0x80 | 127;
      head.writeBigUInt64BE(BigInt(len), 2);
    }
    const body = Buffer.from(payload);
    for (let i = 0; i < body.length; i++) body[i]! ^= mask[i & 3]!;
    socket.write(Buffer.concat([head, mask, body]));
  };
  return {
    status,
    send(message, pieces = 1) {
      const size = Math.ceil(message.length / pieces);
      for (let i = 0; i < pieces; i++) frame(i === 0 ? 0x2 : 0x0, i === pieces - 1, message.subarray(i * size, (i + 1) * size));
    },
    async next() {
      for (;;) {
        if (buffered.length >= 2) {
          let len = buffered[1]! & 0x7f;
          let at = 2;
          if (len === 126) [len, at] = [buffered.readUInt16BE(2), 4];
          else if (len === 127) [len, at] = [Number(buffered.readBigUInt64BE(2)), 10];
          if (buffered.length >= at + len) {
            const text = buffered.subarray(at, at + len).toString('utf8');
            buffered = buffered.subarray(at + len);
            return text;
          }
        }
        if (socket.destroyed) throw new Error('closed');
        await more();
      }
    },
    end: () => socket.destroy(),
  };
}

describe('loopback bridge access', () => {
  it('leaves a fresh random token for the fixtures, readable by its owner only', () => {
    const file = join(out, BRIDGE_TOKEN_FILE);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ token: server.token });
    expect(server.token).toMatch(/^[0-9a-f]{64}$/);
    expect(injected.token).not.toBe(server.token);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('answers bridge calls only with the token', async () => {
    const ok = await call(server, '/__bridge/app.info', { method: 'POST', headers: auth(), body: '[]' });
    expect(ok.status).toBe(200);
    expect(decodeWire(ok.body)).toMatchObject({ ok: true, value: { name: 'BlocDesk' } });
    for (const headers of [{}, { 'x-blocdesk-token': 'sai' }, { 'x-blocdesk-token': injected.token }] as Record<string, string>[]) {
      expect((await call(server, '/__bridge/app.info', { method: 'POST', headers, body: '[]' })).status).toBe(403);
    }
    expect((await call(server, '/__test/info')).status).toBe(403);
    expect((await call(server, '/__test/info', { headers: auth() })).status).toBe(200);
    expect((await call(server, '/__test/open-queue', { method: 'POST', body: '{"paths":["/etc/passwd"]}' })).status).toBe(403);
    // Only the readiness probe and the (secret-free) client script go without it.
    expect((await call(server, '/__test/ready')).status).toBe(200);
    expect((await call(server, '/__test/bridge-client.js')).body).toBe('/* client */');
  });

  it('refuses another Host (DNS rebinding), another Origin and cross-site requests, even with the token', async () => {
    const refused = [
      { ...auth(), Host: `evil.example:${server.port}` },
      { ...auth(), Host: `127.0.0.1:${server.port + 1}` },
      { ...auth(), Origin: 'http://evil.example' },
      { ...auth(), Origin: `http://evil.example:${server.port}` },
      { ...auth(), Origin: 'null' },
      { ...auth(), 'Sec-Fetch-Site': 'cross-site' },
    ];
    for (const headers of refused) {
      expect((await call(server, '/__bridge/app.info', { method: 'POST', headers, body: '[]' })).status, JSON.stringify(headers)).toBe(403);
    }
    expect((await call(server, '/', { headers: { Host: `evil.example:${server.port}` } })).status).toBe(403);
    const sameOrigin = { ...auth(), Origin: `http://localhost:${server.port}`, Host: `localhost:${server.port}`, 'Sec-Fetch-Site': 'same-origin' };
    expect((await call(server, '/__bridge/app.info', { method: 'POST', headers: sameOrigin, body: '[]' })).status).toBe(200);
    expect((await call(server, '/')).status).toBe(200);
  });

  it('refuses bodies past the cap with 413, before reading them', async () => {
    const declared = await call(server, '/__bridge/app.info', {
      method: 'POST',
      headers: { ...auth(), 'Content-Length': String(BRIDGE_MAX_BODY_BYTES + 1) },
      body: '[]',
    });
    expect(declared.status).toBe(413);
    const streamed = await call(small, '/__bridge/app.info', {
      method: 'POST',
      headers: { 'x-blocdesk-token': small.token, 'Transfer-Encoding': 'chunked' },
      body: `[${'"x",'.repeat(2000)}"x"]`,
    });
    expect(streamed.status).toBe(413);
    const within = await call(small, '/__bridge/app.info', { method: 'POST', headers: { 'x-blocdesk-token': small.token }, body: '[]' });
    expect(within.status).toBe(200);
  });

  it('gives the preview page its token in a <meta> and loads the client before the app', async () => {
    const html = (await call(injected, '/')).body;
    expect(html).toContain(`<meta name="blocdesk-bridge-token" content="${injected.token}" />`);
    expect(html.indexOf('/__test/bridge-client.js')).toBeGreaterThan(html.indexOf('blocdesk-bridge-token'));
    expect((await call(server, '/')).body).not.toContain(server.token);
  });
});

describe('browser file dialogs', () => {
  const data = sampleBloc();
  const packageBytes = buildPackage(data, { createdBy: 'Văn phòng Khối', appName: 'BlocDesk', appVersion: '0.1.0', now: '2026-01-05T08:00:00.000Z' });

  /** Runs handover.open asking for browser dialogs; `answer` plays the page's part. */
  async function openWithBrowser(answer: (dialog: { id: string; extensions: string[]; multiple: boolean }) => Promise<void>) {
    const dialogs: unknown[] = [];
    const reply = await call(server, '/__bridge/handover.open', {
      method: 'POST',
      headers: { ...auth(), 'x-blocdesk-dialogs': 'browser' },
      body: encodeWire([]),
      onLine: (line) => {
        const msg = JSON.parse(line) as { dialog?: { id: string; extensions: string[]; multiple: boolean } };
        if (msg.dialog) {
          dialogs.push(msg.dialog);
          void answer(msg.dialog);
        }
      },
    });
    expect(reply.headers['content-type']).toContain('application/x-ndjson');
    const last = reply.body.trim().split('\n').at(-1)!;
    return { dialogs, result: (decodeWire(last) as { result: unknown }).result };
  }

  it('open the file the user picked in the page, uploaded into the output folder under its bare name', async () => {
    const { dialogs, result } = await openWithBrowser(async ({ id }) => {
      const up = await call(server, `/__test/dialogs/${id}/file?name=${encodeURIComponent('..\\..\\khối.blocdesk')}`, {
        method: 'POST',
        headers: { 'x-blocdesk-token': server.token, 'Content-Type': 'application/octet-stream' },
        body: Buffer.from(packageBytes),
      });
      expect(up.status).toBe(200);
      expect((await call(server, `/__test/dialogs/${id}/done`, { method: 'POST', headers: auth() })).status).toBe(200);
    });
    expect(dialogs).toEqual([{ id: expect.stringMatching(/^[0-9a-f]{24}$/), title: 'Chọn gói bàn giao', extensions: ['blocdesk'], multiple: false }]);
    expect(result).toMatchObject({ ok: true, value: { preview: { bloc: { name: data.bloc.name } } } });
    const saved = join(out, 'tep-da-chon', '1', 'khối.blocdesk');
    expect(new Uint8Array(readFileSync(saved))).toEqual(packageBytes);
  });

  it('cancel gives the app a cancelled dialog; uploads need the token and a live dialog', async () => {
    const { result } = await openWithBrowser(async ({ id }) => {
      expect((await call(server, `/__test/dialogs/${id}/file?name=a.blocdesk`, { method: 'POST', body: 'x' })).status).toBe(403);
      const tooBig = await call(server, `/__test/dialogs/${id}/file?name=a.blocdesk`, {
        method: 'POST',
        headers: { 'x-blocdesk-token': server.token, 'Content-Length': String(1024 * 1024 * 1024) },
        body: 'x',
      });
      expect(tooBig.status).toBe(413);
      await call(server, `/__test/dialogs/${id}/cancel`, { method: 'POST', headers: auth() });
    });
    expect(result).toEqual({ ok: true, value: null });
    expect((await call(server, '/__test/dialogs/0123456789abcdef01234567/done', { method: 'POST', headers: auth() })).status).toBe(404);
  });

  it('carries calls with byte arrays over its WebSocket as they are, in one or several frames', async () => {
    const pkg = buildPackage(buildSampleBlocData('2026-11-20T08:00:00.000Z'), { createdBy: 'x', appName: 'BlocDesk', appVersion: '1', now: '2026-11-20T08:00:00.000Z' });
    const call = { id: 7, channel: 'handover.read', args: [{ name: 'mau.blocdesk', bytes: pkg }], timing: true };
    const frame = encodeWireFrame(call)!;
    expect(frame.length).toBeLessThan(pkg.length + 200); // no base64
    expect(decodeWireFrame(frame)).toEqual(call);
    expect(encodeWireFrame([{ name: 'không có byte' }])).toBeNull();
    // The page sends the same bytes as pieces (a Blob), the byte array itself among them.
    const pieces = wireFramePieces(call)!;
    expect(pieces).toContain(pkg);
    expect(new Uint8Array(Buffer.concat(pieces))).toEqual(frame);
    expect(() => decodeWireFrame(frame.subarray(0, frame.length - 1))).toThrow(/broken/);

    const ws = await openWs(server, { origin: `http://127.0.0.1:${server.port}`, token: server.token });
    expect(ws.status).toBe(101);
    ws.send(frame);
    const answer = decodeWire(await ws.next()) as { id: number; result: unknown; timing: string };
    expect(answer).toMatchObject({ id: 7, result: { ok: true, value: { preview: { fileName: 'mau.blocdesk' } } } });
    expect(answer.timing).toMatch(/handler;dur=/);
    ws.send(encodeWireFrame({ id: 8, channel: 'handover.read', args: [{ name: 'hong.blocdesk', bytes: new Uint8Array([1, 2, 3]) }] })!, 3);
    expect(decodeWire(await ws.next())).toMatchObject({ id: 8, result: { ok: false, error: { code: 'package-foreign' } } });
    ws.send(new Uint8Array([1, 2, 3]));
    expect(JSON.parse(await ws.next())).toMatchObject({ id: null, failure: expect.stringMatching(/broken/) });
    ws.end();
  });

  it('opens its WebSocket only to this run\'s pages: the token, this server as Host and Origin', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    for (const options of [
      { origin, token: 'sai' },
      { origin, token: injected.token },
      { origin: 'http://evil.example', token: server.token },
      { origin: undefined, token: server.token },
      { origin, token: server.token, host: `evil.example:${server.port}` },
    ]) {
      const ws = await openWs(server, options);
      expect(ws.status).toBe(403);
      ws.end();
    }
  });

  it('answers a result holding byte arrays (an opened package\'s score sheets) as one binary frame, and any other as JSON', async () => {
    const now = '2026-11-20T08:00:00.000Z';
    const data = withFullHistory(buildSyntheticBlocData({ units: 3, criteria: 4, years: 2, now }));
    const file = join(tempDir('loopback-open'), 'khoi.blocdesk');
    writeFileSync(file, buildPackage(data, { createdBy: 'x', appName: 'BlocDesk', appVersion: '1', now }));
    const base = `http://127.0.0.1:${server.port}`;
    expect((await fetch(`${base}/__test/open-queue`, { method: 'POST', headers: auth(), body: JSON.stringify({ paths: [file] }) })).ok).toBe(true);
    const res = await fetch(`${base}/__bridge/handover.open`, { method: 'POST', headers: auth(), body: '[]' });
    expect(res.headers.get('content-type')).toBe(WIRE_FRAME_TYPE);
    const frame = new Uint8Array(await res.arrayBuffer());
    expect(data.scores.length).toBeGreaterThan(0);
    const reply = decodeWireFrame(frame) as { ok: true; value: OpenedPackage };
    expect(reply.value.data.scoreSheets.every((s) => s.deflated instanceof Uint8Array)).toBe(true);
    expect(fromSheeted(reply.value.data)).toEqual({ ...data, scores: [...data.scores].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) });
    // Nested byte arrays come back where they were; an object that only looks like a marker stays an object.
    const nested = { a: [{ json: new Uint8Array([1]) }, { json: new Uint8Array([2, 3]), n: 1 }], b: { $blob: 0, also: 1 }, c: [[new Uint8Array([4])]] };
    expect(decodeWireFrame(encodeWireFrame(nested)!)).toEqual(nested);
    // A byte array under a "__proto__" member stays a member: the object's prototype is untouched.
    const json = enc('{"__proto__":{"$blob":0}}');
    const crafted = new Uint8Array(4 + json.length + 4 + 1);
    const view = new DataView(crafted.buffer);
    view.setUint32(0, json.length, true);
    crafted.set(json, 4);
    view.setUint32(4 + json.length, 1, true);
    crafted[crafted.length - 1] = 9;
    const decoded = decodeWireFrame(crafted) as object;
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(decoded, '__proto__')?.value).toEqual(new Uint8Array([9]));
    const info = await fetch(`${base}/__bridge/app.info`, { method: 'POST', headers: auth(), body: '[]' });
    expect(info.headers.get('content-type')).toBe('application/json');
  });

  it('without the header, an empty queue still means "cancelled" (the e2e tests queue their files)', async () => {
    const reply = await call(server, '/__bridge/handover.open', { method: 'POST', headers: auth(), body: '[]' });
    expect(decodeWire(reply.body)).toEqual({ ok: true, value: null });
  });
});
