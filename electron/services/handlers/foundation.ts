/** Handlers of the foundation channels: app info, settings, handover packages, saving and printing files. */
import { mkdir, stat } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { UserError } from '../../../shared/api/contract';
import type { foundationChannels } from '../../../shared/api/channels/foundation';
import { SCHEMA_VERSION } from '../../../shared/model/records';
import { PACKAGE_EXTENSION, PACKAGE_FORMAT_VERSION } from '../../../shared/package/format';
import type { HandlerMap } from '../bridge/dispatch';
import { fileSystemMessage } from '../bridge/dispatch';
import type { ServiceContext } from '../bridge/context';
import { buildPackage, readPackage, readPackageFile, writeFileAtomic } from '../handover/package-file';

export const APP_NAME = 'BlocDesk';

/** A file name safe on Windows: no reserved characters, Vietnamese letters kept. */
export function safeFileName(name: string): string {
  return name.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').replace(/\s+/g, ' ').trim().slice(0, 150) || 'tai-lieu';
}

/** Writes through writeFileAtomic, turning disk errors into a Vietnamese UserError. */
export async function saveBytes(path: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(path, bytes);
  } catch (err) {
    const message = fileSystemMessage(err, path);
    if (message) throw new UserError('file-system', message);
    throw err;
  }
}

/** Remembers the folder the user chose, so the next dialog opens there. */
export function rememberFolder(ctx: ServiceContext, key: 'export' | 'documents' | 'import', folder: string): void {
  const folders = ctx.settings.get().folders;
  ctx.settings.update({ folders: { ...folders, [key]: folder } });
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "2026-12-01_14-03-05" in local time: sorts by date, no characters Windows refuses. */
function fileStamp(d: Date): string {
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}_${pad2(d.getHours())}-${pad2(d.getMinutes())}-${pad2(d.getSeconds())}`;
}

/** A path in `dir` that does not exist yet: `name.ext`, else `name (2).ext`, `name (3).ext`... */
async function freePath(dir: string, name: string, ext: string): Promise<string> {
  for (let n = 1; ; n++) {
    const path = join(dir, n === 1 ? `${name}.${ext}` : `${name} (${n}).${ext}`);
    const taken = await stat(path).then(
      () => true,
      () => false,
    );
    if (!taken) return path;
  }
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
  'settings.update': async (ctx, patch) => ctx.settings.update(patch),
  'handover.export': async (ctx, { data, createdBy }) => {
    const now = new Date().toISOString();
    const bytes = buildPackage(data, { createdBy, appName: APP_NAME, appVersion: ctx.appVersion, now });
    const suggested = `${safeFileName(data.bloc.shortName || data.bloc.name)}_${now.slice(0, 10)}.${PACKAGE_EXTENSION}`;
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
    const dir = ctx.backupsDir;
    if (!dir) throw new UserError('backup-unavailable', 'Không có thư mục sao lưu nên chưa thay thế khối; dữ liệu trên máy không thay đổi.');
    const now = new Date();
    const bytes = buildPackage(data, { createdBy, appName: APP_NAME, appVersion: ctx.appVersion, now: now.toISOString() });
    try {
      await mkdir(dir, { recursive: true });
    } catch (err) {
      const message = fileSystemMessage(err, dir);
      if (message) throw new UserError('file-system', message);
      throw err;
    }
    const path = await freePath(dir, `${safeFileName(data.bloc.shortName || data.bloc.name)}_truoc-khi-thay-the_${fileStamp(now)}`, PACKAGE_EXTENSION);
    await saveBytes(path, bytes);
    return { path, bytes: bytes.length };
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
    const read = await readPackageFile(path);
    rememberFolder(ctx, 'import', dirname(path));
    return { preview: read.preview, data: read.data };
  },
  'handover.read': async (_ctx, file) => {
    const read = readPackage(file.bytes, file.name);
    return { preview: read.preview, data: read.data };
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
