/**
 * Everything the vote's screens and papers read about one year, from the bloc's data: the rules,
 * the members in order, who is present, the conference and the rounds accepted (stored.ts). The
 * one place the screen, the CLI and the documents read the stored vote from; until attendance is
 * stored, every member counts as present.
 */
import type { BlocData, Unit, Year } from '../../model/records';
import { storedVoteOf, type StoredVote } from './stored';
import type { YearVoteSource } from './year-input';

/** The conference as the minutes print it. */
export interface ConferenceInfo {
  /** ISO day. */
  date: string | null;
  /** "08:00" */
  startTime: string | null;
  place: string;
  /** Ban kiểm phiếu in the order printed; its head first is usual but not required. */
  committee: CommitteeMember[];
  /** "10:30": when the minutes were finished and read to the conference. */
  readAt: string | null;
  /** "05/BB-KTĐ"; empty for none. */
  documentNumber: string;
}

export interface CommitteeMember {
  name: string;
  /** Position and unit, "Phó Giám đốc Sở Y tế". */
  position: string;
  role: 'head' | 'member';
}

export interface VoteContext extends YearVoteSource {
  yearRecord: Year;
  /** The member units' records, in the year's order. */
  units: Unit[];
  conference: ConferenceInfo | null;
  /** The stored records behind it (conference, accepted rounds by section). */
  stored: StoredVote;
}

/** The vote context of a year of the bloc, or null when the bloc has no such year. */
export function voteContextOf(data: Pick<BlocData, 'years' | 'units' | 'conferences' | 'voteRounds' | 'unitReviews'>, year: number): VoteContext | null {
  const yearRecord = data.years.find((y) => y.year === year);
  if (!yearRecord) return null;
  const byId = new Map(data.units.map((u) => [u.id, u]));
  const units = yearRecord.memberUnitIds.map((id) => byId.get(id)).filter((u): u is Unit => u !== undefined);
  const members = units.map((u) => ({ code: u.code, name: u.name }));
  const stored = storedVoteOf(data, year);
  const memberCodes = new Set(members.map((m) => m.code));
  const c = stored.conference;
  return {
    year,
    yearRecord,
    rules: yearRecord.rules,
    units,
    members,
    present: stored.present ? stored.present.filter((code) => memberCodes.has(code)) : members.map((m) => m.code),
    rounds: stored.rounds,
    overrides: stored.overrides,
    ineligible: stored.ineligible,
    spareBallots: c?.spareBallots ?? 0,
    conference: c
      ? {
          date: c.date,
          startTime: c.startTime || null,
          place: c.place,
          committee: c.committee.map((m) => ({ name: m.name, position: (m.unitId && byId.get(m.unitId)?.name) || '', role: m.role })),
          readAt: c.minutesReadAt || null,
          documentNumber: '',
        }
      : null,
    stored,
  };
}
