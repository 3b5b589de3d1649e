/** The signer of the bloc's own documents: the year's leader unit (shared/domain/signer-lines.ts). */
import { UserError } from '../../../../shared/errors';
import { blocLeaderSignerLines } from '../../../../shared/domain/signer-lines';
import type { BlocData, Unit } from '../../../../shared/model/records';
import type { Signer } from '../model/index';

/** The year's leader unit; a UserError naming the year when none is chosen. */
export function leaderUnit(data: BlocData, year: number, what: string): Unit {
  const record = data.years.find((y) => y.year === year);
  const leader = record?.leaderUnitId ? data.units.find((u) => u.id === record.leaderUnitId) : undefined;
  if (!leader) {
    throw new UserError(
      'leader-missing',
      `Năm ${year} chưa chọn đơn vị Khối trưởng, nên ${what} chưa có người ký. Hãy chọn Khối trưởng trong mục Năm thi đua.`,
    );
  }
  return leader;
}

/**
 * "TM. KHỐI THI ĐUA" / "KHỐI TRƯỞNG" / name. No scanned images: these papers are signed by hand
 * and stamped with the leader unit's seal after printing.
 */
export function blocSigner(leader: Unit): Signer {
  return blocLeaderSignerLines(leader);
}
