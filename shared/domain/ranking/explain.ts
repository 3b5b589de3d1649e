/**
 * The ranking in words, with vi-VN numbers: "Sở Y tế xếp trên Sở Tài chính vì cùng 96,5 điểm nhưng
 * điểm nhóm I cao hơn (48 so với 47)".
 */
import type { TieRule } from '../../model/records';
import type { UnitTotals } from '../scoring';
import { formatNumberVi } from '../../text/vietnamese';
import { isDecisionRule, ruleShownValue, type KeyRule } from './tie-rules';
import type { Eligibility, Separation } from './types';
import type { UnitScores } from './unit-scores';

const pts = (n: number) => formatNumberVi(n);

function groupLabel(code: string): string {
  return `nhóm ${code.trim()}`;
}

/** "cùng điểm nhóm I (48)" */
function samePhrase(rule: KeyRule, value: number): string {
  switch (rule.kind) {
    case 'higherGroupScore':
      return `cùng điểm ${groupLabel(rule.groupCode)} (${pts(value)})`;
    case 'higherTotalScore':
      return `cùng tổng điểm chưa tính điểm thưởng (${pts(value)})`;
    case 'fewerDeductions':
      return `cùng số điểm trừ (${pts(value)})`;
  }
}

/** "điểm nhóm I cao hơn (48 so với 47)" */
function betterPhrase(rule: KeyRule, mine: number, theirs: number): string {
  const pair = `(${pts(mine)} so với ${pts(theirs)})`;
  switch (rule.kind) {
    case 'higherGroupScore':
      return `điểm ${groupLabel(rule.groupCode)} cao hơn ${pair}`;
    case 'higherTotalScore':
      return `tổng điểm chưa tính điểm thưởng cao hơn ${pair}`;
    case 'fewerDeductions':
      return `ít điểm trừ hơn ${pair}`;
  }
}

/** What two units of equal total share under the key rules before `through`. */
function sharedPhrases(totals: UnitTotals, rules: readonly TieRule[], through: number): string[] {
  const out = [`cùng ${pts(totals.total)} điểm`];
  for (let r = 0; r < through && r < rules.length; r++) {
    const rule = rules[r]!;
    if (isDecisionRule(rule)) continue;
    const v = ruleShownValue(rule, totals);
    if (v !== null) out.push(samePhrase(rule, v));
  }
  return out;
}

function joinVi(parts: readonly string[]): string {
  return parts.join(', ');
}

/** Why `above` is placed above `below`. */
export function aboveSentence(above: UnitScores, below: UnitScores, sep: Separation, rules: readonly TieRule[]): string {
  const head = `${above.unit.name} xếp trên ${below.unit.name} vì`;
  if (sep.by === 'total') {
    return `${head} tổng điểm cao hơn (${pts(above.totals.total)} so với ${pts(below.totals.total)}).`;
  }
  const shared = joinVi(sharedPhrases(above.totals, rules, sep.ruleIndex));
  if (sep.by === 'rule' && !isDecisionRule(sep.rule)) {
    const mine = ruleShownValue(sep.rule, above.totals) ?? 0;
    const theirs = ruleShownValue(sep.rule, below.totals) ?? 0;
    return `${head} ${shared} nhưng ${betterPhrase(sep.rule, mine, theirs)}.`;
  }
  const reason = sep.by === 'decision' ? sep.decision.reason.trim() : '';
  const how = sep.rule.kind === 'revote' ? 'theo kết quả bỏ phiếu lại' : 'theo quyết định của chủ trì hội nghị';
  return `${head} ${shared} và ${how}${reason ? `: ${reason}` : ''}.`;
}

/** A shared rank: with whom, on what they are equal and what remains to decide. */
export function tieSentence(
  unit: UnitScores,
  rank: number,
  others: readonly UnitScores[],
  pending: 'revote' | 'chairDecides' | null,
  triedRules: number,
  rules: readonly TieRule[],
): string {
  const shared = joinVi(sharedPhrases(unit.totals, rules, triedRules));
  const names = others.map((o) => o.unit.name).join(', ');
  const rest =
    pending === 'revote'
      ? 'còn chờ bỏ phiếu lại giữa các đơn vị đồng hạng'
      : pending === 'chairDecides'
        ? 'còn chờ chủ trì hội nghị quyết định'
        : 'quy định của năm không còn quy tắc nào để phân định';
  return `${unit.unit.name} đồng hạng ${rank} với ${names} (${shared}); ${rest}.`;
}

export function lastSentence(unit: UnitScores, ranked: number): string {
  return ranked === 1
    ? `${unit.unit.name} là đơn vị duy nhất được xếp hạng.`
    : `${unit.unit.name} xếp cuối trong ${ranked} đơn vị được xếp hạng.`;
}

function codeList(codes: readonly string[], max = 5): string {
  return codes.length > max ? `${codes.slice(0, max).join(', ')}, …` : codes.join(', ');
}

export function notSubmittedSentence(unit: UnitScores): string {
  if (unit.nothing) return `${unit.unit.name} chưa nộp phiếu tự chấm điểm nên chưa được xếp hạng.`;
  const missing = unit.self.missing;
  return `${unit.unit.name} chưa chấm đủ: còn ${missing.length} tiêu chí chưa có điểm tự chấm (${codeList(missing)}) nên chưa được xếp hạng.`;
}

export function eligibilityNote(e: Eligibility): string {
  const reason = e.reason.trim();
  const basis = e.basis.trim();
  return `Không đủ điều kiện đề nghị khen thưởng${reason ? `: ${reason}` : ''}${basis ? ` (căn cứ: ${basis})` : ''}.`;
}

export function unverifiedNote(codes: readonly string[]): string {
  return `Còn ${codes.length} tiêu chí chưa thẩm định (${codeList(codes)}); điểm tự chấm được tính thay.`;
}

export function clampedNote(codes: readonly string[]): string {
  return `Điểm của ${codes.length} tiêu chí nằm ngoài khung điểm và đã được tính trong giới hạn (${codeList(codes)}).`;
}
