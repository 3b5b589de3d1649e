/** One round of one section: checks, threshold, seats, ties, and the round to offer next. */
import { checkRound } from './checks';
import { baseNoun, explainUnit, type UnitExplainInput } from './explain';
import { IssueList, listUnits } from './issues';
import { cutLine, resolveTie, topForRevote, type RankedUnit } from './ranking';
import { baseCount, decide, minVotesToPass } from './threshold';
import type { ChairDecision, NextRound, RoundInput, RoundVerdict, SectionKind, SectionRules, TieInfo, UnitStatus, UnitVerdict } from './types';

export interface RoundContext {
  rules: SectionRules;
  /** Seats of the section (after resolving a share). */
  sectionSeats: number;
  roundNo: number;
  input: RoundInput;
  members: readonly string[];
  /** Units proposed in an earlier section (skipped here when awards are exclusive), with where. */
  skip: ReadonlyMap<string, { title: string; kind: SectionKind }>;
  /** Winners of earlier rounds of this section. */
  wonEarlier: ReadonlySet<string>;
  openSeats: number;
  /** The round the previous one offered. */
  offered: NextRound | null;
  presentCount: number;
  memberCount: number;
  spareBallots: number;
  /** The whole vote is blocked (quorum not met, attendance errors). */
  blockedGlobally: boolean;
  names: Readonly<Record<string, string>>;
}

export interface RoundOutcome {
  verdict: RoundVerdict;
  /** The round this one calls for (tie re-vote, no unit passing); null when none. */
  offer: NextRound | null;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The candidates a round holds by default. Round 1: every eligible member (exclusive skips still stand, their votes are shown). */
export function defaultCandidates(ctx: Pick<RoundContext, 'members' | 'rules' | 'wonEarlier' | 'skip' | 'roundNo'>): string[] {
  const ineligible = new Set(ctx.rules.ineligible);
  return ctx.members.filter((m) => !ineligible.has(m) && !ctx.wonEarlier.has(m) && (ctx.roundNo === 1 || !ctx.skip.has(m)));
}

export function computeRound(ctx: RoundContext): RoundOutcome {
  const { rules, input, roundNo } = ctx;
  const out = new IssueList({ sectionId: rules.id, sectionTitle: rules.title, round: roundNo });
  const name = (c: string) => ctx.names[c] ?? c;
  const memberSet = new Set(ctx.members);
  const order = new Map(ctx.members.map((m, i) => [m, i]));
  const ineligible = new Set(rules.ineligible);

  // ---- Seats and candidates ----
  if (roundNo > rules.maxRounds) {
    out.error('round.overMax', `quy chế cho phép tối đa ${rules.maxRounds} vòng bỏ phiếu cho mục này.`);
  }
  if (roundNo > 1 && ctx.openSeats <= 0) {
    out.error('round.noSeatsLeft', 'các chỉ tiêu của mục này đã có đơn vị, không cần bỏ phiếu thêm.');
  }
  const seats = input.seats ?? ctx.offered?.seats ?? ctx.openSeats;
  if (input.seats !== undefined && input.seats > ctx.openSeats) {
    out.error('round.seatsOverOpen', `số chỉ tiêu của vòng (${input.seats}) lớn hơn số chỉ tiêu còn lại (${ctx.openSeats}).`);
  }
  let candidates: string[];
  if (input.candidates) {
    candidates = [...new Set(input.candidates)];
    for (const c of candidates) {
      if (!memberSet.has(c)) out.error('round.candidateUnknown', `mã đơn vị "${c}" trong danh sách bầu không thuộc khối.`);
      else if (ineligible.has(c)) out.error('round.candidateIneligible', `${name(c)} không đủ điều kiện nhưng có tên trong danh sách bầu.`);
      else if (ctx.wonEarlier.has(c)) out.error('round.candidateAlreadyWon', `${name(c)} đã được chọn ở vòng trước, không bầu lại.`);
      else if (roundNo > 1 && ctx.skip.has(c)) {
        out.error('round.candidateAlreadyAwarded', `${name(c)} đã được chọn ở mục trước, không đưa vào bỏ phiếu lại.`);
      }
    }
    if (ctx.offered && !sameSet(candidates, ctx.offered.candidates)) {
      out.warn(
        'round.candidatesDiffer',
        `danh sách bầu (${listUnits(candidates, ctx.names)}) khác danh sách đề xuất từ vòng trước (${listUnits(ctx.offered.candidates, ctx.names)}).`,
      );
    }
  } else {
    candidates = ctx.offered?.candidates ?? defaultCandidates(ctx);
  }
  candidates = candidates.filter((c) => memberSet.has(c)).sort((a, b) => order.get(a)! - order.get(b)!);
  const candidateSet = new Set(candidates);
  const cap = rules.maxMarks ?? ctx.sectionSeats;
  // "chọn không quá N đơn vị": a re-vote ballot asks for no more than its own seats.
  const maxMarks = roundNo === 1 ? cap : Math.min(cap, seats);

  checkRound(
    {
      ballots: input.ballots,
      votes: input.votes,
      members: memberSet,
      ineligible,
      candidates: candidateSet,
      presentCount: ctx.presentCount,
      spareBallots: ctx.spareBallots,
      maxMarks,
      names: ctx.names,
    },
    out,
  );

  // ---- Threshold ----
  const base = baseCount(rules.threshold.base, { ballots: input.ballots, presentCount: ctx.presentCount, memberCount: ctx.memberCount });
  const minVotes = minVotesToPass(base, rules.threshold);
  if (base <= 0) {
    out.warn('base.zero', `${capitalize(baseNoun(rules.threshold.base))} bằng 0: không đơn vị nào đạt ngưỡng, tỷ lệ in là 0,00%.`);
  }
  const votesOf = (c: string) => input.votes[c] ?? 0;
  const ranked: RankedUnit[] = candidates
    .filter((c) => !ctx.skip.has(c) && !ineligible.has(c) && !ctx.wonEarlier.has(c))
    .map((c) => ({ code: c, votes: votesOf(c), passes: decide(votesOf(c), base, rules.threshold).passes, order: order.get(c)! }));
  if (ranked.length === 0 && seats > 0) out.warn('round.noCandidates', 'không có đơn vị nào đủ điều kiện để xét.');

  // ---- Decision on a tie (validated before it is used) ----
  let decision: ChairDecision | null = input.decision ?? null;
  const preCut = cutLine(ranked, seats);
  if (decision) {
    const tieUnits = preCut.tie?.units ?? [];
    if (rules.tieRule !== 'chairDecides') {
      out.error('decision.notAllowed', 'quy chế của mục này không giao chủ trì hội nghị quyết định khi bằng phiếu.');
    } else if (!preCut.tie) {
      out.error('decision.noTie', 'có quyết định của chủ trì nhưng vòng này không có đơn vị bằng phiếu ở vị trí cuối.');
    } else {
      for (const w of decision.winners) {
        if (!tieUnits.includes(w)) out.error('decision.notTied', `${name(w)} không thuộc các đơn vị bằng phiếu (${listUnits(tieUnits, ctx.names)}).`);
      }
      if (new Set(decision.winners).size > preCut.tie.seatsLeft) {
        out.error('decision.tooMany', `chủ trì chọn ${decision.winners.length} đơn vị nhưng chỉ còn ${preCut.tie.seatsLeft} chỉ tiêu.`);
      }
    }
    if (!decision.reason.trim()) out.error('decision.noReason', 'quyết định của chủ trì hội nghị cần ghi lý do.');
  }

  const blocked = ctx.blockedGlobally || out.errors.length > 0;
  if (blocked) decision = null;

  // ---- Seats ----
  let seated: string[] = [];
  let tie: TieInfo | null = null;
  let tieResolvedBy: RoundVerdict['tieResolvedBy'] = null;
  let missingScores: string[] = [];
  const tiedAtCut = preCut.tie?.units ?? [];
  if (!blocked) {
    seated = [...preCut.seated];
    if (preCut.tie) {
      const outcome = resolveTie(preCut.tie, rules.tieRule, rules.scores, decision);
      seated.push(...outcome.seated);
      tie = outcome.tie;
      tieResolvedBy = outcome.resolvedBy;
      missingScores = outcome.missingScores;
    }
  }
  if (missingScores.length) {
    out.warn('tie.scoreMissing', `chưa có tổng điểm của ${listUnits(missingScores, ctx.names)} để phân định bằng phiếu.`);
  }
  const winners = ranked
    .filter((u) => seated.includes(u.code))
    .sort((a, b) => b.votes - a.votes || a.order - b.order)
    .map((u) => u.code);

  // ---- What comes next ----
  let offer: NextRound | null = null;
  if (!blocked && tie && rules.tieRule !== 'chairDecides') {
    offer = { round: roundNo + 1, candidates: tie.units, seats: tie.seatsLeft, reason: 'tie' };
  } else if (!blocked && !tie && winners.length === 0 && seats > 0 && ranked.length > 0) {
    const top = topForRevote(ranked, rules.revoteTop ?? 2 * seats);
    offer = { round: roundNo + 1, candidates: top.sort((a, b) => order.get(a)! - order.get(b)!), seats, reason: 'noWinner' };
  }

  // ---- Units, in the bloc's order ----
  const listed = ctx.members.filter((m) => candidateSet.has(m) || (roundNo === 1 && (ineligible.has(m) || ctx.skip.has(m))));
  const units: UnitVerdict[] = listed.map((code) => {
    const votes = votesOf(code);
    const { passes, percent } = decide(votes, base, rules.threshold);
    const x: UnitExplainInput = {
      name: name(code),
      votes,
      base,
      baseKind: rules.threshold.base,
      percent,
      threshold: rules.threshold,
      minVotes,
      passes,
      status: 'fails',
      sectionTitle: rules.title,
      kind: rules.kind,
      round: roundNo,
    };
    const tiedWith = tiedAtCut.filter((c) => c !== code).map(name);
    let status: UnitStatus;
    if (ineligible.has(code)) status = 'ineligible';
    else if (ctx.skip.has(code)) {
      status = 'alreadyAwarded';
      x.awardedIn = ctx.skip.get(code)!;
    } else if (winners.includes(code)) {
      status = 'winner';
      const fromTie = tiedAtCut.includes(code) && !preCut.seated.includes(code);
      x.won = fromTie ? (tieResolvedBy === 'chairDecides' ? 'chair' : 'higherScore') : 'clear';
      x.tiedWith = tiedWith;
      x.score = rules.scores[code];
      x.decisionReason = decision?.reason;
    } else if (tie?.units.includes(code)) {
      status = 'tied';
      x.tiedWith = tie.units.filter((c) => c !== code).map(name);
      x.tieSeatsLeft = tie.seatsLeft;
      x.score = rules.scores[code];
      x.tieNext =
        rules.tieRule === 'chairDecides' ? 'chair' : rules.tieRule === 'revote' ? 'revote' : missingScores.length ? 'scoreMissing' : 'scoreEqual';
    } else if (passes) {
      status = 'passes';
      x.tiedWith = tiedWith;
      x.score = rules.scores[code];
      x.decisionReason = decision?.reason;
      x.lost = blocked
        ? 'blocked'
        : tiedAtCut.includes(code) && tieResolvedBy === 'chairDecides'
          ? 'notChosen'
          : tiedAtCut.includes(code) && tieResolvedBy === 'higherScore'
            ? 'lostOnScore'
            : 'outranked';
    } else status = 'fails';
    x.status = status;
    return { code, votes, percent, passes, status, explanation: explainUnit(x) };
  });

  const verdict: RoundVerdict = {
    round: roundNo,
    candidates,
    seats,
    maxMarks,
    ballots: { ...input.ballots },
    baseKind: rules.threshold.base,
    base,
    minVotesToPass: minVotes,
    units,
    winners,
    tie,
    tieResolvedBy,
    decision: tieResolvedBy === 'chairDecides' ? decision : null,
    unfilledSeats: Math.max(0, seats - winners.length),
    blocked,
    errors: out.errors,
    warnings: out.warnings,
  };
  return { verdict, offer };
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
