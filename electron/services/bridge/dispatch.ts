/**
 * Dispatches one bridge call: checks the channel exists, validates the payload with the channel's
 * schema, runs the handler, and turns every failure into a Vietnamese ApiError. Used by Electron's
 * ipcMain (electron/main.ts) and the loopback server (test/e2e/support/bridge-server.ts).
 */
import { z } from 'zod';
import { channels, type ChannelName, type Channels } from '../../../shared/api/channels/index';
import type { ApiResult, ParsedArgsOf, ResultOf } from '../../../shared/api/contract';
import { UserError } from '../../../shared/errors';
import { deepNfc } from '../../../shared/text/vietnamese';
import type { ServiceContext } from './context';

export type Handler<K extends ChannelName> = (
  ctx: ServiceContext,
  ...args: ParsedArgsOf<Channels, K>
) => Promise<ResultOf<Channels, K>>;
export type HandlerMap = { [K in ChannelName]: Handler<K> };

/** Node's error codes for a full or read-only disk, mapped to a message a user can act on. */
export function fileSystemMessage(err: unknown, path: string): string | null {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
      return `Ổ đĩa đã đầy, không ghi được tệp "${path}". Hãy giải phóng dung lượng hoặc chọn ổ đĩa khác; dữ liệu trong ứng dụng không bị ảnh hưởng.`;
    case 'EACCES':
    case 'EPERM':
      return `Không có quyền ghi/đọc tệp "${path}". Hãy chọn thư mục khác hoặc kiểm tra quyền truy cập.`;
    case 'EROFS':
      return `Ổ đĩa chỉ cho phép đọc, không ghi được tệp "${path}".`;
    case 'ENOENT':
      return `Không tìm thấy tệp hoặc thư mục "${path}".`;
    case 'EBUSY':
      return `Tệp "${path}" đang được chương trình khác mở (ví dụ Excel hoặc Word). Hãy đóng tệp rồi thử lại.`;
    default:
      return null;
  }
}

function formatZodIssues(err: z.ZodError): string[] {
  return err.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(dữ liệu)'}: ${i.message}`);
}

export async function dispatch(
  handlers: HandlerMap,
  ctx: ServiceContext,
  channel: string,
  rawArgs: unknown[],
): Promise<ApiResult<unknown>> {
  if (!Object.prototype.hasOwnProperty.call(channels, channel)) {
    return { ok: false, error: { code: 'unknown-channel', message: `Yêu cầu không hợp lệ: "${channel}".` } };
  }
  const name = channel as ChannelName;
  const parsed = channels[name].args.safeParse(deepNfc(rawArgs));
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid-payload',
        message: 'Dữ liệu gửi tới dịch vụ không hợp lệ.',
        details: formatZodIssues(parsed.error),
      },
    };
  }
  try {
    const handler = handlers[name] as (ctx: ServiceContext, ...a: unknown[]) => Promise<unknown>;
    const value = await handler(ctx, ...(parsed.data as unknown[]));
    return { ok: true, value };
  } catch (err) {
    if (err instanceof UserError) {
      return { ok: false, error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } };
    }
    const fsMessage = fileSystemMessage(err, (err as { path?: string }).path ?? '');
    if (fsMessage) return { ok: false, error: { code: 'file-system', message: fsMessage } };
    ctx.log?.(`[${channel}] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return {
      ok: false,
      error: {
        code: 'internal',
        message: 'Đã xảy ra lỗi không mong muốn; dữ liệu của bạn không bị thay đổi. Chi tiết kỹ thuật đã được ghi lại.',
        details: [err instanceof Error ? err.message : String(err)],
      },
    };
  }
}
