import { describe, expect, it } from 'vitest';
import type { RoundInput } from '../../../shared/domain/vote/types';
import { codes, EIGHT, round, section, vote, warningCodes } from './helpers';

const one = (r: RoundInput, extra = {}) => vote([section('gov', [r], { title: 'Cờ thi đua của Chính phủ', ...extra })], {});
const counts = (issued: number, returned: number, valid: number, invalid: number, votes: Record<string, number> = { SYT: 5 }): RoundInput => ({
  ballots: { issued, returned, valid, invalid },
  votes,
});

describe('blocking consistency checks', () => {
  it('a consistent entry has no error and no warning', () => {
    const r = one(counts(8, 8, 8, 0, { SYT: 5, SGDDT: 3 }));
    expect(r.consistent).toBe(true);
    expect(codes(r)).toEqual([]);
    expect(warningCodes(r)).toEqual([]);
  });

  it.each([
    ['returned over issued', counts(7, 8, 8, 0), 'ballots.returnedOverIssued', 'số phiếu thu vào (8) lớn hơn số phiếu phát ra (7).'],
    ['issued over present', counts(9, 8, 8, 0), 'ballots.issuedOverPresent', 'số phiếu phát ra (9) lớn hơn số đơn vị có mặt (8).'],
    ['valid + invalid ≠ returned', counts(8, 8, 7, 0), 'ballots.sumMismatch', 'số phiếu hợp lệ (7) cộng số phiếu không hợp lệ (0) bằng 7, khác số phiếu thu vào (8).'],
    ['more votes than valid ballots', counts(8, 8, 6, 2, { SYT: 7 }), 'votes.overValid', 'SYT có 7 phiếu, nhiều hơn số phiếu hợp lệ (6).', { seats: 2 }],
    [
      'more marks than valid × maxMarks',
      counts(8, 8, 8, 0, { SYT: 5, SGDDT: 4 }),
      'votes.totalOverMax',
      'tổng số phiếu bầu cho các đơn vị (9) lớn hơn số phiếu hợp lệ × số đơn vị được chọn tối đa (8 × 1 = 8).',
    ],
    ['votes for an unknown unit', counts(8, 8, 8, 0, { SYT: 5, XYZ: 1 }), 'votes.unknownUnit', 'có phiếu cho mã đơn vị "XYZ" không thuộc khối.'],
  ] as [string, RoundInput, string, string, { seats?: number }?][])('%s', (_label, r, code, message, extra) => {
    const result = one(r, extra ?? {});
    expect(codes(result)).toEqual([code]);
    const s = result.sections[0]!;
    expect(s.errors[0]).toEqual({ code, message: `Mục "Cờ thi đua của Chính phủ", vòng 1: ${message}`, section: 'gov', round: 1 });
    expect(s.rounds[0]!.errors).toEqual(s.errors);
    expect(result.consistent).toBe(false);
    expect(s.blocked).toBe(true);
    expect(s.winners).toEqual([]);
  });

  it('spare ballots may be issued beyond one per unit present', () => {
    expect(codes(vote([section('s', [counts(10, 8, 8, 0)])], { spareBallots: 2 }))).toEqual([]);
    expect(codes(vote([section('s', [counts(11, 8, 8, 0)])], { spareBallots: 2 }))).toEqual(['ballots.issuedOverPresent']);
  });

  it('votes for an ineligible unit', () => {
    const r = one(counts(8, 8, 8, 0, { SYT: 5, SNV: 1 }), { ineligible: ['SNV'] });
    expect(codes(r)).toEqual(['votes.ineligible']);
  });

  it('votes for a unit not on the round ballot', () => {
    const r = one({ ...counts(8, 8, 8, 0, { SYT: 5, SNV: 1 }), candidates: ['SYT', 'SGDDT'] });
    expect(codes(r)).toEqual(['votes.notCandidate']);
  });

  it('attendance: unknown or repeated units present, repeated members or section ids', () => {
    expect(codes(vote([section('s', [round(8, { SYT: 5 })])], { present: [...EIGHT.slice(0, 7), 'XYZ'] }))).toContain('present.unknown');
    expect(codes(vote([section('s', [round(7, { SYT: 5 })])], { present: [...EIGHT.slice(0, 7), 'SYT'] }))).toContain('present.duplicate');
    expect(codes(vote([section('s', [round(8, { SYT: 5 })])], { members: [...EIGHT, 'SYT'], present: EIGHT }))).toContain('members.duplicate');
    const dup = vote([section('s', [round(8, { SYT: 5 })]), section('s', [round(8, { SGDDT: 5 })])]);
    expect(codes(dup)).toEqual(['sections.duplicateId']);
    expect(dup.sections.every((s) => s.blocked && s.winners.length === 0)).toBe(true);
  });

  it('an unknown ineligible unit, a section without rounds, candidates that cannot stand', () => {
    expect(codes(one(round(8, { SYT: 5 }), { ineligible: ['XYZ'] }))).toEqual(['section.ineligibleUnknown']);
    const empty = vote([section('s', [])]);
    expect(codes(empty)).toEqual(['section.noRounds']);
    expect(empty.sections[0]!.nextRound).toEqual({ round: 1, candidates: EIGHT, seats: 1, reason: 'notEntered' });
    expect(codes(one({ ...round(8, { SYT: 5 }), candidates: ['SYT', 'XYZ'] }))).toEqual(['round.candidateUnknown']);
    expect(codes(one({ ...round(8, { SYT: 5 }), candidates: ['SYT', 'SNV'] }, { ineligible: ['SNV'] }))).toEqual(['round.candidateIneligible']);
  });

  it('a re-vote may not include a unit proposed in an earlier section', () => {
    const r = vote([
      section('gov', [round(8, { SYT: 6 })]),
      section('prov', [round(8, { SGDDT: 4, DPTTH: 4 }), round(8, { SGDDT: 5 }, { candidates: ['SYT', 'SGDDT'] })]),
    ]);
    expect(codes(r)).toEqual(['round.candidateAlreadyAwarded']);
  });
});

describe('warnings that need a confirmation', () => {
  it('ballots not returned', () => {
    const r = one(counts(8, 7, 7, 0, { SYT: 5 }));
    expect(r.consistent).toBe(true);
    expect(warningCodes(r)).toEqual(['ballots.notReturned']);
    expect(r.sections[0]!.warnings[0]!.message).toBe('Mục "Cờ thi đua của Chính phủ", vòng 1: còn 1 phiếu phát ra chưa thu về (phát ra 8, thu vào 7).');
  });

  it('an unusually low total of marks: fewer than one mark per two valid ballots', () => {
    expect(warningCodes(one(counts(8, 8, 8, 0, { SYT: 3 })))).toEqual(['votes.lowTotal']);
    expect(warningCodes(one(counts(8, 8, 8, 0, { SYT: 4 })))).toEqual([]);
  });

  it('no unit left to consider, and scores for unknown units', () => {
    const all = vote([section('s', [round(2, {})], { ineligible: ['A', 'B'] })], { members: ['A', 'B'] });
    expect(warningCodes(all)).toEqual(['round.noCandidates']);
    expect(warningCodes(one(counts(8, 8, 8, 0, { SYT: 5 }), { scores: { XYZ: 90 } }))).toEqual(['section.scoreUnknown']);
  });

  it('first-round counts that differ between sections on one ballot', () => {
    const a = section('a', [counts(8, 8, 8, 0, { SYT: 5 })]);
    const b = section('b', [counts(8, 8, 7, 1, { SGDDT: 5 })]);
    expect(warningCodes(vote([a, b]))).toEqual([]);
    // with whole-ballot invalidity an invalid ballot is invalid in every section
    expect(warningCodes(vote([a, b], { invalidScope: 'ballot' }))).toEqual(['ballots.roundOneDiffers']);
    const c = section('c', [counts(8, 7, 7, 0, { SGDDT: 5 })]);
    expect(warningCodes(vote([a, c]))).toEqual(['ballots.roundOneDiffers', 'ballots.notReturned']);
  });
});
