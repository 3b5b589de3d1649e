/**
 * "Add as a separate bloc": gives the bloc and every record in it new ids, keeping all references
 * (units in years, pledges, attachments, scores, import batches) consistent.
 */
import { scoreId, type BlocData } from '../model/records';

export function remapBlocIds(data: BlocData, newId: () => string): BlocData {
  const blocId = newId();
  const unitIds = new Map<string, string>();
  for (const u of data.units) unitIds.set(u.id, newId());
  const unit = (id: string) => unitIds.get(id) ?? id;
  const unitOrNull = (id: string | null) => (id === null ? null : unit(id));
  const batchIds = new Map<string, string>();
  for (const b of data.importBatches) batchIds.set(b.id, newId());
  const yearIds = new Map<string, string>();
  for (const y of data.years) yearIds.set(y.id, newId());

  return {
    bloc: { ...data.bloc, id: blocId },
    units: data.units.map((u) => ({ ...u, id: unit(u.id), blocId })),
    years: data.years.map((y) => ({
      ...y,
      id: yearIds.get(y.id)!,
      blocId,
      memberUnitIds: y.memberUnitIds.map(unit),
      leaderUnitId: unitOrNull(y.leaderUnitId),
      deputyUnitId: unitOrNull(y.deputyUnitId),
      rules:
        y.rules.leaderRotation.kind === 'fixedOrder'
          ? { ...y.rules, leaderRotation: { kind: 'fixedOrder', order: y.rules.leaderRotation.order.map(unit) } }
          : y.rules,
    })),
    scoringTables: data.scoringTables.map((t) => ({ ...t, id: newId(), blocId })),
    pledges: data.pledges.map((p) => ({ ...p, id: newId(), blocId, unitIds: p.unitIds.map(unit) })),
    attachments: data.attachments.map((a) => ({ ...a, id: newId(), blocId, unitId: unitOrNull(a.unitId) })),
    scores: data.scores.map((s) => ({
      ...s,
      id: scoreId(s.year, unit(s.unitId), s.code),
      blocId,
      unitId: unit(s.unitId),
      history: s.history.map((h) => ({ ...h, batchId: h.batchId === null ? null : (batchIds.get(h.batchId) ?? h.batchId) })),
    })),
    importBatches: data.importBatches.map((b) => ({
      ...b,
      id: batchIds.get(b.id)!,
      blocId,
      files: b.files.map((f) => ({ ...f, unitId: unit(f.unitId) })),
      changes: b.changes.map((c) => ({ ...c, unitId: unit(c.unitId) })),
    })),
  };
}
