/**
 * Settings kept by the main process. The shell backs it with electron-store; tests and the CLI
 * with `conf` (the library electron-store is built on, same file format). A corrupted or invalid
 * settings file is moved aside and replaced by defaults, with a notice for the user, never a crash:
 * when the folder cannot be written either, the settings live in memory for this session and the
 * notice says so.
 */
import { readFileSync, renameSync } from 'node:fs';
import { UserError } from '../../../shared/errors';
import { applySettingsPatch, SettingsPatchSchema, SettingsSchema, type Settings, type SettingsPatch } from '../../../shared/model/settings';
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
  /** Changes only the fields the patch names; throws a UserError when the file cannot be written. */
  update(patch: SettingsPatch): Settings;
  /** A one-time notice to show (e.g. the file was reset), or null. */
  takeNotice(): string | null;
}

/** A store kept in memory: the fallback when the settings file can be neither read nor replaced. */
export function memoryStore(initial: Record<string, unknown> = {}, path = '(bộ nhớ)'): KeyValueStore {
  let store = { ...initial };
  return {
    path,
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

const SESSION_ONLY = 'BlocDesk dùng cài đặt mặc định; thay đổi cài đặt chỉ có hiệu lực đến khi đóng ứng dụng.';

/**
 * @param openStore opens the backing store (throws when the file cannot be parsed or read)
 * @param filePath  the store's file, moved aside when it is corrupted
 */
export function createSettingsService(openStore: () => KeyValueStore, filePath: string): SettingsService {
  let { store, notice } = openSettingsStore(openStore, filePath);

  let current: Settings;
  const parsed = SettingsSchema.safeParse(store.store);
  if (parsed.success) {
    current = parsed.data;
  } else {
    current = salvage(store.store);
    try {
      store.clear();
      store.set(current as unknown as Record<string, unknown>);
      notice ??= 'Một số cài đặt không hợp lệ nên đã được đặt lại về mặc định.';
    } catch (err) {
      store = memoryStore(current as unknown as Record<string, unknown>);
      notice ??= `Một số cài đặt trong tệp "${filePath}" không hợp lệ và không ghi lại được tệp (${reason(err)}). ${SESSION_ONLY}`;
    }
  }

  return {
    get: () => current,
    update(patch) {
      const next = SettingsSchema.parse(applySettingsPatch(current, SettingsPatchSchema.parse(deepNfc(patch))));
      try {
        store.set(next as unknown as Record<string, unknown>);
      } catch (err) {
        throw new UserError('settings-not-saved', `Không lưu được cài đặt vào tệp "${filePath}" (${reason(err)}); cài đặt chưa thay đổi.`);
      }
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

/** Opens the store, first moving a broken file aside; falls back to memory when neither works. */
function openSettingsStore(openStore: () => KeyValueStore, filePath: string): { store: KeyValueStore; notice: string | null } {
  let notice: string | null = null;
  if (isBroken(filePath)) {
    try {
      const aside = moveAside(filePath);
      notice = `Tệp cài đặt bị hỏng nên đã được đặt lại về mặc định. Bản cũ được lưu tại: ${aside}`;
    } catch (err) {
      return {
        store: memoryStore(),
        notice: `Tệp cài đặt "${filePath}" bị hỏng và không đặt lại được (${reason(err)}). ${SESSION_ONLY}`,
      };
    }
  }
  try {
    return { store: openStore(), notice };
  } catch (err) {
    return { store: memoryStore(), notice: `Không mở được tệp cài đặt "${filePath}" (${reason(err)}). ${SESSION_ONLY}` };
  }
}

/** A file that exists but is not a JSON object (bad JSON, or valid JSON of another shape such as `[1,2,3]`). */
function isBroken(path: string): boolean {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return false; // missing (a fresh start) or unreadable (opening the store reports it)
  }
  try {
    const value: unknown = JSON.parse(text);
    return typeof value !== 'object' || value === null || Array.isArray(value);
  } catch {
    return true;
  }
}

/** Keeps a copy of a broken file for support; returns where. */
function moveAside(path: string): string {
  const aside = `${path}.hong-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(path, aside);
  return aside;
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

/** Why the file system refused, in words a user can pass on. */
function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'không có quyền ghi vào thư mục';
    case 'EROFS':
      return 'ổ đĩa chỉ cho phép đọc';
    case 'ENOSPC':
      return 'ổ đĩa đã đầy';
    case 'ENOTDIR':
    case 'ENOENT':
      return 'thư mục chứa tệp không tồn tại';
    case 'EISDIR':
      return 'đường dẫn là một thư mục, không phải tệp';
    case 'ENAMETOOLONG':
      return 'đường dẫn quá dài';
    case 'EBUSY':
      return 'tệp đang được chương trình khác mở';
    default:
      return code ? `lỗi hệ thống ${code}` : 'lỗi không rõ';
  }
}
