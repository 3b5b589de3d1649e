/**
 * One channel pair and one CLI command for every document kind: `documents.render` /
 * `documents.save`, and `document --kind … --out file.(pdf|docx)` with `pledge` and
 * `scoring-table` as shortcuts.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch, type HandlerMap } from '../../../electron/services/bridge/dispatch';
import type { ServiceContext } from '../../../electron/services/bridge/context';
import type { Host } from '../../../electron/services/bridge/host';
import { documentsHandlers } from '../../../electron/services/handlers/documents';
import { buildPackage } from '../../../electron/services/handover/package-file';
import { runCli } from '../../../electron/cli/main';
import { DOCUMENT_KINDS } from '../../../shared/api/channels/documents';
import { upperVi } from '../../../shared/text/vietnamese';
import { memorySettings } from '../support/memory-settings';
import { docxPart, flatText } from './docx-probe';
import { blocFixture, headName, scoringTableFixture, unitName } from './fixtures';
import { probePdf } from './pdf-probe';

const ASSETS = new URL('../../../assets', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'blocdesk-doccmd-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const handlers = documentsHandlers as unknown as HandlerMap;
/** The text of a .docx's body, tags removed. */
const docxText = (bytes: Uint8Array) => flatText(docxPart(bytes).replace(/<w:br\/>/g, ' ').replace(/<\/w:p>/g, ' ').replace(/<[^>]+>/g, ''));

function data() {
  const d = blocFixture({ units: 6 });
  d.scoringTables = [scoringTableFixture(d.bloc.id, 2026, 1), scoringTableFixture(d.bloc.id, 2026, 2)];
  return d;
}

function context(saveTo: string | null) {
  const dialogs: Parameters<Host['showSaveDialog']>[0][] = [];
  const settings = memorySettings({ folders: { documents: '/van-ban', export: '', import: '' } });
  const ctx: ServiceContext = {
    host: {
      showSaveDialog: async (o) => {
        dialogs.push(o);
        return saveTo;
      },
      showOpenDialog: async () => [],
      printPdf: async () => false,
    },
    settings,
    assetsDir: ASSETS,
    appVersion: '0.0.0-test',
  };
  return { ctx, dialogs, settings };
}

describe('documents.render and documents.save', () => {
  it('renders every kind as PDF and as Word', async () => {
    const { ctx } = context(null);
    const pledge = await dispatch(handlers, ctx, 'documents.render', [{ kind: 'pledge', data: data(), year: 2026, format: 'docx' }]);
    expect(pledge.ok).toBe(true);
    const text = docxText((pledge as { ok: true; value: Uint8Array }).value);
    expect(text).toContain('BẢN GIAO ƯỚC THI ĐUA NĂM 2026');
    for (let i = 0; i < 6; i++) expect(text).toContain(headName(i));

    const table = await dispatch(handlers, ctx, 'documents.render', [{ kind: 'scoring-table', data: data(), year: 2026, format: 'docx', options: { version: 1 } }]);
    expect(docxText((table as { ok: true; value: Uint8Array }).value)).toContain('Phiên bản 1, đã thông qua');
    const tablePdf = await dispatch(handlers, ctx, 'documents.render', [{ kind: 'scoring-table', data: data(), year: 2026, format: 'pdf' }]);
    expect(probePdf((tablePdf as { ok: true; value: Uint8Array }).value).layoutText).toContain('Phiên bản 2 (dự thảo)');
  });

  it('refuses an unknown format or kind, an option the kind does not take, a missing version, in Vietnamese', async () => {
    const { ctx } = context(null);
    const badFormat = await dispatch(handlers, ctx, 'documents.render', [{ kind: 'pledge', data: data(), year: 2026, format: 'odt' } as never]);
    expect(!badFormat.ok && badFormat.error.code).toBe('invalid-payload');
    const badKind = await dispatch(handlers, ctx, 'documents.render', [{ kind: 'bien-ban', data: data(), year: 2026, format: 'pdf' } as never]);
    expect(!badKind.ok && badKind.error.code).toBe('invalid-payload');
    const option = await dispatch(handlers, ctx, 'documents.render', [{ kind: 'pledge', data: data(), year: 2026, format: 'pdf', options: { version: 1 } }]);
    expect(option).toEqual({ ok: false, error: { code: 'document-option-unknown', message: 'Bản giao ước thi đua không dùng tùy chọn "version".' } });
    const version = await dispatch(handlers, ctx, 'documents.render', [{ kind: 'scoring-table', data: data(), year: 2026, format: 'docx', options: { version: 3 } }]);
    expect(!version.ok && version.error).toEqual({
      code: 'scoring-table-version-missing',
      message: 'Bảng chấm điểm năm 2026 không có phiên bản 3 (các phiên bản hiện có: 1, 2).',
    });
  });

  it('saves through the dialog with the kind’s file name, adds the extension, remembers the folder', async () => {
    const { ctx, dialogs, settings } = context(join(work, 'giao-uoc-luu'));
    const r = await dispatch(handlers, ctx, 'documents.save', [{ kind: 'pledge', data: data(), year: 2026, format: 'docx' }]);
    expect(r).toEqual({ ok: true, value: { path: join(work, 'giao-uoc-luu.docx') } });
    expect(dialogs).toEqual([
      { title: 'Lưu văn bản Word', defaultPath: join('/van-ban', 'Giao-uoc-thi-dua-2026.docx'), filters: [{ name: 'Văn bản Word', extensions: ['docx'] }] },
    ]);
    expect(docxText(new Uint8Array(readFileSync(join(work, 'giao-uoc-luu.docx'))))).toContain(upperVi(unitName(0)));
    expect(settings.get().folders.documents).toBe(work);

    const table = context(join(work, 'bang.pdf'));
    const saved = await dispatch(handlers, table.ctx, 'documents.save', [{ kind: 'scoring-table', data: data(), year: 2026, format: 'pdf', options: { version: 1 } }]);
    expect(saved).toEqual({ ok: true, value: { path: join(work, 'bang.pdf') } });
    expect(table.dialogs[0]!.defaultPath).toBe(join('/van-ban', 'Bang-cham-diem-2026-phien-ban-1.pdf'));
  });

  it('writes nothing when the dialog is cancelled, and asks nothing when the data cannot make the document', async () => {
    const cancelled = context(null);
    expect(await dispatch(handlers, cancelled.ctx, 'documents.save', [{ kind: 'pledge', data: data(), year: 2026, format: 'pdf' }])).toEqual({ ok: true, value: null });
    expect(cancelled.settings.get().folders.documents).toBe('/van-ban');

    const missing = context(join(work, 'khong-duoc-ghi.pdf'));
    const r = await dispatch(handlers, missing.ctx, 'documents.save', [{ kind: 'pledge', data: data(), year: 2031, format: 'pdf' }]);
    expect(!r.ok && r.error.code).toBe('year-missing');
    expect(missing.dialogs).toEqual([]);
    expect(existsSync(join(work, 'khong-duoc-ghi.pdf'))).toBe(false);
  });
});

describe('document CLI command and its shortcuts', () => {
  const packagePath = join(work, 'khoi.blocdesk');
  writeFileSync(packagePath, buildPackage(data(), { createdBy: 'Văn phòng Khối', appName: 'BlocDesk', appVersion: '0.1.0', now: '2026-01-05T08:00:00.000Z' }));

  async function cli(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr };
  }
  const read = (path: string) => new Uint8Array(readFileSync(path));

  it('document --kind pledge writes Word or PDF by the extension of --out', async () => {
    const docx = join(work, 'giao-uoc.docx');
    const r = await cli('document', '--kind', 'pledge', '--data', packagePath, '--year', '2026', '--out', docx);
    expect(r).toEqual({ code: 0, stdout: `Đã ghi bản giao ước thi đua năm 2026: ${docx}\n`, stderr: '' });
    expect(docxText(read(docx))).toContain(headName(5));
    const pdf = join(work, 'giao-uoc.PDF');
    expect((await cli('document', '--kind', 'pledge', '--data', packagePath, '--year', '2026', '--out', pdf)).code).toBe(0);
    expect(probePdf(read(pdf)).layoutText).toContain('BẢN GIAO ƯỚC THI ĐUA NĂM 2026');
  });

  it('document --kind scoring-table takes --version', async () => {
    const out = join(work, 'bang.docx');
    const r = await cli('document', '--kind', 'scoring-table', '--data', packagePath, '--year', '2026', '--out', out, '--version', '1');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Đã ghi bảng chấm điểm thi đua năm 2026: ${out}\n`);
    const text = docxText(read(out));
    expect(text).toContain('TỔNG ĐIỂM CHUẨN');
    expect(text).toContain('Phiên bản 1, đã thông qua');
  });

  it('pledge and scoring-table accept a .docx target', async () => {
    const pledge = join(work, 'tat-giao-uoc.docx');
    expect(await cli('pledge', '--data', packagePath, '--year', '2026', '--out', pledge)).toMatchObject({ code: 0, stderr: '' });
    expect(docxText(read(pledge))).toContain(upperVi(unitName(2)));
    const table = join(work, 'tat-bang.docx');
    expect(await cli('scoring-table', '--data', packagePath, '--year', '2026', '--out', table)).toMatchObject({ code: 0, stderr: '' });
    expect(docxText(read(table))).toContain('Phiên bản 2 (dự thảo)');
  });

  it('exits 2 on wrong usage and 1 on data that cannot make the document', async () => {
    const base = ['--data', packagePath, '--year', '2026'];
    const unknown = await cli('document', '--kind', 'bien-ban', ...base, '--out', join(work, 'a.pdf'));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`--kind phải là một trong: ${DOCUMENT_KINDS.join(', ')}; nhận được "bien-ban".`);
    expect((await cli('document', ...base, '--out', join(work, 'a.pdf'))).stderr).toContain('Thiếu tham số --kind.');
    const ext = await cli('document', '--kind', 'pledge', ...base, '--out', join(work, 'a.odt'));
    expect(ext.code).toBe(2);
    expect(ext.stderr).toContain('--out phải là tệp .pdf, .docx hoặc .zip');
    const zip = await cli('document', '--kind', 'pledge', ...base, '--out', join(work, 'a.zip'));
    expect(zip.code).toBe(2);
    expect(zip.stderr).toContain('Bản giao ước thi đua chưa xuất được ra ZIP.');
    const option = await cli('document', '--kind', 'pledge', ...base, '--out', join(work, 'a.pdf'), '--version', '1');
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('Bản giao ước thi đua không dùng tùy chọn "version".');
    const year = await cli('document', '--kind', 'pledge', '--data', packagePath, '--year', '2031', '--out', join(work, 'b.docx'));
    expect(year.code).toBe(1);
    expect(year.stderr).toContain('chưa có năm thi đua 2031');
    expect(existsSync(join(work, 'b.docx'))).toBe(false);
    expect((await cli('scoring-table', ...base, '--out', join(work, 'c.odt'))).stderr).toContain('--out phải là tệp .pdf, .docx hoặc .xlsx');
  });

  it('lists the command in the help', async () => {
    const help = await cli('--help');
    expect(help.stdout).toContain(`document --kind <${DOCUMENT_KINDS.join('|')}>`);
  });
});
