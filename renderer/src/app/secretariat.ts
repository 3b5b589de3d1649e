/** Who makes a package (export, backup before a replace): written into its manifest. */
import type { BlocData } from '../../../shared/model/records';

/**
 * The agency set in Cài đặt, otherwise the secretariat of the newest year's Khối trưởng (the unit
 * that keeps the bloc's records that year).
 */
export function secretariatOf(data: Pick<BlocData, 'years' | 'units'>, agency: string): string {
  if (agency.trim()) return agency.trim();
  const newest = [...data.years].filter((y) => y.leaderUnitId).sort((a, b) => b.year - a.year)[0];
  const leader = newest ? data.units.find((u) => u.id === newest.leaderUnitId) : undefined;
  return leader ? `Bộ phận thư ký Khối (${leader.name}, Khối trưởng năm ${newest!.year})` : '';
}
