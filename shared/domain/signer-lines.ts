/**
 * The lines printed in a unit's signature block, by Nghị định 30/2020/NĐ-CP (Phụ lục I, mục
 * "Chức vụ, họ tên người ký"): the head signs under the position ("GIÁM ĐỐC"); a deputy signing
 * for the head prints the authority line "KT." + the head's position ("KT. GIÁM ĐỐC") above the
 * deputy's own position ("PHÓ GIÁM ĐỐC"). Positions are bold upper case; the name stays as typed.
 * Every document with unit signatures (pledge, vote count, minutes) takes its lines from here.
 */
import type { Unit } from '../model/records';
import { upperVi } from '../text/vietnamese';

export interface SignerLines {
  /** "KT. GIÁM ĐỐC" when a deputy signs; empty when the head signs. */
  authority: string;
  /** The signer's position, upper case ("GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"). */
  title: string;
  /** The signer's full name as typed (trimmed); empty when not known yet. */
  name: string;
}

/** The fields of a unit the rule reads. Older records may lack the signer fields (head signs). */
export type SignerSource = Pick<Unit, 'head' | 'headTitle'> & Partial<Pick<Unit, 'signer' | 'deputyName' | 'deputyTitle'>>;

/** Used when the unit's head position is not filled in. */
export const GENERIC_HEAD_TITLE = 'Thủ trưởng đơn vị';

const clean = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
/** "Phó Giám đốc" typed as the head's position still names the head's office "Giám đốc". */
const withoutDeputyPrefix = (title: string) => title.replace(/^phó\s+/iu, '');

export function signerLines(unit: SignerSource): SignerLines {
  const headTitle = clean(unit.headTitle) || GENERIC_HEAD_TITLE;
  if (unit.signer !== 'deputy') {
    return { authority: '', title: upperVi(headTitle), name: clean(unit.head) };
  }
  const office = withoutDeputyPrefix(headTitle) || GENERIC_HEAD_TITLE;
  const deputyTitle = clean(unit.deputyTitle) || `Phó ${office}`;
  return { authority: upperVi(`KT. ${office}`), title: upperVi(deputyTitle), name: clean(unit.deputyName) };
}

/** What is missing to print the unit's signature block, in Vietnamese; empty when nothing is. */
export function signerGaps(unit: SignerSource): string[] {
  const gaps: string[] = [];
  if (!clean(unit.headTitle)) gaps.push('chức vụ thủ trưởng');
  if (unit.signer === 'deputy') {
    if (!clean(unit.deputyName)) gaps.push('họ tên cấp phó ký thay');
  } else if (!clean(unit.head)) {
    gaps.push('họ tên thủ trưởng');
  }
  return gaps;
}

/** The authority line of the bloc's own documents, signed for the bloc by its leader unit. */
export const BLOC_AUTHORITY = 'TM. KHỐI THI ĐUA';
/** The leader unit's office in the bloc. */
export const BLOC_LEADER_TITLE = 'KHỐI TRƯỞNG';

/**
 * The signature of the bloc's documents (bảng tổng hợp, thông báo): "TM. KHỐI THI ĐUA" /
 * "KHỐI TRƯỞNG" / the name of who signs for the year's leader unit. When the leader unit signs
 * through a deputy (signerLines), the deputy signs for the Khối trưởng as Nghị định 30/2020 writes
 * it: "TM. KHỐI THI ĐUA" / "KT. KHỐI TRƯỞNG" (one authority of two lines) / the deputy's position.
 */
export function blocLeaderSignerLines(leader: SignerSource): SignerLines {
  const lines = signerLines(leader);
  if (leader.signer !== 'deputy') return { authority: BLOC_AUTHORITY, title: BLOC_LEADER_TITLE, name: lines.name };
  return { authority: `${BLOC_AUTHORITY}\nKT. ${BLOC_LEADER_TITLE}`, title: lines.title, name: lines.name };
}
