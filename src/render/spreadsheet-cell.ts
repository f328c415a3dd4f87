// OWASP CSV injection: a cell starting with one of these is read by
// spreadsheets as a formula (or a formula after a line break).
const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * A text cell that a spreadsheet shows as text: a leading formula character
 * gets a single quote in front. Only for text columns: numbers stay numbers.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
