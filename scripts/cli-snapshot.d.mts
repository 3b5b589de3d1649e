// Types of scripts/cli-snapshot.mjs (used by the CLI tests and the bench).
import type { StdioOptions } from 'node:child_process';
export function usableSnapshot(root?: string): string | null;
export function ensureCliSnapshot(root?: string, options?: { quiet?: boolean }): Promise<boolean>;
export function servedBySnapshot(argv: string[]): boolean;
export function runFromSnapshot(argv: string[], root?: string, stdio?: StdioOptions): number | null;
