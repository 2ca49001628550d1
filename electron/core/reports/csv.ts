/**
 * A cell as RFC 4180 writes it. A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR)
 * gets a leading apostrophe: an export opened in a spreadsheet must not execute anything.
 */
export function csvCell(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header and rows as CSV text, CRLF between lines (RFC 4180). */
export function csvTable(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null)[])[],
): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
