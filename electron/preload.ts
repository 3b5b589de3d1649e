/** Exposes the one typed bridge object `window.blocdesk` to the renderer. Nothing else. */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { CHANNEL_NAMES, type BlocDeskBridge } from '../shared/api/channels/index';
import { CLOSE_ANSWER, CLOSE_REQUEST, type CloseGuard } from '../shared/api/window-close';

const allowed = new Set<string>(CHANNEL_NAMES);

// Main asks before the window closes; the renderer's guard answers (save / discard / stay). With
// no guard yet (page still loading or failed to load) or a guard that fails, the window closes:
// a window that can never be closed would be worse.
let closeGuard: CloseGuard | null = null;
ipcRenderer.on(CLOSE_REQUEST, () => {
  const guard = closeGuard;
  void (guard ? Promise.resolve().then(guard) : Promise.resolve(true)).then(
    (close) => ipcRenderer.send(CLOSE_ANSWER, close !== false),
    () => ipcRenderer.send(CLOSE_ANSWER, true),
  );
});

const bridge: BlocDeskBridge = {
  invoke: ((channel: string, ...args: unknown[]) => {
    if (!allowed.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown-channel', message: `Yêu cầu không hợp lệ: "${channel}".` } });
    }
    return ipcRenderer.invoke(channel, ...args);
  }) as BlocDeskBridge['invoke'],
  pathForFile: (file: File) => {
    try {
      return webUtils.getPathForFile(file) || undefined;
    } catch {
      return undefined;
    }
  },
  setCloseGuard: (guard) => {
    closeGuard = typeof guard === 'function' ? guard : null;
  },
};

contextBridge.exposeInMainWorld('blocdesk', bridge);
