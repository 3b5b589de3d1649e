import { describe, expect, it } from 'vitest';
import { countBallots, diffBallotEntries, type BallotEntry, type BallotSectionSpec } from '../../../shared/domain/vote/ballots';
import { EIGHT, section, vote } from './helpers';

const SPECS: BallotSectionSpec[] = [
  { id: 'gov', title: 'Cờ thi đua của Chính phủ', candidates: EIGHT, maxMarks: 1, marking: 'tick' },
  { id: 'prov', title: 'Cờ thi đua của UBND tỉnh', candidates: EIGHT, maxMarks: 2, marking: 'tick' },
];

const BALLOTS: BallotEntry[] = [
  { marks: { gov: ['SYT'], prov: ['SGDDT', 'DPTTH'] } },
  { marks: { gov: ['SYT', 'SGDDT'], prov: ['SGDDT'] } }, // over-marks gov
  { marks: { gov: ['SYT'], prov: ['SGDDT', 'DPTTH', 'SNV'] } }, // over-marks prov
  { unstamped: true, marks: { gov: ['SGDDT'], prov: ['DPTTH'] } },
  { marks: { gov: [], prov: [] } }, // blank: valid, marks nobody
];

describe('ballot-by-ballot entry', () => {
  it('section-scoped invalidity: an over-marked section is invalid there only', () => {
    const d = countBallots({ issued: 6, ballots: BALLOTS, sections: SPECS, invalidScope: 'section' });
    expect(d.errors).toEqual([]);
    expect(d.sections.gov!.ballots).toEqual({ issued: 6, returned: 5, valid: 3, invalid: 2 });
    expect(d.sections.gov!.votes).toMatchObject({ SYT: 2, SGDDT: 0 });
    expect(d.sections.gov!.invalidReasons).toEqual({ unstamped: 1, other: 0, overMarked: 1, overMarkedElsewhere: 0 });
    expect(d.sections.prov!.ballots).toEqual({ issued: 6, returned: 5, valid: 3, invalid: 2 });
    expect(d.sections.prov!.votes).toMatchObject({ SGDDT: 2, DPTTH: 1, SNV: 0 });
  });

  it('whole-ballot invalidity: over-marking one section voids the ballot everywhere', () => {
    const d = countBallots({ issued: 6, ballots: BALLOTS, sections: SPECS, invalidScope: 'ballot' });
    expect(d.sections.gov!.ballots).toEqual({ issued: 6, returned: 5, valid: 2, invalid: 3 });
    expect(d.sections.gov!.votes).toMatchObject({ SYT: 1 });
    expect(d.sections.gov!.invalidReasons).toEqual({ unstamped: 1, other: 0, overMarked: 1, overMarkedElsewhere: 1 });
    expect(d.sections.prov!.ballots).toEqual({ issued: 6, returned: 5, valid: 2, invalid: 3 });
    expect(d.sections.prov!.votes).toMatchObject({ SGDDT: 1, DPTTH: 1 });
  });

  it('the two scopes give different verdicts from the same papers', () => {
    const verdict = (scope: 'section' | 'ballot') => {
      const d = countBallots({ issued: 6, ballots: BALLOTS, sections: SPECS, invalidScope: scope }).sections.gov!;
      const r = vote([section('gov', [{ ballots: d.ballots, votes: d.votes }], { title: 'Cờ thi đua của Chính phủ' })], {
        present: EIGHT.slice(0, 6),
        invalidScope: scope,
      });
      return r.sections[0]!.units.find((u) => u.code === 'SYT')!;
    };
    expect(verdict('section')).toMatchObject({ votes: 2, percent: '66,67', status: 'winner' });
    expect(verdict('ballot')).toMatchObject({ votes: 1, percent: '50,00', status: 'fails' });
  });

  it('another reason makes the whole ballot invalid', () => {
    const d = countBallots({
      issued: 2,
      ballots: [{ invalidReason: 'Ghi thêm nội dung', marks: { gov: ['SYT'] } }, { marks: { gov: ['SYT'] } }],
      sections: SPECS,
      invalidScope: 'section',
    });
    expect(d.sections.gov!.invalidReasons.other).toBe(1);
    expect(d.sections.prov!.invalidReasons.other).toBe(1);
    expect(d.sections.gov!.votes.SYT).toBe(1);
  });

  it('"Đồng ý / Không đồng ý" marking counts agreements, disagreements and over-marking', () => {
    const spec: BallotSectionSpec[] = [{ id: 'leader', candidates: ['SYT', 'SGDDT'], maxMarks: 1, marking: 'approve' }];
    const d = countBallots({
      issued: 4,
      ballots: [
        { marks: { leader: { SYT: 'agree', SGDDT: 'disagree' } } },
        { marks: { leader: { SYT: 'disagree' } } },
        { marks: { leader: { SYT: 'agree', SGDDT: 'agree' } } }, // two "Đồng ý" for one seat
        { marks: { leader: {} } },
      ],
      sections: spec,
      invalidScope: 'section',
    });
    expect(d.sections.leader).toMatchObject({
      ballots: { issued: 4, returned: 4, valid: 3, invalid: 1 },
      votes: { SYT: 1, SGDDT: 0 },
      against: { SYT: 1, SGDDT: 1 },
    });
  });

  it('reports marks that cannot be on the paper', () => {
    const d = countBallots({
      issued: 2,
      ballots: [{ marks: { gov: ['XYZ'], other: ['SYT'] } }, { marks: { prov: { SYT: 'agree' }, gov: ['SYT', 'SYT'] } }],
      sections: SPECS,
      invalidScope: 'section',
      names: { SYT: 'Sở Y tế' },
    });
    expect(d.errors.map((e) => e.code)).toEqual(['ballot.unknownSection', 'ballot.notCandidate', 'ballot.duplicateMark', 'ballot.wrongMarking']);
    expect(d.errors[1]!.message).toBe('Phiếu thứ 1, mục "Cờ thi đua của Chính phủ": đơn vị "XYZ" không có trên phiếu.');
    expect(d.errors[2]!.message).toBe('Phiếu thứ 2, mục "Cờ thi đua của Chính phủ": đơn vị "Sở Y tế" được nhập hai lần.');
    const tooMany = countBallots({ issued: 1, ballots: BALLOTS.slice(0, 2), sections: SPECS, invalidScope: 'section' });
    expect(tooMany.errors.map((e) => e.code)).toEqual(['ballots.returnedOverIssued']);
  });
});

describe('double entry', () => {
  it('two identical entries have no difference', () => {
    expect(diffBallotEntries(BALLOTS, structuredClone(BALLOTS))).toEqual([]);
  });

  it('lists every difference: ballot, section, unit', () => {
    const second: BallotEntry[] = structuredClone(BALLOTS) as BallotEntry[];
    second[1] = { marks: { gov: ['SYT'], prov: ['SGDDT'] } };
    second[3] = { marks: { gov: ['SGDDT'], prov: ['DPTTH'] } };
    second[4] = { marks: { gov: [], prov: [] }, invalidReason: 'Không theo mẫu' };
    second.push({ marks: { gov: ['SYT'] } });
    const diffs = diffBallotEntries(BALLOTS, second, { sections: { gov: 'Cờ thi đua của Chính phủ' }, names: { SGDDT: 'Sở Giáo dục và Đào tạo' } });
    expect(diffs.map(({ index, kind, section, unit, first, second }) => ({ index, kind, section, unit, first, second }))).toEqual([
      { index: 1, kind: 'mark', section: 'gov', unit: 'SGDDT', first: 'tick', second: null },
      { index: 3, kind: 'flag', section: undefined, unit: undefined, first: true, second: false },
      { index: 4, kind: 'flag', section: undefined, unit: undefined, first: null, second: 'Không theo mẫu' },
      { index: 5, kind: 'missing', section: undefined, unit: undefined, first: false, second: true },
    ]);
    expect(diffs[0]!.message).toBe('Phiếu thứ 2, mục "Cờ thi đua của Chính phủ", Sở Giáo dục và Đào tạo: lần nhập 1 có đánh dấu, lần nhập 2 để trống.');
    expect(diffs[1]!.message).toBe('Phiếu thứ 4: lần nhập 1 ghi "không có dấu", lần nhập 2 không ghi.');
    expect(diffs[3]!.message).toBe('Phiếu thứ 6: chỉ có trong lần nhập 2 (lần nhập 1 có 5 phiếu, lần nhập 2 có 6 phiếu).');
  });

  it('compares "Đồng ý" against "Không đồng ý"', () => {
    const a: BallotEntry[] = [{ marks: { leader: { SYT: 'agree' } } }];
    const b: BallotEntry[] = [{ marks: { leader: { SYT: 'disagree' } } }];
    expect(diffBallotEntries(a, b)[0]!.message).toBe('Phiếu thứ 1, mục "leader", SYT: lần nhập 1 Đồng ý, lần nhập 2 Không đồng ý.');
  });
});
