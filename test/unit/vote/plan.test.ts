import { describe, expect, it } from 'vitest';
import { firstBallotPlan, nextBallotPlan, paperSections } from '../../../shared/domain/vote/plan';
import type { TallyInput } from '../../../shared/domain/vote/types';
import { EIGHT, round, section, vote } from './helpers';

describe('ballot plans', () => {
  it('the first ballot lists the eligible units per section, with "chọn không quá N đơn vị"', () => {
    const plan = firstBallotPlan({
      members: EIGHT,
      sections: [
        section('gov', [], { seats: 1, ineligible: ['SNV'] }),
        section('prov', [], { seats: 2 }),
        section('cert', [], { seats: { num: 50, den: 100, of: 'remaining' }, marking: 'approve' }),
      ],
    });
    expect(plan.map((p) => [p.id, p.seats, p.instruction, p.candidates.length, p.marking])).toEqual([
      ['gov', 1, 'chọn không quá 01 đơn vị', 7, 'tick'],
      ['prov', 2, 'chọn không quá 02 đơn vị', 8, 'tick'],
      // 8 members, 3 seats planned above: 50% of 5 → 2
      ['cert', 2, 'chọn không quá 02 đơn vị', 8, 'approve'],
    ]);
    expect(plan[0]!.candidates).not.toContain('SNV');
  });

  it('the next ballot carries only the sections that need another round, pre-filled', () => {
    const r = vote([
      section('gov', [round(8, { SYT: 6 })]),
      section('prov', [round(8, { SGDDT: 7, DPTTH: 5, SNV: 4 })], { seats: 3, maxMarks: 3 }),
      section('cert', [round(8, { SLDTBXH: 4, BQLDT: 3 })], { seats: 1 }),
    ]);
    // prov: SGDDT and DPTTH pass, SNV has exactly half: 2 seats filled, no re-vote for the third (a cap)
    expect(r.sections[1]!.winners).toEqual(['SGDDT', 'DPTTH']);
    expect(nextBallotPlan(r)).toEqual([
      {
        id: 'cert',
        title: 'Mục cert',
        kind: 'award',
        round: 2,
        marking: 'tick',
        seats: 1,
        maxMarks: 1,
        candidates: ['SLDTBXH', 'BQLDT'],
        instruction: 'chọn không quá 01 đơn vị',
      },
    ]);
  });

  it('the paper of a round keeps every section it carried, entered or still due, across the tallies', () => {
    const awards: TallyInput = {
      members: EIGHT,
      present: EIGHT,
      sections: [
        section('gov', [round(8, { SYT: 4, SGDDT: 4 })]),
        section('prov', [round(8, { SGDDT: 4, DPTTH: 4 }), round(8, { DPTTH: 6 }, { candidates: ['SGDDT', 'DPTTH'] })]),
      ],
    };
    const lead: TallyInput = { members: EIGHT, present: EIGHT, sections: [section('leader', [], { kind: 'office', marking: 'approve' })] };
    // Round 1: the printed first ballot of both tallies.
    expect(paperSections([awards, lead], 1).map((p) => [p.id, p.candidates.length, p.maxMarks, p.marking])).toEqual([
      ['gov', 8, 1, 'tick'],
      ['prov', 8, 1, 'tick'],
      ['leader', 8, 1, 'approve'],
    ]);
    // Round 2: gov is still due (offered), prov was entered (its round as entered stays on the paper).
    expect(paperSections([awards, lead], 2).map((p) => [p.id, p.round, p.candidates])).toEqual([
      ['gov', 2, ['SYT', 'SGDDT']],
      ['prov', 2, ['SGDDT', 'DPTTH']],
    ]);
    expect(paperSections([awards, lead], 3)).toEqual([]);
  });
});
