/**
 * The conference papers read the year's stored conference and vote (conferenceContextOf): the
 * facts of the conference record, the awards' verdicts of the accepted rounds, who came, and next
 * year's leaders from the year record or else from the leadership rounds; a vote entry handed in
 * replaces the stored vote.
 */
import { describe, expect, it } from 'vitest';
import { awardOutcomes, conferenceContextOf, defaultMinutesDraft } from '../../../shared/domain/documents';
import { buildSampleBlocData, withFullHistory } from '../../../shared/sample/sample-bloc';
import { withYearEnd } from '../../../shared/sample/year-end';
import type { TallyInput } from '../../../shared/domain/vote/types';

const NOW = '2026-01-05T02:00:00.000Z';
const voted = () => withYearEnd(withFullHistory(buildSampleBlocData(NOW)), 2024, NOW);

describe('conference context from the stored records', () => {
  it('takes the facts of the conference record and the verdicts of the accepted rounds', () => {
    const ctx = conferenceContextOf(voted(), 2024);
    expect(ctx.conference).toMatchObject({
      date: '2025-01-10',
      startTime: '08 giờ 00',
      endTime: '11 giờ 30',
      place: 'Hội trường Sở Y tế, số 2 đường Lê Hoàn',
      chair: 'Đồng chí Vũ Quốc Khánh, Giám đốc Đài Phát thanh và Truyền hình tỉnh, Khối trưởng',
    });
    expect(ctx.conference!.committee.map((m) => m.role)).toEqual(['head', 'member', 'member']);
    expect(ctx.present!.map((u) => u.code)).toEqual(['SYT', 'SGDDT', 'SLDTBXH', 'SVHTTDL', 'BHXH', 'BQLATTP', 'DPTTH']);
    expect(awardOutcomes(ctx).map((s) => [s.id, s.winners.map((w) => w.code).sort(), s.pending])).toEqual([
      ['award-gov-flag', ['SLDTBXH'], null],
      ['award-prov-flag', ['BHXH', 'SVHTTDL'], null],
      ['award-certificate', ['SGDDT', 'SYT', 'TTHCC'], null],
    ]);
    expect([ctx.nextLeader?.code, ctx.nextDeputy?.code]).toEqual(['SLDTBXH', 'SVHTTDL']);
    const minutes = defaultMinutesDraft(voted(), 2024);
    expect(minutes.fields.secretaryName).toBe('Ngô Thị Mai');
    expect(minutes.fields.chairName).toBe('Vũ Quốc Khánh');
  });

  it("names next year's leaders from the leadership rounds when next year has no record", () => {
    const data = voted();
    data.years = data.years.filter((y) => y.year !== 2025);
    const ctx = conferenceContextOf(data, 2024);
    expect([ctx.nextLeader?.code, ctx.nextDeputy?.code]).toEqual(['SLDTBXH', 'SVHTTDL']);
  });

  it('a year without a stored vote has none, and a vote entry handed in replaces the stored one', () => {
    const plain = conferenceContextOf(buildSampleBlocData(NOW), 2024);
    expect([plain.vote, plain.conference, plain.present]).toEqual([null, null, null]);
    const members = ['SYT', 'SGDDT', 'SLDTBXH', 'SVHTTDL', 'BHXH', 'BQLATTP', 'DPTTH', 'TTHCC'];
    const entry: TallyInput = {
      members,
      present: members,
      quorum: null,
      exclusiveAwards: true,
      invalidScope: 'section',
      sections: [{ id: 'gov', title: 'Cờ thi đua của Chính phủ', seats: 1, threshold: { num: 1, den: 2, comparison: 'gt', base: 'valid' }, ineligible: [], tieRule: 'revote', rounds: [{ ballots: { issued: 8, returned: 8, valid: 8, invalid: 0 }, votes: { SYT: 7 } }] }],
    };
    const ctx = conferenceContextOf(voted(), 2024, { vote: entry });
    expect(awardOutcomes(ctx).map((s) => s.winners.map((w) => w.code))).toEqual([['SYT']]);
    expect(ctx.present).toHaveLength(8);
  });
});
