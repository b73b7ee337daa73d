/**
 * CSV (RFC 4180) for exports people open in a spreadsheet. A cell a spreadsheet would run as a
 * formula (starting with =, +, -, @, a tab or a carriage return: "CSV injection") is prefixed
 * with an apostrophe, so a name like "=HYPERLINK(…)" stays text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells, CRLF between lines (and after the last), as RFC 4180 has it. */
export function csvLines(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}
