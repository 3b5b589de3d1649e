/**
 * The test stand-in for the preload: defines `window.blocdesk` in the page, forwarding every call
 * to the loopback server, where the real main-process handlers answer. Injected by Playwright.
 */
import { decodeWire, encodeWire } from '../../../shared/api/wire';

(window as unknown as { blocdesk: unknown }).blocdesk = {
  async invoke(channel: string, ...args: unknown[]) {
    const res = await fetch(`/__bridge/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: encodeWire(args),
    });
    return decodeWire(await res.text());
  },
};
