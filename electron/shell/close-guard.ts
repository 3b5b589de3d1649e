/**
 * Asks the renderer before the main window closes, so unsaved edits are never dropped silently.
 * The window's `close` is prevented and CLOSE_REQUEST sent; the renderer answers CLOSE_ANSWER
 * true (saved or discarded: close) or false (the user stays). A renderer that crashed or hangs
 * cannot answer, so then the window closes at once. Plain TypeScript over the few members of
 * BrowserWindow / ipcMain it needs: unit-tested without the Electron binary.
 */
import { CLOSE_ANSWER, CLOSE_REQUEST } from '../../shared/api/window-close';

interface PreventableEvent {
  preventDefault(): void;
}
export interface GuardedContents {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  isCrashed(): boolean;
}
export interface GuardedWindow {
  on(event: 'close', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
  close(): void;
  readonly webContents: GuardedContents;
}
export interface AnswerEvent {
  sender: unknown;
  senderFrame?: { url: string } | null;
}
export interface GuardedIpc {
  on(channel: string, listener: (event: AnswerEvent, ...args: unknown[]) => void): unknown;
}

/**
 * Wires the guard. `fromApp(event)` says whether a message comes from the app's own page (the
 * same sender check as the bridge channels); answers from anything else are ignored.
 */
export function guardWindowClose(win: GuardedWindow, ipc: GuardedIpc, fromApp: (event: AnswerEvent) => boolean): void {
  let asking = false;
  let allowed = false;
  let hung = false;

  win.on('unresponsive', () => (hung = true));
  win.on('responsive', () => (hung = false));

  win.on('close', (event) => {
    if (allowed) return;
    const contents = win.webContents;
    if (hung || contents.isDestroyed() || contents.isCrashed()) return;
    event.preventDefault();
    // A second click on × while the question is open asks again: the renderer shows no second
    // question (it answers both with the one choice), and a page that reloaded meanwhile still answers.
    asking = true;
    contents.send(CLOSE_REQUEST);
  });

  ipc.on(CLOSE_ANSWER, (event, close) => {
    if (event.sender !== win.webContents || !fromApp(event) || !asking) return;
    asking = false;
    if (close !== true) return;
    allowed = true;
    win.close();
  });
}
