/**
 * One award section through all its rounds: seats, rounds combined, overrides, the next round due.
 */
import { explainOverride, votesOfBase } from './explain';
import { IssueList, listUnits } from './issues';
import { computeRound, defaultCandidates, type RoundContext } from './round';
import { resolveSeats, seatRuleText } from './seats';
import { thresholdText } from './threshold';
import type {
  NextRound,
  RoundVerdict,
  SectionInput,
  SectionKind,
  SectionRules,
  SectionUnitVerdict,
  SectionVerdict,
  TieInfo,
  VerdictOverride,
} from './types';

export interface SectionContext {
  members: readonly string[];
  /** Units proposed in earlier sections, with where (exclusive awards skip them). */
  awardedBefore: ReadonlyMap<string, { title: string; kind: SectionKind }>;
  exclusive: boolean;
  presentCount: number;
  spareBallots: number;
  blockedGlobally: boolean;
  names: Readonly<Record<string, string>>;
}

export function computeSection(input: SectionInput, rules: SectionRules, ctx: SectionContext): SectionVerdict {
  const issues = new IssueList({ sectionId: rules.id, sectionTitle: rules.title });
  const memberSet = new Set(ctx.members);
  const name = (c: string) => ctx.names[c] ?? c;
  const skip = ctx.exclusive ? ctx.awardedBefore : new Map<string, { title: string; kind: SectionKind }>();

  for (const c of rules.ineligible) {
    if (!memberSet.has(c)) issues.error('section.ineligibleUnknown', `mã đơn vị không đủ điều kiện "${c}" không thuộc khối.`);
  }
  for (const c of Object.keys(rules.scores)) {
    if (!memberSet.has(c)) issues.warn('section.scoreUnknown', `có tổng điểm cho mã đơn vị "${c}" không thuộc khối.`);
  }

  const remaining = ctx.members.filter((m) => !ctx.awardedBefore.has(m)).length;
  const seats = resolveSeats(rules.seats, remaining);
  if (seats === 0) issues.warn('seats.zero', 'chỉ tiêu của mục này bằng 0: không đơn vị nào được chọn.');

  const rounds: RoundVerdict[] = [];
  const won: string[] = [];
  let openSeats = seats;
  let offered: NextRound | null = null;
  const base: Omit<RoundContext, 'roundNo' | 'input' | 'wonEarlier' | 'openSeats' | 'offered'> = {
    rules,
    sectionSeats: seats,
    members: ctx.members,
    skip,
    presentCount: ctx.presentCount,
    memberCount: ctx.members.length,
    spareBallots: ctx.spareBallots,
    blockedGlobally: ctx.blockedGlobally || issues.errors.length > 0,
    names: ctx.names,
  };
  input.rounds.forEach((roundInput, i) => {
    const { verdict, offer } = computeRound({ ...base, roundNo: i + 1, input: roundInput, wonEarlier: new Set(won), openSeats, offered });
    rounds.push(verdict);
    won.push(...verdict.winners);
    openSeats = Math.max(0, openSeats - verdict.winners.length);
    offered = offer;
  });

  let nextRound: NextRound | null = null;
  if (rounds.length === 0) {
    issues.error('section.noRounds', 'chưa nhập kết quả kiểm phiếu.');
    const candidates = defaultCandidates({ members: ctx.members, rules, wonEarlier: new Set(), skip, roundNo: 1 });
    nextRound = { round: 1, candidates, seats, reason: 'notEntered' };
  } else if (offered) {
    const o: NextRound = offered;
    if (o.round > rules.maxRounds) {
      issues.warn(
        'rounds.maxReached',
        `đã bỏ phiếu đủ ${rules.maxRounds} vòng theo quy chế: ${o.seats} chỉ tiêu còn lại để trống.`,
      );
    } else nextRound = o;
  }

  const last = rounds[rounds.length - 1];
  const computedWinners = [...won];

  // ---- Overrides (the computed verdict stays beside them) ----
  const overrides = new Map<string, VerdictOverride>();
  for (const o of input.overrides ?? []) {
    if (!memberSet.has(o.code)) issues.error('override.unknownUnit', `điều chỉnh kết quả cho mã đơn vị "${o.code}" không thuộc khối.`);
    else if (overrides.has(o.code)) issues.error('override.duplicate', `${name(o.code)} có hơn một điều chỉnh kết quả.`);
    else if (!o.reason.trim()) issues.error('override.noReason', `điều chỉnh kết quả của ${name(o.code)} cần ghi lý do.`);
    else if (o.winner && rules.ineligible.includes(o.code)) issues.error('override.ineligible', `${name(o.code)} không đủ điều kiện, không thể điều chỉnh thành được chọn.`);
    else if (o.winner && skip.has(o.code)) issues.error('override.alreadyAwarded', `${name(o.code)} đã được chọn ở mục trước, không thể chọn thêm ở mục này.`);
    else if (o.winner === computedWinners.includes(o.code)) {
      issues.warn('override.noChange', `điều chỉnh của ${name(o.code)} trùng với kết quả tính theo quy chế.`);
      overrides.set(o.code, o);
    } else overrides.set(o.code, o);
  }
  let winners = computedWinners.filter((c) => overrides.get(c)?.winner !== false);
  for (const [c, o] of overrides) if (o.winner && !winners.includes(c)) winners.push(c);
  if (winners.length > seats) {
    issues.warn('override.overSeats', `sau điều chỉnh có ${winners.length} đơn vị được chọn, vượt chỉ tiêu (${seats}).`);
  }

  // ---- Tie and next round after overrides ----
  let tie: TieInfo | null = last?.tie ?? null;
  const added = winners.filter((c) => !computedWinners.includes(c)).length;
  if (tie && added > 0) {
    const units = tie.units.filter((c) => !winners.includes(c));
    const seatsLeft = tie.seatsLeft - added;
    tie = seatsLeft > 0 && units.length > seatsLeft ? { units, seatsLeft } : null;
  }
  if (nextRound && nextRound.reason !== 'notEntered' && added > 0) {
    const seatsLeft = nextRound.seats - added;
    const candidates = nextRound.candidates.filter((c) => !winners.includes(c));
    nextRound = seatsLeft > 0 && candidates.length > 0 ? { ...nextRound, seats: seatsLeft, candidates } : null;
  }

  // ---- Units: each from the last round it stood in ----
  const units: SectionUnitVerdict[] = [];
  const listed = rounds[0]?.units.map((u) => u.code) ?? ctx.members;
  for (const code of listed) {
    let from: { unit: RoundVerdict['units'][number]; round: number } | null = null;
    for (const r of rounds) {
      const u = r.units.find((x) => x.code === code);
      if (u) from = { unit: u, round: r.round };
    }
    const override = overrides.get(code) ?? null;
    if (from) {
      const explanation = override ? `${from.unit.explanation} ${explainOverride(override, rules.kind, rules.title)}` : from.unit.explanation;
      units.push({ ...from.unit, explanation, round: from.round, override });
    } else {
      const status = rules.ineligible.includes(code) ? 'ineligible' : skip.has(code) ? 'alreadyAwarded' : 'fails';
      units.push({ code, votes: 0, percent: '0,00', passes: false, status, explanation: `${name(code)}: chưa có kết quả kiểm phiếu.`, round: 0, override });
    }
  }

  const errors = [...issues.errors, ...rounds.flatMap((r) => r.errors)];
  const warnings = [...issues.warnings, ...rounds.flatMap((r) => r.warnings)];
  const blocked = ctx.blockedGlobally || errors.length > 0;
  const verdict: SectionVerdict = {
    id: rules.id,
    title: rules.title,
    kind: rules.kind,
    seats,
    baseKind: rules.threshold.base,
    base: last?.base ?? 0,
    minVotesToPass: last?.minVotesToPass ?? null,
    units,
    // No winner is declared on inconsistent data; the computed list stays visible.
    winners: blocked ? [] : winners,
    computedWinners,
    tie: blocked ? null : tie,
    unfilledSeats: blocked ? seats : Math.max(0, seats - winners.length),
    nextRound: blocked && nextRound?.reason !== 'notEntered' ? null : nextRound,
    blocked,
    errors,
    warnings,
    rounds,
    explanation: '',
    rules,
  };
  verdict.explanation = explainSection(verdict, ctx.names, overrides);
  return verdict;
}

/** The section's outcome in one paragraph, for the screen and the minutes' "Kết luận". */
function explainSection(v: SectionVerdict, names: Readonly<Record<string, string>>, overrides: ReadonlyMap<string, VerdictOverride>): string {
  const parts: string[] = [`${v.title} (${seatRuleText(v.rules.seats, v.seats)}; ngưỡng ${thresholdText(v.rules.threshold)}).`];
  const name = (c: string) => names[c] ?? c;
  if (v.blocked) parts.push('Chưa kết luận: số liệu kiểm phiếu còn lỗi hoặc hội nghị không đủ số đơn vị có mặt.');
  const described = v.winners.map((c) => {
    const u = v.units.find((x) => x.code === c);
    const r = v.rounds.find((x) => x.round === u?.round);
    const detail = u && r ? ` (${votesOfBase(u.votes, r.base, r.baseKind, u.percent)}${u.round > 1 ? `, vòng ${u.round}` : ''})` : '';
    return `${name(c)}${detail}`;
  });
  if (described.length) parts.push(`Kết quả: ${described.join('; ')} ${v.kind === 'office' ? 'trúng cử' : 'được đề nghị'} ${v.title}.`);
  else if (!v.blocked && v.rounds.length) parts.push(`Không có đơn vị nào được ${v.kind === 'office' ? 'bầu' : 'đề nghị'}.`);
  if (v.tie) {
    parts.push(`${listUnits(v.tie.units, names)} bằng phiếu cho ${v.tie.seatsLeft} chỉ tiêu còn lại${v.rules.tieRule === 'chairDecides' && !v.nextRound ? ': chờ chủ trì hội nghị quyết định' : ''}.`);
  }
  if (v.nextRound && v.nextRound.reason !== 'notEntered') {
    const why = v.nextRound.reason === 'tie' ? 'bỏ phiếu lại giữa các đơn vị bằng phiếu' : 'không đơn vị nào đạt ngưỡng, bỏ phiếu lại';
    parts.push(`Đề xuất ${why}: vòng ${v.nextRound.round}, chọn không quá ${v.nextRound.seats} trong ${listUnits(v.nextRound.candidates, names)}.`);
  }
  if (!v.blocked && v.rounds.length && v.unfilledSeats > 0 && !v.nextRound && !v.tie) {
    parts.push(`Còn ${v.unfilledSeats} chỉ tiêu để trống.`);
  }
  for (const [c, o] of overrides) {
    parts.push(`${name(c)}: ${explainOverride(o, v.kind, v.title)}`);
  }
  return parts.join(' ');
}
