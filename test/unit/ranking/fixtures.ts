/** A small scoring table and units for the ranking tests, with scores given per group. */
import type { ScoringTable, TieRule } from '../../../shared/model/records';
import { rankUnits, type ChairDecision, type ClassificationBand, type Eligibility, type RankingScore } from '../../../shared/domain/ranking';

/**
 * I (normal, 50) and II (normal, 50): nominal scale 100; III bonus (two criteria of 5, capped at 5);
 * IV deduction (two criteria of 5, capped at 6).
 */
export const TABLE: Pick<ScoringTable, 'groups'> = {
  groups: [
    {
      id: 'g1', code: 'I', title: 'Thực hiện nhiệm vụ chính trị, chuyên môn', kind: 'normal',
      criteria: [
        { id: 'c11', code: '1.1', title: 'Hoàn thành chỉ tiêu', max: 30, kind: 'qualitative', guidance: '' },
        { id: 'c12', code: '1.2', title: 'Tham mưu đúng hạn', max: 20, kind: 'qualitative', guidance: '' },
      ],
    },
    {
      id: 'g2', code: 'II', title: 'Công tác thi đua, khen thưởng', kind: 'normal',
      criteria: [
        { id: 'c21', code: '2.1', title: 'Phong trào thi đua', max: 30, kind: 'qualitative', guidance: '' },
        { id: 'c22', code: '2.2', title: 'Điển hình tiên tiến', max: 20, kind: 'qualitative', guidance: '' },
      ],
    },
    {
      id: 'g3', code: 'III', title: 'Điểm thưởng', kind: 'bonus', cap: 5,
      criteria: [
        { id: 'c31', code: '3.1', title: 'Cờ thi đua đã nhận', max: 5, kind: 'bonus', guidance: '' },
        { id: 'c32', code: '3.2', title: 'Mô hình mới', max: 5, kind: 'bonus', guidance: '' },
      ],
    },
    {
      id: 'g4', code: 'IV', title: 'Điểm trừ', kind: 'deduction', cap: 6,
      criteria: [
        { id: 'c41', code: '4.1', title: 'Báo cáo chậm', max: 5, kind: 'deduction', guidance: '' },
        { id: 'c42', code: '4.2', title: 'Vi phạm quy chế', max: 5, kind: 'deduction', guidance: '' },
      ],
    },
  ],
};

export const NAMES: Record<string, string> = {
  SYT: 'Sở Y tế',
  STC: 'Sở Tài chính',
  SNV: 'Sở Nội vụ',
  STP: 'Sở Tư pháp',
  SXD: 'Sở Xây dựng',
  SCT: 'Sở Công Thương',
};

export const id = (code: string) => `u-${code}`;

export function units(codes: string[]) {
  return codes.map((code) => ({ id: id(code), code, name: NAMES[code] ?? code }));
}

/** Points per group, spread over its criteria: the first criterion takes what it can, the second the rest. */
export interface GroupPoints {
  I: number;
  II: number;
  bonus?: number;
  bonus2?: number;
  deduction?: number;
  deduction2?: number;
}

function spread(total: number, firstMax: number): [number, number] {
  const first = Math.min(firstMax, total);
  return [first, Math.round((total - first) * 1e6) / 1e6];
}

/** Self scores of one unit (verified left empty unless `verified` is given for a code). */
export function scoresOf(code: string, p: GroupPoints, verified: Record<string, number> = {}): RankingScore[] {
  const [a, b] = spread(p.I, 30);
  const [c, d] = spread(p.II, 30);
  const values: Record<string, number> = {
    '1.1': a, '1.2': b, '2.1': c, '2.2': d,
    '3.1': p.bonus ?? 0, '3.2': p.bonus2 ?? 0, '4.1': p.deduction ?? 0, '4.2': p.deduction2 ?? 0,
  };
  return Object.entries(values).map(([criterion, self]) => ({ unitId: id(code), code: criterion, self, verified: verified[criterion] ?? null }));
}

/** Every criterion verified at its self score. */
export function allVerified(scores: RankingScore[]): RankingScore[] {
  return scores.map((s) => ({ ...s, verified: s.self }));
}

export function rank(
  codes: string[],
  scores: RankingScore[],
  tieRules: TieRule[],
  extra: { decisions?: ChairDecision[]; bands?: ClassificationBand[]; eligibility?: Map<string, Eligibility> } = {},
) {
  return rankUnits({ table: TABLE, units: units(codes), scores, tieRules, ...extra });
}

/** [code, rank] in the printed order. */
export function order(result: ReturnType<typeof rank>): [string, number | null][] {
  return result.entries.map((e) => [e.code, e.rank]);
}
