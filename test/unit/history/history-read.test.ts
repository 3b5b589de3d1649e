import { beforeEach, describe, expect, it } from 'vitest';
import { blocHistory } from '../../../shared/domain/history';
import { buildSyntheticBlocData, withFullHistory } from '../../../shared/sample/sample-bloc';
import { withYearEnd } from '../../../shared/sample/year-end';
import { historyOfBloc, lastChangeOfBloc } from '../../../renderer/src/db/bloc-worker-client';
import { db } from '../../../renderer/src/db/database';
import { lastChangeOf, replaceBloc } from '../../../renderer/src/db/repo-package';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('the history read from storage', () => {
  it('is the history of the bloc as stored, and only of that bloc, with the awards its stored vote proposed', async () => {
    const now = '2026-01-05T02:00:00.000Z';
    const data = withYearEnd(withFullHistory(buildSyntheticBlocData({ units: 5, criteria: 8, years: 3, now, lastYear: 2025 })), 2024, now);
    await replaceBloc(data);
    const other = withFullHistory(buildSyntheticBlocData({ units: 3, criteria: 4, years: 2, now: '2026-01-05T02:00:00.000Z', lastYear: 2025 }));
    await replaceBloc(other);
    const stored = await historyOfBloc(data.bloc.id);
    expect(stored).toEqual(blocHistory(data));
    expect(stored!.years.find((y) => y.year === 2024)!.awards).toHaveLength(5);
    expect(await historyOfBloc('khong-co')).toBeNull();
    // The worker's other questions answer the same as the repository.
    expect(await lastChangeOfBloc(data.bloc.id)).toBe(await lastChangeOf(data.bloc.id));
    expect(await lastChangeOfBloc('khong-co')).toBeNull();
  });
});
