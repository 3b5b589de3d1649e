/** Finds what the assessment services need for one year of a bloc: the year, its units, its scoring table. */
import { UserError } from '../../../shared/errors';
import { requireYearTable } from '../../../shared/domain/year-table';
import type { BlocData, ScoringTable, Unit, Year } from '../../../shared/model/records';

export interface YearContext {
  data: BlocData;
  year: Year;
  /** The year's member units in order (falls back to the bloc's active units when none are listed). */
  units: Unit[];
  /** The scoring table in force (shared/domain/scoring-table.ts `tableInForce`). */
  table: ScoringTable;
}

export function yearContext(data: BlocData, yearNumber: number): YearContext {
  const { year, table } = requireYearTable(data, yearNumber, 'in-force');
  const byId = new Map(data.units.map((u) => [u.id, u]));
  const members = year.memberUnitIds.map((id) => byId.get(id)).filter((u): u is Unit => !!u);
  const units = members.length > 0 ? members : data.units.filter((u) => u.active).sort((a, b) => a.order - b.order);
  return { data, year, units, table };
}

export function unitsByIds(ctx: YearContext, unitIds: readonly string[] | undefined): Unit[] {
  if (!unitIds || unitIds.length === 0) return ctx.units;
  const byId = new Map(ctx.data.units.map((u) => [u.id, u]));
  return unitIds.map((id) => {
    const unit = byId.get(id);
    if (!unit) throw new UserError('unit-not-found', `Không tìm thấy đơn vị có mã nội bộ "${id}" trong khối.`);
    return unit;
  });
}
