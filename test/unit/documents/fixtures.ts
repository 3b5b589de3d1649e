/** In-code BlocData fixtures for the document tests: blocs of any size with Vietnamese names. */
import { defaultRulesProfile } from '../../../shared/domain/rules-defaults';
import type { BlocData, ScoringTable, Unit } from '../../../shared/model/records';
import { noRecords } from '../../../shared/model/registry';

const NOW = '2026-01-05T08:00:00.000Z';

/** Agency names seen in provincial blocs; beyond the list, numbered "Ban Quản lý dự án" units. */
const AGENCIES = [
  'Sở Y tế',
  'Sở Giáo dục và Đào tạo',
  'Sở Lao động - Thương binh và Xã hội',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Bảo hiểm xã hội tỉnh',
  'Ban Quản lý An toàn thực phẩm tỉnh',
  'Đài Phát thanh và Truyền hình tỉnh',
  'Trung tâm Hành chính công tỉnh',
  'Sở Tài nguyên và Môi trường',
  'Sở Nông nghiệp và Phát triển nông thôn',
  'Sở Khoa học và Công nghệ',
  'Sở Thông tin và Truyền thông',
  'Sở Tư pháp',
  'Sở Xây dựng',
  'Sở Giao thông vận tải',
  'Sở Kế hoạch và Đầu tư',
  'Sở Tài chính',
  'Sở Công Thương',
  'Sở Nội vụ',
  'Thanh tra tỉnh',
  'Văn phòng Ủy ban nhân dân tỉnh',
  'Ban Dân tộc tỉnh',
  'Liên minh Hợp tác xã tỉnh',
  'Trường Chính trị tỉnh',
];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Thị Thu', 'Minh', 'Quốc', 'Thị Ánh', 'Hữu', 'Ngọc', 'Xuân'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hương', 'Thủy', 'Tuấn', 'Khánh', 'Tuyết', 'Ngọc', 'Đức', 'Hạnh', 'Lộc', 'Phượng', 'Quỳnh', 'Yến', 'Ước', 'Ỷ'];
const TITLES = ['Giám đốc', 'Phó Giám đốc', 'Trưởng ban', 'Chánh Văn phòng', 'Chánh Thanh tra', 'Hiệu trưởng'];

export function unitName(i: number): string {
  return AGENCIES[i] ?? `Ban Quản lý dự án đầu tư xây dựng công trình số ${i - AGENCIES.length + 1} tỉnh`;
}
export function headName(i: number): string {
  return `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i * 3) % MIDDLE.length]} ${GIVEN[(i * 7) % GIVEN.length]}`;
}

export interface FixtureOptions {
  units: number;
  year?: number;
  partyFormat?: boolean;
  /** Apply to every string: e.g. NFD to simulate decomposed input. */
  transform?: (s: string) => string;
}

export function blocFixture(options: FixtureOptions): BlocData {
  const year = options.year ?? 2026;
  const t = options.transform ?? ((s: string) => s);
  const blocId = 'khoi-vhxh';
  const units: Unit[] = Array.from({ length: options.units }, (_, i) => ({
    id: `u${i + 1}`,
    blocId,
    code: `DV${i + 1}`,
    name: t(unitName(i)),
    shortName: '',
    head: t(headName(i)),
    headTitle: t(TITLES[i % TITLES.length] as string),
    signer: 'head',
    deputyName: '',
    deputyTitle: '',
    address: '',
    phone: '',
    order: i + 1,
    active: true,
    createdAt: NOW,
    updatedAt: NOW,
  }));
  const rules = defaultRulesProfile();
  rules.legalBasis = rules.legalBasis.map(t);
  return {
    bloc: {
      id: blocId,
      name: t('Khối các Sở, ban, ngành tham mưu và quản lý Nhà nước về văn hóa - xã hội'),
      shortName: t('Khối Văn hóa - Xã hội'),
      province: t('Hà Nam'),
      issuingBody: options.partyFormat ? t('Đảng ủy Khối các cơ quan tỉnh') : t('Khối thi đua Văn hóa - Xã hội'),
      issuingParent: options.partyFormat ? t('Đảng bộ tỉnh Hà Nam') : t('UBND tỉnh Hà Nam'),
      partyFormat: options.partyFormat ?? false,
      createdAt: NOW,
      updatedAt: NOW,
    },
    ...noRecords(),
    units,
    years: [
      {
        id: `${blocId}-${year}`,
        blocId,
        year,
        memberUnitIds: units.map((u) => u.id),
        leaderUnitId: units[0]?.id ?? null,
        deputyUnitId: units[1]?.id ?? null,
        rules,
        note: '',
        leadershipSource: null,
        createdAt: NOW,
        updatedAt: NOW,
      },
    ],
    scoringTables: [],
    pledges: [],
    attachments: [],
    scores: [],
    importBatches: [],
  };
}

/** A small scoring table: two normal groups, a bonus and a deduction group. */
export function scoringTableFixture(blocId: string, year: number, version = 1): ScoringTable {
  return {
    id: `${blocId}-bcd-${year}-v${version}`,
    blocId,
    year,
    version,
    status: version === 1 ? 'locked' : 'draft',
    title: `Bảng chấm điểm thi đua năm ${year}`,
    scale: 100,
    groups: [
      {
        id: 'g1',
        code: 'I',
        title: 'Thực hiện nhiệm vụ chính trị, chuyên môn',
        kind: 'normal',
        criteria: [
          { id: 'c11', code: '1.1', title: 'Hoàn thành các chỉ tiêu, nhiệm vụ được giao trong năm', max: 30, kind: 'target', guidance: 'Đạt 100% chỉ tiêu: 30 điểm.' },
          { id: 'c12', code: '1.2', title: 'Cải cách hành chính, chuyển đổi số', max: 20, kind: 'qualitative', guidance: '' },
        ],
      },
      {
        id: 'g2',
        code: 'II',
        title: 'Công tác thi đua, khen thưởng',
        kind: 'normal',
        criteria: [
          { id: 'c21', code: '2.1', title: 'Phát động và tổ chức phong trào thi đua', max: 25, kind: 'qualitative', guidance: '' },
          { id: 'c22', code: '2.2', title: 'Nhân rộng điển hình tiên tiến (mỗi điển hình 5 điểm)', max: 25, kind: 'count', perItem: 5, guidance: '' },
        ],
      },
      {
        id: 'g3',
        code: 'III',
        title: 'Điểm thưởng',
        kind: 'bonus',
        cap: 5,
        criteria: [{ id: 'c31', code: '3.1', title: 'Được tặng Cờ thi đua của Chính phủ năm trước', max: 5, kind: 'bonus', guidance: '' }],
      },
      {
        id: 'g4',
        code: 'IV',
        title: 'Điểm trừ',
        kind: 'deduction',
        cap: 10,
        criteria: [{ id: 'c41', code: '4.1', title: 'Gửi báo cáo chậm so với quy định (mỗi lần trừ 1 điểm)', max: 10, kind: 'deduction', perItem: 1, guidance: '' }],
      },
    ],
    reason: version > 1 ? 'Điều chỉnh theo hướng dẫn của Ban Thi đua - Khen thưởng tỉnh' : '',
    lockedAt: version === 1 ? NOW : null,
    createdAt: NOW,
    updatedAt: NOW,
  };
}
