/**
 * Vite config of the renderer: built to dist/renderer with relative paths so that Electron can load
 * it from disk (file://) and the e2e harness from a loopback server. Nothing is fetched from a CDN.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp';

const root = fileURLToPath(new URL('.', import.meta.url));

/** `crossorigin` on module scripts makes Chromium refuse them under file://; the app is same-origin anyway. */
function stripCrossorigin(): Plugin {
  return {
    name: 'blocdesk-strip-crossorigin',
    enforce: 'post',
    transformIndexHtml: (html) => html.replace(/\s+crossorigin(?:="[^"]*")?/g, ''),
  };
}

/** Writes the one Content-Security-Policy (shared/security/csp.ts) into index.html. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'blocdesk-csp',
    transformIndexHtml: (html) => html.replace('%BLOCDESK_CSP%', CONTENT_SECURITY_POLICY),
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), contentSecurityPolicy(), stripCrossorigin()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1', fs: { allow: ['..'] } },
});
