/**
 * Each unit's scanned signature and stamp: the latest of each kind (by the time it was stored)
 * wins. The pledge screen shows them and the documents print them; both ask this one function.
 */
import type { Attachment } from '../model/records';

export type UnitImageKind = 'signature' | 'stamp';

export type UnitImages<A> = Partial<Record<UnitImageKind, A>>;

/** The latest signature and stamp of each unit, by unit id; attachments of other kinds or without a unit are ignored. */
export function latestUnitImages<A extends Pick<Attachment, 'unitId' | 'kind' | 'createdAt'>>(attachments: readonly A[]): Map<string, UnitImages<A>> {
  const out = new Map<string, UnitImages<A>>();
  for (const a of attachments) {
    if (!a.unitId || (a.kind !== 'signature' && a.kind !== 'stamp')) continue;
    const entry = out.get(a.unitId) ?? {};
    const prev = entry[a.kind];
    if (!prev || prev.createdAt < a.createdAt) entry[a.kind] = a;
    out.set(a.unitId, entry);
  }
  return out;
}
