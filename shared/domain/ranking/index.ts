/** The year-end ranking (pure). */
export { rankUnits } from './rank-units';
export { classify } from './classification';
export { eligibilityNote } from './explain';
export { decidedByCode, decidedByText } from './labels';
export { rankingRow, type RankingRow } from './rows';
export type {
  ChairDecision,
  ClassificationBand,
  Eligibility,
  RankedUnit,
  RankingInput,
  RankingResult,
  RankingScore,
  RankingStatus,
  RankingUnit,
  Separation,
} from './types';
