/**
 * Editing the scoring table's tree in the editor: pure operations on a draft's content (title,
 * scale, groups). Each returns a new object; the editor keeps the result in state until "Lưu".
 */
import type { CriteriaGroup, Criterion, CriterionKind, ScoringTable } from '../../../../shared/model/records';
import { groupMaxima, nominalMax, roundPoints } from '../../../../shared/domain/scoring';

export type TableContent = Pick<ScoringTable, 'title' | 'scale' | 'groups'>;

export type TableEdit =
  | { type: 'setTitle'; title: string }
  | { type: 'setScale'; scale: number }
  | { type: 'addGroup'; id: string; criterionId: string }
  | { type: 'removeGroup'; groupId: string }
  | { type: 'moveGroup'; groupId: string; by: -1 | 1 }
  | { type: 'updateGroup'; groupId: string; patch: Partial<Omit<CriteriaGroup, 'id' | 'criteria'>> }
  | { type: 'addCriterion'; groupId: string; id: string }
  | { type: 'removeCriterion'; groupId: string; criterionId: string }
  | { type: 'moveCriterion'; groupId: string; criterionId: string; by: -1 | 1 }
  | { type: 'updateCriterion'; groupId: string; criterionId: string; patch: Partial<Omit<Criterion, 'id'>> }
  | { type: 'replace'; content: TableContent };

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** 1 → "I", 14 → "XIV". */
export function toRoman(n: number): string {
  let rest = Math.max(1, Math.floor(n));
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** The criterion kind that fits a group's kind (bonus and deduction groups hold those kinds). */
export function defaultKindFor(group: Pick<CriteriaGroup, 'kind'>): CriterionKind {
  return group.kind === 'bonus' ? 'bonus' : group.kind === 'deduction' ? 'deduction' : 'qualitative';
}

/** A free code for a new criterion of the group at `groupIndex`: "3.4" after "3.1".."3.3". */
export function nextCriterionCode(content: TableContent, groupIndex: number): string {
  const group = content.groups[groupIndex];
  const used = new Set(content.groups.flatMap((g) => g.criteria.map((c) => c.code)));
  const prefix = String(groupIndex + 1);
  let n = (group?.criteria.length ?? 0) + 1;
  while (used.has(`${prefix}.${n}`)) n++;
  return `${prefix}.${n}`;
}

function nextGroupCode(content: TableContent): string {
  const used = new Set(content.groups.map((g) => g.code));
  let n = content.groups.length + 1;
  while (used.has(toRoman(n))) n++;
  return toRoman(n);
}

function move<T>(items: T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || to < 0 || to >= items.length) return items;
  const out = items.slice();
  const [item] = out.splice(index, 1);
  out.splice(to, 0, item!);
  return out;
}

function mapGroup(content: TableContent, groupId: string, f: (g: CriteriaGroup) => CriteriaGroup): TableContent {
  return { ...content, groups: content.groups.map((g) => (g.id === groupId ? f(g) : g)) };
}

export function applyTableEdit(content: TableContent, edit: TableEdit): TableContent {
  switch (edit.type) {
    case 'setTitle':
      return { ...content, title: edit.title };
    case 'setScale':
      return { ...content, scale: edit.scale };
    case 'replace':
      return edit.content;
    case 'addGroup': {
      const code = nextGroupCode(content);
      const group: CriteriaGroup = { id: edit.id, code, title: 'Nhóm tiêu chí mới', kind: 'normal', criteria: [] };
      const added = { ...content, groups: [...content.groups, group] };
      const criterion: Criterion = {
        id: edit.criterionId,
        code: nextCriterionCode(added, added.groups.length - 1),
        title: 'Tiêu chí mới',
        max: 1,
        kind: 'qualitative',
        guidance: '',
      };
      return mapGroup(added, edit.id, (g) => ({ ...g, criteria: [criterion] }));
    }
    case 'removeGroup':
      return { ...content, groups: content.groups.filter((g) => g.id !== edit.groupId) };
    case 'moveGroup':
      return { ...content, groups: move(content.groups, content.groups.findIndex((g) => g.id === edit.groupId), edit.by) };
    case 'updateGroup':
      return mapGroup(content, edit.groupId, (g) => {
        const next = { ...g, ...edit.patch };
        if (next.cap === undefined || Number.isNaN(next.cap)) delete next.cap;
        // Criteria of a bonus or deduction group take that kind.
        if (edit.patch.kind && edit.patch.kind !== g.kind && edit.patch.kind !== 'normal') {
          const kind = defaultKindFor(next);
          next.criteria = next.criteria.map((c) => ({ ...c, kind }));
        }
        return next;
      });
    case 'addCriterion': {
      const groupIndex = content.groups.findIndex((g) => g.id === edit.groupId);
      if (groupIndex < 0) return content;
      const group = content.groups[groupIndex]!;
      const criterion: Criterion = {
        id: edit.id,
        code: nextCriterionCode(content, groupIndex),
        title: 'Tiêu chí mới',
        max: 1,
        kind: defaultKindFor(group),
        guidance: '',
      };
      return mapGroup(content, edit.groupId, (g) => ({ ...g, criteria: [...g.criteria, criterion] }));
    }
    case 'removeCriterion':
      return mapGroup(content, edit.groupId, (g) => ({ ...g, criteria: g.criteria.filter((c) => c.id !== edit.criterionId) }));
    case 'moveCriterion':
      return mapGroup(content, edit.groupId, (g) => ({
        ...g,
        criteria: move(g.criteria, g.criteria.findIndex((c) => c.id === edit.criterionId), edit.by),
      }));
    case 'updateCriterion':
      return mapGroup(content, edit.groupId, (g) => ({
        ...g,
        criteria: g.criteria.map((c) => {
          if (c.id !== edit.criterionId) return c;
          const next = { ...c, ...edit.patch };
          if (next.kind !== 'count') delete next.perItem;
          else if (next.perItem === undefined || Number.isNaN(next.perItem)) next.perItem = 1;
          return next;
        }),
      }));
  }
}

/** Nominal total (normal criteria), and the most a unit can gain by bonus and lose by deductions. */
export function contentTotals(content: TableContent): { normal: number; bonus: number; deduction: number } {
  let bonus = 0;
  let deduction = 0;
  for (const group of content.groups) {
    const max = groupMaxima(group);
    bonus += max.bonus;
    deduction += max.deduct;
  }
  return { normal: nominalMax(content), bonus: roundPoints(bonus), deduction: roundPoints(deduction) };
}
