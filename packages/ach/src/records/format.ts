// Fixed-width formatting for the writer. Padding strings are precomputed once so that formatting a
// field is one slice or one concatenation, never a loop of single-character appends.

export const RECORD_LENGTH = 94;
const SPACES = ' '.repeat(RECORD_LENGTH);
const ZEROS = '0'.repeat(RECORD_LENGTH);
export const PADDING_RECORD = '9'.repeat(RECORD_LENGTH);

/** Reports a value that does not fit its field (the writer collects these instead of truncating). */
export type OverflowSink = (field: string, value: string, width: number) => void;

/** Left-justified, blank-filled alphanumeric field. */
export function alpha(value: string | undefined, width: number, field: string, sink: OverflowSink): string {
  const v = value ?? '';
  if (v.length === width) return v;
  if (v.length < width) return v + SPACES.slice(0, width - v.length);
  sink(field, v, width);
  return v.slice(0, width);
}

/** Right-justified, blank-filled (immediate destination/origin: " 123456789"). */
export function alphaRight(value: string, width: number, field: string, sink: OverflowSink): string {
  const v = value.trim();
  if (v.length <= width) return SPACES.slice(0, width - v.length) + v;
  sink(field, v, width);
  return v.slice(0, width);
}

/** Right-justified, zero-filled unsigned integer. */
export function num(value: number, width: number, field: string, sink: OverflowSink): string {
  if (!Number.isSafeInteger(value) || value < 0) {
    sink(field, String(value), width);
    return ZEROS.slice(0, width);
  }
  const s = String(value);
  if (s.length <= width) return ZEROS.slice(0, width - s.length) + s;
  sink(field, s, width);
  return s.slice(s.length - width);
}

/** Zero-filled numeric text kept as a string (trace numbers, routing identifiers, dates). */
export function digits(value: string | undefined, width: number, field: string, sink: OverflowSink): string {
  const v = value ?? '';
  if (v.length === width) return v;
  if (v.length < width) return ZEROS.slice(0, width - v.length) + v;
  sink(field, v, width);
  return v.slice(0, width);
}
