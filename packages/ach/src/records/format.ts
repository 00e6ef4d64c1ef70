// Fixed-width formatting for the writer. Records are written byte by byte into one preallocated
// buffer (filled with blanks), so writing a field allocates no intermediate strings: at 100,000
// entries, per-field string concatenation was the writer's main cost in time and memory.

import type { FieldSpec, Layout } from './layout.ts';

export const RECORD_LENGTH = 94;
export const PADDING_RECORD = '9'.repeat(RECORD_LENGTH);

/** Reports a value that does not fit its field (the writer collects these instead of truncating). */
export type OverflowSink = (field: string, value: string, width: number, rule?: string) => void;

/** A record's values by field name, as `RecordBuffer.putRecord` writes them. */
export type RecordValues<L extends Layout> = {
  readonly [K in keyof L]?: string | number | undefined;
};

export class RecordBuffer {
  readonly bytes: Uint8Array;
  /** Offset of the current record's first character. */
  private base = 0;

  constructor(
    records: number,
    readonly sink: OverflowSink,
  ) {
    // 95 bytes per record: 94 characters and a newline.
    this.bytes = new Uint8Array(records * (RECORD_LENGTH + 1)).fill(32);
    for (let i = 1; i <= records; i++) this.bytes[i * (RECORD_LENGTH + 1) - 1] = 10;
  }

  /** Moves to record `index` (0-based). */
  record(index: number): void {
    this.base = index * (RECORD_LENGTH + 1);
  }

  /**
   * Writes a field where its layout puts it, the way its kind says: text left-justified (or right-justified), numeric
   * text at its exact width, numbers zero-filled, the record type code as is.
   */
  put(spec: FieldSpec, value: string | number | undefined): void {
    const width = spec.end - spec.start + 1;
    switch (spec.kind) {
      case 'alpha':
      case 'code':
        this.alpha(spec.start, width, value as string | undefined, spec.name);
        return;
      case 'alphaRight':
        this.alphaRight(spec.start, width, (value as string | undefined) ?? '', spec.name);
        return;
      case 'digits':
        this.digits(spec.start, width, value as string | undefined, spec.name);
        return;
      case 'num':
        this.num(spec.start, width, value as number, spec.name);
        return;
      case 'type':
        this.raw(spec.start, spec.value!);
        return;
      case 'reserved':
        return;
    }
  }

  /**
   * Writes a whole record: each field of its layout from the value of the same name, in the layout's order (so
   * overflows are reported left to right). The record type code is the layout's own and reserved fields stay blank,
   * so a caller passes only its model, with the defaults and computed values it adds.
   */
  putRecord<L extends Layout>(layout: L, values: RecordValues<L>): void {
    // Object.entries types its keys as plain strings; they are the layout's own.
    for (const [name, spec] of Object.entries(layout)) this.put(spec, values[name as keyof L]);
  }

  /** Left-justified alphanumeric field at 1-based column `start`; the rest stays blank. */
  alpha(start: number, width: number, value: string | undefined, field: string): void {
    if (value === undefined) return;
    const b = this.bytes;
    const at = this.base + start - 1;
    const n = value.length <= width ? value.length : width;
    if (value.length > width) this.sink(field, value, width);
    for (let i = 0; i < n; i++) {
      const c = value.charCodeAt(i);
      if (c < 32 || c > 126) {
        this.sink(field, value, width, 'ascii');
        b[at + i] = 63; // '?': never write bytes the file cannot carry
      } else b[at + i] = c;
    }
  }

  /** Right-justified, blank-filled (immediate destination/origin: " 123456789"). */
  alphaRight(start: number, width: number, value: string, field: string): void {
    const v = value.trim();
    if (v.length > width) {
      this.alpha(start, width, v, field);
      return;
    }
    this.alpha(start + width - v.length, v.length, v, field);
  }

  /** Right-justified, zero-filled unsigned integer. */
  num(start: number, width: number, value: number, field: string): void {
    const b = this.bytes;
    const end = this.base + start - 1 + width - 1;
    if (!Number.isSafeInteger(value) || value < 0 || value >= 10 ** width) {
      this.sink(field, String(value), width);
    }
    let v = Number.isSafeInteger(value) && value > 0 ? value : 0;
    for (let p = end; p > end - width; p--) {
      b[p] = 48 + (v % 10);
      v = Math.floor(v / 10);
    }
  }

  /**
   * Numeric text kept as a string (trace numbers, routing identifiers, dates). It must have exactly
   * `width` digits: zero-filling a short routing or trace number would silently send money elsewhere.
   */
  digits(start: number, width: number, value: string | undefined, field: string): void {
    const v = value ?? '';
    const b = this.bytes;
    const at = this.base + start - 1;
    if (v.length !== width) this.sink(field, v, width, 'digits-width');
    const n = v.length < width ? v.length : width;
    for (let i = 0; i < n; i++) {
      const c = v.charCodeAt(i);
      if (c < 48 || c > 57) {
        this.sink(field, v, width, 'numeric');
        b[at + i] = c < 32 || c > 126 ? 63 : c;
      } else b[at + i] = c;
    }
  }

  /** Raw text at a column (record type codes, a padding record). */
  raw(start: number, text: string): void {
    const at = this.base + start - 1;
    for (let i = 0; i < text.length; i++) this.bytes[at + i] = text.charCodeAt(i);
  }

  toString(): string {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength).toString(
      'latin1',
    );
  }
}
