/**
 * Handlers of the documents channels: any kind of the registry, as PDF or Word, with the user's
 * margins and font; saving goes through the host's save dialog and remembers the folder.
 */
import { dirname, extname, join } from 'node:path';
import type { HandlerMap } from '../bridge/dispatch';
import type { ServiceContext } from '../bridge/context';
import { documentFileName, renderDocument, type DocumentEnvironment } from '../documents/service';
import { rememberFolder, safeFileName, saveBytes } from './foundation';

function environment(ctx: ServiceContext): DocumentEnvironment {
  const settings = ctx.settings.get();
  return { assetsDir: ctx.assetsDir, timesFontDir: settings.timesFontDir, margins: settings.margins };
}

const FORMAT_NAMES = { pdf: 'Tài liệu PDF', docx: 'Văn bản Word', zip: 'Tệp nén ZIP' } as const;
const DIALOG_TITLES = { pdf: 'Lưu tệp PDF', docx: 'Lưu văn bản Word', zip: 'Lưu bộ hồ sơ (tệp nén ZIP)' } as const;

export const documentsHandlers = {
  'documents.render': async (ctx, job) => renderDocument(job, environment(ctx)),
  'documents.save': async (ctx, job) => {
    // Made before asking where to save: a document the data cannot make fails without a dialog.
    const bytes = await renderDocument(job, environment(ctx));
    const dir = ctx.settings.get().folders.documents;
    const name = safeFileName(documentFileName(job));
    const path = await ctx.host.showSaveDialog({
      title: DIALOG_TITLES[job.format],
      defaultPath: dir ? join(dir, name) : name,
      filters: [{ name: FORMAT_NAMES[job.format], extensions: [job.format] }],
    });
    if (!path) return null;
    const target = extname(path) ? path : `${path}.${job.format}`;
    await saveBytes(target, bytes);
    rememberFolder(ctx, 'documents', dirname(target));
    return { path: target };
  },
} satisfies Partial<HandlerMap>;
