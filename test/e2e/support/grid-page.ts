/**
 * Bundles verification-grid-page.tsx (React, the grid, the app's stylesheet) into one HTML page
 * with esbuild, for Playwright to open without the app or its server: the component test and the
 * grid benchmark. Production React, as the app ships.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GridConfig } from './verification-grid-page';

const here = dirname(fileURLToPath(import.meta.url));
let bundle: Promise<{ js: string; css: string }> | null = null;

function build(): Promise<{ js: string; css: string }> {
  bundle ??= (async () => {
    const { build: esbuild } = await import('esbuild');
    const out = await esbuild({
      entryPoints: [join(here, 'verification-grid-page.tsx')],
      bundle: true,
      write: false,
      outdir: join(here, '.grid-page'),
      format: 'iife',
      platform: 'browser',
      target: 'chrome120',
      jsx: 'automatic',
      minify: true,
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    const text = (ext: string) => out.outputFiles.filter((f) => f.path.endsWith(ext)).map((f) => f.text).join('\n');
    return { js: text('.js'), css: text('.css') };
  })();
  return bundle;
}

/** The page's HTML for a grid of the given size. */
export async function gridPageHtml(config: GridConfig): Promise<string> {
  const { js, css } = await build();
  const safe = (s: string) => s.replace(/<\/(script|style)/gi, '<\\/$1');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Thẩm định</title><style>${safe(css)}</style></head><body><div id="root"></div><script>window.__gridConfig=${JSON.stringify(config)};</script><script>${safe(js)}</script></body></html>`;
}
