import type { Readable } from 'node:stream';
import type { ImportKind } from '@hms/contracts/imports';
import { readCsv, UnreadableFile, type ColumnMapping } from './parse-csv.ts';
import { isXlsx, readXlsx } from './parse-xlsx.ts';

export type FileFormat = 'csv' | 'xlsx';

/**
 * What a file is, from its first bytes (an .xlsx workbook is a zip archive), not from its name alone: a file named
 * .xlsx that is not one is refused as unreadable, anything else is read as CSV.
 */
export function formatOf(head: Buffer, fileName: string): FileFormat {
  if (isXlsx(head)) return 'xlsx';
  if (/\.xlsx$/i.test(fileName))
    throw new UnreadableFile(
      'The file is named .xlsx but is not an .xlsx workbook. Save it again as .xlsx (Excel Workbook) or as CSV.',
    );
  return 'csv';
}

/** The header, then the rows, of a CSV file or of an .xlsx file's first sheet. */
export function readFile(
  format: FileFormat,
  kind: ImportKind,
  input: Readable,
  mapping: ColumnMapping = {},
) {
  return format === 'xlsx' ? readXlsx(kind, input, mapping) : readCsv(kind, input, mapping);
}
