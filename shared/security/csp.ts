/**
 * The renderer's Content-Security-Policy: nothing from other origins, no inline or eval'd script.
 * One source for both places that apply it: the <meta> tag the Vite build writes into index.html
 * and the header Electron's app:// protocol handler sends.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
