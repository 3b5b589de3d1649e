/**
 * "Add as a separate bloc": gives the bloc and every record in it new ids, keeping every reference
 * consistent. Which fields refer to what, and how each kind's id is made, come from the record
 * registry (shared/model/registry.ts): a fresh id, or one derived from the remapped fields
 * (a score's `${year}:${unitId}:${code}`).
 */
import type { BlocData } from '../model/records';
import { rewriteAt } from '../model/record-paths';
import { KINDS, kindOf, recordsOf, type AnyRecord } from '../model/registry';

export function remapBlocIds(data: BlocData, newId: () => string): BlocData {
  const blocId = newId();
  const fresh = new Map<string, Map<string, string>>();
  for (const k of KINDS) {
    if (k.id !== 'fresh') continue;
    const ids = new Map<string, string>();
    for (const r of recordsOf(data, k.key)) ids.set(r.id, newId());
    fresh.set(k.key, ids);
  }
  const out: Record<string, unknown> = { bloc: { ...data.bloc, id: blocId } };
  for (const k of KINDS) {
    out[k.key] = recordsOf(data, k.key).map((r) => {
      let next: AnyRecord = { ...r, blocId };
      for (const ref of k.refs) {
        // Records named by another field (years by their year) keep it.
        if ((kindOf(ref.to)?.refKey ?? 'id') !== 'id') continue;
        const ids = fresh.get(ref.to);
        if (!ids) throw new Error(`${k.key}.${ref.path} refers to ${ref.to}, whose ids are not fresh`);
        next = rewriteAt(next, ref.path, (id) => ids.get(id) ?? id);
      }
      next.id = k.id === 'fresh' ? fresh.get(k.key)!.get(r.id)! : k.id.derive(next);
      return next;
    });
  }
  return out as BlocData;
}
