// Enforces which code may import what (see docs/DEVELOPING.md), as an allow-list per layer in the
// manner of VS Code's layering rules: every source file belongs to one layer, and a layer lists
// what it MAY import (folders of this repository, npm packages, Node's built-in modules). Anything
// else is reported. Code that plain Node or the renderer loads never imports `electron`; shared/
// stays platform-neutral; shared/domain never reaches into the transport (shared/api); the
// renderer never reaches into main-process code; no renderer feature imports another feature
// (what two features share lives in renderer/src/ui, renderer/src/app or shared/).
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');

/** npm packages the main-process services (and the CLI over them) may use. */
const SERVICE_NPM = ['exceljs', 'pdfmake', 'conf', 'fflate', 'zod', 'docx', 'pdf-lib'];
/** npm packages the renderer may use (it runs in the browser sandbox). */
const RENDERER_NPM = ['react', 'react-dom', 'dexie', 'dexie-react-hooks', '@tanstack/react-table', 'zod', 'pdfjs-dist', 'uplot'];
const SHARED = ['shared'];

/**
 * The layers, most specific first: a file belongs to the first layer whose `files` holds it.
 * `may`: folders or files (repo-relative, without extension) it may import from; `npm`: packages;
 * `node`: whether Node's built-in modules are allowed; `own`: a function giving extra folders for
 * a file (its own feature).
 */
const LAYERS = [
  { name: 'shared/errors', files: ['shared/errors'], may: [], npm: [] },
  { name: 'shared/text', files: ['shared/text'], may: ['shared/text'], npm: ['zod'] },
  // The one exception: the schema-4 migration of old rules profiles needs exact fractions and the defaults of the new fields.
  { name: 'shared/model', files: ['shared/model'], may: ['shared/model', 'shared/text', 'shared/domain/vote/fraction', 'shared/domain/rules-defaults'], npm: ['zod', 'fflate'] }, // fflate: the stored score sheets' DEFLATE (score-sheets.ts)
  {
    name: 'shared/domain',
    files: ['shared/domain'],
    may: ['shared/domain', 'shared/model', 'shared/text', 'shared/errors'],
    npm: ['zod'],
    why: 'domain rules are pure: no transport (shared/api), no platform',
  },
  { name: 'shared/package', files: ['shared/package'], may: ['shared/package', 'shared/model', 'shared/domain', 'shared/text', 'shared/errors'], npm: ['zod', 'fflate'] },
  { name: 'shared/sample', files: ['shared/sample'], may: ['shared/sample', 'shared/model', 'shared/domain', 'shared/text'], npm: [] },
  { name: 'shared/security', files: ['shared/security'], may: ['shared/security'], npm: [] },
  {
    name: 'shared/api',
    files: ['shared/api'],
    may: ['shared/api', 'shared/model', 'shared/domain', 'shared/package', 'shared/text', 'shared/errors'],
    npm: ['zod'],
  },
  {
    name: 'electron/services',
    files: ['electron/services'],
    may: ['electron/services', ...SHARED],
    npm: SERVICE_NPM,
    node: true,
    why: 'services run under plain Node (CLI, tests): never electron, react or dexie',
  },
  { name: 'electron/cli', files: ['electron/cli'], may: ['electron/cli', 'electron/services', ...SHARED], npm: SERVICE_NPM, node: true },
  {
    name: 'electron shell',
    files: ['electron/main', 'electron/preload', 'electron/shell'],
    may: ['electron', ...SHARED],
    npm: [...SERVICE_NPM, 'electron', 'electron-store'],
    node: true,
  },
  {
    name: 'renderer feature',
    files: ['renderer/src/features'],
    may: ['renderer/src/ui', 'renderer/src/app', 'renderer/src/db', 'renderer/src/api', ...SHARED],
    own: (file) => [file.split('/').slice(0, 4).join('/')],
    npm: RENDERER_NPM,
    why: 'a feature runs in the browser sandbox and imports no other feature: what two share goes to renderer/src/ui, renderer/src/app or shared/',
  },
  { name: 'renderer/src/ui', files: ['renderer/src/ui'], may: ['renderer/src/ui', 'renderer/src/api', ...SHARED], npm: RENDERER_NPM },
  { name: 'renderer/src/db', files: ['renderer/src/db'], may: ['renderer/src/db', ...SHARED], npm: RENDERER_NPM },
  {
    name: 'renderer/src/app',
    files: ['renderer/src/app'],
    may: ['renderer/src/app', 'renderer/src/features', 'renderer/src/ui', 'renderer/src/db', 'renderer/src/api', ...SHARED],
    npm: RENDERER_NPM,
  },
  { name: 'renderer', files: ['renderer/src'], may: ['renderer/src', ...SHARED], npm: RENDERER_NPM, why: 'the renderer runs in the browser sandbox' },
  { name: 'tests', files: ['test', 'bench'], may: ['.'], npm: '*', node: true, forbidNpm: ['electron'], why: 'tests run without the Electron binary' },
];

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;
const NODE_BUILTINS = new Set(builtinModules);

const inside = (path, folder) => folder === '.' || path === folder || path.startsWith(`${folder}/`);
const posix = (p) => p.split(sep).join('/');
const withoutExt = (p) => p.replace(/\.(ts|tsx|mts|cts|js|mjs|cjs)$/, '');
/** "@scope/name/sub" → "@scope/name"; "name/sub" → "name". */
const packageName = (spec) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/').replace(/\?.*$/, '');

function* files(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const e of entries) {
    if (e === 'node_modules' || e === 'dist') continue;
    const p = join(dir, e);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ts|tsx|mts|cts|js|mjs)$/.test(e) && !/\.config\.(ts|mjs|js)$/.test(e)) yield p; // build configs run in Node
  }
}

/** Why `spec`, imported by `file` of `layer`, is not allowed; null when it is. */
function problem(layer, file, spec) {
  if (spec.startsWith('.')) {
    const target = withoutExt(posix(relative(ROOT, resolve(ROOT, dirname(file), spec))));
    const allowed = [...layer.may, ...(layer.own ? layer.own(file) : [])];
    if (allowed.some((folder) => inside(target, folder))) return null;
    return `imports "${target}", outside what ${layer.name} may import (${allowed.join(', ') || 'nothing of this repository'})`;
  }
  const bare = spec.replace(/^node:/, '');
  if (spec.startsWith('node:') || NODE_BUILTINS.has(packageName(bare))) {
    return layer.node ? null : `imports Node's "${spec}", which ${layer.name} may not use`;
  }
  const name = packageName(spec);
  if (layer.forbidNpm?.includes(name)) return `imports "${spec}"`;
  if (layer.npm === '*' || layer.npm.includes(name)) return null;
  return `imports the npm package "${name}", not among those ${layer.name} may use (${layer.npm.join(', ') || 'none'})`;
}

let problems = 0;
const report = (message) => {
  console.error(message);
  problems++;
};
for (const top of ['shared', 'electron', 'renderer/src', 'test', 'bench']) {
  for (const abs of files(join(ROOT, top))) {
    const file = posix(relative(ROOT, abs));
    const layer = LAYERS.find((l) => l.files.some((f) => inside(withoutExt(file), f)));
    if (!layer) {
      report(`${file}: belongs to no layer; add it to LAYERS in scripts/check-imports.mjs`);
      continue;
    }
    const text = readFileSync(abs, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
      if (!spec) continue;
      const why = problem(layer, file, spec);
      if (why) {
        const line = text.slice(0, m.index).split('\n').length;
        report(`${file}:${line}: ${why}${layer.why ? ` (${layer.why})` : ''}`);
      }
    }
  }
}
if (problems) {
  console.error(`\n${problems} forbidden import(s).`);
  process.exit(1);
}
console.log('imports: ok');
