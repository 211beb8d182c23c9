/**
 * Text a spreadsheet would take for a formula (formula or "CSV" injection): a ledger's cell that
 * reads "=HYPERLINK(…)" or "+86 538 …" must come back out of every file the product writes as the
 * same text, never as a formula that runs when the file is opened or the cell is edited.
 *
 * The rule every writer follows (ExcelJS in src/cli, Office.js in src/excel):
 *  - text is written as a string cell with its value unchanged — never as a formula, never with
 *    characters added or removed (nothing the user wrote is lost);
 *  - when `isFormulaLike(text)`, the cell also gets Excel's quotePrefix style (the apostrophe a
 *    person types before =), so that editing the cell in Excel or WPS keeps it text; through
 *    Office.js, the cell's number format is "@" (text) before the value is written.
 */

/**
 * What Excel, WPS and LibreOffice treat as the start of a formula when text is typed or imported:
 * = + - @ (OWASP's list), the same signs in full width (East Asian input methods type them), and a
 * tab or line break before them. Leading spaces are skipped: some importers trim them.
 */
const FORMULA_START = /^[\s\u00A0\u3000\u200B\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A tab or carriage return first is an injection vector of its own in CSV importers. */
const CONTROL_START = /^[\t\r]/;

export function isFormulaLike(text: string): boolean {
  return typeof text === "string" && (FORMULA_START.test(text) || CONTROL_START.test(text));
}

/** How a writer stores one piece of text: the text itself, and whether the cell needs quotePrefix. */
export interface TextCell {
  readonly value: string;
  readonly quotePrefix: boolean;
}

export function textCell(text: string): TextCell {
  return { value: text, quotePrefix: isFormulaLike(text) };
}
