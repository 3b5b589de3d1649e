/**
 * One bloc as each released schema version stored it (IndexedDB tables, and a package's data.json
 * with the bloc under `bloc`). Never edit a released fixture: add one for the next version.
 */
import type { RulesProfileV3 } from '../../../shared/model/rules-migration';

const T = '2023-03-01T00:00:00.000Z';

/** The rules profile as versions 1–3 stored it: percent-only threshold and quorum, base 'cast', award quotas. */
export const RULES_V3: RulesProfileV3 = {
  awards: [
    { id: 'award-gov-flag', name: 'Cờ thi đua của Chính phủ', maxProposals: 1 },
    { id: 'award-prov-flag', name: 'Cờ thi đua của UBND tỉnh', maxProposals: 2 },
  ],
  threshold: { comparison: 'gte', percent: 66.67, base: 'cast' },
  quorumPercent: 50,
  selfVoteAllowed: true,
  invalidBallotsInBase: true,
  tieRules: [{ kind: 'higherTotalScore' }, { kind: 'revote' }],
  leaderRotation: { kind: 'vote' },
  legalBasis: ['Căn cứ Quy chế của Khối;'],
};
type Tables = Record<string, Record<string, unknown>[]>;

const v1: Tables = {
  blocs: [{ id: 'b1', name: 'Khối Văn hóa - Xã hội', shortName: 'VHXH', province: 'Hà Nam', issuingBody: 'KHỐI VHXH', createdAt: T, updatedAt: T }],
  units: [
    { id: 'u1', blocId: 'b1', code: 'SYT', name: 'Sở Y tế', order: 1, createdAt: T, updatedAt: T },
    { id: 'u2', blocId: 'b1', code: 'SNV', name: 'Sở Nội vụ', order: 2, createdAt: T, updatedAt: T },
  ],
  years: [{ id: 'y1', blocId: 'b1', year: 2023, memberUnitIds: ['u1', 'u2'], leaderUnitId: 'u1', deputyUnitId: 'u2', rules: RULES_V3, createdAt: T, updatedAt: T }],
};

const v2: Tables = {
  blocs: [{ ...v1.blocs![0]!, issuingParent: 'UBND TỈNH HÀ NAM', partyFormat: false }],
  units: v1.units!.map((u) => ({ ...u, shortName: String(u.code), head: 'Lê Văn C', headTitle: 'Giám đốc', address: '', phone: '', active: u.id === 'u1' })),
  years: v1.years!.map((y) => ({ ...y, note: 'Năm đầu' })),
  scoringTables: [
    {
      id: 't1', blocId: 'b1', year: 2023, version: 1, status: 'draft', title: 'Bảng chấm điểm 2023', scale: 100,
      groups: [{ id: 'g1', code: 'I', title: 'Chuyên môn', kind: 'normal', criteria: [{ id: 'c1', code: '1', title: 'Nhiệm vụ', max: 10, kind: 'qualitative' }] }],
      createdAt: T, updatedAt: T,
    },
  ],
  pledges: [
    { id: 'p1', blocId: 'b1', year: 2023, title: 'Giao ước thi đua', legalBasis: [], commitments: ['Hoàn thành nhiệm vụ'], place: 'Hà Nam', date: '2023-03-01', columns: 3, unitIds: ['u1', 'u2'], updatedAt: T },
  ],
  attachments: [{ id: 'a1', blocId: 'b1', unitId: 'u1', kind: 'stamp', mime: 'image/png', width: 2, height: 2, data: 'AA==', createdAt: T }],
};

const v3: Tables = {
  ...v2,
  scoringTables: [
    {
      ...v2.scoringTables![0]!,
      reason: '',
      lockedAt: null,
      groups: [{ id: 'g1', code: 'I', title: 'Chuyên môn', kind: 'normal', criteria: [{ id: 'c1', code: '1', title: 'Nhiệm vụ', max: 10, kind: 'qualitative', guidance: 'Có minh chứng' }] }],
    },
  ],
  pledges: v2.pledges!.map((p) => ({ ...p, intro: '', documentNumber: '15/GU', witness: null })),
  scores: [
    {
      id: '2023:u1:1', blocId: 'b1', year: 2023, unitId: 'u1', code: '1', self: 9, verified: null, note: '',
      history: [{ at: T, by: 'Thư ký', field: 'self', old: null, new: 9, reason: '', batchId: 'ib1' }], updatedAt: T,
    },
  ],
  importBatches: [
    { id: 'ib1', blocId: 'b1', year: 2023, createdAt: T, files: [{ name: 'SYT.xlsx', sha256: 'ab', unitId: 'u1', receivedAt: T }], changes: [{ unitId: 'u1', code: '1', field: 'self', old: null, new: 9 }], undoneAt: null },
  ],
};

/** Version 4 (the year-end work): rules in exact fractions, signer fields; scores of two units with their histories, one record each. */
const v4: Tables = {
  blocs: v2.blocs!,
  units: [
    { id: 'u1', blocId: 'b1', code: 'SYT', name: 'Sở Y tế', shortName: 'SYT', head: 'Lê Văn C', headTitle: 'Giám đốc', signer: 'head', deputyName: '', deputyTitle: '', address: '', phone: '', order: 1, active: true, createdAt: T, updatedAt: T },
    { id: 'u2', blocId: 'b1', code: 'SNV', name: 'Sở Nội vụ', shortName: 'SNV', head: 'Lê Văn C', headTitle: 'Giám đốc', signer: 'head', deputyName: '', deputyTitle: '', address: '', phone: '', order: 2, active: false, createdAt: T, updatedAt: T },
  ],
  years: [
    {
      id: 'y1', blocId: 'b1', year: 2023, memberUnitIds: ['u1', 'u2'], leaderUnitId: 'u1', deputyUnitId: 'u2',
      rules: {
        awards: [
          { id: 'award-gov-flag', name: 'Cờ thi đua của Chính phủ', seats: 1, maxMarks: null, marking: 'tick', threshold: null, tieRule: 'revote' },
          { id: 'award-prov-flag', name: 'Cờ thi đua của UBND tỉnh', seats: 2, maxMarks: null, marking: 'tick', threshold: null, tieRule: 'revote' },
        ],
        threshold: { num: 2, den: 3, comparison: 'gte', base: 'returned' },
        quorum: { num: 1, den: 2, comparison: 'gte' },
        exclusiveAwards: true, invalidScope: 'section', maxRounds: 3, selfVoteAllowed: true,
        tieRules: [{ kind: 'higherTotalScore' }, { kind: 'revote' }],
        leaderRotation: { kind: 'vote' }, classificationBands: [], legalBasis: ['Căn cứ Quy chế của Khối;'],
      },
      note: 'Năm đầu', leadershipSource: null, createdAt: T, updatedAt: T,
    },
  ],
  scoringTables: [
    {
      ...v3.scoringTables![0]!,
      groups: [
        {
          id: 'g1', code: 'I', title: 'Chuyên môn', kind: 'normal',
          criteria: [
            { id: 'c1', code: '1', title: 'Nhiệm vụ', max: 10, kind: 'qualitative', guidance: 'Có minh chứng' },
            { id: 'c2', code: '2', title: 'Cải cách hành chính', max: 10, kind: 'qualitative', guidance: '' },
          ],
        },
      ],
    },
  ],
  pledges: v3.pledges!,
  attachments: v2.attachments!,
  scores: [
    { ...v3.scores![0]! },
    {
      id: '2023:u1:2', blocId: 'b1', year: 2023, unitId: 'u1', code: '2', self: 7.5, verified: 6, note: 'Thiếu minh chứng',
      history: [
        { at: T, by: 'Thư ký', field: 'self', old: null, new: 7.5, reason: '', batchId: 'ib1' },
        { at: '2023-03-02T08:00:00.000Z', by: 'Tổ thẩm định', field: 'verified', old: null, new: 6, reason: 'Thiếu minh chứng', batchId: null },
      ],
      updatedAt: '2023-03-02T08:00:00.000Z',
    },
    { id: '2023:u2:1', blocId: 'b1', year: 2023, unitId: 'u2', code: '1', self: null, verified: null, note: '', history: [], updatedAt: T },
  ],
  importBatches: [
    {
      ...v3.importBatches![0]!,
      changes: [
        { unitId: 'u1', code: '1', field: 'self', old: null, new: 9 },
        { unitId: 'u1', code: '2', field: 'self', old: null, new: 7.5 },
      ],
    },
  ],
  unitReviews: [
    {
      id: '2023:u1', blocId: 'b1', year: 2023, unitId: 'u1', status: 'reviewing', eligible: true, ineligibleReason: '', ineligibleBasis: '', lockedAt: null,
      history: [
        { at: '2023-03-02T08:00:00.000Z', by: 'Tổ thẩm định', action: 'status', target: 'u1', old: null, new: 'reviewing', reason: '' },
        { at: '2023-03-02T08:00:00.000Z', by: 'Tổ thẩm định', action: 'verify', target: '2', old: null, new: 6, reason: 'Thiếu minh chứng' },
      ],
      updatedAt: '2023-03-02T08:00:00.000Z',
    },
  ],
};

/** The tables of each released version. */
export const RELEASED_FIXTURES: Record<number, Tables> = { 1: v1, 2: v2, 3: v3, 4: v4 };

/** Dexie store declarations as each released app declared them. */
export const RELEASED_STORES: Record<number, Record<string, string>> = {
  1: { blocs: 'id, name', units: 'id, blocId, [blocId+code], [blocId+order]', years: 'id, blocId, [blocId+year]' },
  2: { scoringTables: 'id, blocId, [blocId+year], [blocId+year+version]', pledges: 'id, blocId, [blocId+year]', attachments: 'id, blocId, unitId' },
  3: { scores: 'id, blocId, [blocId+year], [blocId+year+unitId]', importBatches: 'id, blocId, [blocId+year]' },
  4: {
    unitReviews: 'id, blocId, [blocId+year]',
    explanations: 'id, blocId, [blocId+year], [blocId+year+unitId]',
    yearReviews: 'id, blocId',
    conferences: 'id, blocId',
    voteRounds: 'id, blocId, [blocId+year], [blocId+year+sectionId]',
    documentDrafts: 'id, blocId, [blocId+year], [blocId+year+kind]',
    registerEntries: 'id, blocId, [blocId+year], [blocId+year+kind]',
  },
};

/** A package's data.json of that version. */
export function packageData(version: number): Record<string, unknown> {
  const { blocs, ...rest } = structuredClone(RELEASED_FIXTURES[version]!);
  return { bloc: blocs![0], ...rest };
}
