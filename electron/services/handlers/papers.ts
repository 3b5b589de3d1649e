/** Handlers of the conference papers' channels: the register as Excel, a nominee's file for the dossier. */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { UserError } from '../../../shared/errors';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/api/channels/documents';
import type { HandlerMap } from '../bridge/dispatch';
import { fileSystemMessage } from '../bridge/dispatch';
import { registerToXlsx } from '../excel/register-xlsx';
import { registerOf } from '../../../shared/domain/register';
import { rememberFolder } from './foundation';

export const papersHandlers = {
  'papers.registerExcel': async (_ctx, { data, year }) => registerToXlsx(data.bloc, registerOf(data), year),
  'papers.chooseAttachment': async (ctx, { unitName }) => {
    const folder = ctx.settings.get().folders.import;
    const [path] = await ctx.host.showOpenDialog({
      title: `Chọn báo cáo thành tích (Mẫu 02) của ${unitName}`,
      ...(folder ? { defaultPath: folder } : {}),
      filters: [{ name: 'Báo cáo thành tích (PDF, Word)', extensions: ['pdf', 'docx', 'doc'] }],
      multiple: false,
    });
    if (!path) return null;
    try {
      const size = (await stat(path)).size;
      if (size > MAX_ATTACHMENT_BYTES) throw new UserError('attachment-too-large', `Tệp '${basename(path)}' lớn quá 50 MB, không đính kèm vào hồ sơ được.`);
      const bytes = new Uint8Array(await readFile(path));
      rememberFolder(ctx, 'import', dirname(path));
      return { name: basename(path), bytes };
    } catch (err) {
      if (err instanceof UserError) throw err;
      const message = fileSystemMessage(err, path);
      if (message) throw new UserError('file-system', message);
      throw err;
    }
  },
} satisfies Partial<HandlerMap>;
