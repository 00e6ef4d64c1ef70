import type { BatchControl, FileControl } from '../types.ts';
import type { RecordBuffer } from './format.ts';
import { BATCH_CONTROL as B, FILE_CONTROL as F, readRecord } from './layout.ts';

/** Numeric control fields: NaN when not digits, so the comparison with computed totals fails loudly. */
function n(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : Number.NaN;
}

// The company identification is read as text, leading blanks kept: some banks right-justify it here, and writing
// back must reproduce that.
export function readBatchControl(r: string): BatchControl {
  return readRecord(r, B, n);
}

export function readFileControl(r: string): FileControl {
  return readRecord(r, F, n);
}

/** Writes a batch control into the buffer's current record. */
export function formatBatchControl(c: BatchControl, w: RecordBuffer): void {
  // The hash keeps only its low 10 digits: NACHA drops the overflow.
  w.putRecord(B, { ...c, entryHash: c.entryHash % 1e10 });
}

/** Writes the file control into the buffer's current record. */
export function formatFileControl(c: FileControl, w: RecordBuffer): void {
  w.putRecord(F, { ...c, entryHash: c.entryHash % 1e10 });
}
