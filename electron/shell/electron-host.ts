/** The Host of the services, implemented with Electron dialogs and a print window. Electron-only. */
import { BrowserWindow, dialog, session, shell } from 'electron';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Host } from '../services/bridge/host';
import { writeFileAtomic } from '../services/fs/atomic-write';

/** Where the print viewer finds its PDF: the app's own scheme, answered only in that window's session. */
export const PRINT_URL = 'app://print/tai-lieu-in.pdf';
let printSessions = 0;

/**
 * Shows a PDF in Electron's viewer without file://: the window gets its own in-memory session
 * whose app:// handler serves this one document and nothing else, so the viewer can reach
 * neither the disk nor the app's pages.
 */
async function showInViewer(pdf: Uint8Array): Promise<void> {
  printSessions += 1;
  const partition = `blocdesk-print-${printSessions}`; // no "persist:": kept in memory only
  const ses = session.fromPartition(partition);
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  const body = new Uint8Array(pdf);
  ses.protocol.handle('app', (request) =>
    request.url === PRINT_URL
      ? new Response(body, { headers: { 'Content-Type': 'application/pdf', 'X-Content-Type-Options': 'nosniff' } })
      : new Response('Không tìm thấy', { status: 404 }),
  );
  const win = new BrowserWindow({
    width: 900,
    height: 1100,
    title: 'In tài liệu - BlocDesk',
    webPreferences: {
      partition,
      plugins: true,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.on('closed', () => ses.protocol.unhandle('app'));
  await win.loadURL(PRINT_URL);
}

export function createElectronHost(getWindow: () => BrowserWindow | null): Host {
  return {
    async showSaveDialog({ title, defaultPath, filters }) {
      const win = getWindow();
      const options = { title, defaultPath, filters, properties: ['createDirectory', 'showOverwriteConfirmation'] as const };
      const r = win ? await dialog.showSaveDialog(win, { ...options, properties: [...options.properties] }) : await dialog.showSaveDialog({ ...options, properties: [...options.properties] });
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    async showOpenDialog({ title, defaultPath, filters, multiple, directory }) {
      const win = getWindow();
      const properties: ('openFile' | 'openDirectory' | 'multiSelections' | 'createDirectory')[] = directory
        ? ['openDirectory', 'createDirectory']
        : ['openFile'];
      if (multiple) properties.push('multiSelections');
      const options = { title, filters, properties, ...(defaultPath ? { defaultPath } : {}) };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? [] : r.filePaths;
    },
    async printPdf(pdf) {
      // Printing a PDF from Chromium's viewer with webContents.print() is unreliable (blank pages),
      // so the document opens in the PC's own PDF reader, where the user prints it with the usual
      // dialog; without a reader, Electron's built-in viewer shows it with its print button.
      const dir = await mkdtemp(join(tmpdir(), 'blocdesk-in-'));
      const file = join(dir, 'tai-lieu-in.pdf');
      await writeFileAtomic(file, pdf);
      const failure = await shell.openPath(file);
      if (!failure) return true;
      await showInViewer(pdf);
      return true;
    },
  };
}
