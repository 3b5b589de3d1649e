/**
 * Printing without a PDF reader on the PC: Electron's viewer shows the document, loaded through
 * the app's own scheme in a session of its own, never from file://.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Handler = (request: { url: string }) => Response | Promise<Response>;

const fake = vi.hoisted(() => {
  const state = {
    openPathResult: '',
    opened: [] as string[],
    windows: [] as { options: Record<string, unknown>; loaded: string[]; listeners: Map<string, () => void> }[],
    sessions: new Map<string, { handlers: Map<string, Handler>; unhandled: string[]; permissionCheck: null | (() => boolean) }>(),
  };
  class BrowserWindow {
    options: Record<string, unknown>;
    loaded: string[] = [];
    listeners = new Map<string, () => void>();
    constructor(options: Record<string, unknown>) {
      this.options = options;
      state.windows.push(this);
    }
    on(event: string, fn: () => void) {
      this.listeners.set(event, fn);
    }
    async loadURL(url: string) {
      this.loaded.push(url);
    }
  }
  const session = {
    fromPartition(partition: string) {
      const s = { handlers: new Map<string, Handler>(), unhandled: [] as string[], permissionCheck: null as null | (() => boolean) };
      state.sessions.set(partition, s);
      return {
        protocol: { handle: (scheme: string, fn: Handler) => s.handlers.set(scheme, fn), unhandle: (scheme: string) => s.unhandled.push(scheme) },
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: (fn: () => boolean) => (s.permissionCheck = fn),
      };
    },
  };
  const shell = {
    openPath: async (path: string) => {
      state.opened.push(path);
      return state.openPathResult;
    },
  };
  const module = { BrowserWindow, session, shell, dialog: {} };
  return { state, module: { ...module, default: module } };
});

vi.mock('electron', () => fake.module);

const { createElectronHost, PRINT_URL } = await import('../../../electron/shell/electron-host');
const PDF = new TextEncoder().encode('%PDF-1.7\n% tài liệu\n%%EOF\n');

beforeEach(() => {
  fake.state.windows.length = 0;
  fake.state.opened.length = 0;
  fake.state.sessions.clear();
});

describe('printing a PDF', () => {
  it("opens it in the PC's PDF reader when there is one, with no window of its own", async () => {
    fake.state.openPathResult = '';
    expect(await createElectronHost(() => null).printPdf(PDF)).toBe(true);
    expect(fake.state.opened).toHaveLength(1);
    expect(fake.state.windows).toHaveLength(0);
  });

  it("falls back to Electron's viewer through app://, never file://, in a session serving only that PDF", async () => {
    fake.state.openPathResult = 'Không có ứng dụng nào mở được tệp này';
    expect(await createElectronHost(() => null).printPdf(PDF)).toBe(true);
    expect(fake.state.windows).toHaveLength(1);
    const win = fake.state.windows[0]!;
    expect(win.loaded).toEqual([PRINT_URL]);
    expect(win.loaded.some((u) => u.startsWith('file:'))).toBe(false);
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, disableBlinkFeatures: 'Auxclick' });
    expect(String(prefs.partition)).not.toMatch(/^persist:/);

    const ses = fake.state.sessions.get(String(prefs.partition))!;
    const serve = ses.handlers.get('app')!;
    const pdf = await serve({ url: PRINT_URL });
    expect(pdf.headers.get('Content-Type')).toBe('application/pdf');
    expect(new Uint8Array(await pdf.arrayBuffer())).toEqual(PDF);
    for (const url of ['app://blocdesk/index.html', 'app://print/../../etc/passwd', 'app://print/khac.pdf']) {
      expect((await serve({ url })).status, url).toBe(404);
    }
    expect(ses.permissionCheck!()).toBe(false);

    win.listeners.get('closed')!();
    expect(ses.unhandled).toEqual(['app']);
  });

  it('gives every print its own session', async () => {
    fake.state.openPathResult = 'lỗi';
    const host = createElectronHost(() => null);
    await host.printPdf(PDF);
    await host.printPdf(PDF);
    const partitions = fake.state.windows.map((w) => (w.options.webPreferences as Record<string, unknown>).partition);
    expect(new Set(partitions).size).toBe(2);
  });
});
