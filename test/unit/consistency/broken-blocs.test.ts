/**
 * The checks between records (shared/package/consistency.ts) on 240 blocs broken at random (a seeded
 * generator): records removed, doubled, moved to another bloc, references and codes pointing
 * nowhere, scores over their maximum, leaders who are not members. The problems found, and their
 * order, are kept as a snapshot: a change to how the check runs must not change what it says.
 */
import { describe, expect, it } from 'vitest';
import type { BlocData } from '../../../shared/model/records';
import { KINDS, recordsOf } from '../../../shared/model/registry';
import { checkedView, ConsistencyCheck, consistencyProblems } from '../../../shared/package/consistency';
import { buildSyntheticBlocData, withFullHistory } from '../../../shared/sample/sample-bloc';
import { withYearEnds } from '../../../shared/sample/year-end';

const NOW = '2026-05-14T03:00:00.000Z';
const base = withYearEnds(withFullHistory(buildSyntheticBlocData({ units: 4, criteria: 5, years: 2, now: NOW, lastYear: 2025 })), NOW);

/** mulberry32: the same blocs on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rec = Record<string, unknown>;
type Mutation = (d: Record<string, Rec[]>, pick: <T>(xs: readonly T[]) => T | undefined) => void;

const VIEWED = KINDS.map((k) => k.key).filter((k) => !['units', 'years', 'scoringTables', 'pledges'].includes(k));

const kindsWith = (d: Record<string, Rec[]>) => KINDS.map((k) => k.key).filter((k) => d[k]!.length > 0);
const MUTATIONS: Mutation[] = [
  (d, pick) => {
    const k = pick(kindsWith(d))!;
    d[k]!.splice(Math.floor(d[k]!.length / 2), 1);
  },
  (d, pick) => {
    const k = pick(kindsWith(d))!;
    d[k]!.push(structuredClone(pick(d[k]!)!));
  },
  (d, pick) => {
    const k = pick(kindsWith(d))!;
    pick(d[k]!)!.blocId = 'khoi-khac';
  },
  (d, pick) => {
    const k = pick(['units', 'years', 'importBatches'])!;
    d[k]!.shift();
  },
  (d, pick) => {
    pick(d.scores!)!.code = '9.9';
  },
  (d, pick) => {
    const s = pick(d.scores!)!;
    s.self = 999;
    s.verified = 998;
  },
  (d, pick) => {
    pick(d.scores!)!.id = 'diem-sai-ma';
  },
  (d, pick) => {
    const s = pick(d.scores!.filter((x) => (x.history as unknown[]).length > 0))!;
    (s.history as Rec[])[0]!.batchId = 'lan-nhap-khong-co';
  },
  (d, pick) => {
    const y = pick(d.years!)!;
    y.deputyUnitId = y.leaderUnitId;
  },
  (d, pick) => {
    const y = pick(d.years!)!;
    y.memberUnitIds = (y.memberUnitIds as string[]).filter((id) => id !== y.leaderUnitId);
  },
  (d, pick) => {
    const [a, b] = [pick(d.units!)!, pick(d.units!)!];
    if (a !== b) a.code = String(b.code).toLowerCase();
  },
  (d, pick) => {
    const t = pick(d.scoringTables!)!;
    d.scoringTables!.push({ ...structuredClone(t), id: `${String(t.id)}-2` });
  },
  (d, pick) => {
    const y = pick(d.years!)!;
    d.years!.push({ ...structuredClone(y), id: `${String(y.id)}-2` });
  },
  (d, pick) => {
    const y = pick(d.years!)!;
    y.memberUnitIds = [...(y.memberUnitIds as string[]), 'don-vi-khong-co', (y.memberUnitIds as string[])[0]];
  },
  (d, pick) => {
    const b = pick(d.importBatches!)!;
    (b.changes as Rec[])[0]!.unitId = 'don-vi-khong-co';
  },
  (d, pick) => {
    const s = pick(d.scores!)!;
    s.year = 1999;
  },
];

/** Bloc number `n`: the base bloc with one to four mutations. */
function broken(n: number): BlocData {
  const next = random(n + 1);
  const pick = <T,>(xs: readonly T[]): T | undefined => xs[Math.floor(next() * xs.length)];
  const d = structuredClone(base) as unknown as Record<string, Rec[]>;
  const count = 1 + Math.floor(next() * 4);
  for (let i = 0; i < count; i++) pick(MUTATIONS)!(d, pick);
  return d as unknown as BlocData;
}

describe('the checks between records on blocs broken at random', () => {
  it('the base bloc holds together, and every kind has records', () => {
    expect(consistencyProblems(base)).toEqual([]);
    expect(KINDS.filter((k) => recordsOf(base, k.key).length === 0).map((k) => k.key)).toEqual(['pledges', 'attachments', 'explanations', 'documentDrafts']);
  });

  it('finds the same problems, in the same order, as when the snapshot was taken', () => {
    const found = Array.from({ length: 240 }, (_, n) => consistencyProblems(broken(n)));
    expect(found.filter((p) => p.length === 0).length).toBeLessThan(24);
    expect(found).toMatchSnapshot();
  });

  it('records given a few at a time, as a bloc sent in parts comes, give the same problems in the same order', () => {
    for (let n = 0; n < 240; n++) {
      const data = broken(n);
      const next = random(1000 + n);
      const check = new ConsistencyCheck(data.bloc.id);
      for (const k of KINDS) {
        const records = recordsOf(data, k.key);
        for (let at = 0; at < records.length; ) {
          const size = 1 + Math.floor(next() * 3);
          check.add(k.key, records.slice(at, at + size));
          at += size;
        }
      }
      expect(check.problems(), `bloc ${n}`).toEqual(consistencyProblems(data));
    }
  });

  it('records reduced to what the checks read (checkedView, as main\'s other threads hand them back) give the same problems', () => {
    for (let n = 0; n < 240; n++) {
      const data = broken(n);
      const check = new ConsistencyCheck(data.bloc.id);
      // Every kind but those whose own rules read inside their records (a year's members, a table's criteria).
      for (const k of KINDS) check.add(k.key, recordsOf(data, k.key).map((r) => (VIEWED.includes(k.key) ? checkedView(k.key, r) : r)));
      expect(check.problems(), `bloc ${n}`).toEqual(consistencyProblems(data));
    }
    // A score's view: its own fields and its history's imports, not the history itself.
    const score = base.scores[0]!;
    expect(checkedView('scores', score)).toEqual({ ...score, history: score.history.map((h) => (h.batchId === null ? null : { batchId: h.batchId })) });
  });

  it('refuses a kind that comes after a later one', () => {
    const check = new ConsistencyCheck(base.bloc.id);
    check.add('years', base.years);
    expect(() => check.add('units', base.units)).toThrow(/out of order/);
  });
});
