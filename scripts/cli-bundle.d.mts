// Types of scripts/cli-bundle.mjs (used by the CLI tests and the bench).
export interface SourceState {
  newest: number;
  files: number;
}
export const ROOT: string;
export function cliEntry(root?: string): string;
export function sourceState(root?: string): SourceState;
export function writeStamp(outDir: string, state: SourceState): void;
export function cliIsStale(root?: string): boolean;
export function buildCli(root?: string): Promise<void>;
export function ensureCli(root?: string): Promise<boolean>;
