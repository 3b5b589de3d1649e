/** Settings store on `conf` (electron-store's core) for the CLI, tests and the loopback server. */
import Conf from 'conf';
import { join } from 'node:path';
import { createSettingsService, type SettingsService } from './settings-service';

export const SETTINGS_FILE_NAME = 'settings';

export function createConfSettings(dir: string): SettingsService {
  return createSettingsService(
    () => new Conf<Record<string, unknown>>({ cwd: dir, configName: SETTINGS_FILE_NAME, projectName: 'BlocDesk' }),
    join(dir, `${SETTINGS_FILE_NAME}.json`),
  );
}
