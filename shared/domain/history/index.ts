/** The bloc's multi-year history (pure). */
export { blocHistory, TOP_UNITS, type HistoryInput } from './bloc-history';
export { proposedAwards, type AwardsInput } from './awards';
export { awardsChartData, rankChartData } from './charts';
export type * from './types';
