/**
 * The CLI's V8 startup snapshot (scripts/cli-snapshot.mjs, electron/cli/snapshot.ts): built into a
 * scratch copy of the checkout (so the other CLI tests, which rebuild dist/cli, cannot remove it
 * mid-test), it prints the same PDF as the bundle, keeps the exit codes and messages, and is
 * left aside, never failing the command, when it is missing, stale or from another Node.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEntry, ROOT } from '../../../scripts/cli-bundle.mjs';
import { ensureCliSnapshot, runFromSnapshot, servedBySnapshot, usableSnapshot } from '../../../scripts/cli-snapshot.mjs';
import { buildPackage } from '../../../electron/services/handover/package-file';
import { blocFixture, scoringTableFixture } from '../documents/fixtures';
import { probePdf } from '../documents/pdf-probe';

const work = mkdtempSync(join(tmpdir(), 'blocdesk-cli-snapshot-'));
const root = join(work, 'checkout');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const data = blocFixture({ units: 12, year: 2026 });
data.scoringTables = [scoringTableFixture(data.bloc.id, 2026, 1)];
const pkg = join(work, 'khoi.blocdesk');
writeFileSync(pkg, buildPackage(data, { createdBy: 'Văn phòng Khối', appName: 'BlocDesk', appVersion: '0.1.0', now: '2026-01-05T08:00:00.000Z' }));

const stampPath = () => join(root, 'dist', 'cli', 'snapshot.json');
const fromSnapshot = (argv: string[]) =>
  spawnSync(process.execPath, ['--snapshot-blob', usableSnapshot(root)!, '--', ...argv], { cwd: work, encoding: 'utf8' });
const fromBundle = (argv: string[]) => spawnSync(process.execPath, [cliEntry(), ...argv], { cwd: work, encoding: 'utf8' });
const pdfText = (path: string) => probePdf(new Uint8Array(readFileSync(path))).layoutText;

beforeAll(async () => {
  // The sources, packages and fonts of this checkout; the bundle's stamp as the build left it.
  mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
  for (const d of ['electron', 'shared', 'node_modules', 'assets', 'package.json']) symlinkSync(join(ROOT, d), join(root, d));
  cpSync(join(ROOT, 'dist', 'cli', 'sources.json'), join(root, 'dist', 'cli', 'sources.json'));
  expect(await ensureCliSnapshot(root)).toBe(true);
});

describe('the CLI startup snapshot', () => {
  it('serves only the document commands that write a PDF', () => {
    expect(servedBySnapshot(['pledge', '--data', 'k.blocdesk', '--year', '2026', '--out', 'a.PDF'])).toBe(true);
    expect(servedBySnapshot(['document', '--kind', 'ranking', '--out=b.pdf'])).toBe(true);
    expect(servedBySnapshot(['scoring-table', '--out', 'b.xlsx'])).toBe(false);
    expect(servedBySnapshot(['pledge', '--out', 'b.docx'])).toBe(false);
    expect(servedBySnapshot(['pledge', '--out', 'b.pdf', '--help'])).toBe(false);
    expect(servedBySnapshot(['demo', '--out', 'b.pdf'])).toBe(false);
    expect(servedBySnapshot(['--help'])).toBe(false);
  });

  it('prints the same pledge and scoring table text as the bundle, with the bundled fonts', () => {
    for (const command of ['pledge', 'scoring-table']) {
      const a = join(work, `${command}-snapshot.pdf`);
      const b = join(work, `${command}-bundle.pdf`);
      const snap = fromSnapshot([command, '--data', pkg, '--year', '2026', '--out', a]);
      const bundle = fromBundle([command, '--data', pkg, '--year', '2026', '--out', b]);
      expect(snap.status).toBe(0);
      expect(snap.stdout).toBe(bundle.stdout.replace(b, a));
      expect(pdfText(a)).toBe(pdfText(b));
      if (command === 'pledge') expect(pdfText(a)).toContain(data.units[11]!.head);
      expect(probePdf(new Uint8Array(readFileSync(a))).fonts.every((f) => f.embedded && /LiberationSerif/.test(f.name))).toBe(true);
    }
  });

  it('keeps the exit codes and messages of wrong usage and wrong data', () => {
    for (const argv of [
      ['pledge', '--data', pkg, '--year', '2031', '--out', join(work, 'x.pdf')],
      ['pledge', '--data', join(work, 'khong-co.blocdesk'), '--year', '2026', '--out', join(work, 'x.pdf')],
      ['pledge', '--data', pkg, '--year', '26', '--out', join(work, 'x.pdf')],
    ]) {
      const snap = fromSnapshot(argv);
      const bundle = fromBundle(argv);
      expect(snap.status).toBe(bundle.status);
      expect(snap.stderr).toBe(bundle.stderr);
      expect(snap.status).not.toBe(0);
    }
  });

  it('runs a served command and returns its exit code', () => {
    const out = join(work, 'run.pdf');
    expect(runFromSnapshot(['pledge', '--data', pkg, '--year', '2026', '--out', out], root, 'ignore')).toBe(0);
    expect(pdfText(out)).toContain(data.units[0]!.head);
    expect(runFromSnapshot(['pledge', '--data', pkg, '--year', '2031', '--out', out], root, 'ignore')).toBe(1);
  });

  it('is left aside when switched off, from another Node, stale, truncated or failed', () => {
    const argv = ['pledge', '--data', pkg, '--year', '2026', '--out', join(work, 'aside.pdf')];
    const good = readFileSync(stampPath(), 'utf8');
    const blob = usableSnapshot(root)!;
    const withStamp = (edit: (s: Record<string, unknown>) => void) => {
      const s = JSON.parse(good) as Record<string, unknown>;
      edit(s);
      writeFileSync(stampPath(), JSON.stringify(s));
      return runFromSnapshot(argv, root, 'ignore');
    };
    try {
      process.env.BLOCDESK_CLI_SNAPSHOT = '0';
      expect(runFromSnapshot(argv, root, 'ignore')).toBeNull();
      delete process.env.BLOCDESK_CLI_SNAPSHOT;
      expect(withStamp((s) => (s.node = 'v0.0.0'))).toBeNull();
      expect(withStamp((s) => (s.sources = '{"newest":1,"files":1}\n'))).toBeNull();
      expect(withStamp((s) => Object.assign(s, { ok: false, error: 'x' }))).toBeNull();
      writeFileSync(stampPath(), good);
      expect(runFromSnapshot(argv, root, 'ignore')).toBe(0);
      truncateSync(blob, 1000);
      expect(usableSnapshot(root)).toBeNull();
      expect(runFromSnapshot(argv, root, 'ignore')).toBeNull();
    } finally {
      delete process.env.BLOCDESK_CLI_SNAPSHOT;
    }
  });

  it('records a failed build and does not retry it for the same bundle and Node', async () => {
    const broken = join(work, 'broken');
    mkdirSync(join(broken, 'dist', 'cli'), { recursive: true });
    writeFileSync(join(broken, 'dist', 'cli', 'sources.json'), '{"newest":1,"files":1}\n');
    expect(await ensureCliSnapshot(broken, { quiet: true })).toBe(false); // no sources to bundle
    const stamp = JSON.parse(readFileSync(join(broken, 'dist', 'cli', 'snapshot.json'), 'utf8')) as { ok: boolean; error: string };
    expect(stamp.ok).toBe(false);
    expect(stamp.error).not.toBe('');
    expect(await ensureCliSnapshot(broken, { quiet: true })).toBe(false);
    expect(readFileSync(join(broken, 'dist', 'cli', 'snapshot.json'), 'utf8')).toBe(JSON.stringify(stamp) + '\n');
  });
});
