/**
 * The rules a tally is computed with, normalised (defaults filled in), so every result can carry
 * them and a later change of rules is detected, explained and recomputed.
 */
import { fractionText } from './fraction';
import { thresholdText } from './threshold';
import type { SectionInput, SectionRules, TallyInput, TallyRules } from './types';

export const DEFAULT_MAX_ROUNDS = 3;

export function sectionRulesOf(s: SectionInput): SectionRules {
  return {
    id: s.id,
    title: s.title,
    kind: s.kind ?? 'award',
    seats: typeof s.seats === 'number' ? s.seats : { num: s.seats.num, den: s.seats.den, of: 'remaining' },
    maxMarks: s.maxMarks ?? null,
    marking: s.marking ?? 'tick',
    threshold: { num: s.threshold.num, den: s.threshold.den, comparison: s.threshold.comparison, base: s.threshold.base },
    ineligible: [...new Set(s.ineligible ?? [])].sort(),
    tieRule: s.tieRule ?? 'revote',
    scores: { ...(s.scores ?? {}) },
    maxRounds: s.maxRounds ?? DEFAULT_MAX_ROUNDS,
    revoteTop: s.revoteTop ?? null,
  };
}

export function rulesOf(input: TallyInput): TallyRules {
  const q = input.quorum;
  return {
    members: [...input.members],
    quorum: q ? { num: q.num, den: q.den, comparison: q.comparison, of: 'members' } : null,
    // Exclusive by default: a bloc proposes a unit for its highest award only.
    exclusiveAwards: input.exclusiveAwards ?? true,
    invalidScope: input.invalidScope ?? 'section',
    spareBallots: input.spareBallots ?? 0,
    sections: input.sections.map(sectionRulesOf),
  };
}

/** JSON with object keys sorted, so equal rules give equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** 53-bit string hash (cyrb53), as 14 hex digits: short enough to store, collisions negligible here. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return n.toString(16).padStart(14, '0');
}

export function rulesFingerprint(rules: TallyRules): string {
  return hash53(canonicalJson(rules));
}

export interface RuleChange {
  /** Where: "quorum", "sections.gov.threshold", ... */
  path: string;
  before: unknown;
  after: unknown;
  /** Vietnamese, for the record of changes. */
  message: string;
}

const seatText = (v: SectionRules['seats']) => (typeof v === 'number' ? `${v} đơn vị` : `${fractionText(v)} số đơn vị còn lại`);
const TIE_RULE_NAMES: Record<SectionRules['tieRule'], string> = {
  revote: 'bỏ phiếu lại',
  higherScore: 'đơn vị có tổng điểm cao hơn',
  chairDecides: 'chủ trì hội nghị quyết định',
};

type Shown = (v: unknown) => string;
const SECTION_FIELDS: { key: keyof SectionRules; label: string; show: Shown }[] = [
  { key: 'seats', label: 'chỉ tiêu', show: (v) => seatText(v as SectionRules['seats']) },
  { key: 'maxMarks', label: 'số đơn vị được chọn tối đa trên phiếu', show: (v) => (v === null ? 'bằng chỉ tiêu' : String(v)) },
  { key: 'threshold', label: 'ngưỡng', show: (v) => thresholdText(v as SectionRules['threshold']) },
  { key: 'ineligible', label: 'đơn vị không đủ điều kiện', show: (v) => ((v as string[]).length ? (v as string[]).join(', ') : 'không có') },
  { key: 'tieRule', label: 'cách xử lý bằng phiếu', show: (v) => TIE_RULE_NAMES[v as SectionRules['tieRule']] },
  { key: 'scores', label: 'tổng điểm dùng khi bằng phiếu', show: (v) => canonicalJson(v) },
  { key: 'maxRounds', label: 'số vòng bỏ phiếu tối đa', show: String },
  { key: 'revoteTop', label: 'số đơn vị dẫn đầu được bỏ phiếu lại', show: (v) => (v === null ? 'gấp đôi chỉ tiêu' : String(v)) },
  { key: 'marking', label: 'cách đánh dấu', show: (v) => (v === 'tick' ? 'đánh dấu đơn vị chọn' : 'Đồng ý / Không đồng ý') },
  { key: 'kind', label: 'loại mục', show: (v) => (v === 'office' ? 'bầu chức danh' : 'khen thưởng') },
  { key: 'title', label: 'tên mục', show: String },
];

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** Every difference between the rules a result was computed with and the current ones, in words. */
export function diffRules(before: TallyRules, after: TallyRules): RuleChange[] {
  const changes: RuleChange[] = [];
  const add = (path: string, b: unknown, a: unknown, message: string) => changes.push({ path, before: b, after: a, message });
  if (!same(before.members, after.members)) {
    add('members', before.members, after.members, `Danh sách đơn vị thành viên thay đổi: ${before.members.join(', ')} → ${after.members.join(', ')}.`);
  }
  if (!same(before.quorum, after.quorum)) {
    const q = (v: TallyRules['quorum']) => (v ? `${v.comparison === 'gt' ? 'trên' : 'từ'} ${fractionText(v)}${v.comparison === 'gte' ? ' trở lên' : ''}` : 'không quy định');
    add('quorum', before.quorum, after.quorum, `Số đơn vị có mặt tối thiểu: ${q(before.quorum)} → ${q(after.quorum)}.`);
  }
  if (before.exclusiveAwards !== after.exclusiveAwards) {
    const t = (v: boolean) => (v ? 'mỗi đơn vị chỉ được đề nghị một hình thức' : 'được đề nghị nhiều hình thức');
    add('exclusiveAwards', before.exclusiveAwards, after.exclusiveAwards, `Đề nghị khen thưởng: ${t(before.exclusiveAwards)} → ${t(after.exclusiveAwards)}.`);
  }
  if (before.invalidScope !== after.invalidScope) {
    const t = (v: string) => (v === 'section' ? 'chỉ không hợp lệ ở mục bị chọn quá số lượng' : 'không hợp lệ cả phiếu');
    add('invalidScope', before.invalidScope, after.invalidScope, `Phiếu chọn quá số lượng: ${t(before.invalidScope)} → ${t(after.invalidScope)}.`);
  }
  if (before.spareBallots !== after.spareBallots) {
    add('spareBallots', before.spareBallots, after.spareBallots, `Số phiếu dự phòng: ${before.spareBallots} → ${after.spareBallots}.`);
  }
  const ids = [...new Set([...before.sections.map((s) => s.id), ...after.sections.map((s) => s.id)])];
  for (const id of ids) {
    const b = before.sections.find((s) => s.id === id);
    const a = after.sections.find((s) => s.id === id);
    if (!b || !a) {
      add(`sections.${id}`, b ?? null, a ?? null, b ? `Bỏ mục "${b.title}".` : `Thêm mục "${a!.title}".`);
      continue;
    }
    for (const f of SECTION_FIELDS) {
      if (same(b[f.key], a[f.key])) continue;
      add(`sections.${id}.${f.key}`, b[f.key], a[f.key], `Mục "${a.title}": ${f.label} ${f.show(b[f.key])} → ${f.show(a[f.key])}.`);
    }
  }
  const order = (r: TallyRules) => r.sections.map((s) => s.id).join('|');
  if (order(before) !== order(after) && before.sections.length === after.sections.length) {
    add('sections.order', before.sections.map((s) => s.id), after.sections.map((s) => s.id), 'Thứ tự các mục bỏ phiếu thay đổi.');
  }
  return changes;
}
