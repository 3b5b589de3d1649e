/**
 * Ballot-by-ballot entry: the marks of each paper ballot, from which the counts (returned, valid,
 * invalid with reasons) and votes of every section follow; and the comparison of two independent
 * entries of the same ballots (double entry).
 *
 * Rules (DOMAIN.md): an unstamped ballot is invalid as a whole; a ballot marking more units than
 * allowed in a section is invalid for that section (invalidScope 'section') or for every section
 * (invalidScope 'ballot'); marking fewer, even none, is valid.
 */
import { IssueList } from './issues';
import type { BallotCounts, InvalidScope, MarkingMode } from './types';

export type ApprovalMark = 'agree' | 'disagree';

/** Tick mode: the codes ticked. Approve mode: "Đồng ý" / "Không đồng ý" per code (blank = absent). */
export type SectionMarks = readonly string[] | Readonly<Record<string, ApprovalMark>>;

export interface BallotEntry {
  /** No organiser's stamp: the whole ballot is invalid. */
  unstamped?: boolean;
  /** Any other reason the whole ballot is invalid ("không theo mẫu", "ghi thêm nội dung"). */
  invalidReason?: string;
  marks: Readonly<Record<string, SectionMarks>>;
}

export interface BallotSectionSpec {
  id: string;
  title?: string;
  candidates: readonly string[];
  maxMarks: number;
  marking: MarkingMode;
}

export type InvalidReason = 'unstamped' | 'other' | 'overMarked' | 'overMarkedElsewhere';

export const INVALID_REASON_TEXT: Record<InvalidReason, string> = {
  unstamped: 'không có dấu của ban tổ chức',
  other: 'không hợp lệ vì lý do khác (không theo mẫu, ghi thêm nội dung…)',
  overMarked: 'chọn quá số lượng ở mục này',
  overMarkedElsewhere: 'chọn quá số lượng ở mục khác (không hợp lệ cả phiếu)',
};

export interface DerivedSection {
  ballots: BallotCounts;
  votes: Record<string, number>;
  /** "Không đồng ý" marks (approve mode), for the minutes. */
  against: Record<string, number>;
  invalidReasons: Record<InvalidReason, number>;
}

export interface DerivedRound {
  sections: Record<string, DerivedSection>;
  errors: IssueList['errors'];
  warnings: IssueList['warnings'];
}

function agreed(marks: SectionMarks | undefined): string[] {
  if (!marks) return [];
  if (Array.isArray(marks)) return [...(marks as readonly string[])];
  return Object.entries(marks as Record<string, ApprovalMark>)
    .filter(([, m]) => m === 'agree')
    .map(([c]) => c);
}

function markedCodes(marks: SectionMarks | undefined): string[] {
  if (!marks) return [];
  return Array.isArray(marks) ? [...(marks as readonly string[])] : Object.keys(marks);
}

/**
 * The counts and votes of one round from its ballots. `issued` is the number of ballots handed out;
 * every entered ballot is a ballot returned.
 */
export function countBallots(args: {
  issued: number;
  ballots: readonly BallotEntry[];
  sections: readonly BallotSectionSpec[];
  invalidScope: InvalidScope;
  names?: Readonly<Record<string, string>>;
}): DerivedRound {
  const out = new IssueList();
  const names = args.names ?? {};
  const result: Record<string, DerivedSection> = {};
  for (const s of args.sections) {
    result[s.id] = {
      ballots: { issued: args.issued, returned: args.ballots.length, valid: 0, invalid: 0 },
      votes: Object.fromEntries(s.candidates.map((c) => [c, 0])),
      against: Object.fromEntries(s.candidates.map((c) => [c, 0])),
      invalidReasons: { unstamped: 0, other: 0, overMarked: 0, overMarkedElsewhere: 0 },
    };
  }
  const known = new Set(args.sections.map((s) => s.id));

  args.ballots.forEach((ballot, index) => {
    const no = index + 1;
    for (const id of Object.keys(ballot.marks)) {
      if (!known.has(id)) out.error('ballot.unknownSection', `Phiếu thứ ${no}: có đánh dấu ở mục "${id}" không có trên phiếu.`);
    }
    const over = new Set<string>();
    for (const s of args.sections) {
      const marks = ballot.marks[s.id];
      const label = s.title ?? s.id;
      if (marks !== undefined && Array.isArray(marks) !== (s.marking === 'tick')) {
        out.error('ballot.wrongMarking', `Phiếu thứ ${no}, mục "${label}": cách đánh dấu không đúng với mẫu phiếu.`);
      }
      const codes = markedCodes(marks);
      const seen = new Set<string>();
      for (const c of codes) {
        if (!s.candidates.includes(c)) {
          out.error('ballot.notCandidate', `Phiếu thứ ${no}, mục "${label}": đơn vị "${names[c] ?? c}" không có trên phiếu.`);
        }
        if (seen.has(c)) out.error('ballot.duplicateMark', `Phiếu thứ ${no}, mục "${label}": đơn vị "${names[c] ?? c}" được nhập hai lần.`);
        seen.add(c);
      }
      if (new Set(agreed(marks)).size > s.maxMarks) over.add(s.id);
    }
    const wholeInvalid: InvalidReason | null = ballot.unstamped ? 'unstamped' : ballot.invalidReason?.trim() ? 'other' : null;
    for (const s of args.sections) {
      const d = result[s.id]!;
      const reason: InvalidReason | null =
        wholeInvalid ?? (over.has(s.id) ? 'overMarked' : args.invalidScope === 'ballot' && over.size > 0 ? 'overMarkedElsewhere' : null);
      if (reason) {
        d.ballots.invalid++;
        d.invalidReasons[reason]++;
        continue;
      }
      d.ballots.valid++;
      const marks = ballot.marks[s.id];
      for (const c of new Set(agreed(marks))) if (c in d.votes) d.votes[c]!++;
      if (marks && !Array.isArray(marks)) {
        for (const [c, m] of Object.entries(marks as Record<string, ApprovalMark>)) if (m === 'disagree' && c in d.against) d.against[c]!++;
      }
    }
  });
  if (args.ballots.length > args.issued) {
    out.error('ballots.returnedOverIssued', `Đã nhập ${args.ballots.length} phiếu, nhiều hơn số phiếu phát ra (${args.issued}).`);
  }
  return { sections: result, errors: out.errors, warnings: out.warnings };
}

// ---- Double entry ----

export interface BallotDifference {
  /** 0-based position in the entry; the message counts from 1 ("Phiếu thứ 3"). */
  index: number;
  kind: 'missing' | 'flag' | 'mark';
  section?: string;
  unit?: string;
  first: string | boolean | null;
  second: string | boolean | null;
  message: string;
}

function markValue(marks: SectionMarks | undefined, code: string): string | null {
  if (!marks) return null;
  if (Array.isArray(marks)) return (marks as readonly string[]).includes(code) ? 'tick' : null;
  return (marks as Record<string, ApprovalMark>)[code] ?? null;
}

const MARK_TEXT: Record<string, string> = { tick: 'có đánh dấu', agree: 'Đồng ý', disagree: 'Không đồng ý' };
const markText = (v: string | null) => (v === null ? 'để trống' : (MARK_TEXT[v] ?? v));

/**
 * Every difference between two independent entries of the same ballots, ballot by ballot (in the
 * order they were entered), section by section, unit by unit.
 */
export function diffBallotEntries(
  first: readonly BallotEntry[],
  second: readonly BallotEntry[],
  labels: { sections?: Readonly<Record<string, string>>; names?: Readonly<Record<string, string>> } = {},
): BallotDifference[] {
  const diffs: BallotDifference[] = [];
  const sectionLabel = (id: string) => labels.sections?.[id] ?? id;
  const unitLabel = (c: string) => labels.names?.[c] ?? c;
  const n = Math.max(first.length, second.length);
  for (let i = 0; i < n; i++) {
    const a = first[i];
    const b = second[i];
    const no = i + 1;
    if (!a || !b) {
      diffs.push({
        index: i,
        kind: 'missing',
        first: Boolean(a),
        second: Boolean(b),
        message: `Phiếu thứ ${no}: chỉ có trong lần nhập ${a ? 1 : 2} (lần nhập 1 có ${first.length} phiếu, lần nhập 2 có ${second.length} phiếu).`,
      });
      continue;
    }
    if (Boolean(a.unstamped) !== Boolean(b.unstamped)) {
      diffs.push({
        index: i,
        kind: 'flag',
        first: Boolean(a.unstamped),
        second: Boolean(b.unstamped),
        message: `Phiếu thứ ${no}: lần nhập ${a.unstamped ? 1 : 2} ghi "không có dấu", lần nhập ${a.unstamped ? 2 : 1} không ghi.`,
      });
    }
    const ra = a.invalidReason?.trim() || null;
    const rb = b.invalidReason?.trim() || null;
    if (ra !== rb) {
      diffs.push({
        index: i,
        kind: 'flag',
        first: ra,
        second: rb,
        message: `Phiếu thứ ${no}: lý do không hợp lệ khác nhau (lần nhập 1: ${ra ?? 'không có'}; lần nhập 2: ${rb ?? 'không có'}).`,
      });
    }
    const sections = [...new Set([...Object.keys(a.marks), ...Object.keys(b.marks)])];
    for (const s of sections) {
      const ma = a.marks[s];
      const mb = b.marks[s];
      const codes = [...new Set([...markedCodes(ma), ...markedCodes(mb)])];
      for (const c of codes) {
        const va = markValue(ma, c);
        const vb = markValue(mb, c);
        if (va === vb) continue;
        diffs.push({
          index: i,
          kind: 'mark',
          section: s,
          unit: c,
          first: va,
          second: vb,
          message: `Phiếu thứ ${no}, mục "${sectionLabel(s)}", ${unitLabel(c)}: lần nhập 1 ${markText(va)}, lần nhập 2 ${markText(vb)}.`,
        });
      }
    }
  }
  return diffs;
}
