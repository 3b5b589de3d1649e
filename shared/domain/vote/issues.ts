/** Errors and warnings of a vote: a machine code, a Vietnamese message saying what and where. */
import type { VoteIssue } from './types';

export interface IssueLocation {
  sectionId?: string;
  sectionTitle?: string;
  round?: number;
}

/** "Mục "Cờ thi đua của Chính phủ", vòng 2: " */
export function wherePrefix(loc: IssueLocation): string {
  const parts: string[] = [];
  if (loc.sectionTitle !== undefined) parts.push(`Mục "${loc.sectionTitle}"`);
  if (loc.round !== undefined) parts.push(parts.length ? `vòng ${loc.round}` : `Vòng ${loc.round}`);
  return parts.length ? `${parts.join(', ')}: ` : '';
}

export function makeIssue(code: string, message: string, loc: IssueLocation = {}): VoteIssue {
  const issue: VoteIssue = { code, message: wherePrefix(loc) + message };
  if (loc.sectionId !== undefined) issue.section = loc.sectionId;
  if (loc.round !== undefined) issue.round = loc.round;
  return issue;
}

/** Collects issues for one place. */
export class IssueList {
  readonly errors: VoteIssue[] = [];
  readonly warnings: VoteIssue[] = [];
  constructor(private readonly loc: IssueLocation = {}) {}
  error(code: string, message: string): void {
    this.errors.push(makeIssue(code, message, this.loc));
  }
  warn(code: string, message: string): void {
    this.warnings.push(makeIssue(code, message, this.loc));
  }
}

/** "SYT, SGDDT" or the names when known. */
export function listUnits(codes: readonly string[], names: Readonly<Record<string, string>> = {}): string {
  return codes.map((c) => names[c] ?? c).join(', ');
}
