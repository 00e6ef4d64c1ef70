import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ImportKind } from '@hms/contracts/imports';
import {
  checkHeader,
  toRow,
  UnreadableFile,
  type ColumnMapping,
  type ParsedHeader,
  type SourceRow,
} from './parse-csv.ts';
import type { RowError } from './row-errors.ts';

/** An .xlsx file is a zip archive: its first bytes are a zip entry's signature. */
export const isXlsx = (head: Buffer) =>
  head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell as the text a CSV file would have held. A date cell is an ISO date (a date-time cell without a time zone
 * is written without an offset, which the date rule then asks to complete: a spreadsheet does not say which zone).
 * A number keeps its exact text; `amount` as dollars and cents when it is a whole number of cents. A number too long
 * to be exact (an account number typed as a number) is refused rather than read wrong.
 */
function cellText(value: ExcelJS.CellValue, column: string): { text: string; inexact?: true } {
  if (value === null || value === undefined) return { text: '' };
  if (value instanceof Date) {
    const date = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const h = value.getUTCHours();
    const m = value.getUTCMinutes();
    const s = value.getUTCSeconds();
    return { text: h || m || s ? `${date}T${pad(h)}:${pad(m)}:${pad(s)}` : date };
  }
  if (typeof value === 'number') {
    if (column === 'amount' && Number.isFinite(value) && Math.round(value * 100) / 100 === value)
      return { text: value.toFixed(2) };
    if (Number.isInteger(value) && !Number.isSafeInteger(value))
      return { text: String(value), inexact: true };
    return { text: String(value) };
  }
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
  if ('error' in value) return { text: value.error };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return cellText(
      typeof result === 'object' && result !== null && 'error' in result ? result.error : result,
      column,
    );
  }
  if ('text' in value) return { text: String(value.text) };
  return { text: '' };
}

/**
 * Reads the first sheet of an .xlsx file row by row with the streaming reader (shared strings and styles are held,
 * the rows are not), in the shape readCsv yields: the header first, then each row numbered as in the sheet.
 * Empty rows are skipped, as blank lines are in a CSV file. Later sheets are read through without being used, so
 * the whole file passes (its SHA-256 is of every byte).
 */
export async function* readXlsx(
  kind: ImportKind,
  input: Readable,
  mapping: ColumnMapping = {},
): AsyncGenerator<{ header: ParsedHeader } | { row: SourceRow }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let header: ParsedHeader | null = null;
  let first = true;
  try {
    for await (const sheet of reader) {
      const used = first;
      first = false;
      for await (const row of sheet) {
        if (!used) continue;
        const values = Array.isArray(row.values) ? row.values : [];
        // values[0] is unused (columns count from 1); trailing empty cells are absent.
        // Array.from, not map: an empty cell inside the row is a hole in `values`, and map would keep it a hole.
        const cells = Array.from(values.slice(1), (v, i) => cellText(v, header?.columns[i] ?? ''));
        while (cells.length > 0 && cells[cells.length - 1]!.text === '') cells.pop();
        if (cells.length === 0) continue;
        if (!header) {
          header = checkHeader(
            kind,
            cells.map((c) => c.text),
            mapping,
          );
          yield { header };
          continue;
        }
        // A row shorter than the header only lacks empty cells at its end: a spreadsheet does not store them.
        const record = cells.map((c) => c.text);
        while (record.length < header.columns.length) record.push('');
        const parsed = toRow(header, record, row.number);
        for (const [i, c] of cells.entries())
          if (c.inexact) parsed.errors.push(inexact(row.number, header.columns[i]));
        yield { row: parsed };
      }
    }
  } catch (err) {
    if (err instanceof UnreadableFile) throw err;
    throw new UnreadableFile(
      `The file is not an .xlsx workbook that can be read: ${(err as Error).message}`,
    );
  }
  if (!header) throw new UnreadableFile('The first sheet is empty: it has no header row.');
}

function inexact(line: number, column: string | undefined): RowError {
  const field = column ?? 'row';
  return {
    row: line,
    field,
    code: 'import.cell_number_inexact',
    message: `${field} is a number cell with more digits than a spreadsheet keeps exactly. Format the column as text, type the value again, and check the file again.`,
  };
}
