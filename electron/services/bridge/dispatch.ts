/**
 * Dispatches one bridge call: checks the channel exists, cleans the payload's text (NFC, no control
 * characters, shared/text/clean.ts), validates it with the channel's schema, runs the handler, and
 * turns every failure into a Vietnamese ApiError. Used by Electron's ipcMain (electron/main.ts) and
 * the loopback server (test/e2e/support/bridge-server.ts).
 */
import { describeIssueMessage } from '../../../shared/package/describe-issue';
import { z } from 'zod';
import { channels, type ChannelName, type Channels } from '../../../shared/api/channels/index';
import type { ApiResult, ParsedArgsOf, ResultOf } from '../../../shared/api/contract';
import { UserError } from '../../../shared/errors';
import { deepCleanText } from '../../../shared/text/clean';
import type { ServiceContext } from './context';
import { fileSystemMessage } from '../fs/fs-errors';

export type Handler<K extends ChannelName> = (
  ctx: ServiceContext,
  ...args: ParsedArgsOf<Channels, K>
) => Promise<ResultOf<Channels, K>>;
export type HandlerMap = { [K in ChannelName]: Handler<K> };

// Kept importable from here for the handlers that already do; its home is fs/fs-errors.ts.
export { fileSystemMessage };

function formatZodIssues(err: z.ZodError): string[] {
  // Vietnamese wording of zod's issues (its own messages are English), one rule with the package reader.
  return err.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(dữ liệu)'}: ${describeIssueMessage(i)}`);
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
  const parsed = channels[name].args.safeParse(deepCleanText(rawArgs));
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
