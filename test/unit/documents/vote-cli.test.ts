/**
 * The vote's papers from the command line: `ballots` (a shortcut of `document --kind ballots`),
 * `document --kind vote-minutes --vote vote.json`, and the bridge's documents.render with a vote.
 * Exit 0 on success, 1 when the data cannot make the paper, 2 on wrong usage or a vote file of the
 * wrong shape.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { dispatch, type HandlerMap } from '../../../electron/services/bridge/dispatch';
import type { ServiceContext } from '../../../electron/services/bridge/context';
import { documentsHandlers } from '../../../electron/services/handlers/documents';
import { memorySettings } from '../support/memory-settings';
import { buildPackage } from '../../../electron/services/handover/package-file';
import { docxPart, flatText } from './docx-probe';
import { probePdf } from './pdf-probe';
import { nineUnits, nineUnitVote, tiedVote } from './vote-fixtures';

const work = mkdtempSync(join(tmpdir(), 'blocdesk-votecli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const pkg = join(work, 'khoi.blocdesk');
writeFileSync(pkg, buildPackage(nineUnits(), { createdBy: 'Văn phòng Khối', appName: 'BlocDesk', appVersion: '0.1.0', now: '2026-01-05T08:00:00.000Z' }));
const voteFile = join(work, 'kiem-phieu.json');
writeFileSync(voteFile, JSON.stringify(nineUnitVote(), null, 2));
const tiedFile = join(work, 'bang-phieu.json');
writeFileSync(tiedFile, JSON.stringify(tiedVote()));

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}
const pdfText = (path: string) => probePdf(new Uint8Array(readFileSync(path))).layoutText;
const docxText = (path: string) => flatText(docxPart(new Uint8Array(readFileSync(path))).replace(/<\/w:p>/g, ' ').replace(/<[^>]+>/g, ''));
const base = ['--data', pkg, '--year', '2024'];

describe('ballots command', () => {
  it('prints one ballot per unit present plus the spares, A4 or two A5 per page', async () => {
    const out = join(work, 'phieu.pdf');
    const r = await cli('ballots', ...base, '--spares', '1', '--out', out);
    expect(r).toEqual({ code: 0, stdout: `Đã ghi phiếu bầu năm 2024: ${out}\n`, stderr: '' });
    const text = pdfText(out);
    expect(text.match(/PHIẾU BẦU/g)).toHaveLength(10);
    expect(text).toContain('(chọn không quá 01 đơn vị)');
    const a5 = join(work, 'phieu-a5.pdf');
    expect((await cli('ballots', ...base, '--sections', 'award-gov-flag', '--per-page', '2', '--copies', '4', '--out', a5)).code).toBe(0);
    expect(probePdf(new Uint8Array(readFileSync(a5))).pages).toBe(2);
  });

  it('prints round 2 from the vote file, as Word too', async () => {
    const out = join(work, 'phieu-lan-2.docx');
    const r = await cli('ballots', ...base, '--round', '2', '--vote', tiedFile, '--copies', '1', '--out', out);
    expect(r).toEqual({ code: 0, stdout: `Đã ghi phiếu bầu năm 2024, lần bỏ phiếu thứ 2: ${out}\n`, stderr: '' });
    const text = docxText(out);
    expect(text).toContain('Lần bỏ phiếu thứ 2');
    expect(text).toContain('Sở Lao động - Thương binh và Xã hội');
    expect(text).not.toContain('Sở Y tế');
  });

  it('exits 1 when the round cannot be printed and 2 on wrong usage, writing nothing', async () => {
    const out = join(work, 'khong-ghi.pdf');
    const none = await cli('ballots', ...base, '--round', '2', '--out', out);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Chưa có kết quả kiểm phiếu năm 2024 nên chưa lập được phiếu bầu lần thứ 2');
    const perPage = await cli('ballots', ...base, '--per-page', '3', '--out', out);
    expect(perPage.code).toBe(2);
    expect(perPage.stderr).toContain('--per-page phải là số nguyên từ 1 đến 2, nhận được "3".');
    const missing = await cli('ballots', ...base, '--vote', join(work, 'khong-co.json'), '--out', out);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Không tìm thấy tệp:');
    const badFile = join(work, 'sai.json');
    writeFileSync(badFile, JSON.stringify({ ...nineUnitVote(), conference: { startTime: '8 giờ' } }));
    const bad = await cli('ballots', ...base, '--vote', badFile, '--out', out);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`Tệp ${badFile} không đúng cấu trúc số liệu bỏ phiếu:\nconference.startTime: giờ phải có dạng 08:30`);
    const pledge = await cli('document', '--kind', 'pledge', ...base, '--round', '2', '--out', out);
    expect(pledge.code).toBe(2);
    expect(pledge.stderr).toContain('Bản giao ước thi đua không dùng tùy chọn "round".');
    expect(existsSync(out)).toBe(false);
  });
});

describe('document --kind vote-minutes', () => {
  it('prints the minutes of the vote file as PDF and Word', async () => {
    const out = join(work, 'bien-ban.pdf');
    const r = await cli('document', '--kind', 'vote-minutes', ...base, '--vote', voteFile, '--out', out);
    expect(r).toEqual({ code: 0, stdout: `Đã ghi biên bản kiểm phiếu năm 2024: ${out}\n`, stderr: '' });
    expect(pdfText(out)).toMatch(/Sở Y tế\s+7\s+77,78/);
    const word = join(work, 'bien-ban.docx');
    expect((await cli('document', '--kind', 'vote-minutes', ...base, '--vote', voteFile, '--out', word)).code).toBe(0);
    expect(docxText(word)).toContain('Biên bản lập xong vào hồi 10 giờ 15 cùng ngày, được đọc trước hội nghị.');
  });

  it('exits 1 without a vote to print', async () => {
    const r = await cli('document', '--kind', 'vote-minutes', ...base, '--out', join(work, 'trong.pdf'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Năm 2024 chưa có số liệu kiểm phiếu');
  });
});

describe('documents.render with a vote', () => {
  const ctx: ServiceContext = {
    host: { showSaveDialog: async () => null, showOpenDialog: async () => [], printPdf: async () => false },
    settings: memorySettings({ folders: { documents: '', export: '', import: '' } }),
    assetsDir: new URL('../../../assets', import.meta.url).pathname,
    appVersion: '0.0.0-test',
  };
  const handlers = documentsHandlers as unknown as HandlerMap;

  it('renders the minutes and the round-2 ballots through the bridge, and refuses a vote of the wrong shape', async () => {
    const minutes = await dispatch(handlers, ctx, 'documents.render', [{ kind: 'vote-minutes', data: nineUnits(), year: 2024, format: 'pdf', options: { vote: nineUnitVote() } }]);
    expect(minutes.ok).toBe(true);
    expect(probePdf((minutes as { ok: true; value: Uint8Array }).value).layoutText).toMatch(/Sở Y tế\s+7\s+77,78/);
    const ballots = await dispatch(handlers, ctx, 'documents.render', [{ kind: 'ballots', data: nineUnits(), year: 2024, format: 'pdf', options: { round: 2, copies: 1, vote: tiedVote() } }]);
    expect(probePdf((ballots as { ok: true; value: Uint8Array }).value).layoutText).toContain('Lần bỏ phiếu thứ 2');
    const wrong = await dispatch(handlers, ctx, 'documents.render', [{ kind: 'vote-minutes', data: nineUnits(), year: 2024, format: 'pdf', options: { vote: { members: [] } as never } }]);
    expect(!wrong.ok && wrong.error.code).toBe('invalid-payload');
  });
});
