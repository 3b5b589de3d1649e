// The CLI's V8 startup snapshot (dist/cli/snapshot.blob): the whole CLI bundled into one CommonJS
// file (dist/cli/snapshot.cjs, from electron/cli/snapshot.ts) that Node runs once with
// `--build-snapshot`, printing a sample pledge and scoring table; the heap it leaves (modules
// evaluated, pdfmake started, fonts parsed, the printing path compiled) is written to the blob.
// scripts/cli.mjs then runs the PDF document commands as `node --snapshot-blob … <command>`, a
// second process that starts warm, and everything else in its own process as before.
//
// The snapshot is an optimisation only: it is used when its stamp (dist/cli/snapshot.json) says it
// was built from the bundle now in dist/cli by this same Node (a blob from another Node build
// does not load), and a missing, stale or failed snapshot falls back to the bundle. A failed
// build is recorded in the stamp, so it is not retried on every run.
import { spawnSync } from 'node:child_process';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli-bundle.mjs';
import { nativeInflatePlugin, pdfkitFontCachePlugin } from './cli-vendor-patches.mjs';

const OUT = join('dist', 'cli');
const BUNDLE = 'snapshot.cjs';
const BLOB = 'snapshot.blob';
const STAMP = 'snapshot.json';
/** Node's exit code when it cannot load a startup snapshot (its check came after ours). */
const SNAPSHOT_FAILURE = 14;

/**
 * The commands the snapshot serves, when they write a PDF: those its warm-up compiled. Excel,
 * Word and zip outputs, `--help` and the other commands run in the first process, where their
 * libraries load through the code cache (electron/cli/vendor-load.ts).
 */
const SNAPSHOT_COMMANDS = new Set(['pledge', 'scoring-table', 'document', 'ballots']);

/** What a usable snapshot must have been built from: this bundle and this Node. */
function wantedStamp(root) {
  let sources;
  try {
    sources = readFileSync(join(root, OUT, 'sources.json'), 'utf8');
  } catch {
    return null;
  }
  return { sources, node: process.version, arch: process.arch, platform: process.platform, execPath: process.execPath };
}

function readStamp(root) {
  try {
    return JSON.parse(readFileSync(join(root, OUT, STAMP), 'utf8'));
  } catch {
    return null;
  }
}

const sameBuild = (a, b) => !!a && !!b && ['sources', 'node', 'arch', 'platform', 'execPath'].every((k) => a[k] === b[k]);

/** The blob to run, or null when there is none usable (missing, stale, failed, truncated). */
export function usableSnapshot(root = ROOT) {
  const stamp = readStamp(root);
  if (!stamp?.ok || !sameBuild(stamp, wantedStamp(root))) return null;
  const blob = join(root, OUT, BLOB);
  try {
    return statSync(blob).size === stamp.size ? blob : null;
  } catch {
    return null;
  }
}

/** Bundles electron/cli/snapshot.ts and runs it under --build-snapshot; returns an error text or null. */
async function buildSnapshot(root, dir) {
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: root,
    entryPoints: ['electron/cli/snapshot.ts'],
    outfile: join(dir, BUNDLE),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: true,
    logLevel: 'error',
    external: ['electron', 'electron-store', 'conf'],
    define: { 'import.meta.url': 'globalThis.__blocdeskCliUrl' },
    plugins: [nativeInflatePlugin(), pdfkitFontCachePlugin()],
  });
  const tmp = `${BLOB}.${process.pid}.tmp`;
  const r = spawnSync(process.execPath, ['--no-warnings', '--snapshot-blob', tmp, '--build-snapshot', BUNDLE], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  if (r.status !== 0) {
    rmSync(join(dir, tmp), { force: true });
    return `node --build-snapshot: ${r.error?.message ?? `exit ${r.status ?? r.signal}`} ${(r.stderr ?? '').trim().split('\n').slice(0, 3).join(' ')}`;
  }
  renameSync(join(dir, tmp), join(dir, BLOB));
  return null;
}

/**
 * Builds the snapshot when the bundle in dist/cli has none from this Node yet (after a build of
 * the bundle, or with another Node). Never throws: a failure is recorded and the CLI runs without.
 * Returns whether a usable snapshot is there.
 */
export async function ensureCliSnapshot(root = ROOT, { quiet = false } = {}) {
  const wanted = wantedStamp(root);
  if (!wanted) return false;
  const stamp = readStamp(root);
  if (sameBuild(stamp, wanted)) return !!usableSnapshot(root);
  const dir = join(root, OUT);
  let error;
  try {
    error = await buildSnapshot(root, dir);
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  const result = error ? { ...wanted, ok: false, error } : { ...wanted, ok: true, size: statSync(join(dir, BLOB)).size };
  try {
    writeFileSync(join(dir, `${STAMP}.${process.pid}.tmp`), JSON.stringify(result) + '\n');
    renameSync(join(dir, `${STAMP}.${process.pid}.tmp`), join(dir, STAMP));
  } catch {
    /* a read-only dist only costs speed */
  }
  if (error && !quiet) process.stderr.write(`(CLI chạy không có snapshot / CLI runs without its snapshot: ${error})\n`);
  return !error;
}

/** True when `argv` is a PDF document command the snapshot serves. */
export function servedBySnapshot(argv) {
  // BLOCDESK_CLI_SNAPSHOT=0 runs every command in the first process (the bench compares both).
  if (process.env.BLOCDESK_CLI_SNAPSHOT === '0') return false;
  const [name, ...rest] = argv;
  if (!SNAPSHOT_COMMANDS.has(name) || rest.includes('--help') || rest.includes('-h')) return false;
  const at = rest.findIndex((a) => a === '--out' || a.startsWith('--out='));
  if (at < 0) return false;
  const out = rest[at].startsWith('--out=') ? rest[at].slice(6) : rest[at + 1];
  return typeof out === 'string' && /\.pdf$/i.test(out);
}

/**
 * Runs the command in a process started from the snapshot, its output straight to ours; returns
 * its exit code, or null when the command is not one it serves or no snapshot is usable, or when
 * Node could not load the blob (nothing of the command ran then).
 */
export function runFromSnapshot(argv, root = ROOT, stdio = 'inherit') {
  if (!servedBySnapshot(argv)) return null;
  const blob = usableSnapshot(root);
  if (!blob) return null;
  // `--`: what follows is the command's, never Node's options.
  const r = spawnSync(process.execPath, ['--snapshot-blob', blob, '--', ...argv], { stdio });
  if (r.error || r.status === SNAPSHOT_FAILURE) return null;
  if (r.signal) {
    process.kill(process.pid, r.signal);
    return 1;
  }
  return r.status ?? 1;
}
