/**
 * The Electron main process: a thin shell. It creates the window with the security baseline,
 * serves the built renderer from the app:// scheme with a strict CSP, and routes every bridge
 * channel to the same handlers the tests and the loopback server use.
 */
import { app, BrowserWindow, ipcMain, Menu, net, protocol, session } from 'electron';
import Store from 'electron-store';
import { existsSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHANNEL_NAMES } from '../shared/api/channels/index';
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp';
import { dispatch } from './services/bridge/dispatch';
import type { ServiceContext } from './services/bridge/context';
import { handlers } from './services/handlers/index';
import { createSettingsService, type KeyValueStore } from './services/settings/settings-service';
import { createElectronHost } from './shell/electron-host';

const here = fileURLToPath(new URL('.', import.meta.url));
const appRoot = join(here, '..', '..');
const rendererDir = join(appRoot, 'dist', 'renderer');
const ORIGIN = 'app://blocdesk';
protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  // No navigation away from the app, no new windows, no permissions.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!url.startsWith(`${ORIGIN}/`)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);

    protocol.handle('app', async (request) => {
      const url = new URL(request.url);
      const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
      const file = normalize(join(rendererDir, rel));
      if (url.host !== 'blocdesk' || !file.startsWith(rendererDir + sep) || !existsSync(file)) {
        return new Response('Không tìm thấy', { status: 404 });
      }
      const response = await net.fetch(pathToFileURL(file).href);
      const headers = new Headers(response.headers);
      headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
      headers.set('X-Content-Type-Options', 'nosniff');
      return new Response(response.body, { status: response.status, headers });
    });

    // electron-store keeps the file in userData; a corrupted file makes the constructor throw,
    // which the settings service handles (moves it aside, starts from defaults, tells the user).
    const settings = createSettingsService(
      () => new Store<Record<string, unknown>>({ name: 'settings' }) as unknown as KeyValueStore,
      join(app.getPath('userData'), 'settings.json'),
    );

    const ctx: ServiceContext = {
      host: createElectronHost(() => mainWindow),
      settings,
      assetsDir: join(appRoot, 'assets'),
      appVersion: app.getVersion(),
      backupsDir: join(app.getPath('userData'), 'backups'),
      log: (line) => console.error(line),
    };

    for (const channel of CHANNEL_NAMES) {
      ipcMain.handle(channel, (event, ...args: unknown[]) => {
        const sender = event.senderFrame?.url ?? '';
        if (!sender.startsWith(`${ORIGIN}/`)) {
          return { ok: false, error: { code: 'forbidden', message: 'Yêu cầu không đến từ cửa sổ của ứng dụng.' } };
        }
        return dispatch(handlers, ctx, channel, args);
      });
    }

    Menu.setApplicationMenu(null);
    mainWindow = new BrowserWindow({
      width: 1280,
      height: 820,
      minWidth: 960,
      minHeight: 600,
      title: 'BlocDesk',
      show: false,
      backgroundColor: '#f6f7f9',
      icon: join(appRoot, 'assets', 'icons', 'icon.png'),
      webPreferences: {
        preload: join(here, 'preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        spellcheck: false,
      },
    });
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    void mainWindow.loadURL(`${ORIGIN}/index.html`);
  });

  app.on('window-all-closed', () => app.quit());
}
