import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/services/bridge/context';
import { dispatch, type HandlerMap } from '../../../electron/services/bridge/dispatch';
import { assessmentHandlers } from '../../../electron/services/handlers/assessment';
import { memorySettings } from '../support/memory-settings';
import type { InspectReport } from '../../../shared/domain/assessment-import';
import { tempDir } from './corpus-tools';
import { sampleBloc } from './fixtures';

const work = tempDir('assessment-bridge');
function context(answers: { save?: string | null; open?: string[] }): ServiceContext {
  return {
    host: {
      showSaveDialog: async () => answers.save ?? null,
      showOpenDialog: async () => answers.open ?? [],
      printPdf: async () => false,
    },
    settings: memorySettings(),
    assetsDir: work,
    appVersion: '0.0.0-test',
  };
}
const handlers = assessmentHandlers as unknown as HandlerMap;
const data = sampleBloc();

describe('assessment channels', () => {
  it('exports templates into a folder and as one zip; cancel gives null', async () => {
    const folder = tempDir('assessment-export');
    const r = await dispatch(handlers, context({ open: [folder] }), 'assessment.exportTemplates', [
      { data, year: 2024, unitIds: ['u-syt', 'u-bhxh'], mode: 'folder' },
    ]);
    expect(r).toEqual({ ok: true, value: { paths: [join(folder, 'TuCham_2024_SYT.xlsx'), join(folder, 'TuCham_2024_BHXH.xlsx')] } });
    expect(readdirSync(folder).sort()).toEqual(['TuCham_2024_BHXH.xlsx', 'TuCham_2024_SYT.xlsx']);
    const zipPath = join(folder, 'tat-ca');
    const z = await dispatch(handlers, context({ save: zipPath }), 'assessment.exportTemplates', [{ data, year: 2024, unitIds: [], mode: 'zip' }]);
    expect(z).toEqual({ ok: true, value: { paths: [`${zipPath}.zip`] } });
    expect(Object.keys(unzipSync(new Uint8Array(readFileSync(`${zipPath}.zip`))))).toHaveLength(8);
    const cancelled = await dispatch(handlers, context({}), 'assessment.exportTemplates', [{ data, year: 2024, unitIds: [], mode: 'zip' }]);
    expect(cancelled).toEqual({ ok: true, value: null });
  });

  it('inspects picked files with size and sha256, and dropped files', async () => {
    const folder = tempDir('assessment-pick');
    await dispatch(handlers, context({ open: [folder] }), 'assessment.exportTemplates', [{ data, year: 2024, unitIds: ['u-syt'], mode: 'folder' }]);
    const csv = join(folder, 'bang.xlsx');
    writeFileSync(csv, 'a,b\n1,2\n');
    const picked = await dispatch(handlers, context({ open: [join(folder, 'TuCham_2024_SYT.xlsx'), csv] }), 'assessment.pickAndInspect', [{ data, year: 2024 }]);
    expect(picked.ok).toBe(true);
    const reports = (picked as { value: InspectReport[] }).value;
    expect(reports.map((r) => [r.file, r.ok, r.unit])).toEqual([
      ['TuCham_2024_SYT.xlsx', true, 'SYT'],
      ['bang.xlsx', false, null],
    ]);
    expect(reports[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(reports[0]!.size).toBeGreaterThan(1000);
    expect(await dispatch(handlers, context({ open: [] }), 'assessment.pickAndInspect', [{ data, year: 2024 }])).toEqual({ ok: true, value: null });
    const dropped = await dispatch(handlers, context({}), 'assessment.inspectFiles', [
      { data, year: 2024, files: [{ name: 'TuCham_2024_SYT.xlsx', bytes: new Uint8Array(readFileSync(join(folder, 'TuCham_2024_SYT.xlsx'))) }] },
    ]);
    expect((dropped as { value: InspectReport[] }).value[0]).toMatchObject({ ok: true, unit: 'SYT' });
  });

  it('exports the unit × criterion matrix with totals', async () => {
    const withScores = sampleBloc();
    withScores.scores = [
      { id: 'y-2024:u-syt:1.1', blocId: withScores.bloc.id, year: 2024, unitId: 'u-syt', code: '1.1', self: 18, verified: null, note: '', history: [], updatedAt: '2024-12-01T00:00:00.000Z' },
      { id: 'y-2024:u-syt:7.1', blocId: withScores.bloc.id, year: 2024, unitId: 'u-syt', code: '7.1', self: 2, verified: null, note: '', history: [], updatedAt: '2024-12-01T00:00:00.000Z' },
    ];
    const r = await dispatch(handlers, context({}), 'assessment.matrixXlsx', [{ data: withScores, year: 2024 }]);
    expect(r.ok).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((r as { value: Uint8Array }).value) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell(2, 1).value).toBe('BẢNG TỔNG HỢP ĐIỂM TỰ CHẤM THI ĐUA NĂM 2024');
    const head = ws.getRow(4).values as unknown[];
    expect(head.slice(1, 5)).toEqual(['STT', 'Đơn vị', 'Mã', '1.1']);
    const syt = ws.getRow(6).values as unknown[];
    expect(syt.slice(1, 5)).toEqual([1, 'Sở Y tế', 'SYT', 18]);
    expect(syt.slice(-5)).toEqual([18, 0, 2, 16, '2/22']);
  });

  it('a year without a scoring table is a Vietnamese user error', async () => {
    const r = await dispatch(handlers, context({}), 'assessment.matrixXlsx', [{ data: sampleBloc({ tables: [] }), year: 2024 }]);
    expect(r).toMatchObject({ ok: false, error: { code: 'scoring-table-missing' } });
  });
});
