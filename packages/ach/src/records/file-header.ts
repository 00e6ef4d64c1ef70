import type { FileHeader } from '../types.ts';
import type { RecordBuffer } from './format.ts';
import { FILE_HEADER as F, readRecord } from './layout.ts';

export function readFileHeader(r: string): FileHeader {
  return readRecord(r, F);
}

/** Writes the file header into the buffer's current record; the fixed values NACHA requires unless given. */
export function formatFileHeader(h: FileHeader, w: RecordBuffer): void {
  w.putRecord(F, {
    ...h,
    priorityCode: h.priorityCode ?? '01',
    recordSize: h.recordSize ?? '094',
    blockingFactor: h.blockingFactor ?? '10',
    formatCode: h.formatCode ?? '1',
  });
}
