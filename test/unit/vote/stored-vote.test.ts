/**
 * The stored conference and vote rounds read back as the engine's input: voteContextOf uses them
 * (attendance, accepted rounds only, overrides, ineligible units), and a round's stored rules
 * tell what changed since it was accepted.
 */
import { describe, expect, it } from 'vitest';
import { voteContextOf } from '../../../shared/domain/vote/context';
import { ballotEntriesOf, roundRuleChanges, rulesSnapshotOf, storedBallotsOf } from '../../../shared/domain/vote/stored';
import { tally } from '../../../shared/domain/vote/tally';
import { tallyInputFromYear } from '../../../shared/domain/vote/year-input';
import { rulesOf } from '../../../shared/domain/vote/rules';
import type { BlocData, VoteRound } from '../../../shared/model/records';
import type { BallotEntry } from '../../../shared/domain/vote/ballots';
import { buildSampleBlocData } from '../../../shared/sample/sample-bloc';

const NOW = '2024-12-20T08:00:00.000Z';

function withVote(): { data: BlocData; ids: string[]; codes: string[] } {
  const data = buildSampleBlocData(NOW);
  const year = data.years.find((y) => y.year === 2024)!;
  const units = year.memberUnitIds.map((id) => data.units.find((u) => u.id === id)!);
  const ids = units.map((u) => u.id);
  data.conferences = [
    {
      id: `${data.bloc.id}:2024`, blocId: data.bloc.id, year: 2024, date: '2024-12-20', startTime: '08:00', endTime: '', place: 'Hội trường Sở Y tế',
      chair: 'Nguyễn Văn A', secretary: 'Trần Thị B', expectedUnitIds: ids, presentUnitIds: ids.slice(0, 7), guests: [],
      committee: [{ name: 'Lê Văn C', unitId: ids[0]!, role: 'head' }], spareBallots: 2, minutesReadAt: '10:30', updatedAt: NOW,
    },
  ];
  const gov = year.rules.awards[0]!.id;
  const round = (n: number, status: VoteRound['status'], votes: Record<string, number>): VoteRound => ({
    id: `r${n}${status}`, blocId: data.bloc.id, year: 2024, sectionId: gov, round: n, candidates: [], seats: 1,
    counts: { issued: 7, returned: 7, valid: 7, invalid: 0 }, invalidReasons: [], votes, decision: null, ballotsBy: '', secondEntryBy: '',
    overrides: n === 1 ? [{ unitId: ids[1]!, winner: true, reason: 'Theo ý kiến thống nhất', computed: false }] : [], rulesSnapshot: {},
    status, acceptedAt: status === 'accepted' ? NOW : null, history: [], updatedAt: NOW,
  });
  data.voteRounds = [round(1, 'accepted', { [ids[0]!]: 5, [ids[1]!]: 2 }), round(2, 'draft', { [ids[0]!]: 1 })];
  data.unitReviews = [{ id: `2024:${ids[7]}`, blocId: data.bloc.id, year: 2024, unitId: ids[7]!, status: 'reviewing', eligible: false, ineligibleReason: 'Đang bị thanh tra', ineligibleBasis: '', lockedAt: null, history: [], updatedAt: NOW }];
  return { data, ids, codes: units.map((u) => u.code) };
}

describe('voteContextOf reads the stored vote', () => {
  it('takes attendance, spare ballots and the committee from the conference, and only accepted rounds', () => {
    const { data, codes } = withVote();
    const ctx = voteContextOf(data, 2024)!;
    expect(ctx.present).toEqual(codes.slice(0, 7));
    expect(ctx.spareBallots).toBe(2);
    expect(ctx.conference).toMatchObject({ date: '2024-12-20', startTime: '08:00', place: 'Hội trường Sở Y tế', readAt: '10:30' });
    expect(ctx.conference!.committee[0]).toMatchObject({ name: 'Lê Văn C', role: 'head' });
    expect(ctx.conference!.committee[0]!.position).toBe(data.units.find((u) => u.code === codes[0])!.name);
    const gov = ctx.rules.awards[0]!.id;
    expect(ctx.rounds![gov]).toEqual([{ seats: 1, ballots: { issued: 7, returned: 7, valid: 7, invalid: 0 }, votes: { [codes[0]!]: 5, [codes[1]!]: 2 } }]);
    expect(ctx.overrides![gov]).toEqual([{ code: codes[1], winner: true, reason: 'Theo ý kiến thống nhất' }]);
    expect(ctx.ineligible).toEqual([codes[7]]);
    // The engine sees them: 5 of 7 valid passes "trên 1/2"; the override adds the second unit beside it.
    const result = tally(tallyInputFromYear(ctx));
    expect(result.quorumMet).toBe(true);
    expect(result.sections[0]!.computedWinners).toEqual([codes[0]]);
    expect(result.sections[0]!.winners).toContain(codes[1]);
  });

  it('counts every member present while no attendance is stored', () => {
    const { data, codes } = withVote();
    data.conferences[0]!.presentUnitIds = [];
    expect(voteContextOf(data, 2024)!.present).toEqual(codes);
  });
});

describe('a round stores the rules it was computed with', () => {
  it('names what changed in its section since, and nothing when the rules are the same', () => {
    const { data } = withVote();
    const ctx = voteContextOf(data, 2024)!;
    const before = tally(tallyInputFromYear(ctx));
    const snapshot = rulesSnapshotOf(before.rules);
    const gov = ctx.rules.awards[0]!.id;
    expect(roundRuleChanges(snapshot, before.rules, gov)).toEqual([]);
    ctx.rules = { ...ctx.rules, threshold: { num: 2, den: 3, comparison: 'gte', base: 'valid' } };
    const after = rulesOf(tallyInputFromYear(ctx));
    const changes = roundRuleChanges(snapshot, after, gov);
    expect(changes.map((c) => c.path)).toEqual([`sections.${gov}.threshold`]);
    expect(changes[0]!.message).toContain('2/3');
    expect(roundRuleChanges({}, after, gov)).toEqual([]);
  });
});

describe('ballots entered one by one are stored by unit id', () => {
  it('round-trips ticks, approvals and whole-ballot flags; units no longer in the bloc are left out', () => {
    const codeOf = (id: string) => ({ u1: 'SYT', u2: 'SGDDT' })[id];
    const idOf = (code: string) => ({ SYT: 'u1', SGDDT: 'u2' })[code];
    const entries: BallotEntry[] = [
      { marks: { gov: ['SYT', 'SGDDT'], leader: { SYT: 'agree', SGDDT: 'disagree' } as const } },
      { unstamped: true, marks: {} },
      { invalidReason: '  Ghi thêm nội dung ', marks: { gov: ['XYZ'] } },
    ];
    const stored = storedBallotsOf(entries, idOf);
    expect(stored).toEqual([
      { marks: { gov: ['u1', 'u2'], leader: { u1: 'agree', u2: 'disagree' } } },
      { unstamped: true, marks: {} },
      { invalidReason: 'Ghi thêm nội dung', marks: { gov: [] } },
    ]);
    expect(ballotEntriesOf(stored, codeOf)).toEqual([
      { marks: { gov: ['SYT', 'SGDDT'], leader: { SYT: 'agree', SGDDT: 'disagree' } } },
      { unstamped: true, marks: {} },
      { invalidReason: 'Ghi thêm nội dung', marks: { gov: [] } },
    ]);
  });
});
