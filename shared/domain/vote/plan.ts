/**
 * What a ballot paper carries, section by section: the units in the bloc's order, "chọn không quá
 * N đơn vị", the marking mode. Round 1 comes from the rules; a later round from the tally's offer
 * (a tie or no unit passing), pre-filled with its candidates and seats.
 */
import { sectionRulesOf } from './rules';
import { resolveSeats } from './seats';
import { tally } from './tally';
import type { MarkingMode, SectionInput, SectionKind, TallyInput, TallyResult } from './types';

export interface BallotSectionPlan {
  id: string;
  title: string;
  kind: SectionKind;
  round: number;
  marking: MarkingMode;
  seats: number;
  maxMarks: number;
  /** Units printed, in the bloc's order; ineligible units are never printed. */
  candidates: string[];
  /** "chọn không quá 01 đơn vị" */
  instruction: string;
}

const instruction = (n: number) => `chọn không quá ${String(n).padStart(2, '0')} đơn vị`;

/**
 * The first ballot, before any result. A share of "số đơn vị còn lại" is planned on the units left
 * once the earlier sections fill all their seats (their winners are not known when the paper is printed).
 */
export function firstBallotPlan(input: { members: readonly string[]; sections: readonly SectionInput[] }): BallotSectionPlan[] {
  let planned = 0;
  return input.sections.map((s) => {
    const rules = sectionRulesOf(s);
    const seats = resolveSeats(rules.seats, Math.max(0, input.members.length - planned));
    planned += seats;
    const ineligible = new Set(rules.ineligible);
    const maxMarks = rules.maxMarks ?? seats;
    return {
      id: rules.id,
      title: rules.title,
      kind: rules.kind,
      round: 1,
      marking: rules.marking,
      seats,
      maxMarks,
      candidates: input.members.filter((m) => !ineligible.has(m)),
      instruction: instruction(maxMarks),
    };
  });
}

/** The next ballot: only the sections whose tally offers another round. */
export function nextBallotPlan(result: TallyResult): BallotSectionPlan[] {
  return result.sections.flatMap((s) => {
    const next = s.nextRound;
    if (!next || next.reason === 'notEntered') return [];
    const maxMarks = Math.min(s.rules.maxMarks ?? s.seats, next.seats);
    return [
      {
        id: s.id,
        title: s.title,
        kind: s.kind,
        round: next.round,
        marking: s.rules.marking,
        seats: next.seats,
        maxMarks,
        candidates: next.candidates,
        instruction: instruction(maxMarks),
      },
    ];
  });
}

/**
 * The sections of the paper ballot of a round, for entering it ballot by ballot: every tally the
 * paper carries (the awards, then next year's leadership), as the voters saw them. Round 1 is the
 * printed first ballot; a later round takes the round as entered when it was (its candidates and
 * "chọn không quá N"), else the round the tally offers. A section stays on the paper after its
 * round is accepted, so the ballots entered keep their meaning.
 */
export function paperSections(inputs: readonly TallyInput[], round: number): BallotSectionPlan[] {
  if (round === 1) return inputs.flatMap((input) => firstBallotPlan(input));
  return inputs.flatMap((input) => {
    const result = tally(input);
    const offered = nextBallotPlan(result);
    return result.sections.flatMap((s): BallotSectionPlan[] => {
      const r = s.rounds.find((x) => x.round === round);
      if (r) {
        return [{ id: s.id, title: s.title, kind: s.kind, round, marking: s.rules.marking, seats: r.seats, maxMarks: r.maxMarks, candidates: r.candidates, instruction: instruction(r.maxMarks) }];
      }
      return offered.filter((p) => p.id === s.id && p.round === round);
    });
  });
}
