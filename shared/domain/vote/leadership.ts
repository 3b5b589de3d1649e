/**
 * Next year's Khối trưởng and Khối phó: elected by vote (two sections through the same tally
 * engine), rotated in a fixed order, the year's top-ranked unit, or appointed by a decision.
 * The leader is never the deputy; an ineligible unit is never on a list.
 */
import { formatDateVi } from '../../text/vietnamese';
import { IssueList, listUnits } from './issues';
import type { SectionInput, TallyResult, Threshold, TieRule, VoteIssue } from './types';

export type LeadershipRule =
  | { mode: 'vote'; leaderSectionId?: string; deputySectionId?: string }
  | { mode: 'rotation'; order: string[] }
  | { mode: 'topScore' }
  | { mode: 'appointed'; decisionNumber: string; decisionDate: string; leader: string; deputy: string | null };

export interface LeadershipInput {
  /** The year being led (N+1). */
  nextYear: number;
  members: readonly string[];
  /** Units that may not lead or deputise (discipline, not rated last year, ...). */
  ineligible?: readonly string[];
  /** This year's Khối trưởng (rotation starts after it). */
  currentLeader?: string | null;
  rule: LeadershipRule;
  /** topScore: this year's ranking, best first. */
  ranking?: readonly string[];
  /** topScore: ranked units whose shared rank is not settled yet (a re-vote or the chair's decision is pending). */
  unsettled?: readonly string[];
  /** vote: the tally of the sections made by `leadershipSections`. */
  tally?: TallyResult;
  names?: Readonly<Record<string, string>>;
}

export interface LeadershipSource {
  mode: LeadershipRule['mode'];
  /** How the units were chosen, in Vietnamese (for the year record and the minutes). */
  description: string;
  /** rotation: the leader the order continued after. */
  after?: string | null;
  decisionNumber?: string;
  decisionDate?: string;
}

export interface LeadershipResult {
  leader: string | null;
  deputy: string | null;
  source: LeadershipSource;
  /** The units that may be chosen, in the bloc's order (never an ineligible one). */
  eligible: string[];
  errors: VoteIssue[];
  warnings: VoteIssue[];
}

export const LEADER_SECTION_ID = 'leader';
export const DEPUTY_SECTION_ID = 'deputy';

/**
 * The two sections of a leadership vote, one seat each. Run them in a tally with exclusive awards
 * so the deputy section skips the unit elected leader.
 */
export function leadershipSections(
  nextYear: number,
  opts: { threshold?: Threshold; tieRule?: TieRule; ineligible?: string[]; maxRounds?: number } = {},
): SectionInput[] {
  const common = {
    kind: 'office' as const,
    seats: 1,
    threshold: opts.threshold ?? { num: 1, den: 2, comparison: 'gt' as const, base: 'valid' as const },
    tieRule: opts.tieRule ?? 'revote',
    ineligible: opts.ineligible ?? [],
    ...(opts.maxRounds !== undefined ? { maxRounds: opts.maxRounds } : {}),
    rounds: [],
  };
  return [
    { id: LEADER_SECTION_ID, title: `Khối trưởng năm ${nextYear}`, ...common },
    { id: DEPUTY_SECTION_ID, title: `Khối phó năm ${nextYear}`, ...common },
  ];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export function chooseLeadership(input: LeadershipInput): LeadershipResult {
  const out = new IssueList();
  const names = input.names ?? {};
  const name = (c: string) => names[c] ?? c;
  const ineligible = new Set(input.ineligible ?? []);
  const memberSet = new Set(input.members);
  const eligible = input.members.filter((m) => !ineligible.has(m));
  const isEligible = (c: string) => memberSet.has(c) && !ineligible.has(c);
  const thisYear = input.nextYear - 1;
  let leader: string | null = null;
  let deputy: string | null = null;
  let source: LeadershipSource;

  switch (input.rule.mode) {
    case 'vote': {
      source = { mode: 'vote', description: `Bầu tại hội nghị tổng kết năm ${thisYear} bằng phiếu kín` };
      const t = input.tally;
      if (!t) {
        out.error('leadership.noTally', 'Chưa có kết quả bầu Khối trưởng, Khối phó.');
        break;
      }
      const pick = (id: string, office: string): string | null => {
        const s = t.sections.find((x) => x.id === id);
        if (!s) {
          out.error('leadership.noSection', `Kết quả kiểm phiếu không có mục bầu ${office}.`);
          return null;
        }
        const w = s.winners[0] ?? null;
        if (w === null) {
          const why = s.blocked ? 'số liệu kiểm phiếu còn lỗi' : s.tie ? 'có đơn vị bằng phiếu' : 'chưa có đơn vị đạt ngưỡng';
          out.warn('leadership.pending', `Chưa bầu được ${office} năm ${input.nextYear}: ${why}.`);
        }
        return w;
      };
      leader = pick(input.rule.leaderSectionId ?? LEADER_SECTION_ID, 'Khối trưởng');
      deputy = pick(input.rule.deputySectionId ?? DEPUTY_SECTION_ID, 'Khối phó');
      break;
    }
    case 'rotation': {
      const order = input.rule.order;
      const current = input.currentLeader ?? null;
      source = {
        mode: 'rotation',
        after: current,
        description: current
          ? `Luân phiên theo thứ tự quy định, sau ${name(current)} (Khối trưởng năm ${thisYear})`
          : 'Luân phiên theo thứ tự quy định, bắt đầu từ đơn vị đầu danh sách',
      };
      const unknown = order.filter((c) => !memberSet.has(c));
      if (unknown.length) out.warn('leadership.rotationUnknown', `Thứ tự luân phiên có mã không thuộc khối (bỏ qua): ${unknown.join(', ')}.`);
      const missing = input.members.filter((m) => !order.includes(m));
      if (missing.length) out.warn('leadership.rotationMissing', `Thứ tự luân phiên chưa có: ${listUnits(missing, names)}.`);
      const ring = order.filter((c, i) => memberSet.has(c) && order.indexOf(c) === i);
      const start = current ? ring.indexOf(current) : -1;
      if (current && start < 0) out.warn('leadership.currentNotInOrder', `${name(current)} không có trong thứ tự luân phiên: bắt đầu từ đơn vị đầu danh sách.`);
      // Walk the ring after this year's leader; the current leader comes last (leads again only if no other unit may).
      const after = (from: number) => [...ring.slice(from + 1), ...ring.slice(0, from + 1)];
      const walk = after(start);
      leader = walk.find((c) => isEligible(c)) ?? null;
      if (leader) {
        const pos = ring.indexOf(leader);
        deputy = after(pos).find((c) => c !== leader && isEligible(c)) ?? null;
      }
      break;
    }
    case 'topScore': {
      source = { mode: 'topScore', description: `Đơn vị xếp thứ nhất năm ${thisYear} làm Khối trưởng, đơn vị xếp tiếp theo làm Khối phó` };
      const ranking = input.ranking ?? [];
      if (!ranking.length) out.error('leadership.noRanking', `Chưa có bảng xếp hạng năm ${thisYear}.`);
      const ranked = ranking.filter((c, i) => isEligible(c) && ranking.indexOf(c) === i);
      leader = ranked[0] ?? null;
      deputy = ranked[1] ?? null;
      // A unit sharing its rank with another, not yet separated, cannot be read as first or second.
      const unsettled = new Set(input.unsettled ?? []);
      for (const [code, office] of [[leader, 'Khối trưởng'], [deputy, 'Khối phó']] as const) {
        if (code !== null && unsettled.has(code)) {
          out.error('leadership.rankUnsettled', `${office}: ${name(code)} đồng hạng với đơn vị khác, thứ hạng chưa được phân định (cần quyết định tại mục Xếp hạng).`);
        }
      }
      break;
    }
    case 'appointed': {
      const r = input.rule;
      source = {
        mode: 'appointed',
        decisionNumber: r.decisionNumber.trim(),
        decisionDate: r.decisionDate,
        description: `Theo Quyết định số ${r.decisionNumber.trim()} ngày ${formatDateVi(r.decisionDate)}`,
      };
      if (!r.decisionNumber.trim()) out.error('leadership.noDecisionNumber', 'Chưa nhập số quyết định chỉ định Khối trưởng, Khối phó.');
      if (!isIsoDate(r.decisionDate)) out.error('leadership.badDecisionDate', `Ngày quyết định "${r.decisionDate}" không hợp lệ (cần dạng năm-tháng-ngày).`);
      for (const [code, office] of [[r.leader, 'Khối trưởng'], [r.deputy, 'Khối phó']] as const) {
        if (code === null) continue;
        if (!memberSet.has(code)) out.error('leadership.unknownUnit', `${office}: mã đơn vị "${code}" không thuộc khối.`);
        else if (ineligible.has(code)) out.error('leadership.ineligible', `${office}: ${name(code)} không đủ điều kiện.`);
      }
      leader = r.leader;
      deputy = r.deputy;
      break;
    }
  }

  if (leader !== null && !isEligible(leader)) {
    if (input.rule.mode === 'vote') out.error('leadership.ineligible', `Khối trưởng: ${name(leader)} không đủ điều kiện.`);
    leader = null;
  }
  if (deputy !== null && !isEligible(deputy)) {
    if (input.rule.mode === 'vote') out.error('leadership.ineligible', `Khối phó: ${name(deputy)} không đủ điều kiện.`);
    deputy = null;
  }
  if (leader !== null && leader === deputy) {
    out.error('leadership.sameUnit', `${name(leader)} không thể vừa là Khối trưởng vừa là Khối phó.`);
    deputy = null;
  }
  if (input.rule.mode !== 'vote') {
    if (leader === null && out.errors.length === 0) out.warn('leadership.noLeader', `Không có đơn vị đủ điều kiện làm Khối trưởng năm ${input.nextYear}.`);
    else if (deputy === null && out.errors.length === 0 && input.rule.mode !== 'appointed') {
      out.warn('leadership.noDeputy', `Không có đơn vị đủ điều kiện làm Khối phó năm ${input.nextYear}.`);
    }
  }
  return { leader, deputy, source: source!, eligible, errors: out.errors, warnings: out.warnings };
}
