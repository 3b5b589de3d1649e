/** Exposes the one typed bridge object `window.blocdesk` to the renderer. Nothing else. */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { CHANNEL_NAMES, type BlocDeskBridge } from '../shared/api/channels/index';

const allowed = new Set<string>(CHANNEL_NAMES);

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
};

contextBridge.exposeInMainWorld('blocdesk', bridge);
