/**
 * The year-end of a scored sample year, as the app records it (demo, demo --full): every unit's
 * verification locked, the year's ranking locked (the chair ordering any units the tie rules leave
 * sharing a rank), the conference held (date, place, chair, secretary, who came, the vote-count
 * committee), one accepted vote round per award and per office, and next year's Khối trưởng and
 * Khối phó written from the leadership vote. Every verdict comes from the domain itself: the
 * ranking (rankUnits), the vote adapter and engine (tallyInputFromYear, tally) and chooseLeadership;
 * this module only decides how the sample units vote (the best ranked are proposed) and checks the
 * engine agrees.
 */
import { rankUnits, type ChairDecision } from '../domain/ranking';
import { findTable } from '../domain/scoring-table';
import { storedRankingExtras } from '../domain/verification';
import { INVALID_REASON_TEXT } from '../domain/vote/ballots';
import { voteContextOf } from '../domain/vote/context';
import { issueNumber } from '../domain/register/register';
import { blocSymbolOf, recordOfEntry, registerOf } from '../domain/register/records';
import { chooseLeadership } from '../domain/vote/leadership';
import { rulesSnapshotOf } from '../domain/vote/stored';
import { tally } from '../domain/vote/tally';
import type { RoundInput, TallyInput } from '../domain/vote/types';
import { leadershipTallyInputFromYear, tallyInputFromYear } from '../domain/vote/year-input';
import { isChangedScore } from '../domain/verification';
import type { AuditEntry, BlocData, Conference, RegisterEntry, Unit, UnitReview, VoteRound, Year, YearReview } from '../model/records';
import { unitReviewId, yearRecordId } from '../model/records';

const SECRETARY = 'Thư ký khối';

/** Names of the sample's conference staff (invented). */
const STAFF = ['Ngô Thị Mai', 'Phan Văn Long', 'Đỗ Thu Hà', 'Dương Minh Quân', 'Lý Thị Yến'];

function audit(at: string, action: string, target: string, old: AuditEntry['old'], next: AuditEntry['new'], reason = ''): AuditEntry {
  return { at, by: SECRETARY, action, target, old, new: next, reason };
}

/** The year's members, in the year's order. */
function membersOf(data: BlocData, year: Year): Unit[] {
  const byId = new Map(data.units.map((u) => [u.id, u]));
  return year.memberUnitIds.flatMap((id) => (byId.get(id) ? [byId.get(id)!] : []));
}

/** Each unit's review: started at verification, every verified change in its trail, then locked. */
function unitReviews(data: BlocData, year: number, members: readonly Unit[]): UnitReview[] {
  const verifiedAt = `${year}-12-20T02:00:00.000Z`;
  const lockedAt = `${year}-12-26T02:00:00.000Z`;
  return members.map((u) => {
    const changed = data.scores.filter((s) => s.year === year && s.unitId === u.id && isChangedScore(s));
    const reasonOf = (s: (typeof changed)[number]) => [...s.history].reverse().find((h) => h.field === 'verified')?.reason ?? '';
    return {
      id: unitReviewId(year, u.id),
      blocId: data.bloc.id,
      year,
      unitId: u.id,
      status: 'locked',
      eligible: true,
      ineligibleReason: '',
      ineligibleBasis: '',
      lockedAt,
      history: [
        audit(verifiedAt, 'status', u.id, null, 'reviewing'),
        ...changed.map((s) => audit(verifiedAt, 'verify', s.code, s.self, s.verified, reasonOf(s))),
        audit(lockedAt, 'lock', u.id, 'reviewing', 'locked'),
      ],
      updatedAt: lockedAt,
    };
  });
}

/**
 * The ranking of the year, with the chair's decision for every set of units the tie rules leave
 * sharing a rank (in the year's order), and the locked year review holding those decisions.
 */
function lockedRanking(data: BlocData, yearRecord: Year, members: readonly Unit[], reviews: readonly UnitReview[]) {
  const year = yearRecord.year;
  const table = findTable(data.scoringTables.filter((t) => t.blocId === data.bloc.id), year)!;
  const scores = data.scores.filter((s) => s.blocId === data.bloc.id && s.year === year);
  const extras = storedRankingExtras(reviews, undefined, yearRecord.rules);
  const base = { table, units: members, scores, tieRules: yearRecord.rules.tieRules, ...extras };
  const first = rankUnits(base);
  const decidedAt = `${year}-12-27T02:00:00.000Z`;
  const decisions: YearReview['chairDecisions'] = [];
  const seen = new Set<string>();
  for (const e of first.entries) {
    if (!e.pending || seen.has(e.unitId)) continue;
    const codes = [e.code, ...e.tiedWith];
    const group = members.filter((u) => codes.includes(u.code));
    group.forEach((u) => seen.add(u.id));
    const ids = group.map((u) => u.id);
    decisions.push({ unitIds: ids, order: ids, reason: 'Chủ trì hội nghị quyết định thứ tự theo ý kiến thống nhất của các đơn vị.', at: decidedAt, by: SECRETARY });
  }
  const chair: ChairDecision[] = decisions.map((d) => ({ units: [...d.unitIds], order: [...d.order], reason: d.reason }));
  const ranking = decisions.length ? rankUnits({ ...base, decisions: chair }) : first;
  const lockedAt = `${year}-12-28T02:00:00.000Z`;
  const review: YearReview = {
    id: yearRecordId(data.bloc.id, year),
    blocId: data.bloc.id,
    year,
    lockedAt,
    chairDecisions: decisions,
    team: [],
    history: [audit(lockedAt, 'lock', String(year), null, lockedAt)],
    updatedAt: lockedAt,
  };
  return { ranking, review };
}

/** The conference: at the invitation's date and place when the year has an invitation draft. */
function conferenceOf(data: BlocData, year: number, members: readonly Unit[], leader: Unit | undefined): Conference {
  const invitation = data.documentDrafts.find((d) => d.year === year && d.kind === 'invitation')?.fields ?? {};
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const date = text(invitation.meetingDate) ?? `${year + 1}-01-10`;
  const host = leader ?? members[0];
  // One unit (the last one other than the host) sends its apologies when the bloc is large enough
  // to keep a comfortable quorum.
  const absent = members.length >= 6 ? members.filter((u) => u.id !== host?.id).at(-1) : undefined;
  const present = members.filter((u) => u !== absent);
  const others = present.filter((u) => u.id !== host?.id);
  const committee = others.slice(0, 3).map((u, i) => ({ name: STAFF[(i + 1) % STAFF.length]!, unitId: u.id, role: i === 0 ? ('head' as const) : ('member' as const) }));
  return {
    id: yearRecordId(data.bloc.id, year),
    blocId: data.bloc.id,
    year,
    date,
    startTime: '08:00',
    endTime: '11:30',
    place: text(invitation.meetingPlace) ?? `Hội trường ${host?.name ?? data.bloc.name}`,
    chair: host ? `Đồng chí ${host.head}, ${host.headTitle} ${host.name}, Khối trưởng` : '',
    secretary: host ? `Đồng chí ${STAFF[0]}, Chuyên viên ${host.name}` : '',
    expectedUnitIds: members.map((u) => u.id),
    presentUnitIds: present.map((u) => u.id),
    guests: [`Đại diện Ban Thi đua - Khen thưởng, Sở Nội vụ tỉnh ${data.bloc.province}`],
    committee,
    spareBallots: 2,
    minutesReadAt: '11:15',
    updatedAt: `${date}T04:30:00.000Z`,
  };
}

/**
 * Round 1 of a section where the units `winners` are proposed by nearly every ballot, the next
 * units get a vote each while marks are left, and nobody else passes.
 */
function roundFor(valid: number, invalid: number, seats: number, winners: readonly string[], runnersUp: readonly string[]): RoundInput {
  const votes: Record<string, number> = {};
  let marks = valid * seats;
  winners.forEach((code, i) => {
    votes[code] = valid >= 4 && i % 2 === 1 ? valid - 1 : valid;
    marks -= votes[code]!;
  });
  if (valid >= 4) {
    for (const code of runnersUp) {
      if (marks <= 0) break;
      votes[code] = 1;
      marks -= 1;
    }
  }
  return { seats, ballots: { issued: valid + invalid, returned: valid + invalid, valid, invalid }, votes };
}

/**
 * Enters round 1 of every section of `input`, in order (the engine skips a unit proposed in an
 * earlier section when awards are exclusive), proposing in each the first units of `order` not yet
 * proposed; returns the entered input and its result, checked against what was meant.
 */
function voteSections(input: TallyInput, order: readonly string[], invalidIn: string | null) {
  const proposed = new Set<string>();
  const entered: TallyInput = { ...input, sections: input.sections.map((s) => ({ ...s, rounds: [] })) };
  const present = input.present.length;
  for (let i = 0; i < entered.sections.length; i++) {
    const seats = tally(entered).sections[i]!.seats;
    const open = order.filter((c) => !proposed.has(c) && !entered.sections[i]!.ineligible?.includes(c));
    const winners = open.slice(0, seats);
    const invalid = entered.sections[i]!.id === invalidIn && present >= 6 ? 1 : 0;
    entered.sections[i] = { ...entered.sections[i]!, rounds: [roundFor(present - invalid, invalid, seats, winners, open.slice(seats))] };
    const got = tally(entered).sections[i]!;
    if (got.blocked || [...got.winners].sort().join() !== [...winners].sort().join()) {
      throw new Error(`Mẫu bỏ phiếu mục "${got.title}" cho kết quả ${got.winners.join(', ') || '(không có)'} thay vì ${winners.join(', ') || '(không có)'}: ${got.errors.map((e) => e.message).join(' ')}`);
    }
    if (input.exclusiveAwards) winners.forEach((c) => proposed.add(c));
  }
  return { input: entered, result: tally(entered) };
}

function roundRecords(data: BlocData, year: number, entered: ReturnType<typeof voteSections>, idOf: (code: string) => string, at: string): VoteRound[] {
  const snapshot = rulesSnapshotOf(entered.result.rules);
  return entered.input.sections.map((s) => {
    const r = s.rounds[0]!;
    return {
      id: `${data.bloc.id}-${year}-phieu-${s.id}-1`,
      blocId: data.bloc.id,
      year,
      sectionId: s.id,
      round: 1,
      candidates: [],
      seats: r.seats!,
      counts: { ...r.ballots },
      invalidReasons: r.ballots.invalid ? [{ reason: INVALID_REASON_TEXT.overMarked, count: r.ballots.invalid }] : [],
      votes: Object.fromEntries(Object.entries(r.votes).map(([code, n]) => [idOf(code), n])),
      decision: null,
      overrides: [],
      rulesSnapshot: snapshot,
      status: 'accepted',
      acceptedAt: at,
      history: [audit(at, 'accept', s.id, null, 'vòng 1')],
      ballotsBy: '',
      secondEntryBy: '',
      updatedAt: at,
    };
  });
}

/** The numbers the register gives the two minutes on the conference's day (unless already issued). */
function minutesNumbers(data: BlocData, year: number, conference: Conference, signer: string): RegisterEntry[] {
  const papers = [
    { kind: 'minutes', summary: `Biên bản Hội nghị tổng kết công tác thi đua, khen thưởng năm ${year}` },
    { kind: 'vote-minutes', summary: `Biên bản kiểm phiếu bình xét, suy tôn khen thưởng năm ${year}` },
  ];
  const entries = registerOf(data);
  const out: RegisterEntry[] = [];
  for (const p of papers) {
    if (entries.some((e) => e.documentKind === p.kind && e.blocYear === year && !e.voided)) continue;
    const entry = issueNumber(entries, {
      id: `${data.bloc.id}-${year}-so-${p.kind}`,
      type: 'BB',
      date: conference.date,
      symbol: blocSymbolOf(data.bloc),
      documentKind: p.kind,
      blocYear: year,
      summary: p.summary,
      signer,
      issuedAt: conference.updatedAt,
    });
    entries.push(entry);
    out.push(recordOfEntry(entry, data.bloc.id));
  }
  return out;
}

/**
 * The bloc with the year-end of `year` recorded; unchanged when the year has no scoring table or
 * no score. Next year is created (members and rules copied, as the app does) when missing.
 */
export function withYearEnd(data: BlocData, year: number, now: string): BlocData {
  const yearRecord = data.years.find((y) => y.blocId === data.bloc.id && y.year === year);
  const hasTable = data.scoringTables.some((t) => t.blocId === data.bloc.id && t.year === year);
  if (!yearRecord || !hasTable || !data.scores.some((s) => s.year === year)) return data;
  const members = membersOf(data, yearRecord);
  const byId = new Map(data.units.map((u) => [u.id, u]));
  const idByCode = new Map(data.units.map((u) => [u.code, u.id]));
  const idOf = (code: string) => idByCode.get(code)!;
  const leader = yearRecord.leaderUnitId ? byId.get(yearRecord.leaderUnitId) : undefined;

  const reviews = unitReviews(data, year, members);
  const { ranking, review } = lockedRanking(data, yearRecord, members, reviews);
  const order = ranking.entries.filter((e) => e.rank !== null).map((e) => e.code);
  const conference = conferenceOf(data, year, members, leader);
  const recorded: BlocData = {
    ...data,
    unitReviews: [...data.unitReviews.filter((r) => r.year !== year), ...reviews],
    yearReviews: [...data.yearReviews.filter((r) => r.year !== year), review],
    conferences: [...data.conferences.filter((c) => c.year !== year), conference],
  };

  // The vote, read back the way the app reads it: attendance from the conference record.
  const ctx = voteContextOf(recorded, year)!;
  const at = `${conference.date}T03:30:00.000Z`;
  const awardInput = tallyInputFromYear(ctx);
  const awards = voteSections(awardInput, order, awardInput.sections.at(-1)?.id ?? null);
  const rounds = roundRecords(data, year, awards, idOf, at);

  // Next year's leadership: this year's deputy leads when there is one, else the best ranked unit
  // other than this year's leader; the next best deputises.
  const thisLeader = leader?.code ?? null;
  const thisDeputy = yearRecord.deputyUnitId ? (byId.get(yearRecord.deputyUnitId)?.code ?? null) : null;
  const nextLeader = thisDeputy ?? order.find((c) => c !== thisLeader) ?? null;
  const nextDeputy = order.find((c) => c !== thisLeader && c !== nextLeader) ?? null;
  const officeInput = leadershipTallyInputFromYear(ctx);
  let leadershipSource: Year['leadershipSource'] = null;
  let next = { leader: null as string | null, deputy: null as string | null };
  if (officeInput && nextLeader) {
    const offices = voteSections(officeInput, [nextLeader, ...(nextDeputy ? [nextDeputy] : [])], null);
    rounds.push(...roundRecords(data, year, offices, idOf, at));
    const chosen = chooseLeadership({ nextYear: year + 1, members: ctx.members.map((m) => m.code), rule: { mode: 'vote' }, tally: offices.result, currentLeader: thisLeader });
    next = { leader: chosen.leader, deputy: chosen.deputy };
    leadershipSource = { mode: 'vote', fromYear: year, note: chosen.source.description };
  }

  const following = data.years.find((y) => y.blocId === data.bloc.id && y.year === year + 1);
  const nextYear: Year = {
    ...(following ?? {
      id: `${data.bloc.id}-${year + 1}`,
      blocId: data.bloc.id,
      year: year + 1,
      memberUnitIds: [...yearRecord.memberUnitIds],
      rules: structuredClone(yearRecord.rules),
      note: '',
      createdAt: now,
    }),
    leaderUnitId: next.leader ? idOf(next.leader) : null,
    deputyUnitId: next.deputy ? idOf(next.deputy) : null,
    leadershipSource,
    updatedAt: now,
  };
  return {
    ...recorded,
    years: [...data.years.filter((y) => y !== following), nextYear].sort((a, b) => a.year - b.year),
    voteRounds: [...data.voteRounds.filter((r) => r.year !== year), ...rounds],
    registerEntries: [...data.registerEntries, ...minutesNumbers(data, year, conference, leader?.head ?? '')],
  };
}

/** The year-end of every year that has scores, oldest first (each vote elects the next year's leaders). */
export function withYearEnds(data: BlocData, now: string): BlocData {
  const scored = [...new Set(data.scores.map((s) => s.year))].sort((a, b) => a - b);
  return scored.reduce((d, y) => withYearEnd(d, y, now), data);
}
