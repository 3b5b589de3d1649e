/**
 * Settings store on `conf` (electron-store's core) for the CLI, tests and the loopback server.
 * conf (and so electron-store) already writes atomically: `atomically`'s writeFileSync puts the
 * JSON in a temporary file, fsyncs it and renames it over settings.json. So settings do not go
 * through fs/atomic-write.ts.
 */
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
