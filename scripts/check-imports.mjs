// Enforces which code may import what (see docs/DEVELOPING.md): code that plain Node or the
// renderer loads never imports `electron`; shared/ stays platform-neutral; the renderer never
// reaches into main-process code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const RULES = [
  { dir: 'shared', forbid: [/^electron$/, /^node:/, /^(fs|path|os|crypto|child_process)$/, /^exceljs$/, /^pdfmake/, /^react/, /^dexie/, /(^|\/)(electron|renderer)\//], why: 'shared/ is platform-neutral' },
  { dir: 'renderer', forbid: [/^electron$/, /^node:/, /^(fs|path|os|crypto|child_process)$/, /^exceljs$/, /^pdfmake/, /(^|\.\.\/)electron\//], why: 'the renderer runs in the browser sandbox' },
  { dir: join('electron', 'services'), forbid: [/^electron$/, /^react/, /^dexie/, /renderer\//], why: 'services run under plain Node (CLI, tests)' },
  { dir: join('electron', 'cli'), forbid: [/^electron$/, /^react/, /renderer\//], why: 'the CLI runs under plain Node' },
  { dir: 'test', forbid: [/^electron$/], why: 'tests run without the Electron binary' },
];

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

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

let problems = 0;
for (const rule of RULES) {
  for (const file of files(rule.dir)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
      if (!spec) continue;
      if (rule.forbid.some((re) => re.test(spec))) {
        const line = text.slice(0, m.index).split('\n').length;
        console.error(`${relative('.', file).split(sep).join('/')}:${line}: imports "${spec}" (${rule.why})`);
        problems++;
      }
    }
  }
}
if (problems) {
  console.error(`\n${problems} forbidden import(s).`);
  process.exit(1);
}
console.log('imports: ok');
