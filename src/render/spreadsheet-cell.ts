// OWASP CSV injection: a cell starting with one of these is read by
// spreadsheets as a formula (LF too: some read a formula after a leading
// line break). The full-width forms are there because Apple Numbers folds
// them to the ASCII ones.
const FORMULA_START = /^[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]/;

/**
 * A text cell that a spreadsheet shows as text: a leading formula character
 * gets a single quote in front. Only for text columns: numbers stay numbers.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
