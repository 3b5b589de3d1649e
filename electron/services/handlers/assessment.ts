/** Handlers of the self-assessment channels. */
import { basename, dirname, join } from 'node:path';
import type { assessmentChannels } from '../../../shared/api/channels/assessment';
import { UserError } from '../../../shared/errors';
import type { HandlerMap } from '../bridge/dispatch';
import type { ServiceContext } from '../bridge/context';
import { inspectFiles, readWorkbookFiles } from '../assessment/inspect';
import { selfScoreMatrixXlsx } from '../assessment/matrix';
import { buildTemplates, zipFileName, zipTemplates } from '../assessment/template';
import { verificationMatrixXlsx } from '../excel/verification-matrix-xlsx';
import { rememberFolder, saveBytes } from './foundation';

export const assessmentHandlers = {
  'assessment.exportTemplates': async (ctx, { data, year, unitIds, mode }) => {
    const files = await buildTemplates(data, year, unitIds);
    if (files.length === 0) throw new UserError('no-units', `Năm ${year} chưa có đơn vị thành viên nào để xuất phiếu tự chấm.`);
    const folder = ctx.settings.get().folders.export;
    if (mode === 'zip') {
      const suggested = zipFileName(year);
      const path = await ctx.host.showSaveDialog({
        title: 'Lưu các phiếu tự chấm điểm (tệp nén)',
        defaultPath: folder ? join(folder, suggested) : suggested,
        filters: [{ name: 'Tệp nén ZIP', extensions: ['zip'] }],
      });
      if (!path) return null;
      const target = /\.zip$/i.test(path) ? path : `${path}.zip`;
      await saveBytes(target, zipTemplates(files));
      rememberFolder(ctx, 'export', dirname(target));
      return { paths: [target] };
    }
    const [dir] = await ctx.host.showOpenDialog({
      title: 'Chọn thư mục lưu các phiếu tự chấm điểm',
      ...(folder ? { defaultPath: folder } : {}),
      filters: [],
      multiple: false,
      directory: true,
    });
    if (!dir) return null;
    const paths: string[] = [];
    for (const f of files) {
      const target = join(dir, f.fileName);
      await saveBytes(target, f.bytes);
      paths.push(target);
    }
    rememberFolder(ctx, 'export', dir);
    return { paths };
  },
  'assessment.pickAndInspect': async (ctx, { data, year }) => {
    const folder = ctx.settings.get().folders.import;
    const paths = await ctx.host.showOpenDialog({
      title: 'Chọn các phiếu tự chấm điểm đơn vị gửi về',
      ...(folder ? { defaultPath: folder } : {}),
      filters: [
        { name: 'Bảng tính Excel', extensions: ['xlsx', 'xlsm', 'xls'] },
        { name: 'Tất cả các tệp', extensions: ['*'] },
      ],
      multiple: true,
    });
    if (paths.length === 0) return null;
    if (paths.length > 200) throw new UserError('too-many-files', 'Chỉ chọn tối đa 200 tệp mỗi lần.');
    const { inputs, unreadable } = await readWorkbookFiles(paths);
    const reports = inputs.length ? await inspectFiles(data, year, inputs) : [];
    rememberFolder(ctx, 'import', dirname(paths[0]!));
    return [...reports, ...unreadable];
  },
  'assessment.inspectFiles': async (_ctx, { data, year, files }) => inspectFiles(data, year, files),
  'assessment.matrixXlsx': async (_ctx, { data, year }) => selfScoreMatrixXlsx(data, year),
  'assessment.verificationMatrixXlsx': async (_ctx, { data, year }) => verificationMatrixXlsx(data, year),
} satisfies { [K in keyof typeof assessmentChannels]: HandlerMap[K] };
