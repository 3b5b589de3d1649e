/** Handlers of the foundation channels: app info, settings, handover packages, saving and printing files. */
import { stat } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { UserError } from '../../../shared/errors';
import type { foundationChannels, SettingsFolderPurpose } from '../../../shared/api/channels/foundation';
import { SCHEMA_VERSION } from '../../../shared/model/records';
import { PACKAGE_EXTENSION, PACKAGE_FORMAT_VERSION } from '../../../shared/package/format';
import type { HandlerMap } from '../bridge/dispatch';
import type { ServiceContext } from '../bridge/context';
import { openedPackage, readPackage, readPackageFile } from '../handover/package-file';
import { finishUpload } from '../handover/bloc-upload';
import { writeFileAtomic } from '../fs/atomic-write';
import { timesFontFolderProblem } from '../documents/base/fonts';
import { takeBackup } from '../backups/index';
import { backupFolderOf } from './backup-folder';

export const APP_NAME = 'BlocDesk';

/** A file name safe on Windows: no reserved characters, Vietnamese letters kept. */
export function safeFileName(name: string): string {
  return name.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').replace(/\s+/g, ' ').trim().slice(0, 150) || 'tai-lieu';
}

/** Writes a file the user chose: atomically, disk errors as a Vietnamese UserError (fs/atomic-write.ts). */
export async function saveBytes(path: string, bytes: Uint8Array): Promise<void> {
  await writeFileAtomic(path, bytes);
}

/**
 * Remembers the folder the user chose, so the next dialog opens there. The patch names that one
 * folder, nothing else. The file is already saved, so a settings file that cannot be written only
 * costs the memory of the folder, not the export.
 */
export function rememberFolder(ctx: ServiceContext, key: 'export' | 'documents' | 'import', folder: string): void {
  try {
    ctx.settings.update({ folders: { [key]: folder } });
  } catch (err) {
    ctx.log?.(`[settings] thư mục ${key} không được ghi nhớ: ${err instanceof Error ? err.message : String(err)}`);
  }
}

const FOLDER_DIALOG_TITLES: Record<SettingsFolderPurpose, string> = {
  export: 'Chọn thư mục lưu gói bàn giao và tệp xuất',
  import: 'Chọn thư mục nhận tệp',
  documents: 'Chọn thư mục lưu văn bản',
  backups: 'Chọn thư mục sao lưu tự động (ví dụ ổ USB hoặc ổ mạng)',
  timesFont: 'Chọn thư mục chứa phông Times New Roman (ví dụ C:\\Windows\\Fonts)',
};

/** A Times New Roman folder is used only when it holds the four styles; say what is missing. */
function refuseIncompleteTimesFolder(dir: string): void {
  const problem = timesFontFolderProblem(dir);
  if (problem) throw new UserError('times-font-incomplete', problem);
}


export const foundationHandlers = {
  'app.info': async (ctx: ServiceContext) => ({
    name: APP_NAME,
    version: ctx.appVersion,
    schemaVersion: SCHEMA_VERSION,
    packageFormatVersion: PACKAGE_FORMAT_VERSION,
    platform: process.platform,
  }),
  'settings.get': async (ctx: ServiceContext) => ({ settings: ctx.settings.get(), notice: ctx.settings.takeNotice() }),
  'settings.update': async (ctx, patch) => {
    if (patch.timesFontDir !== undefined) refuseIncompleteTimesFolder(patch.timesFontDir);
    return ctx.settings.update(patch);
  },
  'settings.pickFolder': async (ctx, { purpose, current }) => {
    const [path] = await ctx.host.showOpenDialog({
      title: FOLDER_DIALOG_TITLES[purpose],
      ...(current.trim() ? { defaultPath: current.trim() } : {}),
      filters: [],
      multiple: false,
      directory: true,
    });
    if (!path) return null;
    if (purpose === 'timesFont') refuseIncompleteTimesFolder(path);
    return { path };
  },
  'handover.export': async (ctx, { upload, createdBy }) => {
    const now = new Date().toISOString();
    // Every part was checked and packed as it came (bloc-upload.ts): what remains is the checks between records.
    const { bloc, bytes } = await finishUpload(upload, { createdBy, appName: APP_NAME, appVersion: ctx.appVersion, now });
    const suggested = `${safeFileName(bloc.shortName || bloc.name)}_${now.slice(0, 10)}.${PACKAGE_EXTENSION}`;
    const folder = ctx.settings.get().folders.export;
    const path = await ctx.host.showSaveDialog({
      title: 'Lưu gói bàn giao',
      defaultPath: folder ? join(folder, suggested) : suggested,
      filters: [{ name: 'Gói bàn giao BlocDesk', extensions: [PACKAGE_EXTENSION] }],
    });
    if (!path) return null;
    const target = extname(path) ? path : `${path}.${PACKAGE_EXTENSION}`;
    await saveBytes(target, bytes);
    rememberFolder(ctx, 'export', dirname(target));
    return { path: target, bytes: bytes.length };
  },
  'handover.backup': async (ctx, { data, createdBy }) => {
    // The same service as the automatic backups: same folder, names and retention.
    const { folder, isDefault } = backupFolderOf(ctx);
    const taken = await takeBackup(data, folder, 'before-replace', { appName: APP_NAME, appVersion: ctx.appVersion, createdBy, createIfMissing: isDefault });
    return { path: taken.path, bytes: taken.bytes };
  },
  'handover.open': async (ctx) => {
    const folder = ctx.settings.get().folders.import;
    const [path] = await ctx.host.showOpenDialog({
      title: 'Chọn gói bàn giao',
      ...(folder ? { defaultPath: folder } : {}),
      filters: [{ name: 'Gói bàn giao BlocDesk', extensions: [PACKAGE_EXTENSION] }],
      multiple: false,
    });
    if (!path) return null;
    const read = await readPackageFile(path, { scoreSheets: true });
    rememberFolder(ctx, 'import', dirname(path));
    return openedPackage(read);
  },
  'handover.read': async (_ctx, file) => {
    const read = readPackage(file.bytes, file.name, { scoreSheets: true });
    return openedPackage(read);
  },
  'file.save': async (ctx, { bytes, suggestedName, folder }) => {
    const dir = ctx.settings.get().folders[folder];
    const name = safeFileName(suggestedName);
    const ext = extname(name).slice(1).toLowerCase();
    const path = await ctx.host.showSaveDialog({
      title: 'Lưu tệp',
      defaultPath: dir ? join(dir, name) : name,
      filters: ext ? [{ name: ext.toUpperCase(), extensions: [ext] }] : [],
    });
    if (!path) return null;
    await saveBytes(path, bytes);
    rememberFolder(ctx, folder, dirname(path));
    return { path };
  },
  'file.print': async (ctx, { pdf }) => {
    if (!(pdf[0] === 0x25 && pdf[1] === 0x50 && pdf[2] === 0x44 && pdf[3] === 0x46))
      throw new UserError('not-pdf', 'Chỉ in được tài liệu PDF.');
    return { printed: await ctx.host.printPdf(pdf) };
  },
} satisfies { [K in keyof typeof foundationChannels]: HandlerMap[K] };
