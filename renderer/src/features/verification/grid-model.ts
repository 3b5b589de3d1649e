/**
 * The verification grid without React (pure, unit-tested): its columns (the table's criteria in
 * order, grouped as in the table), the keyboard model (which cell a key leads to), what typing in a
 * cell means (the one number rule of shared/text, the one range rule of shared/domain/score-value),
 * when a change needs a reason, what an "accept" sets, and which rows and columns are on screen.
 */
import { scoreValueProblem, type ScoreValueProblem } from '../../../../shared/domain/score-value';
import { contributionOf, type TableCriterion } from '../../../../shared/domain/scoring';
import type { Score, ScoringTable } from '../../../../shared/model/records';
import { formatNumberVi, parseLooseNumber } from '../../../../shared/text/vietnamese';

export type GridTable = Pick<ScoringTable, 'groups'>;
export type GridScore = Pick<Score, 'unitId' | 'code' | 'self' | 'verified'> & Partial<Pick<Score, 'note'>>;
export interface GridUnit {
  id: string;
  code: string;
  name: string;
}

// ---------------------------------------------------------------- columns

export interface GridColumn extends TableCriterion {
  index: number;
  /** Index of its group among the groups that have criteria. */
  groupIndex: number;
}

export interface GroupSpan {
  code: string;
  title: string;
  /** First column of the group and how many columns it covers. */
  start: number;
  count: number;
}

export interface GridLayout {
  columns: GridColumn[];
  groups: GroupSpan[];
}

export function gridLayout(table: GridTable): GridLayout {
  const columns: GridColumn[] = [];
  const groups: GroupSpan[] = [];
  for (const group of table.groups) {
    if (group.criteria.length === 0) continue;
    groups.push({ code: group.code, title: group.title, start: columns.length, count: group.criteria.length });
    for (const criterion of group.criteria) {
      columns.push({ criterion, group, contribution: contributionOf(criterion, group), index: columns.length, groupIndex: groups.length - 1 });
    }
  }
  return { columns, groups };
}

/**
 * The groups with a column between `first` and `last` (inclusive), whole: the header row of a
 * window draws each at its full width and starts its title where it comes into view.
 */
export function groupsInView(groups: readonly GroupSpan[], first: number, last: number): GroupSpan[] {
  return groups.filter((g) => g.start <= last && g.start + g.count - 1 >= first);
}

// ---------------------------------------------------------------- keyboard

export interface CellPos {
  row: number;
  col: number;
}

export interface GridSize {
  rows: number;
  cols: number;
  /** Rows a Page Up / Page Down moves. */
  pageRows?: number;
}

export interface KeyPress {
  key: string;
  shift?: boolean;
  ctrl?: boolean;
}

/**
 * The cell a key leads to, or null when the key does not move (or would leave the grid: Tab on the
 * last cell lets the focus go on). Enter / Shift+Enter go down / up like a spreadsheet; Tab /
 * Shift+Tab go right / left and wrap to the next / previous unit; Home / End go to the first / last
 * criterion (with Ctrl: of the first / last unit); Page Up / Down move a page of units.
 */
export function moveFrom(pos: CellPos, press: KeyPress, size: GridSize): CellPos | null {
  const { rows, cols } = size;
  if (rows <= 0 || cols <= 0) return null;
  const clamp = (p: CellPos): CellPos => ({ row: Math.min(rows - 1, Math.max(0, p.row)), col: Math.min(cols - 1, Math.max(0, p.col)) });
  const page = Math.max(1, size.pageRows ?? 10);
  let next: CellPos;
  switch (press.key) {
    case 'ArrowUp':
      next = { row: pos.row - 1, col: pos.col };
      break;
    case 'ArrowDown':
      next = { row: pos.row + 1, col: pos.col };
      break;
    case 'ArrowLeft':
      next = { row: pos.row, col: pos.col - 1 };
      break;
    case 'ArrowRight':
      next = { row: pos.row, col: pos.col + 1 };
      break;
    case 'Enter':
      next = { row: pos.row + (press.shift ? -1 : 1), col: pos.col };
      break;
    case 'Tab': {
      const flat = pos.row * cols + pos.col + (press.shift ? -1 : 1);
      if (flat < 0 || flat >= rows * cols) return null;
      return { row: Math.floor(flat / cols), col: flat % cols };
    }
    case 'Home':
      next = press.ctrl ? { row: 0, col: 0 } : { row: pos.row, col: 0 };
      break;
    case 'End':
      next = press.ctrl ? { row: rows - 1, col: cols - 1 } : { row: pos.row, col: cols - 1 };
      break;
    case 'PageUp':
      next = { row: pos.row - page, col: pos.col };
      break;
    case 'PageDown':
      next = { row: pos.row + page, col: pos.col };
      break;
    default:
      return null;
  }
  const c = clamp(next);
  return c.row === pos.row && c.col === pos.col ? null : c;
}

// ---------------------------------------------------------------- typing a verified score

export type CellInput =
  /** Empty: "as self-assessed" (no verified score). */
  | { kind: 'empty' }
  | { kind: 'invalid'; message: string }
  | { kind: 'value'; value: number; warning: string | null };

/**
 * What the text typed in a cell means for its criterion: the number rule of shared/text ("8,5",
 * "8.5", "10") and the range rule the importer uses (sign, maximum or cap, whole items).
 */
export function readCellInput(text: string, column: Pick<GridColumn, 'criterion' | 'contribution'>): CellInput {
  const parsed = parseLooseNumber(text);
  if (parsed === null) return { kind: 'empty' };
  if (parsed === undefined || !Number.isFinite(parsed)) {
    return { kind: 'invalid', message: `"${text.trim()}" không phải là số điểm (ví dụ hợp lệ: 8 hoặc 8,5).` };
  }
  const problem: ScoreValueProblem | null = scoreValueProblem(column.criterion, column.contribution, parsed);
  if (problem?.severity === 'error') return { kind: 'invalid', message: capitalise(problem.message) };
  return { kind: 'value', value: parsed, warning: problem ? capitalise(problem.message) : null };
}

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

const EPS = 1e-9;
const same = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < EPS);

/** A verified score away from the self score needs a reason; empty (as self-assessed) or equal does not. */
export function needsReason(self: number | null, verified: number | null): boolean {
  return verified !== null && !same(self, verified);
}

/** Whether a committed value changes what is stored. */
export function isChange(stored: number | null, next: number | null): boolean {
  return !same(stored, next);
}

/** What a cell shows for a number: vi-VN with a decimal comma ("8,5"); '' for none. */
export function cellText(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '' : formatNumberVi(value).replace(/\./g, '');
}

export type CellState = 'missing' | 'pending' | 'accepted' | 'changed';

/** missing: no self score; pending: not verified yet; accepted: verified as self-assessed; changed: verified otherwise. */
export function cellState(score: Pick<GridScore, 'self' | 'verified'> | undefined): CellState {
  if (!score || (score.self === null && score.verified === null)) return 'missing';
  if (score.verified === null) return 'pending';
  return same(score.self, score.verified) ? 'accepted' : 'changed';
}

// ---------------------------------------------------------------- accept

export type AcceptScope =
  | { kind: 'cell'; unitId: string; code: string }
  | { kind: 'group'; unitId: string; groupCode: string }
  | { kind: 'unit'; unitId: string };

export interface AcceptTarget {
  unitId: string;
  code: string;
  /** The self score, which becomes the verified score. */
  value: number;
}

/**
 * What accepting a scope sets: every criterion in it that has a self score and no verified score
 * yet gets the self score as verified. Verified scores already entered are kept.
 */
export function acceptTargets(scope: AcceptScope, layout: GridLayout, scores: ReadonlyMap<string, GridScore>): AcceptTarget[] {
  const columns = layout.columns.filter((c) =>
    scope.kind === 'cell' ? c.criterion.code === scope.code : scope.kind === 'group' ? c.group.code === scope.groupCode : true,
  );
  const out: AcceptTarget[] = [];
  for (const c of columns) {
    const s = scores.get(scoreKey(scope.unitId, c.criterion.code));
    if (s && s.self !== null && s.verified === null) out.push({ unitId: scope.unitId, code: c.criterion.code, value: s.self });
  }
  return out;
}

export const scoreKey = (unitId: string, code: string) => `${unitId}\u0000${code}`;

export function scoresByKey(scores: readonly GridScore[]): Map<string, GridScore> {
  return new Map(scores.map((s) => [scoreKey(s.unitId, s.code), s]));
}

// ---------------------------------------------------------------- windowing

export interface Range {
  /** First index shown. */
  start: number;
  /** Last index shown (inclusive); start - 1 when nothing is. */
  end: number;
}

/** The items of fixed size that a viewport shows at an offset, with `overscan` more on each side. */
export function visibleRange(offset: number, viewport: number, itemSize: number, count: number, overscan = 2): Range {
  if (count <= 0 || itemSize <= 0) return { start: 0, end: -1 };
  const first = Math.floor(Math.max(0, offset) / itemSize);
  const last = Math.floor((Math.max(0, offset) + Math.max(0, viewport) - 1) / itemSize);
  return { start: Math.min(count - 1, Math.max(0, first - overscan)), end: Math.min(count - 1, last + overscan) };
}

/** The scroll offset that brings item `index` fully into a viewport (the same offset when it already is). */
export function scrollToShow(offset: number, viewport: number, itemSize: number, index: number): number {
  const top = index * itemSize;
  const bottom = top + itemSize;
  if (top < offset) return top;
  if (bottom > offset + viewport) return Math.max(0, bottom - viewport);
  return offset;
}
