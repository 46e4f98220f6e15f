/**
 * CSV cells for every CSV the project writes (the CLI's per-replication rows, the app's results).
 *
 * Spreadsheets run a cell that begins with `=`, `+`, `-` or `@` as a formula, and some treat a leading
 * tab or carriage return the same way, so a draft named `=HYPERLINK("http://...")` in an export
 * would be a live link. OWASP's rule for CSV injection: such a text cell gets a leading `'` (shown
 * as text, not run), and every cell with a comma, quote or line break is quoted with its quotes
 * doubled. Numbers are written as numbers (a negative number is data, not a formula); a missing
 * number (NaN, infinite) is an empty cell.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: a finite number as is, anything else as neutralised, quoted-when-needed text. */
export function csvCell(value: string | number): string {
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	const text = FORMULA_START.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as CSV text, one line per row, with a final newline. */
export function csvText(rows: readonly (readonly (string | number)[])[]): string {
	return rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}
