/** The Host of the services, implemented with Electron dialogs and a print window. Electron-only. */
import { BrowserWindow, dialog, shell } from 'electron';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Host } from '../services/bridge/host';
import { writeFileAtomic } from '../services/fs/atomic-write';

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
      const win = new BrowserWindow({
        width: 900,
        height: 1100,
        title: 'In tài liệu - BlocDesk',
        webPreferences: { plugins: true, sandbox: true, contextIsolation: true, nodeIntegration: false },
      });
      await win.loadURL(pathToFileURL(file).href);
      return true;
    },
  };
}
