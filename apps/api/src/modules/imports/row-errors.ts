import type { z } from 'zod';
import type { ImportError, ImportErrorCode } from '@hms/contracts/imports';
import type { SourceRow } from './parse-csv.ts';
// The same characters the API refuses in any text it receives: PostgreSQL refuses NUL, the others hide text.
import { CONTROL } from '../../platform/control-characters.ts';

export type RowError = ImportError;

export function controlCharacterError(row: number, field: string, value: string): RowError | null {
  if (!CONTROL.test(value)) return null;
  return {
    row,
    field: field.replace(new RegExp(CONTROL.source, 'g'), '?'),
    code: 'import.control_characters',
    message: `${field.replace(new RegExp(CONTROL.source, 'g'), '?')} contains a control character (such as a NUL byte or an escape code). Remove it.`,
  };
}

/** Collects one row's errors; `value` returns the trimmed cell, '' when absent. */
export class RowCheck {
  readonly errors: RowError[] = [];
  constructor(
    readonly line: number,
    private readonly cells: Record<string, string>,
  ) {}

  /** The check of a row as read from the file, holding the errors the reading found already. */
  static of(src: SourceRow): RowCheck {
    const c = new RowCheck(src.line, src.cells);
    c.errors.push(...src.errors);
    return c;
  }

  value(field: string): string {
    return this.cells[field] ?? '';
  }

  has(field: string): boolean {
    return field in this.cells;
  }

  fail(field: string, code: ImportErrorCode, message: string): void {
    this.errors.push({ row: this.line, field, code, message });
  }

  /** The value, or '' with a missing-value error when the column is in the file but the cell is empty. */
  required(field: string): string {
    const v = this.value(field);
    if (v === '' && this.has(field))
      this.fail(field, 'import.value_missing', `${field} is empty. Enter a value.`);
    return v;
  }

  /**
   * The required cell as `schema` reads it, or null: with `code` and `message` when the cell has a value the schema
   * refuses (an empty cell has its missing-value error already).
   */
  parsed<S extends z.ZodType>(
    field: string,
    schema: S,
    code: ImportErrorCode,
    message: string,
  ): z.output<S> | null {
    const raw = this.required(field);
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    if (raw) this.fail(field, code, message);
    return null;
  }

  /** The row's external_id, which every kind of file requires, at most 100 characters long. */
  externalId(): string {
    const v = this.required('external_id');
    this.maxLength('external_id', v, 100);
    return v;
  }

  maxLength(field: string, value: string, maximum: number): void {
    if (value.length > maximum)
      this.fail(
        field,
        'import.value_too_long',
        `${field} is ${value.length} characters long. Shorten it to at most ${maximum}.`,
      );
  }
}
