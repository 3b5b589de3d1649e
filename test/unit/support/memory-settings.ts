/** Settings for service tests, kept in memory (the real SettingsService over a plain object store). */
import { createSettingsService, memoryStore, type SettingsService } from '../../../electron/services/settings/settings-service';

export { memoryStore };

export function memorySettings(initial: Record<string, unknown> = {}): SettingsService {
  return createSettingsService(() => memoryStore(initial, '(memory)/settings.json'), '(memory)/settings.json');
}
