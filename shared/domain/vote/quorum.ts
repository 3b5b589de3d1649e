/** Quorum: an exact fraction of the member units present. Below it, no vote and no tally. */
import { meetsFraction, minCountFor } from './fraction';
import { comparisonPhrase } from './threshold';
import type { Quorum } from './types';

export interface QuorumCheck {
  met: boolean;
  /** Fewest units present that meet the quorum; null without a quorum rule. */
  required: number | null;
  present: number;
  members: number;
  /** "Có mặt 8/8 đơn vị thành viên, ..." */
  explanation: string;
}

export function requiredPresent(memberCount: number, quorum: Quorum): number {
  return minCountFor(memberCount, quorum, quorum.comparison);
}

export function checkQuorum(presentCount: number, memberCount: number, quorum: Quorum | null | undefined): QuorumCheck {
  const head = `Có mặt ${presentCount}/${memberCount} đơn vị thành viên`;
  if (!quorum) {
    return { met: true, required: null, present: presentCount, members: memberCount, explanation: `${head}; quy chế không đặt số lượng tối thiểu.` };
  }
  const required = requiredPresent(memberCount, quorum);
  const met = meetsFraction(presentCount, memberCount, quorum, quorum.comparison);
  const rule = `${comparisonPhrase(quorum)} số đơn vị thành viên, cần ít nhất ${required} đơn vị`;
  const explanation = met
    ? `${head}, đủ số lượng theo quy chế (${rule}): hội nghị được tiến hành bỏ phiếu.`
    : `${head}, không đủ số lượng theo quy chế (${rule}): không được tiến hành bỏ phiếu và kiểm phiếu.`;
  return { met, required, present: presentCount, members: memberCount, explanation };
}
