import type { CriterionKind, ScoringTable } from '../../../shared/model/records';
import sample from '../../fixtures/samples/scoring-table-2024.json';

export interface SampleJson {
  title: string;
  scale: number;
  groups: { code: string; title: string; kind: 'normal' | 'bonus' | 'deduction'; criteria: { code: string; title: string; max: number }[] }[];
}
export const SAMPLE = sample as SampleJson;

export function kindFor(groupKind: SampleJson['groups'][number]['kind']): CriterionKind {
  return groupKind === 'bonus' ? 'bonus' : groupKind === 'deduction' ? 'deduction' : 'qualitative';
}

/** The JSON sample as a locked table of 2024 (ids derived from codes). */
export function sampleTable(overrides: Partial<ScoringTable> = {}): ScoringTable {
  return {
    id: 't-2024-v1',
    blocId: 'bloc-1',
    year: 2024,
    version: 1,
    status: 'locked',
    title: SAMPLE.title,
    scale: SAMPLE.scale,
    groups: SAMPLE.groups.map((g) => ({
      id: `g-${g.code}`,
      code: g.code,
      title: g.title,
      kind: g.kind,
      ...(g.kind === 'bonus' ? { cap: 5 } : {}),
      criteria: g.criteria.map((c) => ({ id: `c-${c.code}`, code: c.code, title: c.title, max: c.max, kind: kindFor(g.kind), guidance: '' })),
    })),
    reason: '',
    lockedAt: '2024-03-01T00:00:00.000Z',
    createdAt: '2024-02-01T00:00:00.000Z',
    updatedAt: '2024-03-01T00:00:00.000Z',
    ...overrides,
  };
}

export function counter(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}
