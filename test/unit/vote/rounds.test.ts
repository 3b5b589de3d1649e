import { describe, expect, it } from 'vitest';
import type { SectionInput } from '../../../shared/domain/vote/types';
import { codes, round, section, unit, vote, warningCodes } from './helpers';

// 9 valid ballots, 2 seats, "trên 1/2" (5 votes): SYT clear first, SGDDT and DPTTH level at the cut.
const TIED = { SYT: 7, SGDDT: 5, DPTTH: 5 };
const MEMBERS = ['SYT', 'SGDDT', 'SVHTTDL', 'SLDTBXH', 'DPTTH', 'BQLDT', 'SNV', 'STTTT', 'SXD'];
const two = (extra: Partial<SectionInput> = {}, rounds = [round(9, TIED)]) =>
  vote([section('prov', rounds, { title: 'Cờ thi đua của UBND tỉnh', seats: 2, ...extra })], { members: MEMBERS });

describe('a tie at the cut line', () => {
  it("'revote' reports the tie and offers a round among the tied units for the seats left", () => {
    const r = two();
    const s = r.sections[0]!;
    expect(s.winners).toEqual(['SYT']);
    expect(s.tie).toEqual({ units: ['SGDDT', 'DPTTH'], seatsLeft: 1 });
    expect(s.nextRound).toEqual({ round: 2, candidates: ['SGDDT', 'DPTTH'], seats: 1, reason: 'tie' });
    expect(unit(r, 0, 'SGDDT').status).toBe('tied');
    expect(unit(r, 0, 'SGDDT').explanation).toBe(
      'SGDDT đạt 5/9 phiếu hợp lệ = 55,56%, trên 1/2, bằng phiếu với DPTTH ở vị trí cuối (còn 1 chỉ tiêu): bỏ phiếu lại giữa các đơn vị bằng phiếu.',
    );
    expect(s.unfilledSeats).toBe(1);
    expect(r.consistent).toBe(true);
  });

  it('the second round settles it; results combine the rounds', () => {
    const r = two({}, [round(9, TIED), round(9, { SGDDT: 6, DPTTH: 3 })]);
    const s = r.sections[0]!;
    expect(s.rounds).toHaveLength(2);
    expect(s.rounds[1]).toMatchObject({ round: 2, candidates: ['SGDDT', 'DPTTH'], seats: 1, maxMarks: 1, winners: ['SGDDT'] });
    expect(s.rounds[1]!.units.map((u) => u.code)).toEqual(['SGDDT', 'DPTTH']);
    expect(s.winners).toEqual(['SYT', 'SGDDT']);
    expect(s.tie).toBeNull();
    expect(s.nextRound).toBeNull();
    expect(s.unfilledSeats).toBe(0);
    expect(unit(r, 0, 'SYT')).toMatchObject({ status: 'winner', round: 1, percent: '77,78' });
    expect(unit(r, 0, 'SGDDT')).toMatchObject({ status: 'winner', round: 2, votes: 6, percent: '66,67' });
    expect(unit(r, 0, 'DPTTH')).toMatchObject({ status: 'fails', round: 2, votes: 3 });
    expect(unit(r, 0, 'SGDDT').explanation).toBe('Vòng 2: SGDDT đạt 6/9 phiếu hợp lệ = 66,67%, trên 1/2: đề nghị Cờ thi đua của UBND tỉnh.');
    expect(s.explanation).toContain('Kết quả: SYT (7/9 phiếu hợp lệ = 77,78%); SGDDT (6/9 phiếu hợp lệ = 66,67%, vòng 2) được đề nghị Cờ thi đua của UBND tỉnh.');
  });

  it("'higherScore' seats the unit with the higher total score", () => {
    const r = two({ tieRule: 'higherScore', scores: { SGDDT: 92.5, DPTTH: 95 } });
    const s = r.sections[0]!;
    expect(s.winners).toEqual(['SYT', 'DPTTH']);
    expect(s.tie).toBeNull();
    expect(s.rounds[0]!.tieResolvedBy).toBe('higherScore');
    expect(unit(r, 0, 'SGDDT')).toMatchObject({ status: 'passes', passes: true });
    expect(unit(r, 0, 'DPTTH').explanation).toBe(
      'DPTTH đạt 5/9 phiếu hợp lệ = 55,56%, trên 1/2, bằng phiếu với SGDDT và có tổng điểm cao hơn (95 điểm): đề nghị Cờ thi đua của UBND tỉnh.',
    );
    expect(unit(r, 0, 'SGDDT').explanation).toContain('nhưng tổng điểm thấp hơn (92,5 điểm): không đề nghị.');
  });

  it("'higherScore' with equal scores remains a tie and offers a re-vote", () => {
    const r = two({ tieRule: 'higherScore', scores: { SGDDT: 95, DPTTH: 95 } });
    expect(r.sections[0]!.tie).toEqual({ units: ['SGDDT', 'DPTTH'], seatsLeft: 1 });
    expect(r.sections[0]!.nextRound?.candidates).toEqual(['SGDDT', 'DPTTH']);
    expect(unit(r, 0, 'DPTTH').explanation).toContain('tổng điểm cũng bằng nhau (95 điểm): bỏ phiếu lại.');
  });

  it("'higherScore' settles what it can among three and leaves the rest tied", () => {
    // 3 seats: SYT clear; SGDDT, DPTTH, SNV level at 5 for 2 seats; SNV scores highest, the other two are equal
    const r = vote(
      [section('s', [round(9, { SYT: 7, SGDDT: 5, DPTTH: 5, SNV: 5 })], { seats: 3, tieRule: 'higherScore', scores: { SGDDT: 90, DPTTH: 90, SNV: 97 } })],
      { members: MEMBERS },
    );
    const s = r.sections[0]!;
    expect(s.winners).toEqual(['SYT', 'SNV']);
    expect(s.tie).toEqual({ units: ['SGDDT', 'DPTTH'], seatsLeft: 1 });
  });

  it("'higherScore' without a score for a tied unit stays tied and warns", () => {
    const r = two({ tieRule: 'higherScore', scores: { SGDDT: 95 } });
    expect(r.sections[0]!.tie).not.toBeNull();
    expect(warningCodes(r)).toContain('tie.scoreMissing');
  });

  it("'chairDecides' reports the tie, offers no re-vote, and waits for the decision", () => {
    const r = two({ tieRule: 'chairDecides' });
    expect(r.sections[0]!.tie).toEqual({ units: ['SGDDT', 'DPTTH'], seatsLeft: 1 });
    expect(r.sections[0]!.nextRound).toBeNull();
    expect(unit(r, 0, 'DPTTH').explanation).toContain('chờ chủ trì hội nghị quyết định.');
  });

  it("'chairDecides' with the decision and its reason seats the chosen unit", () => {
    const decision = { winners: ['DPTTH'], reason: 'Đơn vị có nhiều mô hình mới được nhân rộng' };
    const r = two({ tieRule: 'chairDecides' }, [round(9, TIED, { decision })]);
    const s = r.sections[0]!;
    expect(s.winners).toEqual(['SYT', 'DPTTH']);
    expect(s.tie).toBeNull();
    expect(s.rounds[0]!.decision).toEqual(decision);
    expect(s.rounds[0]!.tieResolvedBy).toBe('chairDecides');
    expect(unit(r, 0, 'DPTTH').explanation).toContain('chủ trì hội nghị quyết định chọn (lý do: Đơn vị có nhiều mô hình mới được nhân rộng)');
    expect(unit(r, 0, 'SGDDT')).toMatchObject({ status: 'passes' });
    expect(unit(r, 0, 'SGDDT').explanation).toContain('chủ trì hội nghị quyết định chọn đơn vị khác');
  });

  it('rejects a chair decision that does not fit the tie', () => {
    const bad = (decision: { winners: string[]; reason: string }, extra: Partial<SectionInput> = { tieRule: 'chairDecides' }, votes = TIED) =>
      codes(two(extra, [round(9, votes, { decision })]));
    expect(bad({ winners: ['SYT'], reason: 'x' })).toEqual(['decision.notTied']);
    expect(bad({ winners: ['SGDDT', 'DPTTH'], reason: 'x' })).toEqual(['decision.tooMany']);
    expect(bad({ winners: ['SGDDT'], reason: '  ' })).toEqual(['decision.noReason']);
    expect(bad({ winners: ['SGDDT'], reason: 'x' }, {})).toEqual(['decision.notAllowed']);
    expect(bad({ winners: ['SGDDT'], reason: 'x' }, { tieRule: 'chairDecides' }, { SYT: 7, SGDDT: 6, DPTTH: 5 })).toEqual(['decision.noTie']);
  });
});

describe('no unit passing', () => {
  const ONE = (rounds: ReturnType<typeof round>[], extra: Partial<SectionInput> = {}) =>
    vote([section('gov', rounds, { title: 'Cờ thi đua của Chính phủ', seats: 1, ...extra })], { members: MEMBERS });

  it('offers a re-vote among the top 2 for 1 seat', () => {
    const r = ONE([round(9, { SYT: 4, SGDDT: 3, DPTTH: 2 })]);
    const s = r.sections[0]!;
    expect(s.winners).toEqual([]);
    expect(s.tie).toBeNull();
    expect(s.nextRound).toEqual({ round: 2, candidates: ['SYT', 'SGDDT'], seats: 1, reason: 'noWinner' });
    expect(s.explanation).toContain('không đơn vị nào đạt ngưỡng, bỏ phiếu lại: vòng 2, chọn không quá 1 trong SYT, SGDDT.');
  });

  it('keeps units level with the last of the top N', () => {
    const r = ONE([round(9, { SYT: 4, SGDDT: 2, DPTTH: 2, SNV: 1 })]);
    expect(r.sections[0]!.nextRound?.candidates).toEqual(['SYT', 'SGDDT', 'DPTTH']);
    const top3 = ONE([round(9, { SYT: 4, SGDDT: 2, DPTTH: 2, SNV: 1 })], { revoteTop: 1 });
    expect(top3.sections[0]!.nextRound?.candidates).toEqual(['SYT']);
  });

  it('re-votes up to the maximum number of rounds, then the seat stays unfilled', () => {
    const r1 = round(9, { SYT: 4, SGDDT: 3, DPTTH: 2 });
    const r2 = round(9, { SYT: 4, SGDDT: 4 });
    const r3 = round(9, { SYT: 4, SGDDT: 4 });
    const afterTwo = ONE([r1, r2]);
    expect(afterTwo.sections[0]!.nextRound).toEqual({ round: 3, candidates: ['SYT', 'SGDDT'], seats: 1, reason: 'noWinner' });
    const afterThree = ONE([r1, r2, r3]);
    const s = afterThree.sections[0]!;
    expect(s.nextRound).toBeNull();
    expect(s.winners).toEqual([]);
    expect(s.unfilledSeats).toBe(1);
    expect(warningCodes(afterThree)).toEqual(['rounds.maxReached']);
    expect(afterThree.consistent).toBe(true);
    // a fourth round is over the limit
    expect(codes(ONE([r1, r2, r3, round(9, { SYT: 6 })]))).toEqual(['round.overMax']);
    // with maxRounds 2, it stops after the second
    expect(ONE([r1, r2], { maxRounds: 2 }).sections[0]!.nextRound).toBeNull();
  });

  it('a re-vote that finds a winner fills the seat', () => {
    const r = ONE([round(9, { SYT: 4, SGDDT: 3, DPTTH: 2 }), round(9, { SYT: 6, SGDDT: 3 })]);
    expect(r.sections[0]!.winners).toEqual(['SYT']);
    expect(unit(r, 0, 'DPTTH')).toMatchObject({ round: 1, status: 'fails' });
  });
});

describe('later rounds', () => {
  it('are restricted to their candidates and seats', () => {
    const r = two({}, [round(9, TIED), round(9, { SGDDT: 5, SNV: 2 })]);
    expect(codes(r)).toEqual(['votes.notCandidate']);
    expect(r.sections[0]!.errors[0]!.message).toBe('Mục "Cờ thi đua của UBND tỉnh", vòng 2: SNV không có tên trên phiếu của vòng này nhưng có 2 phiếu.');
  });

  it('may name other candidates (with a warning) but not a unit that already won', () => {
    const other = two({}, [round(9, TIED), round(9, { SGDDT: 6 }, { candidates: ['SGDDT', 'DPTTH', 'SNV'] })]);
    expect(warningCodes(other)).toContain('round.candidatesDiffer');
    expect(other.sections[0]!.winners).toEqual(['SYT', 'SGDDT']);
    expect(codes(two({}, [round(9, TIED), round(9, { SGDDT: 6 }, { candidates: ['SYT', 'SGDDT'] })]))).toContain('round.candidateAlreadyWon');
  });

  it('cannot ask for more seats than are open, or any once they are filled', () => {
    expect(codes(two({}, [round(9, TIED), round(9, { SGDDT: 6 }, { seats: 2 })]))).toEqual(['round.seatsOverOpen']);
    const full = vote([section('s', [round(9, { SYT: 7 }), round(9, { SGDDT: 6 })], { seats: 1 })], { members: MEMBERS });
    expect(codes(full)).toContain('round.noSeatsLeft');
  });
});
