/**
 * A record kind is one registry entry: every kind of shared/model/registry.ts appears in BlocData,
 * Dexie, the package counts, the bloc's read/write, the id remapping and the reference checks,
 * with no other edit. fullBloc() holds a record of every kind (the first test makes sure), so a kind
 * added to the registry is covered here once the fixture has a record of it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { db, SCHEMA_HISTORY } from '../../../renderer/src/db/database';
import { kindStore } from '../../../renderer/src/db/kind-store';
import { deleteBloc } from '../../../renderer/src/db/repo-bloc';
import { deleteUnit, unitHistory } from '../../../renderer/src/db/repo-units';
import { deleteYear, yearWork } from '../../../renderer/src/db/repo-years';
import { addBlocAsNew, readBlocData, replaceBloc } from '../../../renderer/src/db/repo-package';
import { BlocDataSchema, SCHEMA_VERSION, type BlocData } from '../../../shared/model/records';
import { headField, rewriteAt, valuesAt } from '../../../shared/model/record-paths';
import { countsOf, KINDS, kindOf, recordsOf } from '../../../shared/model/registry';
import { PackageCountsSchema } from '../../../shared/package/format';
import { consistencyProblems } from '../../../shared/package/consistency';
import { describePath } from '../../../shared/package/describe-issue';
import { remapBlocIds } from '../../../shared/package/remap';
import type { BallotEntry } from '../../../shared/domain/vote/ballots';
import { RoundInputSchema } from '../../../shared/domain/vote/schema';
import { fullBloc } from './fixtures';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

describe('the record registry', () => {
  it('the full fixture holds a consistent record of every kind, and a value at every reference', () => {
    const data = BlocDataSchema.parse(fullBloc());
    expect(consistencyProblems(data)).toEqual([]);
    for (const k of KINDS) {
      expect(recordsOf(data, k.key).length, k.key).toBeGreaterThan(0);
      for (const ref of k.refs) expect(recordsOf(data, k.key).flatMap((r) => valuesAt(r, ref.path)).length, `${k.key}.${ref.path}`).toBeGreaterThan(0);
    }
  });

  it('every entry is well formed: reference paths name schema fields, versions exist, id references point to fresh ids', () => {
    for (const k of KINDS) {
      expect(k.since).toBeGreaterThanOrEqual(1);
      expect(k.since).toBeLessThanOrEqual(SCHEMA_VERSION);
      const shape = (k.schema as unknown as { shape: Record<string, unknown> }).shape;
      for (const field of ['id', 'blocId', ...k.stamps]) expect(shape, `${k.key}.${field}`).toHaveProperty(field);
      for (const ref of k.refs) {
        expect(shape, `${k.key}.${ref.path}`).toHaveProperty(headField(ref.path));
        const target = kindOf(ref.to)!;
        if ((target.refKey ?? 'id') === 'id') expect(target.id).toBe('fresh');
      }
    }
  });

  it('gives every kind its BlocData field, Dexie table, package count and Vietnamese name', () => {
    const data = BlocDataSchema.parse(fullBloc());
    const counts = countsOf(data);
    expect(PackageCountsSchema.parse(counts)).toEqual(counts);
    for (const k of KINDS) {
      expect(BlocDataSchema.shape).toHaveProperty(k.key);
      expect(kindStore(k.key).table().schema.primKey.name).toBe('id');
      expect(SCHEMA_HISTORY[k.since]![k.key]).toBe(k.indexes);
      expect(counts[k.key as keyof typeof counts]).toBe(recordsOf(data, k.key).length);
      expect(describePath([k.key, 0, 'id'])).toBe(`${k.label} thứ 1, trường id`);
    }
    // Packages of an older schema lack the newer counts: they read as none.
    const v3Counts = Object.fromEntries(KINDS.filter((k) => k.since <= 3).map((k) => [k.key, 1]));
    expect(PackageCountsSchema.parse(v3Counts).voteRounds).toBe(0);
  });

  it('writes, reads, copies and deletes every kind with the whole bloc', async () => {
    const data = BlocDataSchema.parse(fullBloc());
    await replaceBloc(data);
    const back = await readBlocData(data.bloc.id);
    for (const k of KINDS) expect(byId(recordsOf(back, k.key)), k.key).toEqual(byId(recordsOf(data, k.key)));

    const copyId = await addBlocAsNew(data);
    const copy = await readBlocData(copyId);
    expect(consistencyProblems(copy)).toEqual([]);
    for (const k of KINDS) expect(recordsOf(copy, k.key).length, k.key).toBe(recordsOf(data, k.key).length);

    await deleteBloc(data.bloc.id);
    for (const k of KINDS) {
      expect((await kindStore(k.key).ofBloc(data.bloc.id)).length, k.key).toBe(0);
      expect((await kindStore(k.key).ofBloc(copyId)).length, k.key).toBe(recordsOf(data, k.key).length);
    }
  });

  it('remaps every kind: new bloc, new or derived ids, every unit reference to the new unit', () => {
    const data = BlocDataSchema.parse(fullBloc());
    let n = 0;
    const copy = remapBlocIds(data, () => `moi-${++n}`);
    expect(consistencyProblems(copy)).toEqual([]);
    const oldUnits = new Set(data.units.map((u) => u.id));
    const newUnits = new Set(copy.units.map((u) => u.id));
    for (const k of KINDS) {
      const before = recordsOf(data, k.key);
      const after = recordsOf(copy, k.key);
      expect(after).toHaveLength(before.length);
      after.forEach((r, i) => {
        expect(r.blocId).toBe(copy.bloc.id);
        expect(r.id, k.key).not.toBe(before[i]!.id);
        for (const ref of k.refs.filter((x) => x.to === 'units')) {
          for (const v of valuesAt(r, ref.path)) {
            expect(oldUnits.has(String(v)), `${k.key}.${ref.path}`).toBe(false);
            expect(newUnits.has(String(v)), `${k.key}.${ref.path}`).toBe(true);
          }
        }
      });
    }
  });

  it('refuses, for every kind, a duplicate id, a record of another bloc and every reference to a missing record', () => {
    const data = BlocDataSchema.parse(fullBloc());
    const problemsWith = (change: (d: BlocData) => void) => {
      const d = structuredClone(data);
      change(d);
      return consistencyProblems(d).join(' | ');
    };
    for (const k of KINDS) {
      expect(problemsWith((d) => recordsOf(d, k.key).push(structuredClone(recordsOf(d, k.key)[0]!))), k.key).toContain('dùng hai lần');
      expect(problemsWith((d) => (recordsOf(d, k.key)[0]!.blocId = 'khoi-khac')), k.key).toContain(`${k.label} "`);
      for (const ref of k.refs) {
        const target = kindOf(ref.to)!;
        const problems = problemsWith((d) => {
          const list = recordsOf(d, k.key);
          const i = list.findIndex((r) => valuesAt(r, ref.path).length > 0);
          list[i] = target.refKey === 'year' ? { ...list[i]!, [ref.path]: 2031 } : rewriteAt(list[i]!, ref.path, () => 'khong-co');
        });
        expect(problems, `${k.key}.${ref.path}`).toContain(target.refKey === 'year' ? 'không có năm 2031' : `tham chiếu ${target.label} không có trong khối ("khong-co")`);
      }
      for (const ref of k.refs.filter((r) => r.unique)) {
        const problems = problemsWith((d) => {
          const r = recordsOf(d, k.key).find((x) => valuesAt(x, ref.path).length > 0)!;
          // Unique references are lists of ids at a dotted path ("rules.leaderRotation.order[]").
          const list = ref.path.slice(0, -2).split('.').reduce<unknown>((o, f) => (o as Record<string, unknown>)[f], r) as string[];
          list.push(list[0]!);
        });
        expect(problems, `${k.key}.${ref.path}`).toContain('hai lần');
      }
    }
  });

  it('keeps a unit or a year that a record of any kind refers to (so no package of this PC is refused later)', async () => {
    const data = BlocDataSchema.parse(fullBloc());
    // A unit named only by a vote round, not by any year, score or pledge.
    const extra = { ...data.units[0]!, id: 'khoi-a-MOI', code: 'MOI', order: 9 };
    const round = data.voteRounds[0]!;
    await replaceBloc({ ...data, units: [...data.units, extra], voteRounds: [{ ...round, candidates: [...round.candidates, extra.id] }] });
    expect(await unitHistory(extra.id)).toEqual(['1 vòng bỏ phiếu']);
    await expect(deleteUnit(extra.id)).rejects.toThrow('Không xoá được');

    // A year holding only a conference.
    const y2025 = { ...data.years[0]!, id: 'khoi-a-2025', year: 2025 };
    await db.years.add(y2025);
    await db.conferences.add({ ...data.conferences[0]!, id: 'khoi-a:2025', year: 2025 });
    expect(await yearWork(data.bloc.id, 2025)).toEqual(['hội nghị tổng kết']);
    await expect(deleteYear(y2025.id)).rejects.toThrow('Không xoá được năm 2025 vì đã có hội nghị tổng kết.');
  });
});

describe('record paths', () => {
  it('read the values a path names; a list to fill is emptied first and comes back', () => {
    const record = { unitId: 'u1', year: 2024, note: null, files: [{ unitId: 'u2' }, { unitId: null }, {}], votes: { u3: 2, u4: 1 }, marks: { a: ['u5'], b: 'u6' } };
    const into: (string | number)[] = ['cũ'];
    expect(valuesAt(record, 'unitId', into)).toBe(into);
    expect(into).toEqual(['u1']);
    expect(valuesAt(record, 'year', into)).toEqual([2024]);
    expect(valuesAt(record, 'note', into)).toEqual([]);
    expect(valuesAt(record, 'missing', into)).toEqual([]);
    expect(valuesAt(null, 'unitId', into)).toEqual([]);
    expect(valuesAt(['u1'], 'unitId', into)).toEqual([]);
    expect(valuesAt(Object.create({ unitId: 'kế thừa' }), 'unitId', into)).toEqual([]);
    expect(valuesAt(record, 'files[].unitId', into)).toEqual(['u2']);
    expect(valuesAt(record, 'votes{key}')).toEqual(['u3', 'u4']);
    expect(valuesAt(record, 'marks{}[]')).toEqual(['u5']);
  });
});

describe('a stored vote round', () => {
  it('maps straight onto the vote engine input (unit ids to codes)', () => {
    const data = BlocDataSchema.parse(fullBloc());
    const code = new Map(data.units.map((u) => [u.id, u.code]));
    const r = data.voteRounds[0]!;
    const toCode = (id: string) => code.get(id)!;
    const input = {
      candidates: r.candidates.map(toCode),
      seats: r.seats,
      ballots: r.counts,
      votes: Object.fromEntries(Object.entries(r.votes).map(([id, n]) => [toCode(id), n])),
      ...(r.decision ? { decision: { winners: r.decision.winners.map(toCode), reason: r.decision.reason } } : {}),
    };
    expect(RoundInputSchema.safeParse(input).success).toBe(true);
    // The ballot-by-ballot entry has the engine's BallotEntry shape (checked by the compiler), ids in place of codes.
    const entry: readonly BallotEntry[] = r.ballots!;
    expect(entry.flatMap((b) => Object.keys(b.marks))).toEqual(['co-chinh-phu', 'leader', 'co-chinh-phu']);
  });
});
