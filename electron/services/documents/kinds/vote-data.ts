/**
 * What the vote's documents read: the year's vote context (voteContextOf, the one data access the
 * storage plugs into), or a vote record handed in as an option (the CLI's --vote file), mapped to
 * the engine's entries by the one adapter (tallyInputFromYear). Names come from the bloc's units.
 */
import { UserError } from '../../../../shared/errors';
import { voteContextOf, type ConferenceInfo, type VoteContext } from '../../../../shared/domain/vote/context';
import { parseVoteRecord, type InvalidReasonCount } from '../../../../shared/domain/vote/record';
import type { TallyInput } from '../../../../shared/domain/vote/types';
import { leadershipTallyInputFromYear, tallyInputFromYear } from '../../../../shared/domain/vote/year-input';
import type { BlocData } from '../../../../shared/model/records';
import type { Issuer } from '../model/index';

export interface DocumentVote {
  ctx: VoteContext;
  /** The tallies in order: the awards, then next year's leadership when it is elected. */
  inputs: TallyInput[];
  /** True when the entries came from a vote record handed in (not the year's stored data). */
  fromRecord: boolean;
  conference: ConferenceInfo | null;
  invalidReasons: InvalidReasonCount[];
  name: (code: string) => string;
}

export function issuerOf(data: BlocData): Issuer {
  return { parent: data.bloc.issuingParent, body: data.bloc.issuingBody.trim() || data.bloc.name, partyFormat: data.bloc.partyFormat };
}

/** The vote of a year, from the record given or the year's data; UserError (Vietnamese) when it cannot be read. */
export function documentVote(data: BlocData, year: number, vote: unknown): DocumentVote {
  const ctx = voteContextOf(data, year);
  if (!ctx) throw new UserError('year-missing', `Khối "${data.bloc.name}" chưa có năm thi đua ${year}.`);
  const byCode = new Map(data.units.map((u) => [u.code, u.name]));
  if (vote === undefined) {
    const inputs = [tallyInputFromYear(ctx), leadershipTallyInputFromYear(ctx)].filter((x): x is TallyInput => x !== null);
    // The reasons ballots were invalid, as the accepted rounds stored them.
    const invalidReasons = Object.entries(ctx.stored.records).flatMap(([section, rounds]) =>
      rounds.flatMap((r) => r.invalidReasons.map((x) => ({ section, round: r.round, reason: x.reason, count: x.count }))),
    );
    return { ctx, inputs, fromRecord: false, conference: ctx.conference, invalidReasons, name: (c) => byCode.get(c) ?? c };
  }
  const parsed = parseVoteRecord(vote);
  if (!parsed.ok) {
    throw new UserError('vote-invalid', `Số liệu bỏ phiếu không đúng cấu trúc:\n${parsed.issues.slice(0, 10).join('\n')}`, parsed.issues);
  }
  const { input } = parsed.record;
  const names = input.names ?? {};
  const unknown = input.members.filter((c) => !byCode.has(c) && !names[c]);
  if (unknown.length) {
    throw new UserError(
      'vote-unknown-units',
      `Số liệu bỏ phiếu có mã đơn vị không thuộc khối "${data.bloc.name}": ${unknown.map((c) => `"${c}"`).join(', ')} (ghi tên trong "names" hoặc sửa mã đơn vị).`,
    );
  }
  // The engine's explanations name units as the bloc does.
  const blocNames = Object.fromEntries(input.members.filter((c) => byCode.has(c)).map((c) => [c, byCode.get(c)!]));
  return {
    ctx,
    inputs: [{ ...input, names: { ...names, ...blocNames } }],
    fromRecord: true,
    conference: parsed.record.conference,
    invalidReasons: parsed.record.invalidReasons,
    name: (c) => byCode.get(c) ?? names[c] ?? c,
  };
}

const ROMAN: [number, string][] = [
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** I, II, III, … for the sections of a ballot or the minutes (at most a few dozen). */
export function roman(n: number): string {
  let out = '';
  let rest = n;
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}
