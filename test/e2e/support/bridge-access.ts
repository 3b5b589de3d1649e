/**
 * How Node-side test code reaches a running loopback bridge: the per-run token it left in its
 * output folder, the header to send it in, and the init script that gives a page its client.
 * Used by the Playwright fixtures and the cold-start benchmark.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BRIDGE_TOKEN_FILE, BRIDGE_TOKEN_HEADER } from './bridge-limits';

/** The token of the server writing into `outDir` (read each time: a new run has a new token). */
export function bridgeToken(outDir: string): string {
  return (JSON.parse(readFileSync(join(outDir, BRIDGE_TOKEN_FILE), 'utf8')) as { token: string }).token;
}

export function bridgeHeaders(outDir: string): Record<string, string> {
  return { [BRIDGE_TOKEN_HEADER]: bridgeToken(outDir) };
}

/**
 * The page's init script: the token (whether open dialogs ask in the page, whether the harness
 * records its own costs for a benchmark: never in tests), then the client.
 */
export async function bridgeInitScript(baseUrl: string, outDir: string, options: { browserDialogs?: boolean; timing?: boolean } = {}): Promise<string> {
  const res = await fetch(`${baseUrl}/__test/bridge-client.js`);
  if (!res.ok) throw new Error(`bridge client: HTTP ${res.status}`);
  const preset = { token: bridgeToken(outDir), browserDialogs: options.browserDialogs ?? false, timing: options.timing ?? false };
  return `globalThis.__blocdeskBridge = ${JSON.stringify(preset)};\n${await res.text()}`;
}
