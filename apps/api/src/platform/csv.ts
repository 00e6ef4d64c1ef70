import { Readable } from 'node:stream';

/**
 * The one CSV writer. Cells are quoted per RFC 4180, and a cell a spreadsheet would read as a formula (starting with
 * =, +, -, @, tab or carriage return) gets a leading single quote, as OWASP's CSV-injection guidance says: exports
 * will carry citizen-typed text, and a cell like `=HYPERLINK(…)` must reach the reader as text, not run.
 * A plain number (`-12.50`) is left alone: it cannot be a formula and finance needs it to stay a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?[0-9]+(\.[0-9]+)?$/;

export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows of cells to CSV text with CRLF line ends (RFC 4180), ending in a line break. */
export function toCsv(
  rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>,
): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A CSV export's columns, one table: each header beside the cell it writes, so the two can never drift apart. */
export type CsvColumns<T> = ReadonlyArray<
  readonly [header: string, cell: (row: T) => string | number | null | undefined]
>;

/**
 * An export as a stream: the header row, then each page of rows as it is read, so a long export runs in bounded
 * memory. Anything that can fail before the first row (a bad filter) should be checked before calling this, while
 * the reply can still be an error.
 */
export function csvStream<T>(columns: CsvColumns<T>, pages: AsyncIterable<readonly T[]>): Readable {
  async function* generate() {
    yield toCsv([columns.map(([header]) => header)]);
    for await (const rows of pages) {
      if (rows.length > 0) yield toCsv(rows.map((row) => columns.map(([, cell]) => cell(row))));
    }
  }
  return Readable.from(generate());
}
