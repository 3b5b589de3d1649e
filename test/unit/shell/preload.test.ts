/**
 * The built preload (dist/electron/preload.cjs), evaluated with a stand-in for `electron`: it
 * exposes exactly one object, `window.blocdesk`, which forwards known channels to main and
 * refuses anything else without touching IPC.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../shared/api/channels/index';
import { CLOSE_ANSWER, CLOSE_REQUEST } from '../../../shared/api/window-close';

const PRELOAD = 'dist/electron/preload.cjs';
const exposed = new Map<string, Record<string, unknown>>();
const invoked: unknown[][] = [];
const sent: unknown[][] = [];
const rendererListeners = new Map<string, () => void>();

beforeAll(() => {
  if (!existsSync(PRELOAD)) execFileSync('npm', ['run', 'build:electron'], { stdio: 'inherit' });
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => {
        invoked.push(args);
        return { ok: true, value: 'from-main' };
      },
      on: (channel: string, fn: () => void) => rendererListeners.set(channel, fn),
      send: (...args: unknown[]) => sent.push(args),
    },
    webUtils: { getPathForFile: (f: { path: string }) => f.path },
  };
  const fakeRequire = (id: string) => {
    if (id === 'electron') return electron;
    throw new Error(`the sandboxed preload may not require "${id}"`);
  };
  const module = { exports: {} };
  new Function('require', 'module', 'exports', readFileSync(PRELOAD, 'utf8'))(fakeRequire, module, module.exports);
}, 120_000);

describe('preload', () => {
  it('exposes one bridge object with invoke, pathForFile and setCloseGuard only', () => {
    expect([...exposed.keys()]).toEqual(['blocdesk']);
    expect(Object.keys(exposed.get('blocdesk')!).sort()).toEqual(['invoke', 'pathForFile', 'setCloseGuard']);
  });

  it("answers main's close request with the renderer's guard, and closes when there is none or it fails", async () => {
    const setCloseGuard = exposed.get('blocdesk')!.setCloseGuard as (g: (() => Promise<boolean>) | null) => void;
    const request = rendererListeners.get(CLOSE_REQUEST)!;
    const answered = async () => {
      const before = sent.length;
      request();
      await new Promise((r) => setTimeout(r, 0));
      return sent.slice(before);
    };
    expect(await answered()).toEqual([[CLOSE_ANSWER, true]]);
    setCloseGuard(async () => false);
    expect(await answered()).toEqual([[CLOSE_ANSWER, false]]);
    setCloseGuard(async () => true);
    expect(await answered()).toEqual([[CLOSE_ANSWER, true]]);
    setCloseGuard(async () => {
      throw new Error('hỏng');
    });
    expect(await answered()).toEqual([[CLOSE_ANSWER, true]]);
    setCloseGuard(null);
    expect(await answered()).toEqual([[CLOSE_ANSWER, true]]);
  });

  it('forwards every known channel to main', async () => {
    const invoke = exposed.get('blocdesk')!.invoke as (ch: string, ...a: unknown[]) => Promise<unknown>;
    for (const ch of CHANNEL_NAMES) {
      await expect(invoke(ch, { x: 1 })).resolves.toEqual({ ok: true, value: 'from-main' });
    }
    expect(invoked.map((c) => c[0])).toEqual(CHANNEL_NAMES);
  });

  it('refuses an unknown channel without sending anything', async () => {
    const invoke = exposed.get('blocdesk')!.invoke as (ch: string) => Promise<{ ok: boolean; error?: { code: string } }>;
    const before = invoked.length;
    await expect(invoke('electron-store-get-data')).resolves.toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(invoked.length).toBe(before);
  });
});
