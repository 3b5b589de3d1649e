/**
 * Settings kept by the main process. The shell backs it with electron-store; tests and the CLI
 * with `conf` (the library electron-store is built on, same file format). A corrupted or invalid
 * settings file is moved aside and replaced by defaults, with a notice for the user, never a crash.
 */
import { existsSync, renameSync } from 'node:fs';
import { SettingsPatchSchema, SettingsSchema, type Settings, type SettingsPatch } from '../../../shared/model/settings';
import { deepNfc } from '../../../shared/text/vietnamese';

/** The part of electron-store / conf that we use. */
export interface KeyValueStore {
  readonly path: string;
  readonly store: Record<string, unknown>;
  set(object: Record<string, unknown>): void;
  clear(): void;
}

export interface SettingsService {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
  /** A one-time notice to show (e.g. the file was reset), or null. */
  takeNotice(): string | null;
}

/**
 * @param openStore opens the backing store (throws when the file cannot be parsed)
 * @param filePath  the store's file, moved aside when it is corrupted
 */
export function createSettingsService(openStore: () => KeyValueStore, filePath: string): SettingsService {
  let notice: string | null = null;
  let store: KeyValueStore;
  try {
    store = openStore();
  } catch {
    // The file cannot be parsed: keep a copy for support, start again with defaults.
    notice = 'Tệp cài đặt bị hỏng nên đã được đặt lại về mặc định.';
    store = reopenAfterMovingAside(openStore, filePath, (aside) => {
      notice = `Tệp cài đặt bị hỏng nên đã được đặt lại về mặc định. Bản cũ được lưu tại: ${aside}`;
    });
  }

  let current: Settings;
  const parsed = SettingsSchema.safeParse(store.store);
  if (parsed.success) {
    current = parsed.data;
  } else {
    notice ??= 'Một số cài đặt không hợp lệ nên đã được đặt lại về mặc định.';
    current = salvage(store.store);
    store.clear();
    store.set(current as unknown as Record<string, unknown>);
  }

  return {
    get: () => current,
    update(patch) {
      const clean = SettingsPatchSchema.parse(deepNfc(patch));
      const next = SettingsSchema.parse({ ...current, ...clean });
      store.set(next as unknown as Record<string, unknown>);
      current = next;
      return current;
    },
    takeNotice() {
      const n = notice;
      notice = null;
      return n;
    },
  };
}

/** Keeps every valid top-level field, defaults for the rest. */
function salvage(raw: Record<string, unknown>): Settings {
  const out: Record<string, unknown> = {};
  const shape = SettingsSchema.shape;
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    const r = shape[key].safeParse(raw[key]);
    if (r.success) out[key] = r.data;
  }
  return SettingsSchema.parse(out);
}

function reopenAfterMovingAside(
  openStore: () => KeyValueStore,
  path: string,
  onMoved: (aside: string) => void,
): KeyValueStore {
  if (existsSync(path)) {
    const aside = `${path}.hong-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(path, aside);
    onMoved(aside);
  }
  return openStore();
}
