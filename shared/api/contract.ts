/**
 * The one typed bridge between renderer and main. Each capability declares its channels in
 * shared/api/channels/<capability>.ts: a zod tuple for the arguments (validated in main) and the
 * result type. The preload exposes `window.blocdesk.invoke(channel, ...args)`; the renderer wraps
 * it (renderer/src/api.ts). The same handlers serve Electron IPC and the loopback test server.
 */
import type { z } from 'zod';

/** A failure the user can understand: `message` is Vietnamese and says what and where. */
export interface ApiError {
  code: string;
  message: string;
  /** Optional list of specific problems (Vietnamese). */
  details?: string[];
}
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };


/** A channel declaration: its argument schema, plus a phantom result type. */
export interface ChannelSpec<A extends z.ZodTypeAny, R> {
  args: A;
  /** Type-only marker (boxed so that null results survive NonNullable); never read. */
  readonly result?: { value: R };
}
export function channel<R>() {
  return <A extends z.ZodTypeAny>(args: A): ChannelSpec<A, R> => ({ args });
}

export type AnyChannels = Record<string, ChannelSpec<z.ZodTypeAny, unknown>>;
export type ArgsOf<C extends AnyChannels, K extends keyof C> = C[K]['args'] extends z.ZodTypeAny
  ? z.input<C[K]['args']> extends readonly unknown[]
    ? z.input<C[K]['args']>
    : never
  : never;
export type ParsedArgsOf<C extends AnyChannels, K extends keyof C> = z.output<C[K]['args']> extends readonly unknown[]
  ? z.output<C[K]['args']>
  : never;
export type ResultOf<C extends AnyChannels, K extends keyof C> = NonNullable<C[K]['result']>['value'];

/** What the preload exposes as `window.blocdesk`. */
export interface BridgeLike<C extends AnyChannels> {
  invoke<K extends keyof C & string>(channel: K, ...args: ArgsOf<C, K>): Promise<ApiResult<ResultOf<C, K>>>;
  /** Path of a dropped file (Electron only; undefined in a browser). */
  pathForFile?(file: File): string | undefined;
  /**
   * Electron only: the function main's window asks before closing (shared/api/window-close.ts);
   * null removes it. Without a guard the window closes at once.
   */
  setCloseGuard?(guard: (() => Promise<boolean>) | null): void;
}
