import { describe, expect, it } from 'vitest';
import { yearSlice } from '../../../shared/domain/year-slice';
import { tableInForce } from '../../../shared/domain/scoring-table';
import { BlocDataSchema } from '../../../shared/model/records';
import { KINDS, recordsOf } from '../../../shared/model/registry';
import { consistencyProblems } from '../../../shared/package/consistency';
import { threeYears } from './fixture';

const yearsOf = (data: ReturnType<typeof threeYears>, key: string) => [...new Set(recordsOf(data, key).map((r) => r.year))].sort();

describe('yearSlice', () => {
  it('the fixture is consistent and has records of every kind in each year', () => {
    const data = threeYears();
    expect(consistencyProblems(BlocDataSchema.parse(data))).toEqual([]);
    for (const k of KINDS) expect(recordsOf(data, k.key).length, k.key).toBeGreaterThan(0);
  });

  it('keeps only the year of every year-bound kind, and the bloc and all units', () => {
    const data = threeYears();
    const slice = yearSlice(data, 2024);
    expect(slice.bloc).toEqual(data.bloc);
    expect(slice.units).toEqual(data.units);
    for (const k of KINDS) {
      if (k.key === 'units' || k.key === 'attachments') continue;
      expect(yearsOf(slice, k.key), k.key).toEqual([2024]);
      const whole = recordsOf(data, k.key).filter((r) => r.year === 2024);
      if (k.key !== 'scoringTables' && k.key !== 'scores') expect(recordsOf(slice, k.key), k.key).toEqual(whole);
    }
  });

  it('is a valid, consistent BlocData whatever the needs', () => {
    const data = threeYears();
    for (const needs of [{}, { images: true }, { pastYears: true }, { images: true, pastYears: true }, { table: 'all' as const }, { table: 'latest' as const }, { table: { version: 2 } }, { records: [] }, { records: ['scores'] }, { records: ['pledges', 'voteRounds'], pastYears: true }]) {
      const slice = yearSlice(data, 2024, needs);
      expect(BlocDataSchema.parse(slice)).toEqual(slice);
      expect(consistencyProblems(slice), JSON.stringify(needs)).toEqual([]);
    }
  });

  it('sends no images unless asked, then only the latest signature and stamp of each unit', () => {
    const data = threeYears();
    expect(yearSlice(data, 2024).attachments).toEqual([]);
    expect(yearSlice(data, 2024, { images: true }).attachments.map((a) => a.id)).toEqual(['khoi-a-sig', 'khoi-a-stamp']);
  });

  it('adds the earlier years only under pastYears, never the later ones', () => {
    const data = threeYears();
    expect(yearsOf(yearSlice(data, 2024), 'explanations')).toEqual([2024]);
    const past = yearSlice(data, 2024, { pastYears: true });
    for (const k of KINDS) if (k.key !== 'units' && k.key !== 'attachments') expect(yearsOf(past, k.key), k.key).toEqual([2023, 2024]);
    expect(past.scoringTables.filter((t) => t.year === 2023)).toHaveLength(1);
  });

  it('keeps the table in force (locked v1, not the draft v2) and only the scores it has criteria for', () => {
    const data = threeYears();
    const slice = yearSlice(data, 2024);
    expect(slice.scoringTables).toEqual([tableInForce(data.scoringTables, 2024)]);
    expect(slice.scoringTables[0]!.version).toBe(1);
    expect(slice.scores.map((s) => s.code)).toEqual(['1']);
  });

  it('keeps the named or the latest version, or every version, when asked', () => {
    const data = threeYears();
    expect(yearSlice(data, 2024, { table: 'latest' }).scoringTables.map((t) => t.version)).toEqual([2]);
    expect(yearSlice(data, 2024, { table: { version: 1 } }).scoringTables.map((t) => t.version)).toEqual([1]);
    const all = yearSlice(data, 2024, { table: 'all' });
    expect(all.scoringTables.map((t) => t.version)).toEqual([1, 2]);
    expect(all.scores.filter((s) => s.year === 2024).map((s) => s.code).sort()).toEqual(['1', '2']);
    expect(yearSlice(data, 2024, { table: { version: 2 } }).scores.map((s) => s.code).sort()).toEqual(['1', '2']);
  });

  it('keeps every version when the named one is missing, and every year when the year is missing (the messages list them)', () => {
    const data = threeYears();
    expect(yearSlice(data, 2024, { table: { version: 7 } }).scoringTables.map((t) => t.version)).toEqual([1, 2]);
    const none = yearSlice(data, 2030);
    expect(none.years.map((y) => y.year)).toEqual([2023, 2024, 2025]);
    expect(none.scores).toEqual([]);
    expect(consistencyProblems(none)).toEqual([]);
  });

  it('keeps only the year-bound kinds the call names, with the kinds they refer to', () => {
    const data = threeYears();
    const nonEmpty = (slice: ReturnType<typeof yearSlice>) => KINDS.filter((k) => recordsOf(slice, k.key).length > 0).map((k) => k.key);
    expect(nonEmpty(yearSlice(data, 2024, { records: [] }))).toEqual(['units', 'years', 'scoringTables']);
    expect(nonEmpty(yearSlice(data, 2024, { records: ['scores'] }))).toEqual(['units', 'years', 'scoringTables', 'scores', 'importBatches']);
    expect(nonEmpty(yearSlice(data, 2024, { records: ['pledges'], images: true }))).toEqual(['units', 'years', 'scoringTables', 'pledges', 'attachments']);
    expect(yearSlice(data, 2024, { records: ['scores'] }).scores).toEqual(yearSlice(data, 2024).scores);
  });
});
