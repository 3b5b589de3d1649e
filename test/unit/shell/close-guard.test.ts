/**
 * Closing the window with unsaved edits (electron/shell/close-guard.ts), with stand-ins for the
 * BrowserWindow and ipcMain (the real binary cannot run here): the close is held until the app's
 * page answers, "Ở lại" keeps the window, a crashed or hung page never traps the user, and
 * answers from anything but the app's page are ignored.
 */
import { describe, expect, it } from 'vitest';
import { guardWindowClose, type AnswerEvent } from '../../../electron/shell/close-guard';
import { CLOSE_ANSWER, CLOSE_REQUEST } from '../../../shared/api/window-close';

type Listener = (...args: unknown[]) => void;

function setup() {
  const sent: string[] = [];
  const contents = {
    crashed: false,
    destroyed: false,
    send: (channel: string) => void sent.push(channel),
    isDestroyed: () => contents.destroyed,
    isCrashed: () => contents.crashed,
  };
  const winListeners = new Map<string, Listener>();
  const win = {
    closed: false,
    webContents: contents,
    on: (event: string, fn: Listener) => winListeners.set(event, fn),
    // Like Electron: close() emits 'close' again, and the window goes unless that is prevented.
    close: () => void tryClose(),
  };
  const ipcListeners = new Map<string, Listener>();
  const ipc = { on: (channel: string, fn: (event: AnswerEvent, ...args: unknown[]) => void) => ipcListeners.set(channel, fn as Listener) };
  const APP = 'app://blocdesk/index.html';
  guardWindowClose(win as never, ipc, (e: AnswerEvent) => (e.senderFrame?.url ?? '').startsWith('app://blocdesk/'));

  /** The user clicks ×: true when the window closed. */
  function tryClose(): boolean {
    let prevented = false;
    winListeners.get('close')!({ preventDefault: () => (prevented = true) });
    if (!prevented) win.closed = true;
    return !prevented;
  }
  const answer = (close: unknown, from: Partial<AnswerEvent> = {}) =>
    ipcListeners.get(CLOSE_ANSWER)!({ sender: contents, senderFrame: { url: APP }, ...from }, close);
  return { win, contents, sent, tryClose, answer, winListeners };
}

describe('closing the window', () => {
  it('holds the close and asks the page', () => {
    const s = setup();
    expect(s.tryClose()).toBe(false);
    expect(s.sent).toEqual([CLOSE_REQUEST]);
    expect(s.win.closed).toBe(false);
  });

  it('closes when the page answers yes (saved or discarded)', () => {
    const s = setup();
    s.tryClose();
    s.answer(true);
    expect(s.win.closed).toBe(true);
  });

  it('stays open when the user chose "Ở lại", and asks again next time', () => {
    const s = setup();
    s.tryClose();
    s.answer(false);
    expect(s.win.closed).toBe(false);
    expect(s.tryClose()).toBe(false);
    expect(s.sent).toEqual([CLOSE_REQUEST, CLOSE_REQUEST]);
    s.answer(true);
    expect(s.win.closed).toBe(true);
  });

  it('ignores answers nobody asked for, from another page or from another sender', () => {
    const s = setup();
    s.answer(true);
    expect(s.win.closed).toBe(false);
    s.tryClose();
    s.answer(true, { senderFrame: { url: 'https://example.com/' } });
    s.answer(true, { sender: {} });
    s.answer('yes');
    expect(s.win.closed).toBe(false);
  });

  it('closes at once when the page crashed, is gone or hangs: the user is never trapped', () => {
    const crashed = setup();
    crashed.contents.crashed = true;
    expect(crashed.tryClose()).toBe(true);
    expect(crashed.sent).toEqual([]);

    const gone = setup();
    gone.contents.destroyed = true;
    expect(gone.tryClose()).toBe(true);

    const hung = setup();
    hung.tryClose();
    hung.winListeners.get('unresponsive')!();
    expect(hung.tryClose()).toBe(true);

    const recovered = setup();
    recovered.winListeners.get('unresponsive')!();
    recovered.winListeners.get('responsive')!();
    expect(recovered.tryClose()).toBe(false);
  });
});
