/**
 * Every document kind of the registry prints from the demo package's latest year with no vote
 * entry or other workaround: that year carries the verification, the ranking, the conference, the
 * recorded vote, the conference drafts and the register (the invitation prints the draft's place and
 * the number the register issued for it, the summary report the saved prose, the papers of the
 * vote what the stored rounds decided). A vote entry given with --vote still replaces the stored vote.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { DOCUMENT_KINDS } from '../../../shared/api/document-kinds';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'blocdesk-demo-docs-'));
const demo = join(dir, 'demo.blocdesk');
const MEMBERS = ['SYT', 'SGDDT', 'SLDTBXH', 'SVHTTDL', 'BHXH', 'BQLATTP', 'DPTTH', 'TTHCC'];
/** A vote entry (the `tally` file) that proposes another unit than the stored vote: --vote overrides it. */
const VOTE = {
  members: MEMBERS,
  present: MEMBERS,
  quorum: { num: 2, den: 3, comparison: 'gte', of: 'members' },
  exclusiveAwards: true,
  invalidScope: 'section',
  sections: [
    {
      id: 'gov',
      title: 'Cờ thi đua của Chính phủ',
      seats: 1,
      maxMarks: 1,
      threshold: { num: 1, den: 2, comparison: 'gt', base: 'valid' },
      ineligible: [],
      tieRule: 'revote',
      rounds: [{ ballots: { issued: 8, returned: 8, valid: 8, invalid: 0 }, votes: { SYT: 7, SGDDT: 1 } }],
    },
  ],
};
/** Kinds that need an option of their own. */
const EXTRA: Record<string, string[]> = { 'verification-notice': ['--unit', 'SYT'] };

describe('documents from the demo package', () => {
  it('writes the demo, whose latest scored year is 2024, followed by 2025 with the leaders it elected', async () => {
    expect((await cli('demo', '--out', demo)).code).toBe(0);
    const info = JSON.parse((await cli('package-info', demo)).stdout) as { years: { year: number; criteria: number; leader: string | null }[] };
    expect(info.years.map((y) => [y.year, y.criteria])).toEqual([
      [2023, 0],
      [2024, 22],
      [2025, 0],
    ]);
    expect(info.years.at(-1)!.leader).toBe('SLDTBXH');
  });

  for (const kind of DOCUMENT_KINDS) {
    it(`document --kind ${kind} prints from the demo`, async () => {
      const out = join(dir, `${kind}.pdf`);
      const r = await cli('document', '--kind', kind, '--data', demo, '--year', '2024', '--out', out, ...(EXTRA[kind] ?? []));
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }, 60_000);
  }

  it('prints the invitation with the demo draft and the number the register issued', () => {
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'invitation.pdf'), '-']).toString('utf8');
    expect(text).toMatch(/Số: 01\/GM-KTĐVHXH\s+Hà Nam, ngày 03 tháng 01 năm 2025/);
    expect(text).toContain('Địa điểm: Hội trường Sở Y tế, số 2 đường Lê Hoàn.');
  });

  it('prints the summary report with its number and the saved prose', () => {
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'summary-report.pdf'), '-']).toString('utf8');
    expect(text).toMatch(/Số: 01\/BC-KTĐVHXH/);
    expect(text).toContain('100% đơn vị ký kết giao ước');
  });

  it('prints the minutes with the number issued on the conference day, the attendance, the committee and the vote', () => {
    const text = flat('minutes.pdf');
    expect(text).toMatch(/Số: 01\/BB-KTĐVHXH Hà Nam, ngày 10 tháng 01 năm 2025/);
    expect(text).toContain('có mặt 07/08 đơn vị thành viên của Khối');
    expect(text).toContain('Chủ trì (chủ tọa): Đồng chí Vũ Quốc Khánh, Giám đốc Đài Phát thanh và Truyền hình tỉnh, Khối trưởng.');
    expect(text).toMatch(/Ban kiểm phiếu gồm 03 đồng chí: \S.+ \(Trưởng ban\)/);
    expect(text).toMatch(/a\) Cờ thi đua của Chính phủ: đề nghị 01 đơn vị: - Sở Lao động - Thương binh và Xã hội: 7\/7 phiếu hợp lệ/);
    expect(text).toContain('Khối trưởng năm 2025: Sở Lao động - Thương binh và Xã hội');
    expect(text).toContain('Khối phó năm 2025: Sở Văn hóa, Thể thao và Du lịch');
  });

  it('prints the vote-count minutes with the number the register issued, the committee and every round', () => {
    const text = flat('vote-minutes.pdf');
    expect(text).toMatch(/Số: 02\/BB-KTĐVHXH .*Hà Nam, ngày 10 tháng 01 năm 2025/);
    expect(text).toContain('Có mặt 7/8 đơn vị thành viên');
    expect(text).toContain('Số phiếu phát ra: 7; số phiếu thu vào: 7; số phiếu hợp lệ: 6; số phiếu không hợp lệ: 1');
    expect(text).toMatch(/BẦU KHỐI TRƯỞNG NĂM 2025/);
  });

  it('prints the proposal from the stored vote, citing both minutes by number and date', () => {
    const text = flat('proposal.pdf');
    expect(text).toContain('số 01/BB-KTĐVHXH ngày 10 tháng 01 năm 2025;');
    expect(text).toContain('số 02/BB-KTĐVHXH ngày 10 tháng 01 năm 2025,');
    expect(text).toMatch(/Đề nghị tặng Cờ thi đua của Chính phủ \(01 đơn vị\).*1 Sở Lao động - Thương binh và Xã hội 7\/7 100,00 1 74,5/);
  });

  it("prints SYT's verification notice with the lowered scores and the verifier's reason", () => {
    const text = flat('verification-notice.pdf');
    expect(text).toMatch(/Kết quả thẩm định điều chỉnh điểm của \d+ tiêu chí/);
    expect(text).toContain('Minh chứng chưa đầy đủ, trừ 0,5 điểm theo biên bản thẩm định');
    expect(text).toMatch(/Tổng điểm tự chấm: [\d,]+ điểm; tổng điểm sau thẩm định: 72,5 điểm\./);
  });

  it('a vote entry given with --vote replaces the stored vote', async () => {
    const out = join(dir, 'proposal-vote.pdf');
    const r = await cli('document', '--kind', 'proposal', '--data', demo, '--year', '2024', '--out', out, '--vote', writeVote());
    expect(r.stderr).toBe('');
    const text = flat('proposal-vote.pdf');
    expect(text).toMatch(/Đề nghị tặng Cờ thi đua của Chính phủ \(01 đơn vị\).* Sở Y tế .*7\/8 87,50/);
    expect(text).not.toContain('Sở Lao động');
  });
});

/** The PDF's text on one line, runs of spaces and line breaks as one space. */
function flat(file: string): string {
  return execFileSync('pdftotext', [join(dir, file), '-']).toString('utf8').replace(/\s+/g, ' ');
}

function writeVote(): string {
  const path = join(dir, 'vote.json');
  writeFileSync(path, JSON.stringify(VOTE));
  return path;
}
