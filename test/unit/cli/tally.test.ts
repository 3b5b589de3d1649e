import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}
const dir = mkdtempSync(join(tmpdir(), 'blocdesk-tally-'));
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

const MEMBERS = ['SYT', 'SGDDT', 'SVHTTDL', 'SLDTBXH', 'DPTTH', 'BQLDT', 'SNV', 'STTTT'];
const HALF = { num: 1, den: 2, comparison: 'gt', base: 'valid' };
const ballots = (valid: number, invalid = 0) => ({ issued: valid + invalid, returned: valid + invalid, valid, invalid });

/** 8 members, all present: the Government flag (1 seat), the provincial flag (2 seats, higher score on a tie). */
const CONFERENCE = {
  members: MEMBERS,
  present: MEMBERS,
  quorum: { num: 2, den: 3, comparison: 'gte', of: 'members' },
  exclusiveAwards: true,
  invalidScope: 'section',
  sections: [
    { id: 'gov', title: 'Cờ thi đua của Chính phủ', seats: 1, maxMarks: 1, threshold: HALF, ineligible: [], tieRule: 'revote', rounds: [{ ballots: ballots(8), votes: { SYT: 7, SGDDT: 1 } }] },
    {
      id: 'prov',
      title: 'Cờ thi đua của UBND tỉnh',
      seats: 2,
      maxMarks: 2,
      threshold: HALF,
      ineligible: ['SNV'],
      tieRule: 'higherScore',
      scores: { SGDDT: 96.5, DPTTH: 95, BQLDT: 93 },
      rounds: [{ ballots: ballots(7, 1), votes: { SGDDT: 6, DPTTH: 4, BQLDT: 4 } }],
    },
  ],
};

describe('tally CLI', () => {
  it('exits 0 and prints the verdicts in the documented shape', async () => {
    const r = await cli('tally', '--input', file('ok.json', CONFERENCE));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual([
      'quorumMet',
      'requiredPresent',
      'presentCount',
      'memberCount',
      'quorumExplanation',
      'consistent',
      'errors',
      'warnings',
      'sections',
      'rules',
      'rulesFingerprint',
    ]);
    expect(out).toMatchObject({ quorumMet: true, requiredPresent: 6, consistent: true, errors: [], warnings: [] });
    const [gov, prov] = out.sections;
    expect(Object.keys(gov)).toEqual([
      'id',
      'title',
      'kind',
      'seats',
      'baseKind',
      'base',
      'minVotesToPass',
      'units',
      'winners',
      'computedWinners',
      'tie',
      'unfilledSeats',
      'nextRound',
      'blocked',
      'errors',
      'warnings',
      'rounds',
      'explanation',
      'rules',
    ]);
    expect(gov).toMatchObject({ base: 8, minVotesToPass: 5, winners: ['SYT'], tie: null, unfilledSeats: 0, errors: [], warnings: [] });
    expect(gov.units[0]).toEqual({
      code: 'SYT',
      votes: 7,
      percent: '87,50',
      passes: true,
      status: 'winner',
      explanation: 'SYT đạt 7/8 phiếu hợp lệ = 87,50%, trên 1/2: đề nghị Cờ thi đua của Chính phủ.',
      round: 1,
      override: null,
    });
    expect(prov).toMatchObject({ base: 7, minVotesToPass: 4, winners: ['SGDDT', 'DPTTH'], tie: null, unfilledSeats: 0 });
    expect(prov.units.map((u: { code: string; status: string }) => [u.code, u.status])).toEqual([
      ['SYT', 'alreadyAwarded'],
      ['SGDDT', 'winner'],
      ['SVHTTDL', 'fails'],
      ['SLDTBXH', 'fails'],
      ['DPTTH', 'winner'],
      ['BQLDT', 'passes'],
      ['SNV', 'ineligible'],
      ['STTTT', 'fails'],
    ]);
    expect(prov.units.find((u: { code: string }) => u.code === 'DPTTH')).toMatchObject({ votes: 4, percent: '57,14', passes: true });
    expect(prov.units.find((u: { code: string }) => u.code === 'BQLDT')).toMatchObject({ votes: 4, passes: true, status: 'passes' });
    expect(Object.keys(prov.rounds[0])).toEqual([
      'round',
      'candidates',
      'seats',
      'maxMarks',
      'ballots',
      'baseKind',
      'base',
      'minVotesToPass',
      'units',
      'winners',
      'tie',
      'tieResolvedBy',
      'decision',
      'unfilledSeats',
      'blocked',
      'errors',
      'warnings',
    ]);
    expect(prov.rounds[0]).toMatchObject({ round: 1, ballots: ballots(7, 1), winners: ['SGDDT', 'DPTTH'], tie: null, tieResolvedBy: 'higherScore' });
    expect(Object.keys(prov.rounds[0].units[0])).toEqual(['code', 'votes', 'percent', 'passes', 'status', 'explanation']);
  });

  it('reports a tie with the next round pre-filled, still exit 0', async () => {
    const tied = structuredClone(CONFERENCE);
    tied.sections[1]!.tieRule = 'revote';
    const r = await cli('tally', '--input', file('tie.json', tied));
    expect(r.code).toBe(0);
    const prov = JSON.parse(r.stdout).sections[1];
    expect(prov.winners).toEqual(['SGDDT']);
    expect(prov.tie).toEqual({ units: ['DPTTH', 'BQLDT'], seatsLeft: 1 });
    expect(prov.unfilledSeats).toBe(1);
    expect(prov.nextRound).toEqual({ round: 2, candidates: ['DPTTH', 'BQLDT'], seats: 1, reason: 'tie' });
  });

  it('exits 1 on an inconsistent entry, printing the JSON with the errors and one Vietnamese line', async () => {
    const bad = structuredClone(CONFERENCE);
    bad.sections[0]!.rounds[0]!.ballots = { issued: 8, returned: 8, valid: 7, invalid: 0 };
    bad.sections[0]!.rounds[0]!.votes = { SYT: 7, SGDDT: 0 };
    const r = await cli('tally', '--input', file('bad.json', bad));
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.consistent).toBe(false);
    expect(out.sections[0].errors).toEqual([
      {
        code: 'ballots.sumMismatch',
        message: 'Mục "Cờ thi đua của Chính phủ", vòng 1: số phiếu hợp lệ (7) cộng số phiếu không hợp lệ (0) bằng 7, khác số phiếu thu vào (8).',
        section: 'gov',
        round: 1,
      },
    ]);
    expect(out.sections[0].winners).toEqual([]);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toBe(
      'Số liệu kiểm phiếu chưa nhất quán: Mục "Cờ thi đua của Chính phủ", vòng 1: số phiếu hợp lệ (7) cộng số phiếu không hợp lệ (0) bằng 7, khác số phiếu thu vào (8).\n',
    );
  });

  it('exits 1 below the quorum', async () => {
    const few = { ...structuredClone(CONFERENCE), present: MEMBERS.slice(0, 5) };
    const r = await cli('tally', '--input', file('few.json', few));
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ quorumMet: false, requiredPresent: 6 });
    expect(out.errors[0].code).toBe('quorum.notMet');
    expect(r.stderr).toContain('không đủ số lượng theo quy chế');
  });

  it('exits 2 on wrong usage or a file that is not a vote entry', async () => {
    expect((await cli('tally')).code).toBe(2);
    expect((await cli('tally', '--input')).code).toBe(2);
    expect((await cli('tally', '--input', 'x.json', '--year', '2024')).code).toBe(2);
    const missing = await cli('tally', '--input', join(dir, 'khong-co.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Không tìm thấy tệp');
    const notJson = await cli('tally', '--input', file('hong.json', '{ "members": '));
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('không phải JSON hợp lệ');
    expect(notJson.stdout).toBe('');
    const shape = structuredClone(CONFERENCE) as Record<string, unknown>;
    delete shape.members;
    (shape.sections as Record<string, unknown>[])[0]!.threshold = { num: 1, den: 2, comparison: 'over', base: 'valid' };
    const wrong = await cli('tally', '--input', file('sai.json', shape));
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr).toContain('members: thiếu (bắt buộc)');
    expect(wrong.stderr).toContain('sections[0].threshold.comparison: phải là một trong: "gt", "gte"');
    expect(wrong.stderr).toContain('Cách dùng / Usage: tally --input');
  });

  it('is listed in the help', async () => {
    const help = await cli('--help');
    expect(help.stdout).toContain('tally --input <phiếu-bầu.json>');
  });
});
