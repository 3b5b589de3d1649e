import { describe, expect, it } from 'vitest';
import { codes, round, section, unit, vote, warningCodes } from './helpers';

const GOV = (votes: Record<string, number> = { SYT: 7, SGDDT: 1 }) =>
  section('gov', [round(8, votes)], { title: 'Cờ thi đua của Chính phủ', seats: 1 });
const PROV = (extra = {}) =>
  section('prov', [round(8, { SYT: 6, SGDDT: 5, DPTTH: 5 })], { title: 'Cờ thi đua của UBND tỉnh', seats: 2, ...extra });

describe('exclusive awards in section order', () => {
  it('skips a unit proposed in an earlier section, keeping its votes visible', () => {
    const r = vote([GOV(), PROV()]);
    expect(r.consistent).toBe(true);
    expect(r.sections[0]!.winners).toEqual(['SYT']);
    const prov = r.sections[1]!;
    expect(prov.winners).toEqual(['SGDDT', 'DPTTH']);
    expect(unit(r, 1, 'SYT')).toMatchObject({ votes: 6, percent: '75,00', passes: true, status: 'alreadyAwarded' });
    expect(unit(r, 1, 'SYT').explanation).toBe(
      'SYT đạt 6/8 phiếu hợp lệ = 75,00%, nhưng đã được đề nghị Cờ thi đua của Chính phủ ở mục trước: không xét ở mục này.',
    );
  });

  it('without exclusivity the same unit may win both, and the others then tie for the last seat', () => {
    const r = vote([GOV(), PROV()], { exclusiveAwards: false });
    const prov = r.sections[1]!;
    expect(prov.winners).toEqual(['SYT']);
    expect(prov.tie).toEqual({ units: ['SGDDT', 'DPTTH'], seatsLeft: 1 });
    expect(unit(r, 1, 'SGDDT').status).toBe('tied');
  });

  it('warns that a later section may change while an earlier one is still undecided', () => {
    const r = vote([GOV({ SYT: 4, SGDDT: 4 }), PROV()]);
    expect(r.sections[0]!.winners).toEqual([]);
    expect(r.sections[0]!.nextRound?.reason).toBe('noWinner');
    expect(r.sections[1]!.warnings.map((w) => w.code)).toContain('exclusive.previousUndecided');
    expect(r.sections[1]!.winners).toEqual(['SYT']); // provisional: SYT is not yet proposed above
  });
});

describe('seats', () => {
  const CERT = (votes: Record<string, number>, valid = 8) =>
    section('cert', [round(valid, votes)], {
      title: 'Bằng khen của Chủ tịch UBND tỉnh',
      seats: { num: 50, den: 100, of: 'remaining' },
      threshold: { num: 1, den: 2, comparison: 'gte', base: 'valid' },
    });

  it('"không quá 50% số đơn vị còn lại" is taken of the units not yet proposed, rounded down', () => {
    // 8 members, 3 proposed above: 5 remain, 50% of 5 = 2,5 → 2 seats
    const r = vote([GOV(), PROV(), CERT({ SLDTBXH: 7, BQLDT: 5, STTTT: 4 })]);
    const cert = r.sections[2]!;
    expect(cert.seats).toBe(2);
    expect(cert.winners).toEqual(['SLDTBXH', 'BQLDT']);
    expect(unit(r, 2, 'STTTT')).toMatchObject({ passes: true, status: 'passes' });
    expect(unit(r, 2, 'STTTT').explanation).toContain('xếp sau các đơn vị có số phiếu cao hơn, đã hết chỉ tiêu: không đề nghị.');
    expect(cert.explanation).toContain('không quá 50% số đơn vị còn lại (02 đơn vị)');
  });

  it('the quota grows when fewer units were proposed before (6 remain → 3 seats)', () => {
    const r = vote([GOV(), section('prov', [round(8, { SGDDT: 5, DPTTH: 3 })], { seats: 2 }), CERT({ SLDTBXH: 7, BQLDT: 6, STTTT: 5, SNV: 2 })]);
    expect(r.consistent).toBe(true);
    expect(r.sections[1]!.winners).toEqual(['SGDDT']);
    expect(r.sections[2]!.seats).toBe(3);
    expect(r.sections[2]!.winners).toEqual(['SLDTBXH', 'BQLDT', 'STTTT']);
  });

  it('seats are caps: unfilled seats are reported, never forced, and no re-vote is offered', () => {
    const r = vote([section('s', [round(8, { SYT: 6, SGDDT: 3, DPTTH: 2 })], { seats: 3 })]);
    const s = r.sections[0]!;
    expect(s.winners).toEqual(['SYT']);
    expect(s.unfilledSeats).toBe(2);
    expect(s.nextRound).toBeNull();
    expect(s.explanation).toContain('Còn 2 chỉ tiêu để trống.');
  });

  it('seats of 0 propose nobody and warn', () => {
    const r = vote([section('s', [round(8, {})], { seats: 0 })]);
    expect(r.sections[0]!.winners).toEqual([]);
    expect(warningCodes(r)).toContain('seats.zero');
  });

  it('maxMarks defaults to the seats, and an explicit maxMarks allows more marks per ballot', () => {
    const votes = { SYT: 6, SGDDT: 6, DPTTH: 5 };
    expect(codes(vote([section('s', [round(8, votes)], { seats: 2 })]))).toEqual(['votes.totalOverMax']);
    expect(codes(vote([section('s', [round(8, votes)], { seats: 2, maxMarks: 3 })]))).toEqual([]);
  });

  it('ineligible units are listed as such, never ranked', () => {
    const r = vote([section('s', [round(8, { SYT: 6 })], { ineligible: ['SNV'] })], { names: { SNV: 'Sở Nội vụ' } });
    expect(unit(r, 0, 'SNV')).toMatchObject({ status: 'ineligible', passes: false });
    expect(unit(r, 0, 'SNV').explanation).toBe('Sở Nội vụ không đủ điều kiện được đề nghị khen thưởng: không xét.');
    expect(r.sections[0]!.rounds[0]!.candidates).not.toContain('SNV');
  });

  it('lists units in the bloc order, with winners in vote order', () => {
    const r = vote([section('s', [round(8, { SNV: 6, SGDDT: 7 })], { seats: 2 })]);
    expect(r.sections[0]!.units.map((u) => u.code)).toEqual(['SYT', 'SGDDT', 'SVHTTDL', 'SLDTBXH', 'DPTTH', 'BQLDT', 'SNV', 'STTTT']);
    expect(r.sections[0]!.winners).toEqual(['SGDDT', 'SNV']);
  });
});
