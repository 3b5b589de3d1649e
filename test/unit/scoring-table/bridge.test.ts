import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/services/bridge/context';
import { dispatch, type HandlerMap } from '../../../electron/services/bridge/dispatch';
import type { FileFilter } from '../../../electron/services/bridge/host';
import { scoringHandlers } from '../../../electron/services/handlers/scoring';
import { memorySettings } from '../support/memory-settings';
import type { ScoringTableImportPreview } from '../../../shared/api/channels/scoring';
import { sampleTable } from './fixture';

const SAMPLE_XLSX = join(__dirname, '../../fixtures/samples/scoring-table-2024.xlsx');
const work = mkdtempSync(join(tmpdir(), 'blocdesk-scoring-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function context(chosen: string[]) {
  const dialogs: { title: string; filters: FileFilter[]; multiple: boolean }[] = [];
  const ctx: ServiceContext = {
    host: {
      showSaveDialog: async () => null,
      showOpenDialog: async (o) => {
        dialogs.push(o);
        return chosen;
      },
      printPdf: async () => false,
    },
    settings: memorySettings(),
    assetsDir: work,
    appVersion: '0.0.0-test',
  };
  return { ctx, dialogs };
}

const handlers = scoringHandlers as unknown as HandlerMap;

const data = {
  bloc: {
    id: 'bloc-1', name: 'Khối thi đua Văn hóa - Xã hội', shortName: 'VHXH', province: 'Hà Nam',
    issuingBody: 'KHỐI THI ĐUA VĂN HÓA - XÃ HỘI', createdAt: '2024-01-01', updatedAt: '2024-01-01',
  },
  units: [],
  years: [
    {
      id: 'y2024', blocId: 'bloc-1', year: 2024, memberUnitIds: [], leaderUnitId: null, deputyUnitId: null,
      rules: {
        awards: [], threshold: { num: 1, den: 2, comparison: 'gt', base: 'valid' }, quorum: { num: 1, den: 2, comparison: 'gte' }, selfVoteAllowed: true,
        tieRules: [], leaderRotation: { kind: 'vote' }, legalBasis: [],
      },
      createdAt: '2024-01-01', updatedAt: '2024-01-01',
    },
  ],
  scoringTables: [sampleTable()],
};

describe('scoring bridge channels', () => {
  it('scoring.importExcel asks for an .xlsx file, reads it and remembers the folder', async () => {
    const { ctx, dialogs } = context([SAMPLE_XLSX]);
    const r = await dispatch(handlers, ctx, 'scoring.importExcel', []);
    expect(r.ok).toBe(true);
    const preview = (r as { value: ScoringTableImportPreview }).value;
    expect(preview.fileName).toBe('scoring-table-2024.xlsx');
    expect(preview.criteriaCount).toBe(22);
    expect(dialogs).toEqual([
      expect.objectContaining({ multiple: false, filters: [{ name: 'Bảng tính Excel', extensions: ['xlsx'] }] }),
    ]);
    expect(ctx.settings.get().folders.import).toBe(join(__dirname, '../../fixtures/samples'));
  });

  it('scoring.importExcel returns null when the dialog is cancelled', async () => {
    const { ctx } = context([]);
    expect(await dispatch(handlers, ctx, 'scoring.importExcel', [])).toEqual({ ok: true, value: null });
  });

  it('refuses a chosen file that is too large before reading it', async () => {
    const big = join(work, 'qua-lon.xlsx');
    writeFileSync(big, '');
    truncateSync(big, 25 * 1024 * 1024);
    const { ctx } = context([big]);
    const r = await dispatch(handlers, ctx, 'scoring.importExcel', []);
    expect(r).toMatchObject({ ok: false, error: { code: 'workbook-too-large' } });
    expect((r as { error: { message: string } }).error.message).toMatch(/^Tệp 'qua-lon\.xlsx' nặng 25 MB, quá lớn/);
  });

  it('says when the chosen file has disappeared', async () => {
    const { ctx } = context([join(work, 'khong-co.xlsx')]);
    const r = await dispatch(handlers, ctx, 'scoring.importExcel', []);
    expect(r).toMatchObject({ ok: false, error: { code: 'file-system' } });
    expect((r as { error: { message: string } }).error.message).toContain('Không tìm thấy tệp');
  });

  it('scoring.readExcel reads dropped bytes and refuses a file that is no workbook', async () => {
    const { ctx } = context([]);
    const ok = await dispatch(handlers, ctx, 'scoring.readExcel', [
      { name: 'C:\\Users\\a\\bang.xlsx', bytes: new Uint8Array(readFileSync(SAMPLE_XLSX)) },
    ]);
    expect(ok).toMatchObject({ ok: true, value: { fileName: 'bang.xlsx', criteriaCount: 22 } });
    const bad = await dispatch(handlers, ctx, 'scoring.readExcel', [
      { name: 'ghi-chu.xlsx', bytes: new TextEncoder().encode('<html><body>Bảng điểm</body></html>') },
    ]);
    expect(bad.ok).toBe(false);
    expect((bad as { error: { message: string } }).error.message).toContain("'ghi-chu.xlsx'");
  });

  it('scoring.exportExcel returns the workbook bytes, or a Vietnamese error for a year without a table', async () => {
    const { ctx } = context([]);
    const r = await dispatch(handlers, ctx, 'scoring.exportExcel', [{ data, year: 2024 }]);
    expect(r.ok).toBe(true);
    const bytes = (r as { value: Uint8Array }).value;
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Array.from(bytes.slice(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const missing = await dispatch(handlers, ctx, 'scoring.exportExcel', [{ data, year: 2024, version: 2 }]);
    expect(missing).toEqual({
      ok: false,
      error: { code: 'scoring-table-version-missing', message: 'Bảng chấm điểm năm 2024 không có phiên bản 2 (các phiên bản hiện có: 1).' },
    });
    const invalid = await dispatch(handlers, ctx, 'scoring.exportExcel', [{ data, year: 'năm nay' }]);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });
});
