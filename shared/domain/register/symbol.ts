/**
 * The bloc's symbol in document numbers ("05/BB-KTĐVHXH"): configurable, with a default derived
 * from the bloc's short name: "KTĐ" (Khối thi đua) and the initials of the rest, upper case, tone
 * marks dropped but Đ kept, as Vietnamese symbols are written ("Khối Văn hóa - Xã hội" → KTĐVHXH).
 */
import type { Bloc } from '../../model/records';
import { nfc } from '../../text/vietnamese';

/** Upper-case initial without tone or vowel marks, Đ kept ("ủy" → "U", "đua" → "Đ"). */
function initial(word: string): string {
  const first = nfc(word).charAt(0).toLocaleUpperCase('vi-VN');
  if (first === 'Đ') return 'Đ';
  return first.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
}

/** Words that name a bloc rather than this bloc: left out of the initials ("Khối", "thi đua", "các"). */
const LEAD = /^(khối\s+)?(thi\s+đua\s+)?(các\s+)?/iu;

/** The default symbol of a bloc: "KTĐ" + initials of its short name (its name when no short name is set). */
export function defaultBlocSymbol(bloc: Pick<Bloc, 'name' | 'shortName'>): string {
  const source = nfc(bloc.shortName.trim() || bloc.name.trim());
  const rest = source.replace(LEAD, '');
  const letters = rest
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(initial)
    .join('');
  return `KTĐ${letters}`.slice(0, 20);
}

/** A symbol as typed by the user: upper case, no spaces; empty when nothing usable is left. */
export function cleanSymbol(raw: string): string {
  return nfc(raw).toLocaleUpperCase('vi-VN').replace(/[^\p{L}\p{N}-]/gu, '').slice(0, 30);
}
