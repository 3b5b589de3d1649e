/** `document` for the conference papers: the vote file, an edited draft, the register's number, one invitation per recipient, the dossier's zip. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { buildPackage } from '../../../electron/services/handover/package-file';
import { documentRegistry } from '../../../electron/services/documents/registry';
import { DOSSIER_PARTS } from '../../../electron/services/documents/kinds/dossier';
import { CONFERENCE_NOW, sampleConference } from './conference-fixture';
import { probePdf } from './pdf-probe';

const work = mkdtempSync(join(tmpdir(), 'blocdesk-confcli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const f = sampleConference();
const pkg = join(work, 'khoi.blocdesk');
writeFileSync(pkg, buildPackage(f.data, { createdBy: 'Văn phòng Khối', appName: 'BlocDesk', appVersion: '0.1.0', now: CONFERENCE_NOW }));
const vote = join(work, 'kiem-phieu.json');
writeFileSync(vote, JSON.stringify(f.vote));

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}
const base = ['--data', pkg, '--year', '2024'];
const pdfText = (path: string) => probePdf(new Uint8Array(readFileSync(path))).layoutText.replace(/\s+/g, ' ');

describe('document CLI for the conference papers', () => {
  it('prints the proposal from the vote file, with the number and date taken in the register', async () => {
    const out = join(work, 'to-trinh.pdf');
    const r = await cli('document', '--kind', 'proposal', ...base, '--vote', vote, '--number', '7', '--date', '2025-01-08', '--out', out);
    expect(r).toEqual({ code: 0, stdout: `Đã ghi tờ trình đề nghị khen thưởng năm 2024: ${out}\n`, stderr: '' });
    const t = pdfText(out);
    expect(t).toContain('Số: 07/TTr-KTĐVHXH');
    expect(t).toContain('Hà Nam, ngày 08 tháng 01 năm 2025');
    expect(t).toContain('1 Sở Y tế 7/7 100,00');
  });

  it('takes an edited draft and other options as JSON; one invitation per recipient', async () => {
    const draft = join(work, 'nhap.json');
    writeFileSync(draft, JSON.stringify({ fields: { meetingDate: '2025-01-06', meetingPlace: 'Hội trường UBND tỉnh' }, sections: [] }));
    const out = join(work, 'giay-moi.pdf');
    expect((await cli('document', '--kind', 'invitation', ...base, '--draft', draft, '--per-recipient', '--out', out)).code).toBe(0);
    const probe = probePdf(new Uint8Array(readFileSync(out)));
    expect(probe.pages).toBe(2 + f.data.units.length);
    expect(probe.layoutText).toContain('2. Địa điểm: Hội trường UBND tỉnh.');

    const options = join(work, 'tuy-chon.json');
    writeFileSync(options, JSON.stringify({ references: { minutes: { number: 3, date: '2025-01-06' } } }));
    const docx = join(work, 'to-trinh.docx');
    expect((await cli('document', '--kind', 'proposal', ...base, '--vote', vote, '--options', options, '--out', docx)).code).toBe(0);
    expect(existsSync(docx)).toBe(true);
  });

  it('wrong usage exits 2 with a Vietnamese message naming the flag', async () => {
    const out = join(work, 'x.pdf');
    const bad = join(work, 'hong.json');
    writeFileSync(bad, '{"members": [], "present": [], "sections": []}');
    const cases: [string[], string][] = [
      [['--kind', 'proposal', '--vote', bad], `--vote: tệp ${bad} không đúng cấu trúc phiếu kiểm:`],
      [['--kind', 'proposal', '--vote', join(work, 'khong-co.json')], `--vote: không đọc được tệp ${join(work, 'khong-co.json')}.`],
      [['--kind', 'proposal', '--number', '5'], '--date phải là ngày ban hành dạng YYYY-MM-DD có thật, nhận được "".'],
      [['--kind', 'proposal', '--number', '0', '--date', '2025-01-08'], '--number phải là số văn bản (số nguyên dương), nhận được "0".'],
      [['--kind', 'dossier', '--attach', 'SYT'], '--attach phải có dạng MÃ_ĐƠN_VỊ=tệp, nhận được "SYT".'],
      [['--kind', 'midyear-report', '--vote', vote], 'Báo cáo sơ kết 6 tháng không dùng tùy chọn "vote".'],
      [['--kind', 'minutes', '--out', join(work, 'x.zip')], 'Biên bản hội nghị chưa xuất được ra ZIP.'],
    ];
    for (const [args, message] of cases) {
      const r = await cli('document', ...base, '--out', out, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('the dossier as a zip, with a nominee’s own file, or the parts still missing named (exit 1)', async () => {
    const report = join(work, 'bao-cao-syt.docx');
    writeFileSync(report, new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]));
    const out = join(work, 'ho-so.zip');
    const r = await cli('document', '--kind', 'dossier', ...base, '--vote', vote, '--attach', `SYT=${report}`, '--out', out);
    const missing = DOSSIER_PARTS.filter((p) => !Object.hasOwn(documentRegistry, p.kind));
    if (missing.length) {
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`phần mềm chưa có mẫu ${missing.map((p) => p.missing).join(', ')}`);
      expect(existsSync(out)).toBe(false);
    } else {
      expect(r.code).toBe(0);
      expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
    }
  });
});
