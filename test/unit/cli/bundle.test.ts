/**
 * The CLI as users run it: the esbuild bundle (dist/cli/bin.mjs, built by the vitest global setup
 * or `npm run build`) started as its own Node process, from a folder outside the checkout.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cliEntry, cliIsStale, sourceState, writeStamp } from '../../../scripts/cli-bundle.mjs';
import { commands } from '../../../electron/cli/commands/index';
import { buildPackage } from '../../../electron/services/handover/package-file';
import { blocFixture, scoringTableFixture } from '../documents/fixtures';
import { probePdf } from '../documents/pdf-probe';

const work = mkdtempSync(join(tmpdir(), 'blocdesk-cli-bundle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Prints, at exit, the npm packages the process loaded: through Node's CommonJS loader, or as the
// CLI's vendored bundles (dist/cli/vendor/<package>.cjs, read by electron/cli/vendor-load.ts).
const PACKAGES_PROBE = join(work, 'loaded-packages.cjs');
writeFileSync(
  PACKAGES_PROBE,
  `const fs = require('node:fs');
const names = new Set();
const readFileSync = fs.readFileSync;
fs.readFileSync = function (path, ...rest) {
  const m = /[\\\\/]vendor[\\\\/]([^\\\\/]+)\\.cjs$/.exec(String(path));
  if (m) names.add(m[1]);
  return readFileSync.call(this, path, ...rest);
};
require('node:module').syncBuiltinESMExports();
process.on('exit', () => {
  for (const key of Object.keys(require('node:module')._cache)) {
    const m = /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(key);
    if (m) names.add(m[1]);
  }
  process.stderr.write('\\nLOADED ' + JSON.stringify([...names]) + '\\n');
});
`,
);

function bundle(args: string[], probe = false) {
  const r = spawnSync(process.execPath, [...(probe ? ['--require', PACKAGES_PROBE] : []), cliEntry(), ...args], {
    cwd: work,
    encoding: 'utf8',
  });
  const loaded = /\nLOADED (.*)\n$/.exec(r.stderr);
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: loaded ? r.stderr.slice(0, loaded.index) : r.stderr,
    packages: loaded ? (JSON.parse(loaded[1]!) as string[]) : [],
  };
}

const data = blocFixture({ units: 8, year: 2026 });
data.scoringTables = [scoringTableFixture(data.bloc.id, 2026, 1)];
const pkg = join(work, 'khoi.blocdesk');
writeFileSync(pkg, buildPackage(data, { createdBy: 'Văn phòng Khối', appName: 'BlocDesk', appVersion: '0.1.0', now: '2026-01-05T08:00:00.000Z' }));

beforeAll(() => {
  // The global setup builds it; a stale bundle here means that build failed (see its message).
  expect(cliIsStale()).toBe(false);
});

describe('the bundled CLI', () => {
  it('--help lists every command with its usage in Vietnamese and English', () => {
    const r = bundle(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Cách dùng / Usage:');
    expect(r.stdout).toContain('Mã thoát: 0 thành công, 1 lỗi dữ liệu/tệp, 2 sai cách dùng.');
    expect(r.stdout).toContain('Exit codes: 0 success, 1 data or file error, 2 wrong usage.');
    for (const c of commands) {
      expect(r.stdout).toContain(c.usage);
      expect(r.stdout).toContain(c.vi);
      expect(r.stdout).toContain(c.en);
    }
  });

  it("<command> --help prints that command's usage in both languages", () => {
    for (const c of commands) {
      const r = bundle([c.name, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`Cách dùng / Usage: ${c.usage}\n${c.vi}\n${c.en}\n`);
    }
  });

  it('keeps the exit codes: 0 success, 1 user error on one Vietnamese line, 2 wrong usage', () => {
    expect(bundle([]).code).toBe(2);
    const unknown = bundle(['khong-co-lenh']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Lệnh không tồn tại');
    const usage = bundle(['pledge', '--data', pkg, '--year', '2026']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toBe('Thiếu tham số --out.\nCách dùng / Usage: pledge --data <tệp.blocdesk> --year <YYYY> --out <tệp.pdf|tệp.docx>\n');
    const missingYear = bundle(['pledge', '--data', pkg, '--year', '2031', '--out', join(work, 'x.pdf')]);
    expect(missingYear.code).toBe(1);
    expect(missingYear.stderr).toMatch(/^Khối ".+" chưa có năm thi đua 2031 \(các năm hiện có: 2026\)\.\n$/);
    const info = bundle(['package-info', pkg]);
    expect(info.code).toBe(0);
    expect((JSON.parse(info.stdout) as { units: unknown[] }).units).toHaveLength(8);
  });

  it('prints the pledge with the bundled fonts, found from the bundle, not the working folder', () => {
    const out = join(work, 'giao-uoc.pdf');
    const r = bundle(['pledge', '--data', pkg, '--year', '2026', '--out', out]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const pdf = probePdf(new Uint8Array(readFileSync(out)));
    expect(pdf.layoutText).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(pdf.layoutText).toContain(data.units[0]!.head);
    expect(pdf.fonts.every((f) => f.embedded && /LiberationSerif/.test(f.name))).toBe(true);
  });

  it('stops quietly with its exit code when the reader of its output has gone (… | head)', async () => {
    const child = spawn(process.execPath, [cliEntry(), 'package-info', pkg], { cwd: work });
    child.stdout.destroy(); // closed before the CLI writes: its write fails with EPIPE
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('loads exceljs and pdfmake only in the commands that use them', () => {
    const help = bundle(['--help'], true);
    expect(help.code).toBe(0);
    expect(help.packages).not.toContain('pdfmake');
    expect(help.packages).not.toContain('exceljs');
    const info = bundle(['package-info', pkg], true);
    expect(info.code).toBe(0);
    expect(info.packages).not.toContain('pdfmake');
    expect(info.packages).not.toContain('exceljs');
    const pledge = bundle(['pledge', '--data', pkg, '--year', '2026', '--out', join(work, 'p.pdf')], true);
    expect(pledge.code).toBe(0);
    expect(pledge.packages).toContain('pdfmake');
    expect(pledge.packages).not.toContain('exceljs');
    const xlsx = bundle(['scoring-table', '--data', pkg, '--year', '2026', '--out', join(work, 't.xlsx')], true);
    expect(xlsx.code).toBe(0);
    expect(xlsx.packages).toContain('exceljs');
    expect(xlsx.packages).not.toContain('pdfmake');
    const pdf = bundle(['scoring-table', '--data', pkg, '--year', '2026', '--out', join(work, 't.pdf')], true);
    expect(pdf.code).toBe(0);
    expect(pdf.packages).toContain('pdfmake');
    expect(pdf.packages).not.toContain('exceljs');
    const template = bundle(['template', '--data', pkg, '--year', '2026', '--unit', 'DV1', '--out', join(work, 'DV1.xlsx')], true);
    expect(template.code).toBe(0);
    expect(template.packages).toContain('exceljs');
    expect(template.packages).not.toContain('pdfmake');
  });
});

describe('the code cache of the vendored packages', () => {
  it('is written by the first run that loads the package and reused, not rewritten, by the next', () => {
    const cache = join(dirname(cliEntry()), 'vendor', 'pdfmake.cjs.cache');
    rmSync(cache, { force: true });
    const out = join(work, 'cache.pdf');
    expect(bundle(['pledge', '--data', pkg, '--year', '2026', '--out', out]).code).toBe(0);
    const first = statSync(cache);
    expect(first.size).toBeGreaterThan(100_000);
    expect(bundle(['pledge', '--data', pkg, '--year', '2026', '--out', out]).code).toBe(0);
    expect(statSync(cache).mtimeMs).toBe(first.mtimeMs);
    expect(probePdf(new Uint8Array(readFileSync(out))).layoutText).toContain(data.units[0]!.head);
  });

  it('survives a rebuild of the app code while the installed packages stay the same', async () => {
    const cache = join(dirname(cliEntry()), 'vendor', 'pdfmake.cjs.cache');
    expect(bundle(['pledge', '--data', pkg, '--year', '2026', '--out', join(work, 'before.pdf')]).code).toBe(0);
    const before = readFileSync(cache);
    await buildCli();
    expect(readFileSync(cache).equals(before)).toBe(true);
    expect(bundle(['pledge', '--data', pkg, '--year', '2026', '--out', join(work, 'after.pdf')]).code).toBe(0);
    expect(readFileSync(cache).equals(before)).toBe(true);
  });
});

describe('the stale check of `npm run cli`', () => {
  function tree() {
    const root = mkdtempSync(join(tmpdir(), 'blocdesk-cli-tree-'));
    mkdirSync(join(root, 'electron', 'cli'), { recursive: true });
    mkdirSync(join(root, 'shared', 'model'), { recursive: true });
    mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
    writeFileSync(join(root, 'electron', 'cli', 'bin.ts'), 'export {};\n');
    writeFileSync(join(root, 'shared', 'model', 'records.ts'), 'export {};\n');
    writeFileSync(join(root, 'package.json'), '{}\n');
    writeFileSync(cliEntry(root), '// bundle\n');
    const past = new Date(Date.now() - 60_000);
    for (const f of ['electron/cli/bin.ts', 'shared/model/records.ts', 'package.json']) utimesSync(join(root, f), past, past);
    writeStamp(join(root, 'dist', 'cli'), sourceState(root));
    return root;
  }

  it('is fresh right after a build, stale after an edit, an added or a deleted source file', () => {
    const root = tree();
    expect(cliIsStale(root)).toBe(false);
    writeFileSync(join(root, 'shared', 'model', 'records.ts'), 'export const x = 1;\n');
    expect(cliIsStale(root)).toBe(true);

    const added = tree();
    const past = new Date(Date.now() - 120_000);
    writeFileSync(join(added, 'shared', 'model', 'extra.ts'), 'export {};\n');
    utimesSync(join(added, 'shared', 'model', 'extra.ts'), past, past); // older than the rest: only the count tells
    expect(cliIsStale(added)).toBe(true);

    const deleted = tree();
    rmSync(join(deleted, 'electron', 'cli', 'bin.ts'));
    expect(cliIsStale(deleted)).toBe(true);
  });

  it('is stale without a bundle or without its stamp', () => {
    const noBundle = tree();
    rmSync(cliEntry(noBundle));
    expect(cliIsStale(noBundle)).toBe(true);
    const noStamp = tree();
    rmSync(join(noStamp, 'dist', 'cli', 'sources.json'));
    expect(cliIsStale(noStamp)).toBe(true);
  });
});
