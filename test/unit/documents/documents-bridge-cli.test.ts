import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch, type HandlerMap } from '../../../electron/services/bridge/dispatch';
import type { ServiceContext } from '../../../electron/services/bridge/context';
import { documentsHandlers } from '../../../electron/services/handlers/documents';
import { memorySettings } from '../support/memory-settings';
import { buildPackage } from '../../../electron/services/handover/package-file';
import { runCli } from '../../../electron/cli/main';
import { blocFixture, scoringTableFixture } from './fixtures';
import { probePdf } from './pdf-probe';

const ASSETS = new URL('../../../assets', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'blocdesk-docs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function context(settings: Record<string, unknown> = {}): ServiceContext {
  return {
    host: { showSaveDialog: async () => null, showOpenDialog: async () => [], printPdf: async () => false },
    settings: memorySettings(settings),
    assetsDir: ASSETS,
    appVersion: '0.0.0-test',
  };
}

const handlers = documentsHandlers as unknown as HandlerMap;

describe('documents bridge channels', () => {
  it('returns the pledge PDF bytes, with the margins of the settings', async () => {
    const data = blocFixture({ units: 8 });
    const r = await dispatch(handlers, context({ margins: { top: 25, bottom: 20, left: 35, right: 20 } }), 'documents.render', [
      { kind: 'pledge', data, year: 2026, format: 'pdf' },
    ]);
    expect(r.ok).toBe(true);
    const bytes = (r as { ok: true; value: Uint8Array }).value;
    expect(bytes).toBeInstanceOf(Uint8Array);
    const probe = probePdf(bytes);
    expect(Math.min(...probe.words.map((w) => w.xMin))).toBeGreaterThanOrEqual((35 * 72) / 25.4 - 0.5);
    expect(probe.layoutText).toContain('BẢN GIAO ƯỚC THI ĐUA NĂM 2026');
  });

  it('maps a missing year and a missing table to Vietnamese errors', async () => {
    const data = blocFixture({ units: 4 });
    const missingYear = await dispatch(handlers, context(), 'documents.render', [{ kind: 'pledge', data, year: 2030, format: 'pdf' }]);
    expect(missingYear).toEqual({
      ok: false,
      error: { code: 'year-missing', message: expect.stringContaining('chưa có năm thi đua 2030') },
    });
    const missingTable = await dispatch(handlers, context(), 'documents.render', [{ kind: 'scoring-table', data, year: 2026, format: 'pdf' }]);
    expect(missingTable.ok).toBe(false);
    expect(!missingTable.ok && missingTable.error.code).toBe('scoring-table-missing');
  });

  it('returns the scoring table PDF of the named version', async () => {
    const data = blocFixture({ units: 4 });
    data.scoringTables = [scoringTableFixture(data.bloc.id, 2026, 1), scoringTableFixture(data.bloc.id, 2026, 2)];
    const r = await dispatch(handlers, context(), 'documents.render', [{ kind: 'scoring-table', data, year: 2026, format: 'pdf', options: { version: 1 } }]);
    expect(r.ok).toBe(true);
    expect(probePdf((r as { ok: true; value: Uint8Array }).value).layoutText).toContain('Phiên bản 1');
  });
});

describe('pledge and scoring-table CLI commands', () => {
  const data = blocFixture({ units: 8 });
  data.scoringTables = [scoringTableFixture(data.bloc.id, 2026, 1)];
  const packagePath = join(work, 'khoi.blocdesk');
  writeFileSync(packagePath, buildPackage(data, { createdBy: 'Văn phòng Khối', appName: 'BlocDesk', appVersion: '0.1.0', now: '2026-01-05T08:00:00.000Z' }));

  async function cli(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr };
  }

  it('writes the pledge PDF of a package', async () => {
    const out = join(work, 'giao-uoc.pdf');
    const r = await cli('pledge', '--data', packagePath, '--year', '2026', '--out', out);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const text = probePdf(new Uint8Array(readFileSync(out))).layoutText;
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Nguyễn Văn An');
  });

  it('writes the scoring table as PDF', async () => {
    const out = join(work, 'bang-cham-diem.pdf');
    const r = await cli('scoring-table', '--data', packagePath, '--year', '2026', '--out', out);
    expect(r.code).toBe(0);
    expect(probePdf(new Uint8Array(readFileSync(out))).layoutText).toContain('TỔNG ĐIỂM CHUẨN');
  });

  it('writes the scoring table as an Excel workbook for an .xlsx target', async () => {
    const out = join(work, 'bang-cham-diem.xlsx');
    const r = await cli('scoring-table', '--data', packagePath, '--year', '2026', '--out', out);
    expect(r.code).toBe(0);
    expect(readFileSync(out).subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
  });

  it('exits 1 with one Vietnamese line for a year the package lacks, or a file that is no package', async () => {
    const r = await cli('pledge', '--data', packagePath, '--year', '2031', '--out', join(work, 'x.pdf'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Khối ".+" chưa có năm thi đua 2031 \(các năm hiện có: 2026\)\.\n$/);
    const notPackage = join(work, 'khong-phai-goi.blocdesk');
    writeFileSync(notPackage, 'xin chào');
    const bad = await cli('scoring-table', '--data', notPackage, '--year', '2026', '--out', join(work, 'y.pdf'));
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 on wrong usage', async () => {
    expect((await cli('pledge', '--data', packagePath, '--year', '2026')).code).toBe(2);
    // .docx is a target of its own now (see docx-output.test.ts); a text file is not.
    const wrongExt = await cli('pledge', '--data', packagePath, '--year', '2026', '--out', join(work, 'a.txt'));
    expect(wrongExt.code).toBe(2);
    expect(wrongExt.stderr).toContain('--out phải là tệp .pdf hoặc .docx');
    const badVersion = await cli('scoring-table', '--data', packagePath, '--year', '2026', '--out', join(work, 'b.pdf'), '--version', 'x');
    expect(badVersion.code).toBe(2);
    expect((await cli('scoring-table', '--data', packagePath, '--year', '2026', '--out', join(work, 'c.csv'))).code).toBe(2);
  });
});
