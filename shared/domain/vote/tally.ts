/**
 * The year-end conference tally: attendance and quorum, then every section in order (exclusive
 * awards and "số đơn vị còn lại" quotas depend on the earlier sections' winners).
 * Pure: the screen calls it on every keystroke; the `tally` CLI prints its result.
 */
import { IssueList, listUnits } from './issues';
import { checkQuorum } from './quorum';
import { rulesFingerprint, rulesOf } from './rules';
import { computeSection } from './section';
import type { SectionKind, SectionVerdict, TallyInput, TallyResult } from './types';

export function tally(input: TallyInput): TallyResult {
  const rules = rulesOf(input);
  const names = input.names ?? {};
  const issues = new IssueList();
  const members = rules.members;
  const memberSet = new Set(members);

  const dupMembers = members.filter((m, i) => members.indexOf(m) !== i);
  if (dupMembers.length) issues.error('members.duplicate', `Mã đơn vị thành viên bị lặp: ${[...new Set(dupMembers)].join(', ')}.`);
  const present = [...new Set(input.present)];
  const dupPresent = input.present.filter((m, i) => input.present.indexOf(m) !== i);
  if (dupPresent.length) issues.error('present.duplicate', `Đơn vị có mặt được ghi hơn một lần: ${listUnits([...new Set(dupPresent)], names)}.`);
  const unknownPresent = present.filter((c) => !memberSet.has(c));
  if (unknownPresent.length) {
    issues.error('present.unknown', `Đơn vị có mặt không thuộc khối: ${unknownPresent.map((c) => `"${c}"`).join(', ')}.`);
  }
  const presentCount = present.filter((c) => memberSet.has(c)).length;
  const memberCount = new Set(members).size;

  const quorum = checkQuorum(presentCount, memberCount, rules.quorum);
  if (!quorum.met) issues.error('quorum.notMet', quorum.explanation);
  const dupIds = rules.sections.map((s) => s.id).filter((id, i, all) => all.indexOf(id) !== i);
  if (dupIds.length) issues.error('sections.duplicateId', `Mã mục bỏ phiếu bị lặp: ${[...new Set(dupIds)].join(', ')}.`);
  const blockedGlobally = issues.errors.length > 0;

  const awarded = new Map<string, { title: string; kind: SectionKind }>();
  const sections: SectionVerdict[] = [];
  let undecidedBefore: string | null = null;
  input.sections.forEach((sectionInput, i) => {
    const sectionRules = rules.sections[i]!;
    const verdict = computeSection(sectionInput, sectionRules, {
      members,
      awardedBefore: awarded,
      exclusive: rules.exclusiveAwards,
      presentCount,
      spareBallots: rules.spareBallots,
      blockedGlobally,
      names,
    });
    // A later section depends on the earlier ones' winners (exclusive awards, "còn lại" quotas).
    if (undecidedBefore !== null && !blockedGlobally && (rules.exclusiveAwards || typeof sectionRules.seats !== 'number')) {
      verdict.warnings.unshift({
        code: 'exclusive.previousUndecided',
        message: `Mục "${sectionRules.title}": kết quả còn có thể thay đổi vì mục "${undecidedBefore}" trước đó chưa có kết quả cuối cùng.`,
        section: sectionRules.id,
      });
    }
    for (const w of verdict.winners) if (!awarded.has(w)) awarded.set(w, { title: sectionRules.title, kind: sectionRules.kind });
    if (undecidedBefore === null && (verdict.blocked || verdict.tie || verdict.nextRound)) undecidedBefore = sectionRules.title;
    sections.push(verdict);
  });

  checkFirstRoundsAgree(input, rules.invalidScope, issues);

  const consistent = issues.errors.length === 0 && sections.every((s) => s.errors.length === 0);
  return {
    quorumMet: quorum.met,
    requiredPresent: quorum.required,
    presentCount,
    memberCount,
    quorumExplanation: quorum.explanation,
    consistent,
    errors: issues.errors,
    warnings: issues.warnings,
    sections,
    rules,
    rulesFingerprint: rulesFingerprint(rules),
  };
}

/**
 * The first round of every section is usually one sheet of paper, so its issued and returned
 * counts should agree across sections, and with whole-ballot invalidity the invalid counts too.
 * Only a warning: a bloc may vote section by section on separate ballots.
 */
function checkFirstRoundsAgree(input: TallyInput, scope: 'section' | 'ballot', issues: IssueList): void {
  const firsts = input.sections.filter((s) => s.rounds[0]).map((s) => ({ title: s.title, b: s.rounds[0]!.ballots }));
  if (firsts.length < 2) return;
  const ref = firsts[0]!;
  const fields = scope === 'ballot' ? (['issued', 'returned', 'invalid'] as const) : (['issued', 'returned'] as const);
  const label = { issued: 'phát ra', returned: 'thu vào', invalid: 'không hợp lệ' };
  for (const f of fields) {
    const odd = firsts.find((x) => x.b[f] !== ref.b[f]);
    if (odd) {
      issues.warn(
        'ballots.roundOneDiffers',
        `Số phiếu ${label[f]} ở vòng 1 khác nhau giữa các mục ("${ref.title}": ${ref.b[f]}, "${odd.title}": ${odd.b[f]}); kiểm tra lại nếu các mục bầu trên cùng một phiếu.`,
      );
    }
  }
}
