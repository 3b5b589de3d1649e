// Types of scripts/cli-vendor-patches.mjs (used by the CLI tests).
import type { Plugin } from 'esbuild';
/** CommonJS source of the tiny-inflate stand-in. */
export const NATIVE_INFLATE: string;
export function nativeInflatePlugin(): Plugin;
