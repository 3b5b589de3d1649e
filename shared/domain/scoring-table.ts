/**
 * The scoring table's life cycle and checks (pure): validation with Vietnamese messages, copying
 * last year's table, versions (a locked table changes only through a new version with a reason),
 * locking, and the checksum that self-assessment templates embed to recognise the table's rows.
 */
import { UserError } from '../errors';
import type { CriteriaGroup, Criterion, CriterionKind, ScoringTable } from '../model/records';
import { formatNumberVi, nfc, parseLooseNumber } from '../text/vietnamese';
import { contributionOf, nominalMax } from './scoring';

/** The editable content of a table (what the editor and the Excel import produce). */
export type ScoringTableContent = Pick<ScoringTable, 'title' | 'scale' | 'groups'>;

/** What a scoring-table issue is about: programs decide by it, never by the message's words. */
export type ScoringTableIssueKind =
  | 'no-groups'
  | 'no-title'
  | 'scale-missing'
  /** The normal criteria do not add up to the table's scale. */
  | 'scale-mismatch'
  | 'group-code-missing'
  | 'group-code-duplicate'
  | 'group-title-missing'
  | 'group-empty'
  | 'group-cap-negative'
  /** The group's cap is above the sum of its criteria (it caps nothing). */
  | 'group-cap-above-sum'
  | 'criterion-code-missing'
  | 'criterion-code-duplicate'
  | 'criterion-title-missing'
  | 'max-invalid'
  | 'max-zero'
  | 'per-item-missing'
  | 'per-item-above-max'
  /** A deduction criterion in a bonus group, or the reverse. */
  | 'kind-in-other-group';

export interface ScoringTableIssue {
  kind: ScoringTableIssueKind;
  level: 'error' | 'warning';
  /** Vietnamese, says what and where (group or criterion code). */
  message: string;
  groupCode?: string;
  criterionCode?: string;
}

const pts = (n: number) => formatNumberVi(n);

function label(c: Pick<Criterion, 'code'>): string {
  return c.code.trim() ? `Tiêu chí ${c.code.trim()}` : 'Một tiêu chí chưa có mã';
}

/**
 * Checks a table before it is saved or locked. Errors make the table unusable (duplicate or empty
 * codes, a negative maximum, a per-count criterion without its points per item); warnings point at
 * likely mistakes (group totals that do not add up to the scale, a maximum of 0, an empty group).
 */
export function validateScoringTable(table: ScoringTableContent): ScoringTableIssue[] {
  const issues: ScoringTableIssue[] = [];
  type Where = Pick<ScoringTableIssue, 'groupCode' | 'criterionCode'>;
  const error = (kind: ScoringTableIssueKind, message: string, where: Where = {}) => issues.push({ kind, level: 'error', message, ...where });
  const warning = (kind: ScoringTableIssueKind, message: string, where: Where = {}) => issues.push({ kind, level: 'warning', message, ...where });

  if (table.groups.length === 0) error('no-groups', 'Bảng chấm điểm chưa có nhóm tiêu chí nào.');
  if (!table.title.trim()) warning('no-title', 'Bảng chấm điểm chưa có tên.');

  const groupCodes = new Map<string, number>();
  const criterionCodes = new Map<string, number>();
  for (const group of table.groups) {
    const gcode = nfc(group.code.trim());
    const where = { groupCode: gcode };
    if (!gcode) error('group-code-missing', `Nhóm "${group.title}" chưa có mã (số La Mã, ví dụ I, II).`);
    else groupCodes.set(gcode, (groupCodes.get(gcode) ?? 0) + 1);
    if (!group.title.trim()) error('group-title-missing', `Nhóm ${gcode} chưa có nội dung.`, where);
    if (group.criteria.length === 0) warning('group-empty', `Nhóm ${gcode} chưa có tiêu chí nào.`, where);
    if (group.cap !== undefined && !(group.cap >= 0)) error('group-cap-negative', `Nhóm ${gcode}: mức tối đa của nhóm phải là số không âm.`, where);

    for (const c of group.criteria) {
      const code = nfc(c.code.trim());
      const at = { groupCode: gcode, criterionCode: code };
      if (!code) error('criterion-code-missing', `Nhóm ${gcode} có tiêu chí chưa có mã ("${c.title.slice(0, 60)}").`, at);
      else criterionCodes.set(code, (criterionCodes.get(code) ?? 0) + 1);
      if (!c.title.trim()) error('criterion-title-missing', `${label(c)} chưa có nội dung.`, at);
      if (!Number.isFinite(c.max) || c.max < 0) error('max-invalid', `${label(c)}: điểm tối đa phải là số không âm.`, at);
      else if (c.max === 0) warning('max-zero', `${label(c)} có điểm tối đa bằng 0.`, at);
      if (c.kind === 'count') {
        if (c.perItem === undefined || !(c.perItem > 0)) {
          error('per-item-missing', `${label(c)} tính điểm theo số lượng nhưng chưa có số điểm cho mỗi lần (mỗi sản phẩm).`, at);
        } else if (Number.isFinite(c.max) && c.perItem > c.max) {
          warning('per-item-above-max', `${label(c)}: điểm mỗi lần (${pts(c.perItem)}) lớn hơn điểm tối đa (${pts(c.max)}).`, at);
        }
      }
      if (group.kind === 'bonus' && c.kind === 'deduction') {
        warning('kind-in-other-group', `${label(c)} là điểm trừ nhưng nằm trong nhóm điểm thưởng ${gcode}.`, at);
      }
      if (group.kind === 'deduction' && c.kind === 'bonus') {
        warning('kind-in-other-group', `${label(c)} là điểm thưởng nhưng nằm trong nhóm điểm trừ ${gcode}.`, at);
      }
    }
    if (group.cap !== undefined && group.cap >= 0 && group.criteria.length > 0) {
      const sum = group.criteria.reduce((s, c) => s + (Number.isFinite(c.max) ? c.max : 0), 0);
      if (group.cap > sum) {
        warning('group-cap-above-sum', `Nhóm ${gcode}: mức tối đa của nhóm (${pts(group.cap)}) lớn hơn tổng điểm các tiêu chí (${pts(sum)}).`, where);
      }
    }
  }
  for (const [code, n] of groupCodes) if (n > 1) error('group-code-duplicate', `Mã nhóm ${code} bị trùng (${n} nhóm).`, { groupCode: code });
  for (const [code, n] of criterionCodes) {
    if (n > 1) error('criterion-code-duplicate', `Mã tiêu chí ${code} bị trùng (${n} tiêu chí). Mỗi tiêu chí cần một mã riêng.`, { criterionCode: code });
  }

  if (!(table.scale > 0)) {
    warning('scale-missing', 'Thang điểm của bảng chưa được đặt (ví dụ 100 hoặc 1.000).');
  } else if (table.groups.some((g) => g.criteria.length > 0)) {
    const total = nominalMax(table);
    if (Math.abs(total - table.scale) > 1e-9) {
      warning(
        'scale-mismatch',
        `Tổng điểm tối đa của các tiêu chí (không tính điểm thưởng, điểm trừ) là ${pts(total)}, khác thang điểm ${pts(table.scale)} của bảng.`,
      );
    }
  }
  return issues;
}

export function hasErrors(issues: readonly ScoringTableIssue[]): boolean {
  return issues.some((i) => i.level === 'error');
}

/** Every criterion in the table's order (groups in order, criteria in order). */
export function criteriaInOrder(table: Pick<ScoringTable, 'groups'>): Criterion[] {
  return table.groups.flatMap((g) => g.criteria);
}

/** The criterion with `code` and its group, or null. */
export function findCriterion(
  table: Pick<ScoringTable, 'groups'>,
  code: string,
): { group: CriteriaGroup; criterion: Criterion } | null {
  const wanted = nfc(code.trim());
  for (const group of table.groups) {
    for (const criterion of group.criteria) if (nfc(criterion.code.trim()) === wanted) return { group, criterion };
  }
  return null;
}

/**
 * The table of `year`: the given version, or the highest one (the version being edited or printed;
 * what scores use is `tableInForce`). Null when there is none.
 */
export function findTable(tables: readonly ScoringTable[], year: number, version?: number): ScoringTable | null {
  let best: ScoringTable | null = null;
  for (const t of tables) {
    if (t.year !== year) continue;
    if (version !== undefined) {
      if (t.version === version) return t;
      continue;
    }
    if (!best || t.version > best.version) best = t;
  }
  return best;
}

/**
 * The table in force for `year`: the newest LOCKED version; while no version is locked yet, the
 * highest draft. Everything that scores against the table (templates, inspection of returned files,
 * the self-score matrix, the ranking, the assessment screen) asks this one function.
 *
 * Why locked first: a locked version is what the bloc adopted, and the templates sent to the units
 * carry its checksum. Opening a draft v2 to change it is only a proposal until it is locked in turn;
 * if the draft counted at once, the units' returned v1 files would be refused, the matrix and the
 * ranking would change and new templates would differ from the ones already sent. Why the draft
 * when nothing is locked: the first table of a year is drafted before it is adopted, and the
 * secretariat may already send templates from it (the screen warns that it is not locked yet).
 */
export function tableInForce(tables: readonly ScoringTable[], year: number): ScoringTable | null {
  let locked: ScoringTable | null = null;
  let latest: ScoringTable | null = null;
  for (const t of tables) {
    if (t.year !== year) continue;
    if (!latest || t.version > latest.version) latest = t;
    if (t.status === 'locked' && (!locked || t.version > locked.version)) locked = t;
  }
  return locked ?? latest;
}

/** Every version of a year's table, oldest first. */
export function tableVersions(tables: readonly ScoringTable[], year: number): ScoringTable[] {
  return tables.filter((t) => t.year === year).sort((a, b) => a.version - b.version);
}

/**
 * A deep copy of table content whose groups and criteria have fresh ids: what a copied table
 * (last year's table, a table read from Excel) gets before it is stored, so no two stored tables
 * share a group or criterion id. (A new version of the same table keeps its ids: see newVersion.)
 */
export function withFreshIds<T extends Pick<ScoringTable, 'groups'>>(content: T, newId: () => string): T {
  return {
    ...content,
    groups: content.groups.map((g) => ({
      ...structuredClone(g),
      id: newId(),
      criteria: g.criteria.map((c) => ({ ...structuredClone(c), id: newId() })),
    })),
  };
}

/**
 * Last year's table as the draft version 1 of `newYear`: same groups and criteria with new ids, the
 * year in the title replaced ("… năm 2024" → "… năm 2025").
 */
export function copyTableForYear(table: ScoringTable, newYear: number, now: string, newId: () => string): ScoringTable {
  const title = table.title.replace(new RegExp(`\\b${table.year}\\b`, 'g'), String(newYear));
  return {
    id: newId(),
    blocId: table.blocId,
    year: newYear,
    version: 1,
    status: 'draft',
    title,
    scale: table.scale,
    groups: withFreshIds(table, newId).groups,
    reason: '',
    lockedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * A new draft version of a locked table, to be edited and locked in turn. The reason is required
 * and kept with the version; groups and criteria keep their ids so versions can be compared.
 */
export function newVersion(
  locked: ScoringTable,
  reason: string,
  now: string,
  newId: () => string,
  latestVersion: number = locked.version,
): ScoringTable {
  if (locked.status !== 'locked') {
    throw new UserError(
      'scoring-table-not-locked',
      `Bảng chấm điểm năm ${locked.year} (phiên bản ${locked.version}) chưa khóa: có thể sửa trực tiếp, không cần tạo phiên bản mới.`,
    );
  }
  const why = nfc(reason.trim());
  if (!why) {
    throw new UserError(
      'scoring-table-reason-required',
      `Cần ghi lý do tạo phiên bản mới của bảng chấm điểm năm ${locked.year} (bảng đã khóa chỉ được thay đổi qua phiên bản mới có lý do).`,
    );
  }
  return {
    ...structuredClone(locked),
    id: newId(),
    version: Math.max(locked.version, latestVersion) + 1,
    status: 'draft',
    reason: why,
    lockedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** Locks a draft (the bloc adopted it). Refused when the table has errors or is already locked. */
export function lockTable(table: ScoringTable, now: string): ScoringTable {
  if (table.status === 'locked') {
    throw new UserError('scoring-table-locked', `Bảng chấm điểm năm ${table.year} (phiên bản ${table.version}) đã khóa.`);
  }
  const errors = validateScoringTable(table).filter((i) => i.level === 'error');
  if (errors.length > 0) {
    throw new UserError(
      'scoring-table-invalid',
      `Chưa thể khóa bảng chấm điểm năm ${table.year}: còn ${errors.length} lỗi cần sửa.`,
      errors.map((e) => e.message),
    );
  }
  if (table.version > 1 && !table.reason.trim()) {
    throw new UserError(
      'scoring-table-reason-required',
      `Phiên bản ${table.version} của bảng chấm điểm năm ${table.year} cần ghi lý do thay đổi trước khi khóa.`,
    );
  }
  return { ...table, status: 'locked', lockedAt: now, updatedAt: now };
}

/** Refuses any change to a locked table (call before saving an edit). */
export function assertEditable(table: Pick<ScoringTable, 'status' | 'year' | 'version'>): void {
  if (table.status === 'locked') {
    throw new UserError(
      'scoring-table-locked',
      `Bảng chấm điểm năm ${table.year} (phiên bản ${table.version}) đã khóa; muốn thay đổi hãy tạo phiên bản mới và ghi lý do.`,
    );
  }
}

// ---- Checksum ----

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK64 = 0xffffffffffffffffn;

/** 64-bit FNV-1a of the UTF-8 bytes of `text`, as 16 hex digits. */
export function fnv1a64Hex(text: string): string {
  let h = FNV_OFFSET;
  for (const b of new TextEncoder().encode(text)) {
    h ^= BigInt(b);
    h = (h * FNV_PRIME) & MASK64;
  }
  return h.toString(16).padStart(16, '0');
}

/** The canonical text of the table's rows that the checksum covers: code, max and kind, in order. */
export function checksumInput(table: Pick<ScoringTable, 'groups'>): string {
  const lines = ['blocdesk-table-v1'];
  for (const group of table.groups) {
    for (const c of group.criteria) {
      lines.push([nfc(c.code.trim()), String(c.max), contributionOf(c, group), c.kind].join('\u001f'));
    }
  }
  return lines.join('\u001e');
}

/**
 * A stable 64-bit FNV-1a hash (16 hex digits) of the rows' codes, maxima and kinds in order.
 * Titles and guidance do not count: rewording a criterion keeps the checksum, changing what a unit
 * fills in (a code, a maximum, a kind, the order) changes it.
 */
export function tableChecksum(table: Pick<ScoringTable, 'groups'>): string {
  return fnv1a64Hex(checksumInput(table));
}

// ---- Kind labels (Excel export and import) ----

/** Short Vietnamese names of the criterion kinds, as printed in the "Loại" column. */
export const CRITERION_KIND_NAMES: Record<CriterionKind, string> = {
  qualitative: 'Định tính',
  target: 'Theo chỉ tiêu',
  count: 'Theo số lượng',
  bonus: 'Điểm thưởng',
  deduction: 'Điểm trừ',
};

/** The "Loại" cell of a criterion: its kind, and for a per-count criterion the points per item. */
export function criterionKindText(c: Pick<Criterion, 'kind' | 'perItem'>): string {
  const name = CRITERION_KIND_NAMES[c.kind];
  return c.kind === 'count' && c.perItem !== undefined ? `${name} (${formatNumberVi(c.perItem)} điểm/lần)` : name;
}

/**
 * Reads a "Loại" cell back: the kind names above, a few common synonyms, and "… (0,5 điểm/lần)".
 * Null when the text names no kind.
 */
export function parseCriterionKindText(text: string): { kind: CriterionKind; perItem?: number } | null {
  const f = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
  let kind: CriterionKind | null = null;
  if (/dinh tinh|dat\/khong dat/.test(f)) kind = 'qualitative';
  else if (/chi tieu|dinh luong/.test(f)) kind = 'target';
  else if (/so luong|theo lan|moi lan/.test(f)) kind = 'count';
  else if (/thuong|diem cong/.test(f)) kind = 'bonus';
  else if (/\btru\b/.test(f)) kind = 'deduction';
  if (!kind) return null;
  const per = /(\d+(?:[.,]\d+)?)\s*diem\s*\/\s*(?:lan|san pham|muc)/.exec(f);
  const perItem = per ? parseLooseNumber(per[1]!) : undefined;
  if (kind === 'count' && typeof perItem === 'number') return { kind, perItem };
  return { kind };
}
