/** Settings for service tests, kept in memory (the real SettingsService over a plain object store). */
import { createSettingsService, type KeyValueStore, type SettingsService } from '../../../electron/services/settings/settings-service';

export function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore {
  let store = { ...initial };
  return {
    path: '(memory)/settings.json',
    get store() {
      return store;
    },
    set(object) {
      store = { ...store, ...object };
    },
    clear() {
      store = {};
    },
  };
}

export function memorySettings(initial: Record<string, unknown> = {}): SettingsService {
  return createSettingsService(() => memoryStore(initial), '(memory)/settings.json');
}
