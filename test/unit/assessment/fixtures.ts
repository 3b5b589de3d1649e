/** BlocData fixtures for the assessment tests, built in code from the sample scoring table. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  BlocDataSchema,
  type BlocData,
  type CriterionKind,
  type ScoringTable,
} from '../../../shared/model/records';
import { defaultRulesProfile } from '../../../shared/domain/rules-defaults';

interface SampleTable {
  title: string;
  scale: number;
  groups: {
    code: string;
    title: string;
    kind: 'normal' | 'bonus' | 'deduction';
    cap?: number;
    criteria: { code: string; title: string; max: number; kind?: CriterionKind; perItem?: number }[];
  }[];
}

const NOW = '2024-12-01T08:00:00.000Z';
export const BLOC_ID = 'bloc-vhxh';

export function sampleTableJson(): SampleTable {
  return JSON.parse(readFileSync(fileURLToPath(new URL('../../fixtures/samples/scoring-table-2024.json', import.meta.url)), 'utf8')) as SampleTable;
}

export function tableFrom(sample: SampleTable, opts: { year?: number; version?: number; id?: string } = {}): ScoringTable {
  const year = opts.year ?? 2024;
  return {
    id: opts.id ?? `st-${year}-v${opts.version ?? 1}`,
    blocId: BLOC_ID,
    year,
    version: opts.version ?? 1,
    status: 'locked',
    title: sample.title,
    scale: sample.scale,
    groups: sample.groups.map((g, gi) => ({
      id: `g${gi}`,
      code: g.code,
      title: g.title,
      kind: g.kind,
      ...(g.cap !== undefined ? { cap: g.cap } : {}),
      criteria: g.criteria.map((c, ci) => ({
        id: `c${gi}-${ci}`,
        code: c.code,
        title: c.title,
        max: c.max,
        kind: c.kind ?? (g.kind === 'bonus' ? 'bonus' : g.kind === 'deduction' ? 'deduction' : 'qualitative'),
        ...(c.perItem !== undefined ? { perItem: c.perItem } : {}),
        guidance: '',
      })),
    })),
    reason: '',
    lockedAt: NOW,
    createdAt: NOW,
    updatedAt: NOW,
  };
}

export function sampleTable(opts: { year?: number; version?: number } = {}): ScoringTable {
  const t = tableFrom(sampleTableJson(), opts);
  // The bonus group of the sample says "tối đa 5 điểm".
  const bonus = t.groups.find((g) => g.kind === 'bonus');
  if (bonus) bonus.cap = 5;
  return t;
}

/** A table of `groups` × `perGroup` criteria (for benchmarks and large cases). */
export function bigTable(criteria: number, year = 2024): ScoringTable {
  const perGroup = 15;
  const groups: SampleTable['groups'] = [];
  for (let i = 0; i * perGroup < criteria; i++) {
    const n = Math.min(perGroup, criteria - i * perGroup);
    groups.push({
      code: String(i + 1),
      title: `Nhóm tiêu chí số ${i + 1}: nhiệm vụ chuyên môn, cải cách hành chính và thi đua`,
      kind: 'normal',
      criteria: Array.from({ length: n }, (_, j) => ({
        code: `${i + 1}.${j + 1}`,
        title: `Tiêu chí ${i + 1}.${j + 1}: hoàn thành đầy đủ, đúng hạn và bảo đảm chất lượng các nhiệm vụ được giao trong năm`,
        max: 5 + (j % 4) * 5,
      })),
    });
  }
  return tableFrom({ title: `Bảng chấm điểm ${criteria} tiêu chí`, scale: 1000, groups }, { year });
}

export const UNIT_CODES = ['SYT', 'SGDDT', 'SLDTBXH', 'SVHTTDL', 'BHXH', 'BQLATTP', 'DPTTH', 'TTHCC'];
const UNIT_NAMES: Record<string, string> = {
  SYT: 'Sở Y tế',
  SGDDT: 'Sở Giáo dục và Đào tạo',
  SLDTBXH: 'Sở Lao động - Thương binh và Xã hội',
  SVHTTDL: 'Sở Văn hóa, Thể thao và Du lịch',
  BHXH: 'Bảo hiểm xã hội tỉnh',
  BQLATTP: 'Ban Quản lý An toàn thực phẩm tỉnh',
  DPTTH: 'Đài Phát thanh và Truyền hình tỉnh',
  TTHCC: 'Trung tâm Hành chính công tỉnh',
};

export function unitId(code: string): string {
  return `u-${code.toLowerCase()}`;
}

/** The sample bloc with its 2024 year and the given scoring tables (default: the sample, version 1). */
export function sampleBloc(opts: { tables?: ScoringTable[]; unitCodes?: string[]; year?: number } = {}): BlocData {
  const codes = opts.unitCodes ?? UNIT_CODES;
  const year = opts.year ?? 2024;
  return BlocDataSchema.parse({
    bloc: {
      id: BLOC_ID,
      name: 'Khối các Sở, ban, ngành tham mưu và quản lý Nhà nước về văn hóa - xã hội',
      shortName: 'Khối Văn hóa - Xã hội',
      province: 'Hà Nam',
      issuingBody: 'KHỐI THI ĐUA VĂN HÓA - XÃ HỘI',
      createdAt: NOW,
      updatedAt: NOW,
    },
    units: codes.map((code, i) => ({
      id: unitId(code),
      blocId: BLOC_ID,
      code,
      name: UNIT_NAMES[code] ?? `Đơn vị ${code}`,
      order: i + 1,
      createdAt: NOW,
      updatedAt: NOW,
    })),
    years: [
      {
        id: `y-${year}`,
        blocId: BLOC_ID,
        year,
        memberUnitIds: codes.map(unitId),
        leaderUnitId: null,
        deputyUnitId: null,
        rules: defaultRulesProfile(),
        createdAt: NOW,
        updatedAt: NOW,
      },
    ],
    scoringTables: opts.tables ?? [sampleTable({ year })],
  });
}
