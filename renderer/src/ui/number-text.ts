/**
 * What a number field shows. A field never shows "NaN": a value that is not a number (the draft
 * holds NaN while the typed text is not a number yet) keeps the text as typed, so letters typed by
 * mistake stay visible and can be corrected instead of turning into "NaNabc".
 */
import { formatNumberVi, parseLooseNumber } from '../../../shared/text/vietnamese';

/** The text of a number in a field: decimal comma, no thousands dots; '' for no number. */
export function numberFieldText(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return formatNumberVi(value).replace(/\./g, '');
}

/** The text to show once `value` changed: what was typed while it still means that value, else the value's own text. */
export function syncNumberText(text: string, value: number | null | undefined): string {
  const typed = parseLooseNumber(text);
  if (value === null || value === undefined || Number.isNaN(value)) return typed === null || typed === undefined ? text : '';
  return typed === value ? text : numberFieldText(value);
}

/** True when the text is neither blank nor a number. */
export function isNotANumber(text: string): boolean {
  return parseLooseNumber(text) === undefined;
}
