/**
 * The awards the bloc proposed each year and what became of them: the ONE place the history reads
 * them from.
 *
 * The year-end vote (shared/domain/vote) decides which units the bloc proposes for each award, but
 * its results are not stored as records yet: until the vote records land, this returns no award
 * for any year, and the history shows "chưa có kết quả bình xét". When they land, read the finished
 * votes of `year` here (winners of each award section → 'proposed'; the province's decision, when
 * recorded, → 'granted' / 'not-granted'); every view, chart and export of the history follows.
 */
import type { BlocData } from '../../model/records';
import type { ProposedAward } from './types';

export type AwardsInput = Pick<BlocData, 'bloc' | 'years'>;

export function proposedAwards(_data: AwardsInput, _year: number): ProposedAward[] {
  return [];
}
