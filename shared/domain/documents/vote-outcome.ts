/**
 * The vote's outcome as the conference papers print it: per award section the proposed units with
 * their votes, the base and the percent (two decimals, decimal comma); what is still undecided.
 */
import type { Unit } from '../../model/records';
import { BASE_COLUMN_NAMES, BASE_NAMES } from '../vote/threshold';
import type { SectionKind, SectionVerdict, ThresholdBaseKind } from '../vote/types';
import type { ConferenceContext } from './conference-context';

export interface ProposedUnit {
  code: string;
  /** The unit's record, when the code is one of the bloc's units. */
  unit: Unit | null;
  name: string;
  votes: number;
  /** The base of the round the votes come from. */
  base: number;
  percent: string;
  round: number;
}

export interface SectionOutcome {
  id: string;
  title: string;
  kind: SectionKind;
  seats: number;
  baseKind: ThresholdBaseKind;
  /** "phiếu hợp lệ". */
  baseName: string;
  /** "so với tổng số phiếu hợp lệ". */
  baseColumn: string;
  winners: ProposedUnit[];
  /** The section is not decided yet (errors, a tie to re-vote, a round not entered). */
  pending: string | null;
}

function pendingReason(s: SectionVerdict): string | null {
  if (s.blocked) return 'số liệu kiểm phiếu còn lỗi';
  if (s.tie) return 'có đơn vị bằng phiếu chưa được giải quyết';
  if (s.nextRound?.reason === 'notEntered') return 'chưa nhập kết quả kiểm phiếu';
  return null;
}

/** Every section of the vote, award sections first in their order, then the offices. */
export function voteOutcome(ctx: ConferenceContext): SectionOutcome[] {
  if (!ctx.vote) return [];
  const byCode = new Map(ctx.members.map((u) => [u.code, u]));
  const names = ctx.vote.input.names ?? {};
  return ctx.vote.result.sections.map((s) => {
    const winners = s.winners.map((code): ProposedUnit => {
      const v = s.units.find((u) => u.code === code);
      const round = v?.round ?? 0;
      const base = s.rounds[round - 1]?.base ?? s.base;
      const unit = byCode.get(code) ?? null;
      return { code, unit, name: unit?.name ?? names[code] ?? code, votes: v?.votes ?? 0, base, percent: v?.percent ?? '0,00', round };
    });
    return {
      id: s.id,
      title: s.title,
      kind: s.kind,
      seats: s.seats,
      baseKind: s.baseKind,
      baseName: BASE_NAMES[s.baseKind],
      baseColumn: BASE_COLUMN_NAMES[s.baseKind],
      winners,
      pending: pendingReason(s),
    };
  });
}

/** The award sections only. */
export function awardOutcomes(ctx: ConferenceContext): SectionOutcome[] {
  return voteOutcome(ctx).filter((s) => s.kind === 'award');
}

/** "8/9 phiếu hợp lệ, tỷ lệ 88,89%". */
export function votesPhrase(p: ProposedUnit, s: Pick<SectionOutcome, 'baseName'>): string {
  return `${p.votes}/${p.base} ${s.baseName}, tỷ lệ ${p.percent}%`;
}
