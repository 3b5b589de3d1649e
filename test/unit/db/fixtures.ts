/** A small but complete bloc (every record kind) for the repo tests. */
import type { BlocData } from '../../../shared/model/records';
import { defaultRulesProfile } from '../../../shared/domain/rules-defaults';
import { noRecords } from '../../../shared/model/registry';

const T = '2025-01-02T03:04:05.000Z';

export function smallBloc(blocId = 'khoi-a'): BlocData {
  const unit = (code: string, name: string, order: number) => ({
    id: `${blocId}-${code}`,
    blocId,
    code,
    name,
    shortName: '',
    head: 'Nguyễn Văn An',
    headTitle: 'Giám đốc',
    signer: 'head' as const,
    deputyName: '',
    deputyTitle: '',
    address: '',
    phone: '',
    order,
    active: true,
    createdAt: T,
    updatedAt: T,
  });
  const units = [unit('SYT', 'Sở Y tế', 1), unit('SGDDT', 'Sở Giáo dục và Đào tạo', 2), unit('SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 3)];
  const ids = units.map((u) => u.id);
  return {
    bloc: {
      id: blocId,
      name: 'Khối thi đua Văn hóa - Xã hội',
      shortName: 'Khối VHXH',
      province: 'Hà Nam',
      issuingBody: 'KHỐI THI ĐUA VĂN HÓA - XÃ HỘI',
      issuingParent: '',
      partyFormat: false,
      createdAt: T,
      updatedAt: T,
    },
    ...noRecords(),
    units,
    years: [
      {
        id: `${blocId}-2024`,
        blocId,
        year: 2024,
        memberUnitIds: ids,
        leaderUnitId: ids[0]!,
        deputyUnitId: ids[1]!,
        rules: { ...defaultRulesProfile(), leaderRotation: { kind: 'fixedOrder', order: [ids[2]!, ids[0]!] } },
        note: '',
        leadershipSource: null,
        createdAt: T,
        updatedAt: T,
      },
    ],
    scoringTables: [
      {
        id: `${blocId}-bcd`,
        blocId,
        year: 2024,
        version: 1,
        status: 'locked',
        title: 'Bảng chấm điểm 2024',
        scale: 100,
        groups: [
          {
            id: `${blocId}-g1`,
            code: 'I',
            title: 'Nhiệm vụ chuyên môn',
            kind: 'normal',
            criteria: [{ id: `${blocId}-c1`, code: '1', title: 'Hoàn thành nhiệm vụ', max: 10, kind: 'qualitative', guidance: '' }],
          },
        ],
        reason: '',
        lockedAt: T,
        createdAt: T,
        updatedAt: T,
      },
    ],
    pledges: [],
    attachments: [
      { id: `${blocId}-sig`, blocId, unitId: ids[0]!, kind: 'signature', mime: 'image/png', width: 1, height: 1, data: 'iVBORw0KGgo=', createdAt: T },
    ],
    scores: [
      {
        id: `2024:${ids[0]}:1`,
        blocId,
        year: 2024,
        unitId: ids[0]!,
        code: '1',
        self: 9,
        verified: null,
        note: '',
        history: [],
        updatedAt: T,
      },
    ],
    importBatches: [],
  };
}

/** smallBloc with at least one record of every kind of the registry, each referring to units and the year. */
export function fullBloc(blocId = 'khoi-a'): BlocData {
  const d = smallBloc(blocId);
  const [a, b, c] = d.units.map((u) => u.id) as [string, string, string];
  const audit = { at: T, by: 'Thư ký', action: 'verify', target: '1', old: 9, new: 8, reason: 'Thiếu minh chứng' };
  return {
    ...d,
    pledges: [
      {
        id: `${blocId}-gu`, blocId, year: 2024, title: 'Giao ước thi đua', legalBasis: [], intro: '', commitments: ['Hoàn thành nhiệm vụ'],
        place: 'Hà Nam', date: '2024-03-01', documentNumber: '', witness: null, columns: 3, unitIds: [a, b, c], updatedAt: T,
      },
    ],
    scores: d.scores.map((s) => ({ ...s, history: [{ at: T, by: 'Thư ký', field: 'self' as const, old: null, new: 9, reason: '', batchId: `${blocId}-nhap` }] })),
    importBatches: [
      {
        id: `${blocId}-nhap`, blocId, year: 2024, createdAt: T, undoneAt: null,
        files: [{ name: 'SYT.xlsx', sha256: 'ab', unitId: a, receivedAt: T }],
        changes: [{ unitId: a, code: '1', field: 'self', old: null, new: 9 }],
      },
    ],
    unitReviews: [
      { id: `2024:${a}`, blocId, year: 2024, unitId: a, status: 'reviewed', eligible: false, ineligibleReason: 'Đang thanh tra', ineligibleBasis: 'Công văn 12/TTr', lockedAt: null, history: [audit], updatedAt: T },
    ],
    explanations: [
      {
        id: `${blocId}-gt`, blocId, year: 2024, unitId: a, code: '1', text: 'Đã có minh chứng bổ sung', date: '2024-12-01', documentNumber: '15/GT',
        outcome: 'restored', outcomeReason: 'Minh chứng hợp lệ', decidedBy: 'Khối trưởng', decidedAt: T, createdAt: T, updatedAt: T,
      },
    ],
    yearReviews: [
      { id: `${blocId}:2024`, blocId, year: 2024, lockedAt: T, chairDecisions: [{ unitIds: [b, c], order: [c, b], reason: 'Nhiều điểm cộng hơn', at: T, by: 'Khối trưởng' }], team: [{ name: 'Lê Văn Cường', unit: 'Sở Tài chính' }], history: [], updatedAt: T },
    ],
    conferences: [
      {
        id: `${blocId}:2024`, blocId, year: 2024, date: '2024-12-20', startTime: '08:00', endTime: '11:30', place: 'Hội trường Sở Y tế',
        chair: 'Nguyễn Văn An', secretary: 'Trần Thị Bình', expectedUnitIds: [a, b, c], presentUnitIds: [a, b], guests: ['Ban Thi đua - Khen thưởng'],
        committee: [{ name: 'Lê Văn Cường', unitId: b, role: 'head' }, { name: 'Khách mời', unitId: null, role: 'member' }], spareBallots: 2, minutesReadAt: '11:15', updatedAt: T,
      },
    ],
    voteRounds: [
      {
        id: `${blocId}-vong1`, blocId, year: 2024, sectionId: 'co-chinh-phu', round: 1, candidates: [a, b, c], seats: 1,
        counts: { issued: 2, returned: 2, valid: 2, invalid: 0 }, invalidReasons: [], votes: { [a]: 2, [b]: 0 },
        ballots: [{ marks: { 'co-chinh-phu': [a], leader: { [a]: 'agree', [c]: 'disagree' } } }, { marks: { 'co-chinh-phu': [a] } }],
        secondEntry: [{ marks: { 'co-chinh-phu': [a], leader: { [a]: 'agree', [c]: 'disagree' } } }, { marks: { 'co-chinh-phu': [a] }, unstamped: false }], ballotsBy: 'Lê Văn Cường', secondEntryBy: 'Phạm Thị Dung',
        decision: { winners: [a], reason: 'Chủ trì quyết định' }, overrides: [{ unitId: b, winner: false, reason: 'Đang thanh tra', computed: false }],
        rulesSnapshot: { threshold: { num: 1, den: 2, comparison: 'gt', base: 'valid' } }, status: 'accepted', acceptedAt: T, history: [audit], updatedAt: T,
      },
    ],
    documentDrafts: [
      { id: `${blocId}-bb`, blocId, year: 2024, kind: 'minutes', fields: { so: '01/BB', coMat: 2, daKy: false, ghiChu: null }, sections: [{ key: 'ketluan', title: 'Kết luận', text: 'Hội nghị kết thúc lúc 11 giờ 30.' }], updatedAt: T },
    ],
    registerEntries: [
      {
        id: `${blocId}-so1`, blocId, year: 2024, kind: 'BB', number: 1, symbol: 'BB-KTĐVHXH', date: '2024-12-20', summary: 'Biên bản hội nghị tổng kết',
        signer: 'Nguyễn Văn An', documentKind: 'minutes', voidedAt: null, voidReason: '', createdAt: T,
      },
    ],
  };
}
