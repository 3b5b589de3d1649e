/**
 * Closing the window with unsaved edits. Main prevents the window's `close`, sends
 * CLOSE_REQUEST to the renderer; the preload asks the renderer's guard (registered through
 * `window.blocdesk.setCloseGuard`), which shows "Lưu / Bỏ thay đổi / Ở lại", and sends back
 * CLOSE_ANSWER with `true` (close now) or `false` (stay). These two messages belong to the shell,
 * not to the services: they are not bridge channels and the loopback server has no window.
 */
export const CLOSE_REQUEST = 'blocdesk:window-close-request';
export const CLOSE_ANSWER = 'blocdesk:window-close-answer';

/** Decides whether the window may close; resolves true when nothing unsaved stays behind. */
export type CloseGuard = () => Promise<boolean>;
