/**
 * Text cells of the workbooks we export must never turn into formulas when a user re-saves them as
 * CSV and opens that again (OWASP "CSV injection"): a text starting with = + - @, a tab or a
 * carriage return is stored with a leading apostrophe, as a text cell. quotePrefix alone would not
 * do: it is a cell style that a CSV re-save drops.
 *
 * The importers strip that apostrophe back, so our own files round-trip losslessly. A text that
 * already starts with apostrophes before such a character gets one more, so that stripping one is
 * always exact ("'=x" → "''=x" → "'=x").
 */

const FORMULA_LIKE = /^'*[=+\-@\t\r]/;
const ESCAPED = /^'+[=+\-@\t\r]/;

/** The text as stored in an exported cell: a leading apostrophe when it could be read as a formula. */
export function escapeFormulaText(text: string): string {
  return FORMULA_LIKE.test(text) ? `'${text}` : text;
}

/** The text of an exported cell read back: one leading apostrophe removed when escapeFormulaText added it. */
export function unescapeFormulaText(text: string): string {
  return ESCAPED.test(text) ? text.slice(1) : text;
}
