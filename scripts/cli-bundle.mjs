// The CLI bundle (dist/cli): electron/cli/bin.ts bundled by esbuild with code splitting, so each
// command's module (and exceljs, pdfmake, the fonts behind it) loads only when that command runs.
// exceljs and pdfmake are bundled apart, as CommonJS files in dist/cli/vendor, which
// electron/cli/vendor-load.ts runs through V8's code cache (a fresh process otherwise parses and
// compiles those megabytes again on every run).
// `ensureCli()` rebuilds only when the sources changed since the last build: the check walks
// electron/ and shared/ (about a hundred files, a few milliseconds) and compares the newest mtime
// and the file count with those stored next to the bundle. esbuild itself is imported only to build.
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nativeInflatePlugin } from './cli-vendor-patches.mjs';

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const OUT = join('dist', 'cli');
const STAMP = 'sources.json';

/** The bundle's entry file under a checkout. */
export const cliEntry = (root = ROOT) => join(root, OUT, 'bin.mjs');

const SOURCE_DIRS = ['electron', 'shared'];
// The build's own inputs: its settings, the dependency versions, this script.
const SOURCE_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'scripts/cli-bundle.mjs', 'scripts/cli-vendor-patches.mjs'];

/** The newest mtime and the number of the bundle's source files (a deleted file changes the count). */
export function sourceState(root = ROOT) {
  let newest = 0;
  let files = 0;
  const visit = (path) => {
    let st;
    try {
      st = statSync(path);
    } catch {
      return;
    }
    files++;
    if (st.mtimeMs > newest) newest = st.mtimeMs;
  };
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else visit(p);
    }
  };
  for (const d of SOURCE_DIRS) walk(join(root, d));
  for (const f of SOURCE_FILES) visit(join(root, f));
  return { newest, files };
}

/** Records, next to the bundle, the sources it was built from. */
export function writeStamp(outDir, state) {
  writeFileSync(join(outDir, STAMP), JSON.stringify(state) + '\n');
}

/** True when the bundle is missing or was built from other sources than those on disk now. */
export function cliIsStale(root = ROOT) {
  if (!existsSync(cliEntry(root))) return true;
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(root, OUT, STAMP), 'utf8'));
  } catch {
    return true;
  }
  const now = sourceState(root);
  return stamp.newest !== now.newest || stamp.files !== now.files;
}

/** Big CommonJS packages the CLI loads through the code cache: dist/cli/vendor/<name>.cjs. */
const VENDORED = ['pdfmake', 'exceljs'];

/** `import x from 'pdfmake'` in the CLI becomes the vendored bundle, loaded with the code cache. */
function vendorPlugin(root) {
  const loader = JSON.stringify(join(root, 'electron', 'cli', 'vendor-load.ts'));
  return {
    name: 'blocdesk-vendor',
    setup(b) {
      b.onResolve({ filter: new RegExp(`^(${VENDORED.join('|')})$`) }, (args) => ({ path: args.path, namespace: 'vendor' }));
      b.onLoad({ filter: /.*/, namespace: 'vendor' }, (args) => ({
        contents: `import { loadVendor } from ${loader};
import { fileURLToPath } from 'node:url';
export default loadVendor(fileURLToPath(new URL(${JSON.stringify(`./vendor/${args.path}.cjs`)}, import.meta.url)));
`,
        loader: 'js',
        resolveDir: root,
      }));
    },
  };
}

/**
 * zod's classic API re-exports its 60-odd message locales (`z.locales`), some 360 kB of the CLI's
 * largest chunk that every command compiles on start. BlocDesk words zod's issues itself
 * (shared/package/describe-issue.ts) and never selects a locale; zod's own English default is
 * imported by zod apart from this index, so the index is left out of the bundle.
 */
function zodLocalesPlugin() {
  return {
    name: 'blocdesk-no-zod-locales',
    setup(b) {
      b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
        /[\\/]zod[\\/]v4[\\/](classic|core)[\\/]?$/.test(args.resolveDir) ? { path: 'zod-locales', namespace: 'no-zod-locales' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'no-zod-locales' }, () => ({ contents: 'export {};', loader: 'js' }));
    },
  };
}

/**
 * Writes dist/cli/vendor into `to`. The vendored bundles depend only on the installed packages, so
 * when those did not change the previous ones are copied with their code caches (an edit of the
 * app's code then rebuilds in a fraction of the time, and the next run is fast at once).
 */
async function vendor(root, outDir, to) {
  const inputs = ['package-lock.json', 'scripts/cli-bundle.mjs', 'scripts/cli-vendor-patches.mjs'].map((f) => {
    try {
      const st = statSync(join(root, f));
      return [f, st.mtimeMs, st.size];
    } catch {
      return [f, 0, 0];
    }
  });
  const stamp = JSON.stringify({ packages: VENDORED, inputs }) + '\n';
  const previous = join(outDir, 'vendor');
  try {
    if (readFileSync(join(previous, STAMP), 'utf8') === stamp) {
      cpSync(previous, to, { recursive: true, filter: (src) => !/\.cache\.\d+$/.test(src) });
      return;
    }
  } catch {
    /* no previous vendor folder: build it */
  }
  const { build } = await import('esbuild');
  const requireFromRoot = createRequire(join(root, 'package.json'));
  for (const name of VENDORED) {
    await build({
      absWorkingDir: root,
      entryPoints: [requireFromRoot.resolve(name)],
      outfile: join(to, `${name}.cjs`),
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      // Less source for every run to read and hash before V8 takes its code cache (same output).
      minify: true,
      logLevel: 'warning',
      plugins: [nativeInflatePlugin()],
    });
  }
  writeFileSync(join(to, STAMP), stamp);
}

/**
 * Bundles the CLI into a fresh folder, then swaps it in, so a CLI already running never sees a
 * half-written bundle. Heavy CommonJS packages stay external and load from node_modules.
 */
export async function buildCli(root = ROOT) {
  const { build } = await import('esbuild');
  const state = sourceState(root); // taken before building: an edit during the build makes it stale again
  const outDir = join(root, OUT);
  const tmp = `${outDir}.tmp-${process.pid}-${Date.now()}`;
  await build({
    absWorkingDir: root,
    entryPoints: { bin: 'electron/cli/bin.ts' },
    outdir: tmp,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]', // next to bin.mjs: vendor-load resolves ./vendor from its chunk
    sourcemap: true,
    logLevel: 'warning',
    external: ['electron', 'electron-store', 'conf'],
    plugins: [vendorPlugin(root), zodLocalesPlugin()],
    // Bundled CommonJS code may call require(); ESM output has none of its own.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  await vendor(root, outDir, join(tmp, 'vendor'));
  writeStamp(tmp, state);
  const old = `${outDir}.old-${process.pid}-${Date.now()}`;
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(tmp, outDir);
  rmSync(old, { recursive: true, force: true });
}

/** Builds the CLI bundle when it is stale; returns whether it built. */
export async function ensureCli(root = ROOT) {
  if (!cliIsStale(root)) return false;
  await buildCli(root);
  return true;
}
