/** Handlers of the scoring-table channels: Excel import preview (dialog or dropped bytes) and Excel export. */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { UserError } from '../../../shared/errors';
import type { HandlerMap } from '../bridge/dispatch';
import { fileSystemMessage } from '../bridge/dispatch';
import type { ServiceContext } from '../bridge/context';
import { readScoringTableExcel } from '../excel/scoring-table-import';
import { scoringTableToXlsx } from '../excel/scoring-table-xlsx';
import { rememberFolder } from './foundation';
import { DEFAULT_WORKBOOK_LIMITS } from '../excel/workbook-guard';

function tooLarge(name: string, size: number): UserError {
  const mb = (n: number) => (n / (1024 * 1024)).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
  return new UserError(
    'workbook-too-large',
    `Tệp '${name}' nặng ${mb(size)} MB, quá lớn cho một bảng chấm điểm (tối đa ${mb(DEFAULT_WORKBOOK_LIMITS.maxFileBytes)} MB). Hãy kiểm tra lại đúng tệp chưa, hoặc xóa bớt trang tính, hình ảnh rồi lưu lại.`,
  );
}

/** Reads a chosen file with a size bound checked before reading. */
async function readBoundedFile(path: string): Promise<Uint8Array> {
  try {
    const size = (await stat(path)).size;
    if (size > DEFAULT_WORKBOOK_LIMITS.maxFileBytes) throw tooLarge(basename(path), size);
    return new Uint8Array(await readFile(path));
  } catch (err) {
    if (err instanceof UserError) throw err;
    const message = fileSystemMessage(err, path);
    if (message) throw new UserError('file-system', message);
    throw err;
  }
}

export const scoringHandlers = {
  'scoring.importExcel': async (ctx) => {
    const folder = ctx.settings.get().folders.import;
    const [path] = await ctx.host.showOpenDialog({
      title: 'Chọn tệp Excel bảng chấm điểm',
      ...(folder ? { defaultPath: folder } : {}),
      filters: [{ name: 'Bảng tính Excel', extensions: ['xlsx'] }],
      multiple: false,
    });
    if (!path) return null;
    const bytes = await readBoundedFile(path);
    const preview = await readScoringTableExcel(bytes, basename(path));
    rememberFolder(ctx, 'import', dirname(path));
    return preview;
  },
  'scoring.readExcel': async (_ctx, file) => {
    if (file.bytes.byteLength > DEFAULT_WORKBOOK_LIMITS.maxFileBytes) throw tooLarge(basename(file.name), file.bytes.byteLength);
    // A dropped file may carry a Windows path; keep only its name.
    const name = file.name.split(/[\\/]/).pop() || file.name;
    return readScoringTableExcel(file.bytes, name);
  },
  'scoring.exportExcel': async (_ctx, { data, year, version }) => scoringTableToXlsx(data, year, version),
} satisfies Partial<HandlerMap>;
