/**
 * Scores are stored as score sheets (one IndexedDB record per bloc, year and unit); callers see
 * Score[] exactly as before. A write of some scores rewrites their sheets and changes no other score.
 */
import { liveQuery } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/src/db/database';
import { readBlocData, replaceBloc, addBlocAsNew } from '../../../renderer/src/db/repo-package';
import {
  deleteScores,
  putScore,
  putScores,
  scoreOf,
  scoresOfBloc,
  scoresOfUnit,
  scoresOfYear,
  scoresOfYears,
  yearHasScores,
} from '../../../renderer/src/db/score-store';
import { setVerifiedScore, acceptSelfScores } from '../../../renderer/src/db/repo-verification';
import type { BlocData, Score } from '../../../shared/model/records';
import { fromSheeted, packScores, toSheeted, unpackSheets } from '../../../shared/model/score-sheets';
import { smallBloc } from './fixtures';
import { storedScores } from './stored-scores';

const T = '2025-01-02T03:04:05.000Z';
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function score(blocId: string, year: number, unitId: string, code: string, self: number | null): Score {
  return { id: `${year}:${unitId}:${code}`, blocId, year, unitId, code, self, verified: null, note: '', history: [{ at: T, by: 'Thư ký', field: 'self', old: null, new: self, reason: '', batchId: null }], updatedAt: T };
}

/** smallBloc with two years and three criteria for each of its three units. */
function bloc(blocId = 'khoi-a'): BlocData {
  const data = smallBloc(blocId);
  const year2025 = { ...data.years[0]!, id: `${blocId}-2025`, year: 2025 };
  const criteria = ['1', '2', '10'].map((code, i) => ({ id: `${blocId}-c${i}`, code, title: `Tiêu chí ${code}`, max: 10, kind: 'qualitative' as const, guidance: '' }));
  const table = { ...data.scoringTables[0]!, groups: [{ ...data.scoringTables[0]!.groups[0]!, criteria }] };
  const scores = [2024, 2025].flatMap((year) => data.units.flatMap((u, i) => ['1', '2', '10'].map((code, c) => score(blocId, year, u.id, code, (i + c) % 10))));
  return { ...data, years: [data.years[0]!, year2025], scoringTables: [table, { ...table, id: `${blocId}-bcd-2025`, year: 2025 }], scores };
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('the score sheets codec', () => {
  it('packs scores into one sheet per bloc, year and unit and unpacks them in the order of their ids', () => {
    const list = [score('b', 2024, 'u10', '1', 1), score('b', 2024, 'u1', '2', 2), score('b', 2024, 'u1', '10', 3), score('c', 2024, 'c1', '1', 4), score('b', 2023, 'u1', '1', 5)];
    const sheets = packScores(list);
    expect(sheets.map((s) => [s.id, s.blocId, s.scores.map((x) => x.code)])).toEqual([
      ['2024:u10', 'b', ['1']],
      ['2024:u1', 'b', ['10', '2']],
      ['2024:c1', 'c', ['1']],
      ['2023:u1', 'b', ['1']],
    ]);
    // 'u10' sorts before 'u1:' as a score id, though the sheet '2024:u1' sorts before '2024:u10'.
    expect(unpackSheets(sheets).map((s) => s.id)).toEqual(list.map((s) => s.id).sort());
    expect(unpackSheets(sheets)).toEqual([...list].sort(byId));
  });

  it('unpacks in id order even when a unit id holds the separator', () => {
    const list = [score('b', 2024, 'a', 'z', 1), score('b', 2024, 'a:b', '1', 2), score('b', 2024, 'a', '0', 3)];
    expect(unpackSheets(packScores(list)).map((s) => s.id)).toEqual(['2024:a:0', '2024:a:b:1', '2024:a:z']);
  });
});

describe('the score store', () => {
  it('reads a bloc written whole as it was written: the year, the years, the bloc, one unit, one score', async () => {
    const data = bloc();
    await replaceBloc(data);
    const sorted = [...data.scores].sort(byId);
    expect((await readBlocData('khoi-a')).scores).toEqual(sorted);
    expect(await scoresOfBloc('khoi-a')).toEqual(sorted);
    expect(await scoresOfYear('khoi-a', 2025)).toEqual(sorted.filter((s) => s.year === 2025));
    expect(await scoresOfYears('khoi-a', 2020, 2024)).toEqual(sorted.filter((s) => s.year === 2024));
    expect(await scoresOfUnit('khoi-a', 2024, 'khoi-a-SYT')).toEqual(sorted.filter((s) => s.year === 2024 && s.unitId === 'khoi-a-SYT'));
    expect(await scoreOf('khoi-a', 2024, 'khoi-a-SYT', '10')).toEqual(data.scores.find((s) => s.id === '2024:khoi-a-SYT:10'));
    expect(await scoreOf('khoi-a', 2024, 'khoi-a-SYT', '3')).toBeUndefined();
    expect(await scoreOf('khoi-b', 2024, 'khoi-a-SYT', '1')).toBeUndefined();
    expect([await yearHasScores('khoi-a', 2025), await yearHasScores('khoi-a', 2026)]).toEqual([true, false]);
    // One IndexedDB record per year and unit: 2 years × 3 units.
    expect(await db.scoreSheets.count()).toBe(6);
  });

  it('a partial update changes only what it names: one score edited, every other score as it was', async () => {
    const data = bloc();
    await replaceBloc(data);
    const before = await storedScores();
    const edited = { ...data.scores.find((s) => s.id === '2024:khoi-a-SGDDT:2')!, self: 7.5, note: 'Sửa', updatedAt: '2025-02-01T00:00:00.000Z' };
    await putScore(edited);
    expect(await storedScores()).toEqual(before.map((s) => (s.id === edited.id ? edited : s)));
    // Two scores of different sheets, one of them new.
    const added = score('khoi-a', 2025, 'khoi-a-SYT', '3', 4);
    const changed = { ...before.find((s) => s.id === '2025:khoi-a-SVHTTDL:1')!, verified: 2 };
    await putScores([added, changed]);
    expect(await storedScores()).toEqual(
      [...before.map((s) => (s.id === edited.id ? edited : s.id === changed.id ? changed : s)), added].sort(byId),
    );
  });

  it('a verified score rewrites its unit sheet and no other score; accepting many cells writes each unit once', async () => {
    const data = bloc();
    await replaceBloc(data);
    const k = { blocId: 'khoi-a', year: 2024 };
    const before = await storedScores();
    await setVerifiedScore(k, 'khoi-a-SYT', '2', 3, 'Thiếu minh chứng', 'Thư ký');
    const after = await storedScores();
    const diff = after.filter((s, i) => JSON.stringify(s) !== JSON.stringify(before[i]));
    expect(diff.map((s) => [s.id, s.verified, s.history.length])).toEqual([['2024:khoi-a-SYT:2', 3, 2]]);

    const writes: number[] = [];
    const real = db.scoreSheets.bulkPut.bind(db.scoreSheets);
    db.scoreSheets.bulkPut = (async (...args: Parameters<typeof real>) => (writes.push((args[0] as unknown[]).length), real(...args))) as typeof real;
    try {
      const cells = data.units.flatMap((u) => ['1', '2', '10'].map((code) => ({ unitId: u.id, code })));
      expect(await acceptSelfScores(k, cells, 'Thư ký')).toBe(8);
    } finally {
      db.scoreSheets.bulkPut = real;
    }
    expect(writes).toEqual([1, 1, 1]);
    const accepted = await scoresOfYear('khoi-a', 2024);
    expect(accepted.every((s) => s.verified === (s.id === '2024:khoi-a-SYT:2' ? 3 : s.self))).toBe(true);
    expect(await scoresOfYear('khoi-a', 2025)).toEqual(before.filter((s) => s.year === 2025));
    const audit = (await db.unitReviews.get('2024:khoi-a-SYT'))!.history.map((h) => [h.action, h.target]);
    expect(audit).toEqual([['status', 'khoi-a-SYT'], ['verify', '2'], ['accept', '1'], ['accept', '10']]);
  });

  it('deletes the scores of a bloc, a year or one unit in a year, and nothing else', async () => {
    await replaceBloc(bloc());
    await replaceBloc(bloc('khoi-b'));
    const all = await storedScores();
    await deleteScores('khoi-a', 2024, 'khoi-a-SYT');
    expect(await storedScores()).toEqual(all.filter((s) => !(s.blocId === 'khoi-a' && s.year === 2024 && s.unitId === 'khoi-a-SYT')));
    await deleteScores('khoi-a', 2025);
    expect(await storedScores()).toEqual(all.filter((s) => s.blocId === 'khoi-b' || (s.year === 2024 && s.unitId !== 'khoi-a-SYT')));
    await deleteScores('khoi-a');
    expect(await storedScores()).toEqual(all.filter((s) => s.blocId === 'khoi-b'));
    // Another bloc's unit named with the wrong bloc deletes nothing.
    await deleteScores('khoi-a', 2024, 'khoi-b-SYT');
    expect(await storedScores()).toEqual(all.filter((s) => s.blocId === 'khoi-b'));
  });

  it('never overwrites the sheet of another bloc', async () => {
    await replaceBloc(bloc());
    const before = await storedScores();
    await expect(putScore(score('khoi-x', 2024, 'khoi-a-SYT', '1', 1))).rejects.toThrow(/another bloc/);
    expect(await storedScores()).toEqual(before);
  });

  it('a bloc added as a separate bloc gets its own sheets, with the derived score ids of its new units', async () => {
    const data = bloc();
    await replaceBloc(data);
    const copyId = await addBlocAsNew(data);
    const copy = await readBlocData(copyId);
    expect(copy.scores).toHaveLength(data.scores.length);
    for (const s of copy.scores) expect(s.id).toBe(`${s.year}:${s.unitId}:${s.code}`);
    expect(await db.scoreSheets.where('blocId').equals(copyId).count()).toBe(6);
    expect((await readBlocData('khoi-a')).scores).toEqual([...data.scores].sort(byId));
  });

  it('a bloc handed over with its scores as sheets (an opened package) is stored exactly as the same bloc with its scores as a list', async () => {
    const data = bloc();
    await replaceBloc(data);
    const asList = await db.scoreSheets.toArray();
    const readBack = await readBlocData('khoi-a');
    await Promise.all(db.tables.map((t) => t.clear()));

    const sheeted = toSheeted(data);
    expect(sheeted).not.toHaveProperty('scores');
    expect(fromSheeted(sheeted)).toEqual({ ...data, scores: [...data.scores].sort(byId) });
    await replaceBloc(sheeted, { validatedInMain: true });
    expect(await db.scoreSheets.toArray()).toEqual(asList);
    expect(await readBlocData('khoi-a')).toEqual(readBack);
  });

  it('sheets not validated in main are read back into scores and validated: a bad score refuses the whole bloc', async () => {
    const data = bloc();
    const bad = toSheeted({ ...data, scores: data.scores.map((s, i) => (i === 4 ? { ...s, self: -3 } : s)) });
    await expect(replaceBloc(bad)).rejects.toThrow();
    expect(await db.blocs.count()).toBe(0);
    expect(await db.scoreSheets.count()).toBe(0);
    // Validated here, good sheets are written like any bloc.
    await replaceBloc(toSheeted(data));
    expect(await storedScores()).toEqual([...data.scores].sort(byId));
  });

  it('a bloc handed over as sheets and added as a separate bloc gets new ids for its scores too', async () => {
    const data = bloc();
    await replaceBloc(data);
    const copyId = await addBlocAsNew(toSheeted(data), undefined, { validatedInMain: true });
    const copy = await readBlocData(copyId);
    expect(copy.scores).toHaveLength(data.scores.length);
    for (const s of copy.scores) expect(s.id).toBe(`${s.year}:${s.unitId}:${s.code}`);
    expect(copy.scores.every((s) => s.blocId === copyId)).toBe(true);
    expect(await db.scoreSheets.where('blocId').equals(copyId).count()).toBe(6);
  });

  it('a live query of the year\'s scores updates when one of its scores changes', async () => {
    const data = bloc();
    await replaceBloc(data);
    const seen: number[][] = [];
    let resolveNext: () => void = () => {};
    const subscription = liveQuery(() => scoresOfYear('khoi-a', 2024)).subscribe((list) => {
      seen.push(list.filter((s) => s.unitId === 'khoi-a-SYT').map((s) => s.self ?? -1));
      resolveNext();
    });
    try {
      await new Promise<void>((r) => (resolveNext = r));
      await new Promise<void>((r) => {
        resolveNext = r;
        void putScore({ ...data.scores.find((s) => s.id === '2024:khoi-a-SYT:10')!, self: 9.5 });
      });
    } finally {
      subscription.unsubscribe();
    }
    // SYT's scores in the order of their ids: codes '1', '10', '2'.
    expect(seen).toEqual([
      [0, 2, 1],
      [0, 9.5, 1],
    ]);
  });
});
