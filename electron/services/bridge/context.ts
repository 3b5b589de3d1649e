import type { Host } from './host';
import type { SettingsService } from '../settings/settings-service';

/** Everything a handler may use; built once by the shell (or the test server). */
export interface ServiceContext {
  host: Host;
  settings: SettingsService;
  /** Folder with fonts, icons and other bundled assets. */
  assetsDir: string;
  appVersion: string;
  /**
   * Where "Thay thế" keeps a package of the bloc it replaces: `<userData>/backups` in the app, a
   * temporary folder in tests. Without it, a replace is refused rather than done without a copy.
   */
  backupsDir?: string;
  log?: (line: string) => void;
}
