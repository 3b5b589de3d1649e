/**
 * The renderer's only way to reach the main process: a typed wrapper over `window.blocdesk`
 * (exposed by the preload in Electron, by an injected script in the e2e harness).
 *
 *   const r = await api.invoke('settings.get');      // ApiResult<T>, never throws
 *   const v = await api.call('settings.get');        // T, throws ApiCallError (Vietnamese message)
 */
import type { ApiError, ApiResult, ArgsOf, ResultOf } from '../../shared/api/contract';
import type { BlocDeskBridge, ChannelName, Channels } from '../../shared/api/channels/index';

declare global {
  interface Window {
    blocdesk?: BlocDeskBridge;
  }
}

/** A failed bridge call; `error.message` is Vietnamese and may carry `details`. */
export class ApiCallError extends Error {
  constructor(public readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

const NO_BRIDGE: ApiError = {
  code: 'no-bridge',
  message: 'Không kết nối được với phần xử lý của ứng dụng. Hãy khởi động lại BlocDesk.',
};

function bridge(): BlocDeskBridge | undefined {
  return typeof window === 'undefined' ? undefined : window.blocdesk;
}

async function invoke<K extends ChannelName>(channel: K, ...args: ArgsOf<Channels, K>): Promise<ApiResult<ResultOf<Channels, K>>> {
  const b = bridge();
  if (!b) return { ok: false, error: NO_BRIDGE };
  try {
    return await b.invoke(channel, ...args);
  } catch (err) {
    return {
      ok: false,
      error: {
        code: 'bridge-failure',
        message: 'Không gọi được chức năng của ứng dụng; dữ liệu của bạn không bị thay đổi.',
        details: [err instanceof Error ? err.message : String(err)],
      },
    };
  }
}

async function call<K extends ChannelName>(channel: K, ...args: ArgsOf<Channels, K>): Promise<ResultOf<Channels, K>> {
  const r = await invoke(channel, ...args);
  if (!r.ok) throw new ApiCallError(r.error);
  return r.value;
}

export const api = {
  invoke,
  call,
  /** Path of a dropped file (Electron only). */
  pathForFile(file: File): string | undefined {
    return bridge()?.pathForFile?.(file);
  },
  available(): boolean {
    return bridge() !== undefined;
  },
  /** Electron only: what main asks before the window closes (null removes it); false in a browser. */
  setCloseGuard(guard: (() => Promise<boolean>) | null): boolean {
    const b = bridge();
    if (!b?.setCloseGuard) return false;
    b.setCloseGuard(guard);
    return true;
  },
};

/** Any thrown value as an ApiError a user can read (Vietnamese), for ErrorBox and notices. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiCallError) return err.error;
  if (err && typeof err === 'object' && 'userMessage' in err && typeof (err as { userMessage: unknown }).userMessage === 'string') {
    return { code: 'user', message: (err as { userMessage: string }).userMessage };
  }
  if (err instanceof Error && err.name === 'RepoError') return { code: 'repo', message: err.message };
  if (err instanceof Error && (err.name === 'QuotaExceededError' || /quota/i.test(err.message))) {
    return { code: 'quota', message: 'Bộ nhớ của ứng dụng đã đầy; thay đổi chưa được lưu. Hãy giải phóng dung lượng ổ đĩa rồi thử lại.' };
  }
  return {
    code: 'unexpected',
    message: 'Đã xảy ra lỗi không mong muốn; thay đổi chưa được lưu.',
    details: [err instanceof Error ? err.message : String(err)],
  };
}

/** One line: the message followed by its details. */
export function errorText(error: ApiError): string {
  return error.details?.length ? `${error.message} ${error.details.join('; ')}` : error.message;
}
