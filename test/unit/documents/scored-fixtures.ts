/**
 * Blocs with a year of scores for the ranking documents and the matrix export: the sample bloc's
 * 2024 (every submitted criterion verified, a few changed with the verifier's reason, a shared
 * rank, a tie broken by a rule, one unit that sent part of its file and one that sent nothing), and
 * a synthetic bloc of any size.
 */
import { tableCriteria } from '../../../shared/domain/scoring';
import { scoreId, type BlocData, type Score, type ScoreChange } from '../../../shared/model/records';
import { buildSampleBlocData, buildSyntheticBlocData } from '../../../shared/sample/sample-bloc';

export const SCORED_NOW = '2025-01-06T02:00:00.000Z';
const BY = 'Nguyễn Thị Thư (thư ký Khối)';

interface Change {
  verified: number;
  reason: string;
}

function score(data: BlocData, year: number, unitId: string, code: string, self: number | null, change?: Change, verifyAll = true): Score {
  const history: ScoreChange[] = [];
  if (self !== null) history.push({ at: '2024-12-20T03:00:00.000Z', by: BY, field: 'self', old: null, new: self, reason: 'Nhập từ tệp tự chấm', batchId: null });
  let verified: number | null = null;
  if (change) {
    // An earlier, superseded change: the notice must print the reason of the value in force.
    history.push({ at: '2024-12-27T03:00:00.000Z', by: BY, field: 'verified', old: null, new: self, reason: 'Giữ nguyên điểm tự chấm', batchId: null });
    history.push({ at: '2024-12-28T03:00:00.000Z', by: BY, field: 'verified', old: self, new: change.verified, reason: change.reason, batchId: null });
    verified = change.verified;
  } else if (verifyAll && self !== null) {
    history.push({ at: '2024-12-27T03:00:00.000Z', by: BY, field: 'verified', old: null, new: self, reason: '', batchId: null });
    verified = self;
  }
  return { id: scoreId(year, unitId, code), blocId: data.bloc.id, year, unitId, code, self, verified, note: '', history, updatedAt: SCORED_NOW };
}

/** Points below the maximum per unit code and criterion (self scores). */
const SAMPLE_DEFICITS: Record<string, Record<string, number>> = {
  SYT: { '1.1': 0.5 },
  // SGDDT and BHXH: the same scores everywhere: a shared rank the tie rules cannot break (re-vote).
  SGDDT: { '1.1': 2, '2.2': 0.5 },
  BHXH: { '1.1': 2, '2.2': 0.5 },
  // Same total as SGDDT after verification, but with more bonus points: placed below by "higher total before bonus".
  SLDTBXH: { '1.1': 1.5, '2.2': 0.5, '2.3': 1 },
  SVHTTDL: { '1.1': 3, '3.1': 1, '4.2': 0.5 },
  DPTTH: { '1.2': 1, '5.1': 0.5 },
};
const SAMPLE_BONUS: Record<string, [number, number]> = {
  SYT: [3, 2], SGDDT: [2, 0], BHXH: [2, 0], SLDTBXH: [3, 0], SVHTTDL: [0, 0], DPTTH: [1, 1],
};
const SAMPLE_DEDUCTION: Record<string, [number, number]> = { SVHTTDL: [1, 0] };
/** The verifier's changes (unit code → criterion → new value and reason). */
export const SAMPLE_CHANGES: Record<string, Record<string, Change>> = {
  SYT: {
    '1.1': { verified: 18.5, reason: 'Chưa hoàn thành 01 chỉ tiêu về tiêm chủng mở rộng (Báo cáo số 112/BC-SYT)' },
    '6.2': { verified: 1, reason: 'Sáng kiến chưa được Hội đồng sáng kiến tỉnh công nhận' },
  },
  SLDTBXH: { '2.3': { verified: 2.5, reason: 'Minh chứng chỉ có 02 điển hình được khen thưởng' } },
  SVHTTDL: { '7.1': { verified: 2, reason: 'Gửi chậm 02 báo cáo định kỳ (quý II và quý III)' } },
};

/**
 * Totals after verification: SYT 102,5 (1), DPTTH 100,5 (2), SGDDT and BHXH 99,5 (3, đồng hạng,
 * re-vote), SLDTBXH 99,5 (5, more bonus), SVHTTDL 93,5 (6), then BQLATTP (part) and TTHCC (nothing).
 */
export const SAMPLE_TOTALS: Record<string, { self: number; total: number; rank: number }> = {
  SYT: { self: 104.5, total: 102.5, rank: 1 },
  DPTTH: { self: 100.5, total: 100.5, rank: 2 },
  SGDDT: { self: 99.5, total: 99.5, rank: 3 },
  BHXH: { self: 99.5, total: 99.5, rank: 3 },
  SLDTBXH: { self: 100, total: 99.5, rank: 5 },
  SVHTTDL: { self: 94.5, total: 93.5, rank: 6 },
};

/** The sample bloc with its 2024 self scores, every one verified, some changed with a reason. */
export function sampleScoredBloc(): BlocData {
  const data = buildSampleBlocData(SCORED_NOW);
  const year = 2024;
  const table = data.scoringTables.find((t) => t.year === year)!;
  const unitOf = (code: string) => data.units.find((u) => u.code === code)!;
  const scores: Score[] = [];
  for (const code of Object.keys(SAMPLE_DEFICITS)) {
    const unit = unitOf(code);
    for (const { criterion, contribution } of tableCriteria(table)) {
      let self: number;
      if (contribution === 'add') self = criterion.max - (SAMPLE_DEFICITS[code]![criterion.code] ?? 0);
      else if (contribution === 'bonus') self = SAMPLE_BONUS[code]![criterion.code === '6.1' ? 0 : 1];
      else self = (SAMPLE_DEDUCTION[code] ?? [0, 0])[criterion.code === '7.1' ? 0 : 1];
      scores.push(score(data, year, unit.id, criterion.code, self, SAMPLE_CHANGES[code]?.[criterion.code]));
    }
  }
  // BQLATTP sent a file with group I only (not verified yet); TTHCC sent nothing.
  const partial = unitOf('BQLATTP');
  for (const { criterion, group } of tableCriteria(table)) {
    if (group.code === 'I') scores.push(score(data, year, partial.id, criterion.code, criterion.max - 1, undefined, false));
  }
  data.scores = scores;
  return data;
}

/**
 * A synthetic bloc of `units` units and `criteria` criteria for 2024: every eighth unit sent
 * nothing, the others self-scored from a few values (so totals tie), two criteria in three verified,
 * every fifth verified criterion lowered by half a point with a reason.
 */
export function syntheticScoredBloc(units: number, criteria: number): BlocData {
  const data = buildSyntheticBlocData({ units, criteria, years: 1, now: SCORED_NOW });
  const table = data.scoringTables[0]!;
  const scores: Score[] = [];
  data.units.forEach((unit, u) => {
    if (u % 8 === 7) return;
    tableCriteria(table).forEach(({ criterion }, c) => {
      const self = Math.round(criterion.max * (((u * 7 + c * 3) % 5) / 4) * 2) / 2;
      const verify = c % 3 !== 2;
      const lower = verify && c % 5 === 0 && self > 0;
      scores.push(
        score(data, 2024, unit.id, criterion.code, self, lower ? { verified: self - 0.5, reason: `Thiếu minh chứng cho tiêu chí ${criterion.code}` } : undefined, verify),
      );
    });
  });
  data.scores = scores;
  return data;
}
