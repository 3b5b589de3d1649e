/**
 * The marks of one section of one ballot typed as the units' numbers on the paper (STT), the
 * fastest way through 40 ballots from the keyboard: "1 4 7" ticks units 1, 4 and 7; in a
 * "Đồng ý / Không đồng ý" section a number alone is "Đồng ý" and "-3" is "Không đồng ý" for unit 3.
 * Only the typing lives here; what the marks mean (over-marked, invalid) is the engine's
 * (shared/domain/vote/ballots.ts countBallots).
 */
import type { ApprovalMark, SectionMarks } from '../../../../shared/domain/vote/ballots';
import type { MarkingMode } from '../../../../shared/domain/vote/types';

export type ParsedMarks = { ok: true; marks: SectionMarks } | { ok: false; message: string };

/** Parses "1 4, 7" (tick) or "1 2 -3" (approve) against the candidates printed, in order. */
export function parseMarksText(text: string, candidates: readonly string[], marking: MarkingMode): ParsedMarks {
  const tokens = text.split(/[\s,;+]+/).filter(Boolean);
  const ticks: string[] = [];
  const approvals: Record<string, ApprovalMark> = {};
  for (const token of tokens) {
    const m = /^([-−–]?)(\d{1,3})$/.exec(token);
    if (!m) return { ok: false, message: `"${token}" không phải số thứ tự đơn vị trên phiếu (gõ các số từ 1 đến ${candidates.length}).` };
    const n = Number(m[2]);
    const code = candidates[n - 1];
    if (!code) return { ok: false, message: `Phiếu chỉ có ${candidates.length} đơn vị, không có số ${n}.` };
    const against = m[1] !== '';
    if (marking === 'tick') {
      if (against) return { ok: false, message: `Mục này chỉ đánh dấu đơn vị được chọn: bỏ dấu trừ trước số ${n}.` };
      ticks.push(code);
    } else {
      if (approvals[code]) return { ok: false, message: `Số ${n} được gõ hai lần.` };
      approvals[code] = against ? 'disagree' : 'agree';
    }
  }
  // A number typed twice in a tick section stays twice: the engine names it on the ballot.
  return { ok: true, marks: marking === 'tick' ? ticks : approvals };
}

/** The marks back as typed text, in the paper's order. */
export function marksText(marks: SectionMarks | undefined, candidates: readonly string[]): string {
  if (!marks) return '';
  if (Array.isArray(marks)) {
    return (marks as readonly string[]).map((c) => candidates.indexOf(c) + 1).filter((n) => n > 0).join(' ');
  }
  const byCode = marks as Readonly<Record<string, ApprovalMark>>;
  return candidates.flatMap((c, i) => (byCode[c] ? [`${byCode[c] === 'disagree' ? '-' : ''}${i + 1}`] : [])).join(' ');
}

/** The marks in words, for checking a ballot against the paper: "Sở Y tế, Sở Nội vụ" or "Đồng ý: …; Không đồng ý: …". */
export function marksWords(marks: SectionMarks | undefined, names: Readonly<Record<string, string>>): string {
  if (!marks) return 'để trống';
  const name = (c: string) => names[c] ?? c;
  if (Array.isArray(marks)) return (marks as readonly string[]).length ? (marks as readonly string[]).map(name).join(', ') : 'để trống';
  const entries = Object.entries(marks as Readonly<Record<string, ApprovalMark>>);
  const agree = entries.filter(([, m]) => m === 'agree').map(([c]) => name(c));
  const against = entries.filter(([, m]) => m === 'disagree').map(([c]) => name(c));
  const parts = [...(agree.length ? [`Đồng ý: ${agree.join(', ')}`] : []), ...(against.length ? [`Không đồng ý: ${against.join(', ')}`] : [])];
  return parts.length ? parts.join('; ') : 'để trống';
}
