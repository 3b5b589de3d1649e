/** Small builders for vote inputs in tests. */
import { tally } from '../../../shared/domain/vote/tally';
import type { RoundInput, SectionInput, TallyInput, TallyResult, Threshold } from '../../../shared/domain/vote/types';

export const EIGHT = ['SYT', 'SGDDT', 'SVHTTDL', 'SLDTBXH', 'DPTTH', 'BQLDT', 'SNV', 'STTTT'];

export const HALF_VALID: Threshold = { num: 1, den: 2, comparison: 'gt', base: 'valid' };

/** A round whose ballots all came back: `valid` valid, `invalid` invalid. */
export function round(valid: number, votes: Record<string, number>, extra: Partial<RoundInput> & { invalid?: number; issued?: number } = {}): RoundInput {
  const { invalid = 0, issued, ...rest } = extra;
  const returned = valid + invalid;
  return { ballots: { issued: issued ?? returned, returned, valid, invalid }, votes, ...rest };
}

export function section(id: string, rounds: RoundInput[], extra: Partial<SectionInput> = {}): SectionInput {
  return { id, title: extra.title ?? `Mục ${id}`, seats: 1, threshold: HALF_VALID, rounds, ...extra };
}

export function vote(sections: SectionInput[], extra: Partial<TallyInput> = {}): TallyResult {
  const members = extra.members ?? EIGHT;
  return tally({ members, present: extra.present ?? members, sections, ...extra });
}

export const codes = (r: TallyResult) => [...r.errors, ...r.sections.flatMap((s) => s.errors)].map((e) => e.code);
export const warningCodes = (r: TallyResult) => [...r.warnings, ...r.sections.flatMap((s) => s.warnings)].map((e) => e.code);
export const unit = (r: TallyResult, sectionIndex: number, code: string) => r.sections[sectionIndex]!.units.find((u) => u.code === code)!;
