import { describe, expect, it } from 'vitest';
import { chooseLeadership, leadershipSections } from '../../../shared/domain/vote/leadership';
import { tally } from '../../../shared/domain/vote/tally';
import type { RoundInput } from '../../../shared/domain/vote/types';
import { EIGHT, round } from './helpers';

const ORDER = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];

function voted(leaderRound: RoundInput, deputyRound: RoundInput, opts: { exclusive?: boolean; ineligible?: string[] } = {}) {
  const [leader, deputy] = leadershipSections(2025, { ineligible: opts.ineligible ?? [] });
  return tally({
    members: EIGHT,
    present: EIGHT,
    exclusiveAwards: opts.exclusive ?? true,
    sections: [
      { ...leader!, rounds: [leaderRound] },
      { ...deputy!, rounds: [deputyRound] },
    ],
  });
}

describe('leadership by vote', () => {
  it('elects the leader and a different deputy through the same engine', () => {
    const t = voted(round(8, { SYT: 6, SGDDT: 2 }), round(8, { SYT: 5, SGDDT: 3 }, {}), {});
    // SYT also leads the deputy vote, but as leader it is skipped there; SGDDT has only 3 of 8
    expect(t.sections[1]!.units.find((u) => u.code === 'SYT')!.status).toBe('alreadyAwarded');
    const r = chooseLeadership({ nextYear: 2025, members: EIGHT, rule: { mode: 'vote' }, tally: t });
    expect(r.leader).toBe('SYT');
    expect(r.deputy).toBeNull();
    expect(r.warnings.map((w) => w.code)).toEqual(['leadership.pending']);
    expect(r.warnings[0]!.message).toBe('Chưa bầu được Khối phó năm 2025: chưa có đơn vị đạt ngưỡng.');

    const t2 = voted(round(8, { SYT: 6, SGDDT: 2 }), round(8, { SYT: 3, SGDDT: 5 }));
    const r2 = chooseLeadership({ nextYear: 2025, members: EIGHT, rule: { mode: 'vote' }, tally: t2 });
    expect(r2).toMatchObject({ leader: 'SYT', deputy: 'SGDDT', source: { mode: 'vote', description: 'Bầu tại hội nghị tổng kết năm 2024 bằng phiếu kín' } });
    expect(r2.errors).toEqual([]);
    expect(t2.sections[0]!.title).toBe('Khối trưởng năm 2025');
    expect(t2.sections[0]!.units[0]!.explanation).toBe('SYT đạt 6/8 phiếu hợp lệ = 75,00%, trên 1/2: trúng cử Khối trưởng năm 2025.');
  });

  it('never makes the leader the deputy, even from a non-exclusive tally', () => {
    const t = voted(round(8, { SYT: 6 }), round(8, { SYT: 6 }), { exclusive: false });
    const r = chooseLeadership({ nextYear: 2025, members: EIGHT, rule: { mode: 'vote' }, tally: t });
    expect(r.leader).toBe('SYT');
    expect(r.deputy).toBeNull();
    expect(r.errors.map((e) => e.code)).toEqual(['leadership.sameUnit']);
  });

  it('waits while the vote is tied, and refuses an ineligible winner', () => {
    const tied = voted(round(8, { SYT: 4, SGDDT: 4 }), round(8, { SNV: 5 }));
    // 4 of 8 is not "trên 1/2": no leader yet, a re-vote is offered
    const r = chooseLeadership({ nextYear: 2025, members: EIGHT, rule: { mode: 'vote' }, tally: tied });
    expect(r.leader).toBeNull();
    expect(r.deputy).toBe('SNV');
    const r2 = chooseLeadership({ nextYear: 2025, members: EIGHT, ineligible: ['SNV'], rule: { mode: 'vote' }, tally: tied });
    expect(r2.deputy).toBeNull();
    expect(r2.errors.map((e) => e.code)).toEqual(['leadership.ineligible']);
    expect(r2.eligible).not.toContain('SNV');
  });
});

describe('leadership by rotation', () => {
  const rotate = (current: string | null, ineligible: string[] = [], order = ORDER) =>
    chooseLeadership({ nextYear: 2025, members: ORDER, ineligible, currentLeader: current, rule: { mode: 'rotation', order } });

  it('takes the next unit after this year\'s leader, and the one after as deputy', () => {
    expect(rotate('C')).toMatchObject({ leader: 'D', deputy: 'E', source: { mode: 'rotation', after: 'C' } });
  });

  it('skips ineligible units, for the leader and for the deputy', () => {
    expect(rotate('C', ['D'])).toMatchObject({ leader: 'E', deputy: 'F' });
    expect(rotate('C', ['D', 'F'])).toMatchObject({ leader: 'E', deputy: 'G' });
    const r = rotate('C', ['D', 'F']);
    expect(r.eligible).toEqual(['A', 'B', 'C', 'E', 'G', 'H']);
  });

  it('wraps around the order', () => {
    expect(rotate('H')).toMatchObject({ leader: 'A', deputy: 'B' });
    expect(rotate('G', ['H'])).toMatchObject({ leader: 'A', deputy: 'B' });
  });

  it('never names the leader as deputy; with one eligible unit there is no deputy', () => {
    const r = rotate('C', ['A', 'B', 'C', 'D', 'F', 'G', 'H']);
    expect(r).toMatchObject({ leader: 'E', deputy: null });
    expect(r.warnings.map((w) => w.code)).toEqual(['leadership.noDeputy']);
  });

  it('starts at the top without a current leader, and warns about units missing from the order', () => {
    expect(rotate(null)).toMatchObject({ leader: 'A', deputy: 'B' });
    const r = rotate('C', [], ['A', 'B', 'C', 'D', 'E', 'F', 'G']);
    expect(r.warnings.map((w) => w.code)).toEqual(['leadership.rotationMissing']);
    expect(r.warnings[0]!.message).toBe('Thứ tự luân phiên chưa có: H.');
  });
});

describe('leadership by top score and by appointment', () => {
  it('the top-ranked eligible unit leads, the next one deputises', () => {
    const r = chooseLeadership({ nextYear: 2025, members: ORDER, ineligible: ['F'], rule: { mode: 'topScore' }, ranking: ['F', 'C', 'A', 'B'] });
    expect(r).toMatchObject({ leader: 'C', deputy: 'A', source: { mode: 'topScore' } });
    expect(chooseLeadership({ nextYear: 2025, members: ORDER, rule: { mode: 'topScore' } }).errors.map((e) => e.code)).toEqual(['leadership.noRanking']);
  });

  it('the top score refuses a first or second place still shared with another unit, not a shared place further down', () => {
    const base = { nextYear: 2025, members: ORDER, rule: { mode: 'topScore' as const }, ranking: ['C', 'A', 'B', 'D'] };
    const r = chooseLeadership({ ...base, unsettled: ['A', 'B'] });
    expect(r.errors.map((e) => e.code)).toEqual(['leadership.rankUnsettled']);
    expect(r.errors[0]!.message).toBe('Khối phó: A đồng hạng với đơn vị khác, thứ hạng chưa được phân định (cần quyết định tại mục Xếp hạng).');
    expect(chooseLeadership({ ...base, unsettled: ['B', 'D'] }).errors).toEqual([]);
  });

  it('an appointment records the decision number and date', () => {
    const r = chooseLeadership({
      nextYear: 2025,
      members: ORDER,
      rule: { mode: 'appointed', decisionNumber: '12/QĐ-UBND', decisionDate: '2025-01-15', leader: 'B', deputy: 'E' },
    });
    expect(r).toMatchObject({
      leader: 'B',
      deputy: 'E',
      source: { mode: 'appointed', decisionNumber: '12/QĐ-UBND', decisionDate: '2025-01-15', description: 'Theo Quyết định số 12/QĐ-UBND ngày 15/01/2025' },
      errors: [],
    });
  });

  it('an appointment is checked: a real date, a number, eligible and different units', () => {
    const bad = chooseLeadership({
      nextYear: 2025,
      members: ORDER,
      ineligible: ['E'],
      rule: { mode: 'appointed', decisionNumber: ' ', decisionDate: '2025-02-30', leader: 'B', deputy: 'E' },
    });
    expect(bad.errors.map((e) => e.code)).toEqual(['leadership.noDecisionNumber', 'leadership.badDecisionDate', 'leadership.ineligible']);
    expect(bad.deputy).toBeNull();
    const same = chooseLeadership({
      nextYear: 2025,
      members: ORDER,
      rule: { mode: 'appointed', decisionNumber: '5/QĐ', decisionDate: '2025-01-05', leader: 'B', deputy: 'B' },
    });
    expect(same.errors.map((e) => e.code)).toEqual(['leadership.sameUnit']);
    expect(same).toMatchObject({ leader: 'B', deputy: null });
  });

  it('reports what is missing or unknown', () => {
    const codesOf = (r: ReturnType<typeof chooseLeadership>) => [...r.errors, ...r.warnings].map((e) => e.code);
    expect(codesOf(chooseLeadership({ nextYear: 2025, members: ORDER, rule: { mode: 'vote' } }))).toEqual(['leadership.noTally']);
    const onlyLeader = voted(round(8, { SYT: 6 }), round(8, { SGDDT: 6 }));
    onlyLeader.sections.pop();
    expect(codesOf(chooseLeadership({ nextYear: 2025, members: EIGHT, rule: { mode: 'vote' }, tally: onlyLeader }))).toEqual(['leadership.noSection']);
    expect(codesOf(chooseLeadership({ nextYear: 2025, members: ORDER, ineligible: ORDER, currentLeader: 'A', rule: { mode: 'rotation', order: ORDER } }))).toEqual([
      'leadership.noLeader',
    ]);
    expect(
      codesOf(chooseLeadership({ nextYear: 2025, members: ORDER, currentLeader: 'Z', rule: { mode: 'rotation', order: [...ORDER, 'Y'] } })),
    ).toEqual(['leadership.rotationUnknown', 'leadership.currentNotInOrder']);
    expect(
      codesOf(
        chooseLeadership({
          nextYear: 2025,
          members: ORDER,
          rule: { mode: 'appointed', decisionNumber: '1/QĐ', decisionDate: '2025-01-02', leader: 'Q', deputy: null },
        }),
      ),
    ).toEqual(['leadership.unknownUnit']);
  });
});
