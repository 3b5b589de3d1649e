/**
 * What the services need from the desktop shell. Electron implements it with dialogs and a hidden
 * print window (electron/shell/host.ts); the loopback test server implements it with a queue of
 * file paths the test chooses. Services never import electron.
 */
export interface FileFilter {
  name: string;
  extensions: string[];
}
export interface Host {
  /** Returns the chosen path, or null when the user cancels. */
  showSaveDialog(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<string | null>;
  /** Returns the chosen paths (empty when the user cancels). */
  showOpenDialog(options: {
    title: string;
    defaultPath?: string;
    filters: FileFilter[];
    multiple: boolean;
    directory?: boolean;
  }): Promise<string[]>;
  /** Opens a PDF for printing (the PC's PDF reader, or a viewer window); false when it could not. */
  printPdf(pdf: Uint8Array): Promise<boolean>;
}
