import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/src/db/database';
import { readBlocData, replaceBloc } from '../../../renderer/src/db/repo-package';
import { readYearSlice } from '../../../renderer/src/db/repo-slice';
import { yearSlice, type SliceNeeds } from '../../../shared/domain/year-slice';
import { threeYears } from '../year-slice/fixture';
import { smallBloc } from './fixtures';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('readYearSlice', () => {
  const cases: SliceNeeds[] = [{}, { images: true }, { pastYears: true }, { images: true, pastYears: true }, { table: 'latest' }, { table: { version: 2 } }, { table: 'all' }, { records: [] }, { records: ['scores'], pastYears: true }, { records: ['pledges'], images: true }];

  it.each(cases.map((n) => [JSON.stringify(n), n] as const))('reads what yearSlice cuts from the whole bloc (%s)', async (_, needs) => {
    await replaceBloc(threeYears());
    await replaceBloc(smallBloc('khoi-b'));
    const whole = await readBlocData('khoi-a');
    expect(await readYearSlice('khoi-a', 2024, needs)).toEqual(yearSlice(whole, 2024, needs));
  });

  it('reads no other bloc, and every year when the year is missing', async () => {
    await replaceBloc(threeYears());
    await replaceBloc(smallBloc('khoi-b'));
    const slice = await readYearSlice('khoi-b', 2024, { images: true });
    expect(slice.units.every((u) => u.blocId === 'khoi-b')).toBe(true);
    expect(slice.attachments.map((a) => a.id)).toEqual(['khoi-b-sig']);
    expect((await readYearSlice('khoi-a', 2030)).years.map((y) => y.year)).toEqual([2023, 2024, 2025]);
  });

  it('says in Vietnamese when the bloc is not on this PC', async () => {
    await expect(readYearSlice('khong-co', 2024)).rejects.toThrow('Không tìm thấy khối thi đua');
  });
});
