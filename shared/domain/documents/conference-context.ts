/**
 * What the conference papers know about a year, read in ONE place: the members, this year's and
 * next year's Khối trưởng / Khối phó, the vote, the conference's facts, the register and the saved drafts. Today the
 * data holds the members and the years' leaders; the vote is given as the vote entry (the `tally`
 * shape) until vote records exist. When the conference, vote, register and draft records join BlocData,
 * only this function changes; every document reads them through it.
 */
import type { Bloc, BlocData, Unit, Year } from '../../model/records';
import type { DocumentDraft } from './draft';
import type { DocumentDraft as DraftRecord } from '../../model/records';
import { blocSymbolOf, registerOf } from '../register/records';
import type { RegisterEntry } from '../register/types';
import { DEPUTY_SECTION_ID, LEADER_SECTION_ID } from '../vote/leadership';
import { tally } from '../vote/tally';
import type { TallyInput, TallyResult } from '../vote/types';

/** The conference as held (later from the conference record); null fields are not known yet. */
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
  /** The vote entry (the `tally` CLI's shape), used while the year has no recorded vote. */
  vote?: TallyInput;
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

  const vote = inputs.vote ? { input: inputs.vote, result: tally(inputs.vote) } : null;
  const elected = (sectionId: string) => {
    const code = vote?.result.sections.find((s) => s.id === sectionId)?.winners[0];
    return code ? (unitByCode.get(code) ?? null) : null;
  };
  const present = vote ? vote.input.present.map((c) => unitByCode.get(c)).filter((u): u is Unit => !!u) : null;

  return {
    bloc: data.bloc,
    year,
    yearRecord,
    members,
    leader: byId(yearRecord?.leaderUnitId),
    deputy: byId(yearRecord?.deputyUnitId),
    nextLeader: byId(nextRecord?.leaderUnitId) ?? elected(LEADER_SECTION_ID),
    nextDeputy: byId(nextRecord?.deputyUnitId) ?? elected(DEPUTY_SECTION_ID),
    conference: null,
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
