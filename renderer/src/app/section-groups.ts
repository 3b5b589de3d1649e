/** Navigation headings and the grouping of sections under them (no screen imports: testable alone). */
import type { JSX } from 'react';

export interface Section {
  id: string;
  label: string;
  group?: string;
  render: () => JSX.Element;
  needsYear?: boolean;
}

export const GROUP_BLOC = 'Khối thi đua';
export const GROUP_YEAR = 'Công việc trong năm';
export const GROUP_SYSTEM = 'Hệ thống';
/** Headings of the navigation, in order; sections of other groups follow them. */
export const GROUPS = [GROUP_BLOC, GROUP_YEAR, GROUP_SYSTEM];

/** Sections under their headings: GROUPS first in their order, then other groups as they appear; empty groups left out. */
export function groupedSections(list: Section[]): { group: string; items: Section[] }[] {
  const names = [...GROUPS, ...list.map((s) => s.group ?? GROUP_BLOC)];
  return [...new Set(names)]
    .map((group) => ({ group, items: list.filter((s) => (s.group ?? GROUP_BLOC) === group) }))
    .filter((g) => g.items.length > 0);
}
