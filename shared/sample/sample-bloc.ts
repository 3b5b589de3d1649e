/**
 * The sample bloc shipped inside the app ("Dữ liệu mẫu"): the eight members of the culture-society
 * bloc with its 2023 and 2024 years and the 2024 scoring table. Also a synthetic bloc of any size
 * for benchmarks (`npm run cli -- demo --units N --criteria M --years Y [--full]`), with the whole
 * verification history of every year when asked (`withFullHistory`).
 */
import blocJson from './bloc-vhxh.json';
import tableJson from './scoring-table-2024.json';
import { defaultRulesProfile } from '../domain/rules-defaults';
import type { BlocData, CriteriaGroup, CriterionKind, ImportBatch, Score, ScoringTable, Unit, Year } from '../model/records';
import { noRecords } from '../model/registry';
import { tableCriteria } from '../domain/scoring';
import { deepNfc } from '../text/vietnamese';

export const SAMPLE_BLOC_ID = 'mau-khoi-vhxh';

interface SampleTableJson {
  title: string;
  scale: number;
  groups: { code: string; title: string; kind: 'normal' | 'bonus' | 'deduction'; criteria: { code: string; title: string; max: number }[] }[];
}

function kindForGroup(kind: 'normal' | 'bonus' | 'deduction'): CriterionKind {
  return kind === 'bonus' ? 'bonus' : kind === 'deduction' ? 'deduction' : 'qualitative';
}

/** The 2024 scoring table of the sample, as a locked version 1. */
export function sampleScoringTable(blocId: string, year: number, now: string): ScoringTable {
  const t = tableJson as SampleTableJson;
  return {
    id: `${blocId}-bcd-${year}-v1`,
    blocId,
    year,
    version: 1,
    status: 'locked',
    title: t.title.replace(/\d{4}$/, String(year)),
    scale: t.scale,
    groups: t.groups.map((g) => ({
      id: `${blocId}-nhom-${year}-${g.code}`,
      code: g.code,
      title: g.title,
      kind: g.kind,
      ...(g.kind === 'bonus' ? { cap: 5 } : {}),
      criteria: g.criteria.map((c) => ({
        id: `${blocId}-tc-${year}-${c.code}`,
        code: c.code,
        title: c.title,
        max: c.max,
        kind: kindForGroup(g.kind),
        guidance: '',
      })),
    })),
    reason: '',
    lockedAt: now,
    createdAt: now,
    updatedAt: now,
  };
}

export function buildSampleBlocData(now: string): BlocData {
  const b = blocJson;
  const blocId = SAMPLE_BLOC_ID;
  const units: Unit[] = b.units.map((u, i) => ({
    id: `${blocId}-${u.code}`,
    blocId,
    code: u.code,
    name: u.name,
    shortName: '',
    head: u.head,
    headTitle: u.headTitle,
    signer: 'signer' in u && u.signer === 'deputy' ? 'deputy' : 'head',
    deputyName: ('deputyName' in u && u.deputyName) || '',
    deputyTitle: ('deputyTitle' in u && u.deputyTitle) || '',
    address: '',
    phone: '',
    order: i + 1,
    active: true,
    createdAt: now,
    updatedAt: now,
  }));
  const unitId = (code: string | null) => (code ? `${blocId}-${code}` : null);
  const years: Year[] = b.years.map((y) => ({
    id: `${blocId}-${y.year}`,
    blocId,
    year: y.year,
    memberUnitIds: units.map((u) => u.id),
    leaderUnitId: unitId(y.leader),
    deputyUnitId: unitId(y.deputy),
    rules: defaultRulesProfile(),
    note:
      'outcome' in y && y.outcome
        ? describeOutcome(y.outcome as Record<string, string[] | string>, b.units)
        : '',
    leadershipSource: null,
    createdAt: now,
    updatedAt: now,
  }));
  return deepNfc({
    bloc: {
      id: blocId,
      name: b.bloc.name,
      shortName: b.bloc.shortName,
      province: b.bloc.province,
      issuingBody: 'KHỐI THI ĐUA VĂN HÓA - XÃ HỘI',
      issuingParent: `UBND TỈNH ${b.bloc.province.toLocaleUpperCase('vi-VN')}`,
      partyFormat: false,
      createdAt: now,
      updatedAt: now,
    },
    // Every kind of the registry, in its order (the package's key order), then what the sample holds.
    ...noRecords(),
    units,
    years,
    scoringTables: [sampleScoringTable(blocId, 2024, now)],
    ...sampleConferencePapers(blocId, Math.max(...b.years.map((y) => y.year)), now),
  });
}

/**
 * The latest year's conference papers: the invitation's and the summary report's drafts, and the
 * two numbers the register issued for them (in January of the next calendar year).
 */
export function sampleConferencePapers(blocId: string, year: number, now: string): Pick<BlocData, 'documentDrafts' | 'registerEntries'> {
  const next = year + 1;
  return {
    documentDrafts: [
      {
        id: `${blocId}-${year}-draft-invitation`,
        blocId,
        year,
        kind: 'invitation',
        fields: { date: `${next}-01-03`, meetingDate: `${next}-01-10`, startTime: '08 giờ 00', meetingPlace: 'Hội trường Sở Y tế, số 2 đường Lê Hoàn' },
        sections: [],
        updatedAt: now,
      },
      {
        id: `${blocId}-${year}-draft-summary-report`,
        blocId,
        year,
        kind: 'summary-report',
        fields: { date: `${next}-01-10` },
        sections: [
          {
            key: 'results',
            title: '',
            text: `Năm ${year}, các đơn vị thành viên đã chủ động triển khai các phong trào thi đua gắn với nhiệm vụ chính trị; 100% đơn vị ký kết giao ước và gửi phiếu tự chấm điểm.`,
          },
        ],
        updatedAt: now,
      },
    ],
    registerEntries: [
      {
        id: `${blocId}-${next}-GM-1`,
        blocId,
        year,
        kind: 'GM',
        number: 1,
        symbol: 'GM-KTĐVHXH',
        date: `${next}-01-03`,
        summary: `Mời dự Hội nghị tổng kết công tác thi đua, khen thưởng năm ${year}`,
        signer: '',
        documentKind: 'invitation',
        voidedAt: null,
        voidReason: '',
        createdAt: now,
      },
      {
        id: `${blocId}-${next}-BC-1`,
        blocId,
        year,
        kind: 'BC',
        number: 1,
        symbol: 'BC-KTĐVHXH',
        date: `${next}-01-10`,
        summary: `Báo cáo tổng kết công tác thi đua, khen thưởng năm ${year}`,
        signer: '',
        documentKind: 'summary-report',
        voidedAt: null,
        voidReason: '',
        createdAt: now,
      },
    ],
  };
}

function describeOutcome(outcome: Record<string, string[] | string>, units: { code: string; name: string }[]): string {
  const name = (code: string) => units.find((u) => u.code === code)?.name ?? code;
  const parts: string[] = [];
  for (const [award, value] of Object.entries(outcome)) {
    if (award === 'nextLeader') parts.push(`Trưởng khối năm sau: ${name(String(value))}`);
    else if (Array.isArray(value)) parts.push(`${award}: ${value.map(name).join(', ')}`);
  }
  return `Kết quả bình xét: ${parts.join('; ')}.`;
}

// ---- Synthetic bloc for benchmarks ----

const AGENCIES = [
  'Sở Tư pháp', 'Sở Tài chính', 'Sở Xây dựng', 'Sở Công Thương', 'Sở Nội vụ', 'Sở Khoa học và Công nghệ',
  'Sở Nông nghiệp và Môi trường', 'Sở Dân tộc và Tôn giáo', 'Thanh tra tỉnh', 'Văn phòng UBND tỉnh', 'Sở Ngoại vụ',
  'Ban Quản lý các khu công nghiệp', 'Đài Phát thanh và Truyền hình', 'Báo Hà Nam', 'Trường Chính trị tỉnh',
  'Liên minh Hợp tác xã tỉnh', 'Quỹ Đầu tư phát triển tỉnh', 'Ban Quản lý dự án đầu tư xây dựng', 'Trung tâm Xúc tiến đầu tư',
  'Sở Giáo dục và Đào tạo', 'Sở Y tế', 'Sở Văn hóa, Thể thao và Du lịch', 'Bảo hiểm xã hội tỉnh', 'Cục Thuế tỉnh',
];
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Hữu', 'Đức', 'Thu', 'Quốc', 'Ngọc', 'Thanh', 'Hoàng'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Long', 'Mai', 'Nam', 'Ngọc', 'Phúc', 'Quân', 'Sơn', 'Thảo', 'Thủy', 'Trung', 'Tuấn', 'Yến'];
const CRITERION_TEXTS = [
  'Hoàn thành chỉ tiêu, nhiệm vụ chuyên môn được giao',
  'Tham mưu ban hành văn bản đúng thời hạn, bảo đảm chất lượng',
  'Giải quyết thủ tục hành chính đúng hạn',
  'Thực hiện chế độ báo cáo đầy đủ, đúng thời hạn',
  'Ứng dụng công nghệ thông tin, chuyển đổi số',
  'Thực hành tiết kiệm, chống lãng phí',
  'Tham gia đầy đủ hoạt động chung của Khối',
  'Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến',
];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

export interface SyntheticOptions {
  units: number;
  criteria: number;
  years: number;
  now: string;
  /** Last year of the bloc (the newest). */
  lastYear?: number;
}

/** A bloc of any size with Vietnamese names: units, `years` years, and a scoring table of `criteria` criteria per year. */
export function buildSyntheticBlocData(o: SyntheticOptions): BlocData {
  const blocId = `khoi-tong-hop-${o.units}-${o.criteria}`;
  const lastYear = o.lastYear ?? 2024;
  const units: Unit[] = Array.from({ length: o.units }, (_, i) => {
    const base = AGENCIES[i % AGENCIES.length]!;
    const round = Math.floor(i / AGENCIES.length);
    return {
      id: `${blocId}-dv${i + 1}`,
      blocId,
      code: `DV${String(i + 1).padStart(2, '0')}`,
      name: round === 0 ? base : `${base} (cơ sở ${round + 1})`,
      shortName: '',
      head: `${SURNAMES[i % SURNAMES.length]} ${MIDDLE[(i * 3) % MIDDLE.length]} ${GIVEN[(i * 7) % GIVEN.length]}`,
      headTitle: 'Giám đốc',
      // Every fifth unit signs through a deputy ("KT. GIÁM ĐỐC").
      signer: i % 5 === 3 ? 'deputy' : 'head',
      deputyName: i % 5 === 3 ? `${SURNAMES[(i + 5) % SURNAMES.length]} ${MIDDLE[(i * 7) % MIDDLE.length]} ${GIVEN[(i * 5) % GIVEN.length]}` : '',
      deputyTitle: i % 5 === 3 ? 'Phó Giám đốc' : '',
      address: '',
      phone: '',
      order: i + 1,
      active: true,
      createdAt: o.now,
      updatedAt: o.now,
    };
  });
  const years: Year[] = [];
  const tables: ScoringTable[] = [];
  for (let k = o.years - 1; k >= 0; k--) {
    const year = lastYear - k;
    const idx = o.years - 1 - k;
    years.push({
      id: `${blocId}-${year}`,
      blocId,
      year,
      memberUnitIds: units.map((u) => u.id),
      leaderUnitId: units[idx % units.length]?.id ?? null,
      deputyUnitId: units[(idx + 1) % units.length]?.id ?? null,
      rules: defaultRulesProfile(),
      note: '',
      leadershipSource: null,
      createdAt: o.now,
      updatedAt: o.now,
    });
    if (o.criteria > 0) tables.push(syntheticTable(blocId, year, o.criteria, o.now));
  }
  return deepNfc({
    bloc: {
      id: blocId,
      name: `Khối thi đua tổng hợp ${o.units} đơn vị`,
      shortName: 'Khối Tổng hợp',
      province: 'Hà Nam',
      issuingBody: 'KHỐI THI ĐUA TỔNG HỢP',
      issuingParent: 'UBND TỈNH HÀ NAM',
      partyFormat: false,
      createdAt: o.now,
      updatedAt: o.now,
    },
    ...noRecords(),
    units,
    years,
    scoringTables: tables,
  });
}

function syntheticTable(blocId: string, year: number, criteria: number, now: string): ScoringTable {
  const groupCount = Math.min(ROMAN.length - 2, Math.max(1, Math.ceil(criteria / 15)));
  const bonus = criteria >= 4 ? 1 : 0;
  const deduction = criteria >= 4 ? 1 : 0;
  const normalCount = criteria - bonus - deduction;
  const groups: CriteriaGroup[] = [];
  let made = 0;
  for (let g = 0; g < groupCount; g++) {
    const n = Math.floor(normalCount / groupCount) + (g < normalCount % groupCount ? 1 : 0);
    groups.push({
      id: `${blocId}-${year}-g${g + 1}`,
      code: ROMAN[g]!,
      title: `Nhóm tiêu chí ${ROMAN[g]}`,
      kind: 'normal',
      criteria: Array.from({ length: n }, (_, j) => ({
        id: `${blocId}-${year}-c${++made}`,
        code: `${g + 1}.${j + 1}`,
        title: `${CRITERION_TEXTS[(made - 1) % CRITERION_TEXTS.length]} (tiêu chí ${g + 1}.${j + 1})`,
        max: [2, 3, 5, 10][made % 4]!,
        kind: 'qualitative' as const,
        guidance: '',
      })),
    });
  }
  const extra = (kind: 'bonus' | 'deduction', idx: number): CriteriaGroup => ({
    id: `${blocId}-${year}-g${kind}`,
    code: ROMAN[idx]!,
    title: kind === 'bonus' ? 'Điểm thưởng' : 'Điểm trừ',
    kind,
    criteria: [
      {
        id: `${blocId}-${year}-c${++made}`,
        code: `${idx + 1}.1`,
        title: kind === 'bonus' ? 'Có sáng kiến, mô hình mới được công nhận' : 'Chậm gửi báo cáo theo quy định',
        max: kind === 'bonus' ? 5 : 3,
        kind,
        guidance: '',
      },
    ],
  });
  if (bonus) groups.push(extra('bonus', groupCount));
  if (deduction) groups.push(extra('deduction', groupCount + 1));
  const scale = groups.filter((g) => g.kind === 'normal').reduce((s, g) => s + g.criteria.reduce((a, c) => a + c.max, 0), 0);
  return {
    id: `${blocId}-bcd-${year}-v1`,
    blocId,
    year,
    version: 1,
    status: 'locked',
    title: `Bảng chấm điểm thi đua năm ${year}`,
    scale,
    groups,
    reason: '',
    lockedAt: now,
    createdAt: now,
    updatedAt: now,
  };
}

// ---- Full verification history (demo --full, benchmarks, the history screen) ----

/** A score from 50 % to 100 % of the maximum in half points, different per unit, criterion and year (ranks move over the years). */
function syntheticScore(max: number, u: number, c: number, year: number): number {
  const h = ((u + 1) * 7919 + (c + 1) * 104729 + year * 31 * (u + 3)) % 997;
  return Math.round(max * (0.5 + (0.5 * h) / 996) * 2) / 2;
}

/**
 * The bloc with every year scored (or only the `years` given): for each year's table, each member
 * and each criterion a self score entered by one import batch of the year, then a verified score
 * (every third one lowered by half a point, with the reason), both in the score's history. The
 * verification's lock, the ranking and the vote are added by withYearEnds (./year-end.ts).
 */
export function withFullHistory(data: BlocData, years?: readonly number[]): BlocData {
  const scores: Score[] = [];
  const batches: ImportBatch[] = [];
  const unitIndex = new Map(data.units.map((u, i) => [u.id, i]));
  for (const table of data.scoringTables) {
    const year = table.year;
    if (years && !years.includes(year)) continue;
    const yearRecord = data.years.find((y) => y.year === year);
    const members = (yearRecord?.memberUnitIds ?? []).flatMap((id) => {
      const u = data.units.find((x) => x.id === id);
      return u ? [u] : [];
    });
    const batchId = `${data.bloc.id}-nhap-${year}`;
    const changes: ImportBatch['changes'] = [];
    const criteria = tableCriteria(table);
    for (const unit of members) {
      const u = unitIndex.get(unit.id)!;
      criteria.forEach(({ criterion }, c) => {
        const self = syntheticScore(criterion.max, u, c, year);
        const adjusted = (u + c + year) % 3 === 0;
        const verified = adjusted ? Math.max(0, self - 0.5) : self;
        const at = `${year}-12-1${u % 9}T08:00:00.000Z`;
        const verifiedAt = `${year}-12-20T02:00:00.000Z`;
        changes.push({ unitId: unit.id, code: criterion.code, field: 'self', old: null, new: self });
        scores.push({
          id: `${year}:${unit.id}:${criterion.code}`,
          blocId: data.bloc.id,
          year,
          unitId: unit.id,
          code: criterion.code,
          self,
          verified,
          note: c % 4 === 0 ? `Minh chứng: báo cáo số ${c + 1}/BC-${unit.code}` : '',
          history: [
            { at, by: 'Nhập từ tệp tự chấm', field: 'self', old: null, new: self, reason: '', batchId },
            {
              at: verifiedAt,
              by: 'Thư ký khối',
              field: 'verified',
              old: null,
              new: verified,
              reason: adjusted ? 'Minh chứng chưa đầy đủ, trừ 0,5 điểm theo biên bản thẩm định' : '',
              batchId: null,
            },
          ],
          updatedAt: verifiedAt,
        });
      });
    }
    batches.push({
      id: batchId,
      blocId: data.bloc.id,
      year,
      createdAt: `${year}-12-10T08:00:00.000Z`,
      files: members.map((unit) => ({
        name: `TuCham_${year}_${unit.code}.xlsx`,
        sha256: '0'.repeat(64),
        unitId: unit.id,
        receivedAt: `${year}-12-10T08:00:00.000Z`,
      })),
      changes,
      undoneAt: null,
    });
  }
  // In id order, as the app holds and exports them (a package of this bloc is then as the app writes it).
  const all = [...data.scores, ...scores].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ...data, scores: all, importBatches: [...data.importBatches, ...batches] };
}
