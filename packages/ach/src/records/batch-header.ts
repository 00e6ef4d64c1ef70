import type { BatchHeader } from '../types.ts';
import type { RecordBuffer } from './format.ts';
import { BATCH_HEADER as F, readRecord } from './layout.ts';

export function readBatchHeader(r: string): BatchHeader {
  return readRecord(r, F);
}

/** Writes a batch header into the buffer's current record. */
export function formatBatchHeader(
  h: BatchHeader,
  serviceClassCode: number,
  batchNumber: number,
  w: RecordBuffer,
): void {
  w.putRecord(F, {
    ...h,
    serviceClassCode,
    originatorStatusCode: h.originatorStatusCode ?? '1',
    batchNumber,
  });
}
