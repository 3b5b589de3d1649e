/**
 * Everything the vote's screens and papers read about one year, from the bloc's data: the rules,
 * the members in order, who is present, the conference and the rounds entered. The one place the
 * storage of conferences and vote rounds plugs into; until they are stored, every member counts
 * as present and no round is entered.
 */
import type { BlocData, Unit, Year } from '../../model/records';
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
}

/** The vote context of a year of the bloc, or null when the bloc has no such year. */
export function voteContextOf(data: BlocData, year: number): VoteContext | null {
  const yearRecord = data.years.find((y) => y.year === year);
  if (!yearRecord) return null;
  const byId = new Map(data.units.map((u) => [u.id, u]));
  const units = yearRecord.memberUnitIds.map((id) => byId.get(id)).filter((u): u is Unit => u !== undefined);
  const members = units.map((u) => ({ code: u.code, name: u.name }));
  return {
    year,
    yearRecord,
    rules: yearRecord.rules,
    units,
    members,
    // Attendance, rounds, eligibility and ranking scores are not stored yet.
    present: members.map((m) => m.code),
    rounds: {},
    ineligible: [],
    conference: null,
  };
}
