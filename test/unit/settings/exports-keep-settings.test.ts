/**
 * Every export remembers the folder it saved into. That must change that folder only: the agency,
 * signer, secretary, margins, font size and Times New Roman folder stay as the user saved them
 * (zod's `.partial()` used to fill every other field with its default and wipe them).
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/services/bridge/context';
import { dispatch } from '../../../electron/services/bridge/dispatch';
import type { Host } from '../../../electron/services/bridge/host';
import { handlers } from '../../../electron/services/handlers/index';
import { createConfSettings } from '../../../electron/services/settings/conf-store';
import type { Settings } from '../../../shared/model/settings';
import { encodePart, partsOfBloc } from '../../../shared/package/bloc-parts';
import { tempDir } from '../assessment/corpus-tools';
import { sampleBloc } from '../assessment/fixtures';

const ASSETS = new URL('../../../assets', import.meta.url).pathname;

/** A Times New Roman folder: the bundled Liberation Serif (same metrics) under Windows' file names. */
function timesFolder(): string {
  const dir = tempDir('times');
  const pairs = [
    ['LiberationSerif-Regular.ttf', 'times.ttf'],
    ['LiberationSerif-Bold.ttf', 'timesbd.ttf'],
    ['LiberationSerif-Italic.ttf', 'timesi.ttf'],
    ['LiberationSerif-BoldItalic.ttf', 'timesbi.ttf'],
  ];
  for (const [from, to] of pairs) copyFileSync(join(ASSETS, 'fonts', from!), join(dir, to!));
  return dir;
}

/** A host whose dialogs answer with the paths the test queued. */
function queuedHost(): Host & { save: (string | null)[]; open: string[][] } {
  const save: (string | null)[] = [];
  const open: string[][] = [];
  return {
    save,
    open,
    showSaveDialog: async () => save.shift() ?? null,
    showOpenDialog: async () => open.shift() ?? [],
    printPdf: async () => false,
  };
}

describe('exports and imports keep the saved settings', () => {
  it('changes only the remembered folder, in memory and in the file', async () => {
    const settingsDir = tempDir('settings-exports');
    const out = tempDir('exports-out');
    const host = queuedHost();
    const ctx: ServiceContext = { host, settings: createConfSettings(settingsDir), assetsDir: ASSETS, appVersion: '0.0.0-test' };
    const call = async (channel: string, ...args: unknown[]) => {
      const r = await dispatch(handlers, ctx, channel, args);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message} ${r.error.details?.join('; ') ?? ''}`);
      return r.value;
    };

    const saved: Settings = {
      agency: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Hà Nam',
      signerName: 'Nguyễn Văn An',
      signerTitle: 'Giám đốc',
      secretaryName: 'Trần Thị Bình',
      folders: { export: join(out, 'xuat-cu'), import: join(out, 'nhan-cu'), documents: join(out, 'van-ban-cu') },
      backupFolder: join(out, 'sao-luu'),
      fontSize: 18,
      timesFontDir: timesFolder(),
      margins: { top: 25, bottom: 22, left: 35, right: 18 },
    };
    expect(await call('settings.update', saved)).toEqual(saved);

    const data = sampleBloc();
    let expected = saved;
    const remembered = async (key: keyof Settings['folders'], folder: string, run: () => Promise<unknown>) => {
      mkdirSync(folder, { recursive: true });
      const value = await run();
      expect(value, 'the export ran').not.toBeNull();
      expected = { ...expected, folders: { ...expected.folders, [key]: folder } };
      expect(ctx.settings.get()).toEqual(expected);
    };
    const saveAs = (path: string) => host.save.push(path);

    await remembered('documents', join(out, 'giao-uoc'), async () => {
      saveAs(join(out, 'giao-uoc', 'giao-uoc-2024.pdf'));
      return call('documents.save', { kind: 'pledge', data, year: 2024, format: 'pdf' });
    });
    await remembered('export', join(out, 'bang-diem-xlsx'), async () => {
      const xlsx = await call('scoring.exportExcel', { data, year: 2024 });
      saveAs(join(out, 'bang-diem-xlsx', 'bang-diem.xlsx'));
      return call('file.save', { bytes: xlsx, suggestedName: 'bang-diem.xlsx', folder: 'export' });
    });
    await remembered('documents', join(out, 'bang-diem-pdf'), async () => {
      saveAs(join(out, 'bang-diem-pdf', 'bang-diem.pdf'));
      return call('documents.save', { kind: 'scoring-table', data, year: 2024, format: 'pdf' });
    });
    await remembered('documents', join(out, 'bang-diem-docx'), async () => {
      saveAs(join(out, 'bang-diem-docx', 'bang-diem.docx'));
      return call('documents.save', { kind: 'scoring-table', data, year: 2024, format: 'docx' });
    });
    await remembered('export', join(out, 'phieu-zip'), async () => {
      saveAs(join(out, 'phieu-zip', 'phieu.zip'));
      return call('assessment.exportTemplates', { data, year: 2024, unitIds: [], mode: 'zip' });
    });
    await remembered('export', join(out, 'phieu-thu-muc'), async () => {
      host.open.push([join(out, 'phieu-thu-muc')]);
      return call('assessment.exportTemplates', { data, year: 2024, unitIds: ['u-syt'], mode: 'folder' });
    });
    await remembered('export', join(out, 'tong-hop'), async () => {
      const xlsx = await call('assessment.matrixXlsx', { data, year: 2024 });
      saveAs(join(out, 'tong-hop', 'tong-hop.xlsx'));
      return call('file.save', { bytes: xlsx, suggestedName: 'tong-hop.xlsx', folder: 'export' });
    });
    await remembered('export', join(out, 'goi'), async () => {
      saveAs(join(out, 'goi', 'khoi.blocdesk'));
      // The app sends the bloc a part at a time (app/upload-bloc.ts), then asks for the package.
      const { upload } = (await call('blocUpload.begin')) as { upload: string };
      for (const [index, part] of partsOfBloc(data).entries()) await call('blocUpload.part', { upload, index, key: part.key, bytes: encodePart(part).bytes });
      return call('handover.export', { upload, createdBy: saved.agency });
    });

    // The imports remember their folder the same way.
    await remembered('import', join(out, 'goi'), async () => {
      host.open.push([join(out, 'goi', 'khoi.blocdesk')]);
      return call('handover.open');
    });
    await remembered('import', join(out, 'bang-diem-xlsx'), async () => {
      host.open.push([join(out, 'bang-diem-xlsx', 'bang-diem.xlsx')]);
      return call('scoring.importExcel');
    });
    await remembered('import', join(out, 'phieu-thu-muc'), async () => {
      host.open.push([join(out, 'phieu-thu-muc', 'TuCham_2024_SYT.xlsx')]);
      return call('assessment.pickAndInspect', { data, year: 2024 });
    });

    // What the next start reads from the file.
    expect(createConfSettings(settingsDir).get()).toEqual(expected);
    expect(JSON.parse(readFileSync(join(settingsDir, 'settings.json'), 'utf8'))).toMatchObject({ agency: saved.agency, margins: saved.margins });
    expect(dirname(expected.folders.export)).toBe(out);
  }, 120_000);
});
