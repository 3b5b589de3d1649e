/**
 * The loopback test/preview server answers only this run's pages: a matching Host (and Origin),
 * the per-run token on every bridge and test-control request, bodies within a cap. Its browser
 * file dialogs (the preview's "Mở…") hand the app a file picked in the page.
 */
import { request } from 'node:http';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackage } from '../../../electron/services/handover/package-file';
import { decodeWire, encodeWire } from '../../../shared/api/wire';
import { startBridgeServer, type BridgeServer } from '../../e2e/support/loopback-bridge';
import { BRIDGE_MAX_BODY_BYTES, BRIDGE_TOKEN_FILE } from '../../e2e/support/bridge-limits';
import { tempDir } from '../assessment/corpus-tools';
import { sampleBloc } from '../assessment/fixtures';

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

  it('without the header, an empty queue still means "cancelled" (the e2e tests queue their files)', async () => {
    const reply = await call(server, '/__bridge/handover.open', { method: 'POST', headers: auth(), body: '[]' });
    expect(decodeWire(reply.body)).toEqual({ ok: true, value: null });
  });
});
