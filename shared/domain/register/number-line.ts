/**
 * The one home of a document's number and date as printed: "Số: 05/BB-KTĐVHXH" (State format) or
 * "Số 05-BB/KTĐVHXH" (Party format), numbers below 10 with a leading zero; before the number is
 * taken (a preview) the number is left blank to be filled by hand: "Số:     /BB-KTĐVHXH".
 * Every document kind gets its header's number line and date from `documentNumberDate`.
 */
import { documentNumber } from '../../text/vietnamese';
import type { RegisterEntry, RegisterType } from './types';

/** The number with its leading zero: 5 → "05", 12 → "12". */
export function paddedNumber(n: number): string {
  return n < 10 ? String(n).padStart(2, '0') : String(n);
}

/** "05/BB-KTĐVHXH" (State) or "05-BB/KTĐVHXH" (Party). */
export function numberSymbol(number: number, type: RegisterType, symbol: string, partyFormat = false): string {
  return partyFormat ? `${paddedNumber(number)}-${type}/${symbol}` : `${paddedNumber(number)}/${type}-${symbol}`;
}

/** The printed line of a number: "Số: 05/BB-KTĐVHXH" or, Party format, "Số 05-BB/KTĐVHXH". */
export function numberLineOf(number: number, type: RegisterType, symbol: string, partyFormat = false): string {
  return partyFormat ? `Số ${numberSymbol(number, type, symbol, true)}` : documentNumber(number, `${type}-${symbol}`);
}

/**
 * A number as typed, with "Số" in front unless it already has it: "05/BB-KTĐ" → "Số: 05/BB-KTĐ"
 * (Party format "Số 127-QĐ/TW"); empty stays empty.
 */
export function withNumberPrefix(raw: string, partyFormat: boolean): string {
  const s = raw.trim();
  if (!s) return '';
  // Not \b: after "ố" (not an ASCII word letter) \b never matches.
  if (/^số(?![\p{L}\p{N}])/iu.test(s)) return s;
  return partyFormat ? `Số ${s}` : `Số: ${s}`;
}

/** Blank space left for a number written by hand. */
const BLANK = '\u00a0'.repeat(6);

/** The line before a number is taken: "Số:      /BB-KTĐVHXH". */
export function blankNumberLine(type: RegisterType, symbol: string, partyFormat = false): string {
  return partyFormat ? `Số ${BLANK}-${type}/${symbol}` : `Số: ${BLANK}/${type}-${symbol}`;
}

export interface NumberDate {
  /** The number line as printed; empty for a document without a number. */
  number: string;
  /** ISO date of the place-and-date line; null leaves the date out (a draft without a date). */
  date: string | null;
}

export interface NumberDateInput {
  /** The document's type in the register; null for a document printed without a number (a programme). */
  type: RegisterType | null;
  symbol: string;
  partyFormat: boolean;
  /** The issued number (from the register, or given when the number was taken elsewhere); null on a preview. */
  issued: Pick<RegisterEntry, 'number' | 'date'> | null;
  /** The date to print while no number is issued (the draft's date); null for none. */
  draftDate: string | null;
  /** A number typed by the user before the register held it ("12/GƯ-KTĐ"), printed while none is issued. */
  typed?: string;
}

/** The number and date line of a document: the issued number and its date, or a blank number and the draft's date. */
export function documentNumberDate(input: NumberDateInput): NumberDate {
  if (input.type && input.issued) {
    return { number: numberLineOf(input.issued.number, input.type, input.symbol, input.partyFormat), date: input.issued.date };
  }
  const typed = input.typed?.trim() ?? '';
  if (typed) return { number: withNumberPrefix(typed, input.partyFormat), date: input.draftDate };
  if (!input.type) return { number: '', date: input.issued?.date ?? input.draftDate };
  return { number: blankNumberLine(input.type, input.symbol, input.partyFormat), date: input.draftDate };
}
