/**
 * Two units with the same name in one bloc are almost always a mistake (the same unit added twice,
 * once typed without diacritics): names compare equal when they differ only in case, spacing or
 * Vietnamese diacritics ("Sở Y tế", "SỞ Y TẾ", "So Y te").
 */
import { fold } from '../text/vietnamese';

export function sameUnitName(a: string, b: string): boolean {
  const fa = fold(a);
  return fa !== '' && fa === fold(b);
}

/** The first other unit (not `exceptId`) whose name is the same as `name`, if any. */
export function unitWithSameName<U extends { id: string; name: string }>(units: readonly U[], name: string, exceptId?: string): U | undefined {
  return units.find((u) => u.id !== exceptId && sameUnitName(u.name, name));
}
