/** Short forms of what separated two units, for JSON output and table columns. */
import { TIE_RULE_LABELS } from '../rules-defaults';
import type { Separation } from './types';

/**
 * The tie rule that separated a unit from the next one, as a stable string: its kind, with the group
 * code for a group rule ("higherGroupScore:I"); null when a higher total separated them or nothing did.
 */
export function decidedByCode(sep: Separation | null): string | null {
  if (!sep || sep.by === 'total') return null;
  return sep.rule.kind === 'higherGroupScore' ? `${sep.rule.kind}:${sep.rule.groupCode.trim()}` : sep.rule.kind;
}

/** The same in Vietnamese ("Điểm cao hơn ở nhóm tiêu chí I"); '' when a higher total separated them or nothing did. */
export function decidedByText(sep: Separation | null): string {
  if (!sep || sep.by === 'total') return '';
  const label = TIE_RULE_LABELS[sep.rule.kind];
  if (sep.rule.kind === 'higherGroupScore') return `${label} ${sep.rule.groupCode.trim()}`;
  if (sep.by === 'decision' && sep.decision.reason.trim()) return `${label}: ${sep.decision.reason.trim()}`;
  return label;
}
