/** A nine-unit bloc and its vote (the shape `tally` and `document --vote` read), for the vote's documents. */
import type { VoteRecordInput } from '../../../shared/domain/vote/record';
import type { BlocData } from '../../../shared/model/records';
import { blocFixture } from './fixtures';

export const VOTE_YEAR = 2024;

export function nineUnits(): BlocData {
  return blocFixture({ units: 9, year: VOTE_YEAR });
}

const HALF = { num: 1, den: 2, comparison: 'gt', base: 'valid' } as const;
const CODES = Array.from({ length: 9 }, (_, i) => `DV${i + 1}`);

/**
 * Cờ Chính phủ: DV1 (Sở Y tế) 7 of 9 valid = 77,78%. Cờ UBND tỉnh: one invalid ballot (over-marked);
 * DV2 6/8, DV3 and DV4 tied at 5/8 for the last seat, the chair chooses DV3. Bằng khen: DV6 5/9
 * passes, DV7 4/9 fails but the conference proposes it anyway (an override with its reason).
 */
export function nineUnitVote(): VoteRecordInput {
  return {
    members: CODES,
    present: CODES,
    quorum: { num: 2, den: 3, comparison: 'gte', of: 'members' },
    sections: [
      {
        id: 'award-gov-flag',
        title: 'Cờ thi đua của Chính phủ',
        seats: 1,
        threshold: HALF,
        rounds: [{ ballots: { issued: 9, returned: 9, valid: 9, invalid: 0 }, votes: { DV1: 7, DV2: 2 } }],
      },
      {
        id: 'award-prov-flag',
        title: 'Cờ thi đua của UBND tỉnh',
        seats: 2,
        threshold: HALF,
        tieRule: 'chairDecides',
        rounds: [
          {
            ballots: { issued: 9, returned: 9, valid: 8, invalid: 1 },
            votes: { DV2: 6, DV3: 5, DV4: 5 },
            decision: { winners: ['DV3'], reason: 'Đơn vị có nhiều đóng góp cho phong trào thi đua của Khối' },
          },
        ],
      },
      {
        id: 'award-certificate',
        title: 'Bằng khen của Chủ tịch UBND tỉnh',
        seats: 3,
        threshold: HALF,
        overrides: [{ code: 'DV7', winner: true, reason: 'Hội nghị thống nhất đề nghị do có thành tích đột xuất' }],
        rounds: [{ ballots: { issued: 9, returned: 9, valid: 9, invalid: 0 }, votes: { DV3: 8, DV4: 4, DV6: 5, DV7: 4 } }],
      },
    ],
    conference: {
      date: '2025-01-05',
      startTime: '08:30',
      place: 'Hội trường Sở Y tế',
      readAt: '10:15',
      documentNumber: '05/BB-KTĐ',
      committee: [
        { name: 'Nguyễn Văn An', position: 'Phó Giám đốc Sở Y tế', role: 'head' },
        { name: 'Trần Thị Bình', position: 'Chánh Văn phòng Sở Giáo dục và Đào tạo', role: 'member' },
        { name: 'Lê Văn Cường', position: 'Trưởng phòng Đài Phát thanh và Truyền hình tỉnh', role: 'member' },
      ],
    },
    invalidReasons: [{ section: 'award-prov-flag', reason: 'chọn quá số lượng ở mục này', count: 1 }],
  };
}

/** The same vote's Cờ UBND tỉnh section, the tie left to a re-vote: round 2 is due between DV3 and DV4. */
export function tiedVote(): VoteRecordInput {
  const v = nineUnitVote();
  const prov = v.sections[1]!;
  const { decision: _decision, ...round } = prov.rounds[0]!;
  return { members: v.members, present: v.present, sections: [{ ...prov, tieRule: 'revote', rounds: [round] }] };
}
