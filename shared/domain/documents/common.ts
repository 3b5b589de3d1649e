/** Pieces every conference paper's default draft shares: the bloc's signer, the place, dates in words. */
import type { Unit } from '../../model/records';
import { isIsoDate } from '../../text/dates';
import { placeDateLine } from '../../text/vietnamese';
import type { ConferenceContext } from './conference-context';

/** Fields of the bloc's signature block (signed for the bloc by this year's Khối trưởng). */
export function blocSignerFields(ctx: ConferenceContext): Record<string, string> {
  return {
    signerAuthority: 'TM. KHỐI THI ĐUA',
    signerTitle: 'KHỐI TRƯỞNG',
    signerName: ctx.leader?.head.trim() ?? '',
  };
}

/** The place of the place-and-date line: the province. */
export function placeOf(ctx: ConferenceContext): string {
  return ctx.bloc.province.trim();
}

/** "ngày 05 tháng 01 năm 2026" (the ND 30/2020 form); "ngày … tháng … năm …" when the date is not set. */
export function longDate(iso: string): string {
  if (!isIsoDate(iso)) return 'ngày … tháng … năm …';
  return placeDateLine('', iso).replace(/^Ngày/, 'ngày');
}

/** A unit's name, or a dotted gap when not known. */
export function unitNameOr(unit: Unit | null, gap = '……'): string {
  return unit?.name ?? gap;
}

/** The bloc as named in sentences ("Khối thi đua Văn hóa - Xã hội"). */
export function blocName(ctx: ConferenceContext): string {
  const short = ctx.bloc.shortName.trim();
  return short || ctx.bloc.name.trim();
}

/** The province's emulation and commendation board, as a recipient. */
export function provinceBoard(ctx: ConferenceContext): string {
  const province = ctx.bloc.province.trim();
  return province ? `Ban Thi đua - Khen thưởng tỉnh ${province}` : 'Ban Thi đua - Khen thưởng tỉnh';
}

/** The province's council, to which the proposal goes. */
export function provinceCouncil(ctx: ConferenceContext): string {
  const province = ctx.bloc.province.trim();
  return province ? `Hội đồng Thi đua - Khen thưởng tỉnh ${province}` : 'Hội đồng Thi đua - Khen thưởng tỉnh';
}
