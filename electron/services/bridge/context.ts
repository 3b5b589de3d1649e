import type { Host } from './host';
import type { SettingsService } from '../settings/settings-service';

/** Everything a handler may use; built once by the shell (or the test server). */
export interface ServiceContext {
  host: Host;
  settings: SettingsService;
  /** Folder with fonts, icons and other bundled assets. */
  assetsDir: string;
  appVersion: string;
  /** The app's own data folder (Electron's userData); the default backups folder lives inside it. */
  userDataDir?: string;
  log?: (line: string) => void;
}
