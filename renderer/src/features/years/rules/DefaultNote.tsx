import { RULES_DEFAULT_NOTE } from '../../../../../shared/domain/rules-defaults';

/** Marks a part of the rules that still has the app's default value. */
export function DefaultNote({ isDefault }: { isDefault: boolean }) {
  if (!isDefault) return null;
  return <span className="default-note">Mặc định — {RULES_DEFAULT_NOTE}</span>;
}

export const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
