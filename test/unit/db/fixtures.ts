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
    ...noRecords(),
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
