// Types of scripts/cli-vendor-patches.mjs (used by the CLI tests).
import type { Plugin } from 'esbuild';
/** CommonJS source of the tiny-inflate stand-in. */
export const NATIVE_INFLATE: string;
/** [text in pdfkit, its replacement]. */
export const PDFKIT_PATCH: [string, string];
export function nativeInflatePlugin(): Plugin;
export function pdfkitFontCachePlugin(): Plugin;
