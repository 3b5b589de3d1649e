import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { liberationSerif, resolveFontSet, timesNewRoman } from '../../../electron/services/documents/base/fonts';
import { pledgePdf } from '../../../electron/services/documents/service';
import { blocFixture } from './fixtures';
import { probePdf } from './pdf-probe';

const ASSETS = new URL('../../../assets', import.meta.url).pathname;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A folder shaped like Windows' Fonts folder, holding the given Times New Roman file names. */
function timesFolder(names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'blocdesk-times-'));
  dirs.push(dir);
  const source = liberationSerif(ASSETS).files;
  const sources = [source.normal, source.bold, source.italics, source.bolditalics];
  names.forEach((n, i) => copyFileSync(sources[i % 4]!, join(dir, n)));
  return dir;
}

describe('document fonts', () => {
  it('bundles Liberation Serif with its licence', () => {
    const set = resolveFontSet(ASSETS, '');
    expect(set.family).toBe('LiberationSerif');
    expect(set.files.bolditalics.endsWith('LiberationSerif-BoldItalic.ttf')).toBe(true);
  });

  it("uses the PC's Times New Roman when all four styles are in the folder (any letter case)", () => {
    const dir = timesFolder(['TIMES.TTF', 'timesbd.ttf', 'timesi.ttf', 'Timesbi.ttf']);
    const set = resolveFontSet(ASSETS, dir);
    expect(set.family).toBe('TimesNewRoman');
    expect(set.files.normal).toBe(join(dir, 'TIMES.TTF'));
    expect(set.files.bolditalics).toBe(join(dir, 'Timesbi.ttf'));
  });

  it('falls back to Liberation Serif when a style is missing or the folder does not exist', () => {
    expect(timesNewRoman(timesFolder(['times.ttf', 'timesbd.ttf', 'timesi.ttf']))).toBeNull();
    expect(resolveFontSet(ASSETS, '/khong/ton/tai').family).toBe('LiberationSerif');
  });

  it('renders with the Times folder and still embeds every font', async () => {
    const dir = timesFolder(['times.ttf', 'timesbd.ttf', 'timesi.ttf', 'timesbi.ttf']);
    const probe = probePdf(await pledgePdf(blocFixture({ units: 4 }), 2026, { assetsDir: ASSETS, timesFontDir: dir }));
    expect(probe.fonts.length).toBeGreaterThanOrEqual(3);
    for (const f of probe.fonts) expect(f.embedded).toBe(true);
    expect(probe.layoutText).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });
});
