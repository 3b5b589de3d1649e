/**
 * What the conference papers know about a year, read in ONE place: the members, this year's and
 * next year's Khối trưởng / Khối phó, the vote, the conference's facts, the register and the saved
 * drafts. The vote and the conference are the year's stored records (the conference, its accepted
 * rounds: shared/domain/vote/context.ts voteContextOf), unless a vote entry (the `tally` shape) is
 * handed in, which then stands for the awards' vote and the attendance.
 */
import type { Bloc, BlocData, Unit, Year } from '../../model/records';
import type { DocumentDraft } from './draft';
import type { DocumentDraft as DraftRecord } from '../../model/records';
import { blocSymbolOf, registerOf } from '../register/records';
import type { RegisterEntry } from '../register/types';
import { DEPUTY_SECTION_ID, LEADER_SECTION_ID } from '../vote/leadership';
import { voteContextOf } from '../vote/context';
import { tally } from '../vote/tally';
import { leadershipTallyInputFromYear, tallyInputFromYear } from '../vote/year-input';
import type { TallyInput, TallyResult } from '../vote/types';

/** The conference as held, from the conference record; null fields are not known yet. */
export interface ConferenceFacts {
  /** ISO date the conference was held. */
  date: string | null;
  /** "08 giờ 00". */
  startTime: string;
  endTime: string;
  place: string;
  chair: string;
  secretary: string;
  guests: string[];
  /** Ban kiểm phiếu, as recorded: each member's name and unit. */
  committee: { name: string; unit: string; role: 'head' | 'member' }[];
}

export interface ConferenceVote {
  input: TallyInput;
  result: TallyResult;
}

export interface ConferenceContext {
  bloc: Bloc;
  year: number;
  yearRecord: Year | null;
  /** Member units of the year, in the year's order. */
  members: Unit[];
  /** This year's Khối trưởng and Khối phó (who led the bloc). */
  leader: Unit | null;
  deputy: Unit | null;
  /** Next year's, from the next year's record when set, else from the vote's office sections. */
  nextLeader: Unit | null;
  nextDeputy: Unit | null;
  conference: ConferenceFacts | null;
  vote: ConferenceVote | null;
  /** Units present at the conference (from the vote), or null when not known. */
  present: Unit[] | null;
  /** The register of issued numbers (empty until the register records exist). */
  register: RegisterEntry[];
  /** The bloc's symbol in document numbers. */
  symbol: string;
  /** Drafts the user saved, by document kind (empty until the draft records exist). */
  drafts: ReadonlyMap<string, DocumentDraft>;
}

export interface ConferenceInputs {
  /** A vote entry (the `tally` CLI's shape) to print instead of the year's recorded vote. */
  vote?: TallyInput;
}

/** "08 giờ 00" from a stored "08:00"; '' stays ''. */
function clockWords(t: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(t);
  return m ? `${m[1]} giờ ${m[2]}` : t;
}

/** The year's stored conference and vote: the awards' tally and the offices' when any round is accepted. */
function storedConference(data: BlocData, year: number) {
  const ctx = voteContextOf(data, year);
  if (!ctx) return { facts: null, awards: null, offices: null, present: null };
  const c = ctx.stored.conference;
  const facts: ConferenceFacts | null = c
    ? {
        date: c.date,
        startTime: clockWords(c.startTime),
        endTime: clockWords(c.endTime),
        place: c.place,
        chair: c.chair,
        secretary: c.secretary,
        guests: [...c.guests],
        committee: (ctx.conference?.committee ?? []).map((m) => ({ name: m.name, unit: m.position, role: m.role })),
      }
    : null;
  const voted = Object.keys(ctx.stored.rounds).length > 0;
  const run = (input: TallyInput | null): ConferenceVote | null => (input ? { input, result: tally(input) } : null);
  return {
    facts,
    awards: voted ? run(tallyInputFromYear(ctx)) : null,
    offices: voted ? run(leadershipTallyInputFromYear(ctx)) : null,
    present: ctx.stored.present,
  };
}

/** Member units of a year in order (the bloc's active units when the year lists none). */
export function membersOf(data: BlocData, year: Year | null): Unit[] {
  const byId = new Map(data.units.map((u) => [u.id, u]));
  const listed = (year?.memberUnitIds ?? []).map((id) => byId.get(id)).filter((u): u is Unit => !!u);
  return listed.length ? listed : data.units.filter((u) => u.active).sort((a, b) => a.order - b.order);
}

export function conferenceContextOf(data: BlocData, year: number, inputs: ConferenceInputs = {}): ConferenceContext {
  const yearRecord = data.years.find((y) => y.year === year) ?? null;
  const nextRecord = data.years.find((y) => y.year === year + 1) ?? null;
  const unitById = new Map(data.units.map((u) => [u.id, u]));
  const unitByCode = new Map(data.units.map((u) => [u.code, u]));
  const byId = (id: string | null | undefined) => (id ? (unitById.get(id) ?? null) : null);
  const members = membersOf(data, yearRecord);

  const stored = storedConference(data, year);
  const vote = inputs.vote ? { input: inputs.vote, result: tally(inputs.vote) } : stored.awards;
  const elected = (sectionId: string) => {
    const section = [vote, stored.offices].flatMap((v) => v?.result.sections ?? []).find((s) => s.id === sectionId);
    const code = section?.winners[0];
    return code ? (unitByCode.get(code) ?? null) : null;
  };
  const presentCodes = inputs.vote ? inputs.vote.present : stored.present;
  const present = presentCodes ? presentCodes.map((c) => unitByCode.get(c)).filter((u): u is Unit => !!u) : null;

  return {
    bloc: data.bloc,
    year,
    yearRecord,
    members,
    leader: byId(yearRecord?.leaderUnitId),
    deputy: byId(yearRecord?.deputyUnitId),
    nextLeader: byId(nextRecord?.leaderUnitId) ?? elected(LEADER_SECTION_ID),
    nextDeputy: byId(nextRecord?.deputyUnitId) ?? elected(DEPUTY_SECTION_ID),
    conference: stored.facts,
    vote,
    present,
    register: registerOf(data),
    symbol: blocSymbolOf(data.bloc),
    drafts: new Map((data.documentDrafts ?? []).filter((d) => d.year === year).map((d) => [d.kind, draftOfRecord(d)])),
  };
}

/** A stored draft as the documents read it: its fields as text. */
export function draftOfRecord(d: Pick<DraftRecord, 'fields' | 'sections'>): DocumentDraft {
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.fields)) if (v !== null) fields[k] = String(v);
  return { fields, sections: d.sections.map((s) => ({ key: s.key, title: s.title, text: s.text })) };
}
