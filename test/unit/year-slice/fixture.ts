/**
 * A bloc of three years (2023, 2024, 2025) with records of every kind in each, a locked v1 and a
 * draft v2 of 2024's table (v2 adds criterion 2, scored too), and an older and a newer signature of
 * one unit: what the year-slice tests cut.
 */
import type { BlocData } from '../../../shared/model/records';
import { KINDS, recordsOf, type AnyRecord } from '../../../shared/model/registry';
import { isYearBound } from '../../../shared/domain/year-slice';
import { fullBloc } from '../db/fixtures';

const LATER = '2025-06-01T00:00:00.000Z';

function forYear(r: AnyRecord, year: number, key: string): AnyRecord {
  const k = KINDS.find((x) => x.key === key)!;
  const moved = { ...r, year } as AnyRecord;
  return { ...moved, id: k.id === 'fresh' ? `${r.id}-${year}` : k.id.derive(moved) };
}

export function threeYears(): BlocData {
  const d = fullBloc();
  const out: Record<string, unknown> = { ...d };
  for (const k of KINDS) {
    if (k.key !== 'years' && !isYearBound(k)) continue;
    const base = recordsOf(d, k.key);
    out[k.key] = [...base.map((r) => forYear(r, 2023, k.key)), ...base, ...base.map((r) => forYear(r, 2025, k.key))];
  }
  const data = out as BlocData;
  // Score history points to the batch of its own year.
  data.scores = data.scores.map((s) => ({ ...s, history: s.history.map((h) => ({ ...h, batchId: s.year === 2024 ? h.batchId : `${h.batchId}-${s.year}` })) }));
  const v1 = data.scoringTables.find((t) => t.year === 2024)!;
  const v2 = {
    ...v1,
    id: 'khoi-a-bcd-v2',
    version: 2,
    status: 'draft' as const,
    lockedAt: null,
    reason: 'Thêm tiêu chí 2',
    groups: [{ ...v1.groups[0]!, criteria: [...v1.groups[0]!.criteria, { id: 'khoi-a-c2', code: '2', title: 'Cải cách hành chính', max: 5, kind: 'qualitative' as const, guidance: '' }] }],
  };
  data.scoringTables = [...data.scoringTables, v2];
  const s1 = data.scores.find((s) => s.year === 2024)!;
  data.scores = [...data.scores, { ...s1, id: `2024:${s1.unitId}:2`, code: '2', self: 4 }];
  const old = data.attachments[0]!;
  data.attachments = [
    { ...old, id: 'khoi-a-sig-old', createdAt: '2020-01-01T00:00:00.000Z' },
    old,
    { ...old, id: 'khoi-a-stamp', kind: 'stamp', createdAt: LATER },
    { ...old, id: 'khoi-a-other', kind: 'other', createdAt: LATER },
  ];
  return data;
}
