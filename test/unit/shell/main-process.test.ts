/**
 * The Electron shell, loaded under Node with a stand-in for the `electron` module (the real binary
 * cannot run here): checks the security baseline and the wiring of the built main process
 * (dist/electron/main.mjs) rather than trusting a reading of the code.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../../shared/api/channels/index';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';
import { CLOSE_ANSWER, CLOSE_REQUEST } from '../../../shared/api/window-close';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const state = {
    appListeners: new Map<string, Listener>(),
    ipcHandlers: new Map<string, Listener>(),
    ipcListeners: new Map<string, Listener>(),
    windows: [] as { options: Record<string, unknown>; loaded: string[]; listeners: Map<string, Listener>; sent: unknown[][]; closeCalls: number; webContents: unknown }[],
    protocolHandlers: new Map<string, (req: { url: string }) => Promise<Response>>(),
    privilegedSchemes: [] as unknown[],
    permissionRequest: null as null | Listener,
    permissionCheck: null as null | Listener,
    menu: undefined as unknown,
    singleInstance: true,
    userData: '',
    ready: null as null | (() => void),
  };
  class BrowserWindow {
    options: Record<string, unknown>;
    loaded: string[] = [];
    listeners = new Map<string, Listener>();
    sent: unknown[][] = [];
    closeCalls = 0;
    webContents = { print: () => undefined, send: (...args: unknown[]) => this.sent.push(args), isDestroyed: () => false, isCrashed: () => false };
    constructor(options: Record<string, unknown>) {
      this.options = options;
      state.windows.push(this);
    }
    once() {}
    on(event: string, fn: Listener) {
      this.listeners.set(event, fn);
    }
    close() {
      this.closeCalls++;
    }
    isMinimized() {
      return false;
    }
    focus() {}
    restore() {}
    async loadURL(url: string) {
      this.loaded.push(url);
    }
  }
  const readyPromise = new Promise<void>((r) => (state.ready = r));
  const app = {
    requestSingleInstanceLock: () => state.singleInstance,
    on: (event: string, fn: Listener) => state.appListeners.set(event, fn),
    whenReady: () => readyPromise,
    getPath: () => state.userData,
    getVersion: () => '0.1.0',
    getName: () => 'BlocDesk',
    quit: () => undefined,
  };
  const module = {
    app,
    BrowserWindow,
    ipcMain: { handle: (ch: string, fn: Listener) => state.ipcHandlers.set(ch, fn), on: (ch: string, fn: Listener) => state.ipcListeners.set(ch, fn) },
    Menu: { setApplicationMenu: (m: unknown) => (state.menu = m) },
    net: {
      fetch: async (url: string) => {
        const { readFileSync: read } = await import('node:fs');
        const { fileURLToPath } = await import('node:url');
        return new Response(read(fileURLToPath(url)), { headers: { 'Content-Type': 'text/html' } });
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => state.privilegedSchemes.push(...s),
      handle: (scheme: string, fn: (req: { url: string }) => Promise<Response>) => state.protocolHandlers.set(scheme, fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Listener) => (state.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Listener) => (state.permissionCheck = fn),
      },
    },
    dialog: {},
    shell: { openPath: async () => '' },
    webUtils: {},
  };
  return { state, module: { ...module, default: module } };
});

vi.mock('electron', () => fake.module);

const MAIN = resolve('dist/electron/main.mjs');

beforeAll(async () => {
  if (!existsSync(MAIN) || !existsSync('dist/renderer/index.html')) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
  fake.state.userData = mkdtempSync(join(tmpdir(), 'blocdesk-shell-'));
  await import(MAIN);
  fake.state.ready!();
  await new Promise((r) => setTimeout(r, 50));
}, 180_000);

describe('Electron main process', () => {
  it('opens one window with the security baseline and the preload bridge', () => {
    expect(fake.state.windows).toHaveLength(1);
    const prefs = fake.state.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect(existsSync(String(prefs.preload))).toBe(true);
    expect(fake.state.windows[0]!.options.title).toBe('BlocDesk');
    expect(fake.state.windows[0]!.loaded).toEqual(['app://blocdesk/index.html']);
    expect(fake.state.menu).toBeNull();
    expect(fake.state.appListeners.has('second-instance')).toBe(true);
  });

  it('disables middle-click (Auxclick) in every window it opens', () => {
    expect(fake.state.windows.length).toBeGreaterThan(0);
    for (const w of fake.state.windows) expect((w.options.webPreferences as Record<string, unknown>).disableBlinkFeatures).toBe('Auxclick');
  });

  it('routes every bridge channel, and only those', () => {
    expect([...fake.state.ipcHandlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('answers calls from the app and refuses any other sender', async () => {
    const handler = fake.state.ipcHandlers.get('app.info')!;
    const fromApp = (await handler({ senderFrame: { url: 'app://blocdesk/index.html' } })) as { ok: boolean; value?: { name: string } };
    expect(fromApp).toMatchObject({ ok: true, value: { name: 'BlocDesk' } });
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://other/index.html', '']) {
      const r = (await handler({ senderFrame: { url } })) as { ok: boolean; error?: { code: string } };
      expect(r, url).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('validates payloads in main', async () => {
    const handler = fake.state.ipcHandlers.get('settings.update')!;
    const r = (await handler({ senderFrame: { url: 'app://blocdesk/index.html' } }, { fontSize: 'rất to' })) as { ok: boolean; error?: { code: string } };
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });

  it('denies every permission request', () => {
    let granted: boolean | undefined;
    fake.state.permissionRequest!({}, 'media', (g: boolean) => (granted = g));
    expect(granted).toBe(false);
    expect(fake.state.permissionCheck!({}, 'notifications')).toBe(false);
  });

  it('blocks navigation away from the app and every new window', () => {
    const listeners = new Map<string, Listener>();
    let openHandler: Listener | null = null;
    const contents = {
      on: (e: string, fn: Listener) => listeners.set(e, fn),
      setWindowOpenHandler: (fn: Listener) => (openHandler = fn),
    };
    fake.state.appListeners.get('web-contents-created')!({}, contents);
    const navigate = (url: string) => {
      let prevented = false;
      listeners.get('will-navigate')!({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('file:///C:/Windows/')).toBe(true);
    expect(navigate('app://blocdesk/index.html')).toBe(false);
    expect(openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    let webview = false;
    listeners.get('will-attach-webview')!({ preventDefault: () => (webview = true) });
    expect(webview).toBe(true);
  });

  it('serves the built renderer under app:// with the CSP header, and nothing outside it', async () => {
    expect(fake.state.privilegedSchemes).toEqual([expect.objectContaining({ scheme: 'app' })]);
    const serve = fake.state.protocolHandlers.get('app')!;
    const index = await serve({ url: 'app://blocdesk/index.html' });
    expect(index.status).toBe(200);
    expect(index.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await index.text()).toBe(readFileSync('dist/renderer/index.html', 'utf8'));
    for (const url of ['app://blocdesk/../../package.json', 'app://blocdesk/%2e%2e/%2e%2e/package.json', 'app://evil/index.html', 'app://blocdesk/khong-co.js']) {
      expect((await serve({ url })).status, url).toBe(404);
    }
  });

  it('asks the page before the window closes, and closes only on its answer', () => {
    const win = fake.state.windows[0]!;
    let prevented = false;
    win.listeners.get('close')!({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(win.sent).toEqual([[CLOSE_REQUEST]]);
    const answer = fake.state.ipcListeners.get(CLOSE_ANSWER)!;
    answer({ sender: win.webContents, senderFrame: { url: 'https://example.com/' } }, true);
    expect(win.closeCalls).toBe(0);
    answer({ sender: win.webContents, senderFrame: { url: 'app://blocdesk/index.html' } }, true);
    expect(win.closeCalls).toBe(1);
  });
});
