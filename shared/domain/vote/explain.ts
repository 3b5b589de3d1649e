/**
 * Verdicts in words, as the secretariat reads them out and the minutes print them:
 * "Sở Y tế đạt 7/9 phiếu hợp lệ = 77,78%, trên 1/2: đề nghị Cờ thi đua của Chính phủ."
 * An award is always "đề nghị" (the bloc proposes; the province awards), never "đạt".
 */
import { formatNumberVi } from '../../text/vietnamese';
import { comparisonPhrase, failPhrase, BASE_NAMES } from './threshold';
import type { SectionKind, Threshold, ThresholdBaseKind, UnitStatus, VerdictOverride } from './types';

/** "số phiếu hợp lệ", "tổng số đơn vị thành viên". */
export function baseNoun(kind: ThresholdBaseKind): string {
  return kind === 'members' ? BASE_NAMES.members : `số ${BASE_NAMES[kind]}`;
}

/** "đề nghị Cờ thi đua của Chính phủ" / "trúng cử Khối trưởng năm 2025". */
export function proposeVerb(kind: SectionKind, title: string): string {
  return kind === 'office' ? `trúng cử ${title}` : `đề nghị ${title}`;
}

export function rejectVerb(kind: SectionKind): string {
  return kind === 'office' ? 'không trúng cử' : 'không đề nghị';
}

/** "7/9 phiếu hợp lệ = 77,78%" */
export function votesOfBase(votes: number, base: number, kind: ThresholdBaseKind, percent: string): string {
  return `${votes}/${base} ${BASE_NAMES[kind]} = ${percent}%`;
}

export interface UnitExplainInput {
  name: string;
  votes: number;
  base: number;
  baseKind: ThresholdBaseKind;
  percent: string;
  threshold: Threshold;
  minVotes: number | null;
  passes: boolean;
  status: UnitStatus;
  sectionTitle: string;
  kind: SectionKind;
  round: number;
  /** winner: how the seat was won. */
  won?: 'clear' | 'higherScore' | 'chair';
  /** passes without a seat: why. */
  lost?: 'outranked' | 'lostOnScore' | 'notChosen' | 'blocked';
  /** Names of the other units level at the cut line. */
  tiedWith?: string[];
  tieSeatsLeft?: number;
  /** tied: what happens next. */
  tieNext?: 'revote' | 'chair' | 'scoreEqual' | 'scoreMissing';
  score?: number;
  decisionReason?: string;
  /** alreadyAwarded: the earlier section's title and kind. */
  awardedIn?: { title: string; kind: SectionKind };
}

export function explainUnit(u: UnitExplainInput): string {
  const prefix = u.round > 1 ? `Vòng ${u.round}: ` : '';
  const yes = proposeVerb(u.kind, u.sectionTitle);
  const no = rejectVerb(u.kind);
  if (u.status === 'ineligible') {
    const what = u.kind === 'office' ? 'ứng cử' : 'được đề nghị khen thưởng';
    const votes = u.votes > 0 ? ` (có ${u.votes} phiếu)` : '';
    return `${prefix}${u.name} không đủ điều kiện ${what}${votes}: không xét.`;
  }
  if (u.base <= 0) {
    return `${prefix}${u.name} có ${u.votes} phiếu; ${baseNoun(u.baseKind)} bằng 0 nên không đơn vị nào đạt ngưỡng: ${no}.`;
  }
  const head = `${prefix}${u.name} đạt ${votesOfBase(u.votes, u.base, u.baseKind, u.percent)}`;
  const cmp = u.passes ? comparisonPhrase(u.threshold) : failPhrase(u.threshold);
  const others = u.tiedWith?.length ? u.tiedWith.join(', ') : '';
  switch (u.status) {
    case 'alreadyAwarded': {
      const a = u.awardedIn;
      const earlier = !a ? 'được chọn' : a.kind === 'office' ? `trúng cử ${a.title}` : `được đề nghị ${a.title}`;
      return `${head}, nhưng đã ${earlier} ở mục trước: không xét ở mục này.`;
    }
    case 'winner':
      if (u.won === 'higherScore') {
        return `${head}, ${cmp}, bằng phiếu với ${others} và có tổng điểm cao hơn (${formatNumberVi(u.score ?? 0)} điểm): ${yes}.`;
      }
      if (u.won === 'chair') {
        return `${head}, ${cmp}, bằng phiếu với ${others}; chủ trì hội nghị quyết định chọn (lý do: ${u.decisionReason ?? ''}): ${yes}.`;
      }
      return `${head}, ${cmp}: ${yes}.`;
    case 'tied': {
      const seats = `còn ${u.tieSeatsLeft ?? 0} chỉ tiêu`;
      const next =
        u.tieNext === 'chair'
          ? 'chờ chủ trì hội nghị quyết định'
          : u.tieNext === 'scoreEqual'
            ? `tổng điểm cũng bằng nhau (${formatNumberVi(u.score ?? 0)} điểm): bỏ phiếu lại`
            : u.tieNext === 'scoreMissing'
              ? 'chưa có tổng điểm để so sánh: bỏ phiếu lại'
              : 'bỏ phiếu lại giữa các đơn vị bằng phiếu';
      return `${head}, ${cmp}, bằng phiếu với ${others} ở vị trí cuối (${seats}): ${next}.`;
    }
    case 'passes':
      if (u.lost === 'blocked') return `${head}, ${cmp}; chưa kết luận vì còn lỗi cần xử lý trước (xem danh sách lỗi).`;
      if (u.lost === 'lostOnScore') {
        return `${head}, ${cmp}, bằng phiếu với ${others} nhưng tổng điểm thấp hơn (${formatNumberVi(u.score ?? 0)} điểm): ${no}.`;
      }
      if (u.lost === 'notChosen') {
        return `${head}, ${cmp}, bằng phiếu với ${others}; chủ trì hội nghị quyết định chọn đơn vị khác (lý do: ${u.decisionReason ?? ''}): ${no}.`;
      }
      return `${head}, ${cmp} nhưng xếp sau các đơn vị có số phiếu cao hơn, đã hết chỉ tiêu: ${no}.`;
    case 'fails': {
      const need = u.minVotes !== null ? ` (cần ít nhất ${u.minVotes} phiếu)` : '';
      return `${head}, ${cmp}${need}: ${no}.`;
    }
  }
}

/** The sentence added when a verdict is changed by hand; the computed one stays before it. */
export function explainOverride(o: VerdictOverride, kind: SectionKind, title: string): string {
  const verdict = o.winner ? proposeVerb(kind, title) : rejectVerb(kind);
  return `Hội nghị quyết định điều chỉnh: ${verdict}. Lý do: ${o.reason.trim()}.`;
}
