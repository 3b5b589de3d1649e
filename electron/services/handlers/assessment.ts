/** Handlers of the self-assessment channels. */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { assessmentChannels } from '../../../shared/api/channels/assessment';
import { UserError } from '../../../shared/api/contract';
import type { InspectReport } from '../../../shared/domain/assessment-import';
import type { HandlerMap } from '../bridge/dispatch';
import type { ServiceContext } from '../bridge/context';
import { DEFAULT_WORKBOOK_LIMITS } from '../excel/workbook-guard';
import { inspectFiles, type InspectInput } from '../assessment/inspect';
import { selfScoreMatrixXlsx } from '../assessment/matrix';
import { buildTemplates, zipFileName, zipTemplates } from '../assessment/template';
import { saveBytes } from './foundation';

function remember(ctx: ServiceContext, key: 'export' | 'import', folder: string): void {
  const folders = ctx.settings.get().folders;
  ctx.settings.update({ folders: { ...folders, [key]: folder } });
}

/** Reads chosen files, refusing oversized ones without reading them. */
async function readChosen(paths: string[]): Promise<{ inputs: InspectInput[]; tooLarge: InspectReport[] }> {
  const inputs: InspectInput[] = [];
  const tooLarge: InspectReport[] = [];
  for (const path of paths) {
    const size = (await stat(path)).size;
    if (size > DEFAULT_WORKBOOK_LIMITS.maxFileBytes) {
      tooLarge.push({
        file: basename(path),
        ok: false,
        refused: true,
        unit: null,
        unitId: null,
        year: null,
        tableVersion: null,
        size,
        sha256: '',
        scores: [],
        errors: [
          {
            kind: 'workbook-too-large',
            message: `Tệp '${basename(path)}' quá lớn (${(size / 1048576).toFixed(1)} MB) đối với một phiếu tự chấm điểm. Hãy kiểm tra lại đúng tệp chưa.`,
          },
        ],
        warnings: [],
      });
      continue;
    }
    inputs.push({ name: basename(path), bytes: new Uint8Array(await readFile(path)) });
  }
  return { inputs, tooLarge };
}

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
      remember(ctx, 'export', dirname(target));
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
    remember(ctx, 'export', dir);
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
    const { inputs, tooLarge } = await readChosen(paths);
    const reports = inputs.length ? await inspectFiles(data, year, inputs) : [];
    remember(ctx, 'import', dirname(paths[0]!));
    return [...reports, ...tooLarge];
  },
  'assessment.inspectFiles': async (_ctx, { data, year, files }) => inspectFiles(data, year, files),
  'assessment.matrixXlsx': async (_ctx, { data, year }) => selfScoreMatrixXlsx(data, year),
} satisfies { [K in keyof typeof assessmentChannels]: HandlerMap[K] };
