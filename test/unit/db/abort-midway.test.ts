/**
 * Issue 12: an import, a verification change or a vote cut at any point leaves the previous state.
 * Each test lets a write reach IndexedDB and then fails (a crash right after that write), and checks
 * that everything the operation had written is gone: the writes share one transaction, which the
 * failure aborts. A writer that wrote outside its transaction would leave the first write behind.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Table } from 'dexie';
import { db } from '../../../renderer/src/db/database';
import { storedScore, storedScores } from './stored-scores';
import { acceptRound, writeNextLeadership, type RoundDraft } from '../../../renderer/src/db/repo-conference';
import { loadSample, readBlocData, replaceBloc } from '../../../renderer/src/db/repo-package';
import { acceptSelfScores, setVerifiedScore } from '../../../renderer/src/db/repo-verification';
import { commitImport } from '../../../renderer/src/features/assessment/assessment-store';
import type { InspectReport } from '../../../shared/domain/assessment-import';
import { scoreId } from '../../../shared/model/records';
import { SAMPLE_BLOC_ID } from '../../../shared/sample/sample-bloc';
import { smallBloc } from './fixtures';

const CUT = 'mất điện giữa chừng';

type WriteMethod = 'put' | 'add' | 'bulkPut' | 'bulkAdd';

/**
 * The `nth` call of `table[method]` writes, then throws: the operation is cut right after that
 * write. Returns how many calls were made, to check the cut really came after a write.
 */
function cutAfter<T, K>(table: Table<T, K>, method: WriteMethod, nth: number): { calls: () => number } {
  const real = (table[method] as (...args: unknown[]) => Promise<unknown>).bind(table);
  let calls = 0;
  vi.spyOn(table, method).mockImplementation((async (...args: unknown[]) => {
    const result = await real(...args);
    if (++calls === nth) throw new Error(CUT);
    return result;
  }) as never);
  return { calls: () => calls };
}

/** Every record of every table, to compare the whole store before and after a cut. */
async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

afterEach(() => {
  vi.restoreAllMocks();
});

function report(file: string, unitId: string, values: Record<string, number | null>): InspectReport {
  return {
    file, ok: true, refused: false, unit: unitId.toUpperCase(), unitId, year: 2025, tableVersion: 1, size: 100, sha256: 'ab'.repeat(32),
    scores: Object.entries(values).map(([code, value], i) => ({ code, value, max: 10, sheet: 'Tự chấm điểm', cell: `E${8 + i}`, note: '', found: true })),
    errors: [],
    warnings: [],
  };
}

describe('a self-assessment import cut mid-way', () => {
  it('keeps the scores and batches of before when the import fails after writing the scores', async () => {
    await commitImport('khoi-1', 2025, [report('SYT.xlsx', 'syt', { '1.1': 8, '1.2': 6 })], 'Thư ký');
    const before = await snapshot();
    const cut = cutAfter(db.importBatches, 'add', 1);
    await expect(
      commitImport('khoi-1', 2025, [report('SYT.xlsx', 'syt', { '1.1': 3, '1.2': 2 }), report('SGD.xlsx', 'sgd', { '1.1': 9 })], 'Thư ký'),
    ).rejects.toThrow(CUT);
    expect(cut.calls()).toBe(1);
    expect((await storedScore(scoreId(2025, 'syt', '1.1')))!.self).toBe(8);
    expect(await storedScore(scoreId(2025, 'sgd', '1.1'))).toBeUndefined();
    expect(await snapshot()).toEqual(before);
  });

  it('keeps the empty store when the first import fails after its scores were written', async () => {
    const cut = cutAfter(db.scoreSheets, 'bulkPut', 1);
    await expect(commitImport('khoi-1', 2025, [report('SYT.xlsx', 'syt', { '1.1': 8 })], 'Thư ký')).rejects.toThrow(CUT);
    expect(cut.calls()).toBe(1);
    expect((await storedScores()).length).toBe(0);
    expect(await db.importBatches.count()).toBe(0);
  });
});

describe('a verification change cut mid-way', () => {
  const k = { blocId: 'khoi-a', year: 2024 };
  const SYT = 'khoi-a-SYT';
  const SGD = 'khoi-a-SGDDT';

  beforeEach(async () => {
    const data = smallBloc();
    data.scores.push({ ...data.scores[0]!, id: `2024:${SGD}:1`, unitId: SGD, self: 9 });
    await replaceBloc(data);
  });

  it('a verified score written, then a crash before the unit audit: score and audit as before', async () => {
    await setVerifiedScore(k, SYT, '1', 8, 'Thiếu minh chứng', 'Thư ký');
    const before = await snapshot();
    const cut = cutAfter(db.scoreSheets, 'bulkPut', 1);
    await expect(setVerifiedScore(k, SYT, '1', 6.5, 'Phúc tra', 'Thư ký')).rejects.toThrow(CUT);
    expect(cut.calls()).toBe(1);
    const score = (await storedScore(`2024:${SYT}:1`))!;
    expect(score.verified).toBe(8);
    expect(score.history.map((h) => h.new)).toEqual([8]);
    expect((await db.unitReviews.get(`2024:${SYT}`))!.history.map((h) => h.action)).toEqual(['status', 'verify']);
    expect(await snapshot()).toEqual(before);
  });

  it('accepting the self scores of two units, cut after the first unit is written: neither unit changes', async () => {
    const before = await snapshot();
    // The first unit's score and review are written; the cut comes on the second unit's review.
    const cut = cutAfter(db.unitReviews, 'put', 2);
    await expect(acceptSelfScores(k, [{ unitId: SYT, code: '1' }, { unitId: SGD, code: '1' }], 'Thư ký')).rejects.toThrow(CUT);
    expect(cut.calls()).toBe(2);
    expect((await storedScore(`2024:${SYT}:1`))!.verified).toBeNull();
    expect((await storedScore(`2024:${SGD}:1`))!.verified).toBeNull();
    expect(await db.unitReviews.count()).toBe(0);
    expect(await snapshot()).toEqual(before);
  });
});

describe('a vote cut mid-way', () => {
  async function sample() {
    await loadSample(async () => 'replace');
    const data = await readBlocData(SAMPLE_BLOC_ID);
    return data.years.find((y) => y.year === 2024)!.memberUnitIds;
  }

  const draft = (ids: string[], votes: number): RoundDraft => ({
    blocId: SAMPLE_BLOC_ID, year: 2024, sectionId: 'award-gov-flag', round: 1, candidates: [], seats: 1,
    counts: { issued: 6, returned: 6, valid: 6, invalid: 0 }, invalidReasons: [], votes: { [ids[0]!]: votes }, decision: null,
    rulesSnapshot: { quorum: null },
  });

  it('a round accepted again, cut after the round was written: the round accepted before is kept', async () => {
    const ids = await sample();
    const first = await acceptRound(draft(ids, 4), 'Thư ký');
    const before = await snapshot();
    const cut = cutAfter(db.voteRounds, 'put', 1);
    await expect(acceptRound(draft(ids, 5), 'Thư ký')).rejects.toThrow(CUT);
    expect(cut.calls()).toBe(1);
    expect(await db.voteRounds.toArray()).toEqual([first]);
    expect(await snapshot()).toEqual(before);
  });

  it('next year\'s leadership, cut after its leader was written: no year N+1, year N unchanged', async () => {
    const ids = await sample();
    const before = await snapshot();
    expect((await db.years.where('[blocId+year]').equals([SAMPLE_BLOC_ID, 2025]).count())).toBe(0);
    // Year N+1 is created (its own write), then the leader is written over it, then the cut.
    const cut = cutAfter(db.years, 'put', 1);
    await expect(writeNextLeadership(SAMPLE_BLOC_ID, 2024, ids[2]!, ids[3]!, { mode: 'vote', fromYear: 2024 })).rejects.toThrow(CUT);
    expect(cut.calls()).toBe(1);
    expect(await db.years.where('[blocId+year]').equals([SAMPLE_BLOC_ID, 2025]).count()).toBe(0);
    expect(await snapshot()).toEqual(before);
  });
});
