/**
 * Child process of bench/package.bench.ts and bench/handover-scale.bench.ts: reads one package the
 * way `package-info` does (or, with `--opened`, as the app's main does to hand it to the window:
 * the package read and its scores made into the sheets the window stores) and prints the time it
 * took, the process's peak memory (max RSS) and the outcome, as one JSON line.
 */
import { performance } from 'node:perf_hooks';
import { UserError } from '../shared/errors';
import { openedPackage, readPackageFile } from '../electron/services/handover/package-file';

const path = process.argv[2]!;
const opened = process.argv.includes('--opened');
const t0 = performance.now();
let outcome: string;
try {
  const read = await readPackageFile(path, { scoreSheets: opened });
  outcome = opened ? `ok (${openedPackage(read).data.scoreSheets.length} bảng điểm)` : `ok (${read.data.scores.length} điểm)`;
} catch (err) {
  outcome = err instanceof UserError ? `${err.code}: ${err.message.slice(0, 110)}` : `LỖI: ${String(err).slice(0, 200)}`;
}
const ms = performance.now() - t0;
process.stdout.write(`${JSON.stringify({ ms: Math.round(ms), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), outcome })}\n`);
