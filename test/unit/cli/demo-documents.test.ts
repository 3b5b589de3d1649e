/**
 * Every document kind of the registry prints from the demo package's latest year, and that year
 * carries the conference drafts and the register: the invitation prints the draft's place and the
 * number the register issued for it, the summary report the saved prose.
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
/** The vote entry (the `tally` file) the proposal lists its nominees from while the year has no recorded vote. */
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
/** The demo has no recorded vote yet: these kinds are given the vote entry as a file. */
const NEEDS_VOTE = new Set(['proposal', 'vote-minutes', 'dossier']);
/** Kinds that need an option of their own. */
const EXTRA: Record<string, string[]> = { 'verification-notice': ['--unit', 'SYT'] };

describe('documents from the demo package', () => {
  it('writes the demo, whose latest year is 2024', async () => {
    expect((await cli('demo', '--out', demo)).code).toBe(0);
    const info = JSON.parse((await cli('package-info', demo)).stdout) as { years: { year: number }[] };
    expect(Math.max(...info.years.map((y) => y.year))).toBe(2024);
  });

  for (const kind of DOCUMENT_KINDS) {
    it(`document --kind ${kind} prints from the demo`, async () => {
      const out = join(dir, `${kind}.pdf`);
      const extra = [...(NEEDS_VOTE.has(kind) ? ['--vote', writeVote()] : []), ...(EXTRA[kind] ?? [])];
      const r = await cli('document', '--kind', kind, '--data', demo, '--year', '2024', '--out', out, ...extra);
      if (kind === 'verification-notice') {
        // The demo's 2024 has no self-assessment yet: the notice says so instead of printing an empty one.
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/chưa nộp phiếu tự chấm điểm năm 2024/);
        return;
      }
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

  it('prints the minutes with a blank number: the demo has not issued one', () => {
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'minutes.pdf'), '-']).toString('utf8');
    expect(text).toMatch(/Số:\s+\/BB-KTĐVHXH/);
  });
});

function writeVote(): string {
  const path = join(dir, 'vote.json');
  writeFileSync(path, JSON.stringify(VOTE));
  return path;
}
