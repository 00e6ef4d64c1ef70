import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { IMPORT_COLUMNS, OPTIONAL_IMPORT_COLUMNS, type ImportKind } from '@hms/contracts/imports';
import type { RowError } from './row-errors.ts';
import { controlCharacterError } from './row-errors.ts';

/** One data line of the file: its line number (header = 1) and its cells by column name (lower case). */
export interface SourceRow {
  line: number;
  cells: Record<string, string>;
  /** Problems with the line itself (cell count, control characters), before any column is checked. */
  errors: RowError[];
  /** The cells as they were in the file, in header order: the error file writes them back. */
  raw: string[];
}

export interface ParsedHeader {
  /** The HMS column each file column stands for (lower case; the mapped one when the column is mapped). */
  columns: string[];
  original: string[];
  errors: RowError[];
  /** For a mapped column, its HMS name → the file's name: errors name the column the person sees in the file. */
  shown: Record<string, string>;
}

/** File column (as in the header, any case) → HMS column: how a file with other column names is read. */
export type ColumnMapping = Readonly<Record<string, string>>;

/** The file could not be read at all (not CSV, not UTF-8…): the command exits 2 with this reason. */
export class UnreadableFile extends Error {}

const keyOf = (name: string) => name.trim().toLowerCase();

/** Checks the header row, after the mapping renamed the columns it names (its targets are checked before). */
export function checkHeader(
  kind: ImportKind,
  original: string[],
  mapping: ColumnMapping = {},
): ParsedHeader {
  const known: readonly string[] = IMPORT_COLUMNS[kind];
  const renamed = new Map(Object.entries(mapping).map(([from, to]) => [keyOf(from), to]));
  const columns = original.map((c) => renamed.get(keyOf(c)) ?? keyOf(c));
  const errors: RowError[] = [];
  const seen = new Set<string>();
  const shownNames: Record<string, string> = {};
  for (const [i, name] of columns.entries()) {
    const shown = original[i]!;
    if (renamed.has(keyOf(shown))) shownNames[name] = shown;
    const control = controlCharacterError(1, shown, shown);
    if (control) errors.push(control);
    else if (!known.includes(name))
      errors.push({
        row: 1,
        field: shown,
        code: 'import.column_unknown',
        message: `The column "${shown}" is not part of the ${kind} format. Remove it, rename it or map it to one of: ${known.join(', ')}.`,
      });
    else if (seen.has(name))
      errors.push({
        row: 1,
        field: shown,
        code: 'import.column_duplicate',
        message: `The column "${name}" appears twice in the header${shown === name ? '' : ` (as "${shown}", mapped)`}. Keep only one.`,
      });
    seen.add(name);
  }
  const inFile = new Set(original.map(keyOf));
  for (const from of Object.keys(mapping))
    if (!inFile.has(keyOf(from)))
      errors.push({
        row: 1,
        field: from,
        code: 'import.mapping_column_absent',
        message: `The mapping names the column "${from}", which the header does not have. Correct the mapping or the header.`,
      });
  for (const name of known)
    if (!seen.has(name) && !OPTIONAL_IMPORT_COLUMNS[kind].includes(name))
      errors.push({
        row: 1,
        field: name,
        code: 'import.column_missing',
        message: `The column "${name}" is missing. Add it to the header row.`,
      });
  return { columns, original, errors, shown: shownNames };
}

/** One data record of a file (its cells in header order) as the row the engine checks. */
export function toRow(header: ParsedHeader, record: string[], line: number): SourceRow {
  const errors: RowError[] = [];
  if (record.length !== header.columns.length)
    errors.push({
      row: line,
      field: 'row',
      code: 'import.row_malformed',
      message: `This line has ${record.length} cells but the header has ${header.columns.length}. Give it one cell per column.`,
    });
  const cells: Record<string, string> = {};
  // Cells past the end of a short line are absent, not empty: the line's one error says what is wrong.
  for (const [i, name] of header.columns.slice(0, record.length).entries()) {
    const value = record[i]!;
    const control = controlCharacterError(line, name, value);
    if (control) errors.push(control);
    else cells[name] = value.trim();
  }
  return { line, cells, errors, raw: record };
}

/**
 * Reads a CSV file row by row (a byte-order mark and CRLF line ends are accepted; column order is free and names
 * are matched case-insensitively). The first yield is the header; rows follow as the stream delivers them, so a
 * large file is never held whole.
 */
export async function* readCsv(
  kind: ImportKind,
  input: Readable,
  mapping: ColumnMapping = {},
): AsyncGenerator<{ header: ParsedHeader } | { row: SourceRow }> {
  const parser = input.pipe(
    parse({
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }),
  );
  input.on('error', (err) => parser.destroy(err));
  let header: ParsedHeader | null = null;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      // `lines` counts to the end of the record; a quoted cell may span lines, and the row is where it starts.
      const embedded = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
      const line = info.lines - embedded;
      if (!header) {
        header = checkHeader(kind, record, mapping);
        yield { header };
        continue;
      }
      yield { row: toRow(header, record, line) };
    }
  } catch (err) {
    const e = err as { code?: string; lines?: number; message?: string };
    // csv-parse names most of its codes CSV_*, but not all (INVALID_OPENING_QUOTE): its error class is the test.
    if (err instanceof CsvError) {
      if (!header) throw new UnreadableFile(`The file is not CSV that can be read: ${e.message}`);
      // A quote never closed swallows the rest of the file: report it where it starts and stop.
      yield {
        row: {
          line: e.lines ?? 0,
          cells: {},
          raw: [],
          errors: [
            {
              row: e.lines ?? 0,
              field: 'row',
              code: 'import.row_malformed',
              message:
                e.code === 'INVALID_OPENING_QUOTE'
                  ? 'A quote starts in the middle of a cell on this line, so the rest of the file cannot be read. Put the whole cell in quotes and double each quote inside it.'
                  : 'A quote opened on this line is never closed, so the rest of the file cannot be read. Close the quote.',
            },
          ],
        },
      };
      return;
    }
    throw err;
  }
  if (!header) throw new UnreadableFile('The file is empty: it has no header row.');
}
