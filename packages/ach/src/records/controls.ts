import type { BatchControl, FileControl } from '../types.ts';
import type { RecordBuffer } from './format.ts';
import { BATCH_CONTROL as B, FILE_CONTROL as F, cut, text } from './layout.ts';
import type { FieldSpec } from './layout.ts';

/** Numeric control fields: NaN when not digits, so the comparison with computed totals fails loudly. */
function n(r: string, spec: FieldSpec): number {
  const s = cut(r, spec);
  return /^\d+$/.test(s) ? Number(s) : Number.NaN;
}

export function readBatchControl(r: string): BatchControl {
  return {
    serviceClassCode: n(r, B.serviceClassCode),
    entryAddendaCount: n(r, B.entryAddendaCount),
    entryHash: n(r, B.entryHash),
    totalDebit: n(r, B.totalDebit),
    totalCredit: n(r, B.totalCredit),
    // Leading blanks kept: some banks right-justify it here, and writing back must reproduce that.
    companyIdentification: text(r, B.companyIdentification),
    messageAuthenticationCode: text(r, B.messageAuthenticationCode),
    odfiIdentification: cut(r, B.odfiIdentification),
    batchNumber: n(r, B.batchNumber),
  };
}

export function readFileControl(r: string): FileControl {
  return {
    batchCount: n(r, F.batchCount),
    blockCount: n(r, F.blockCount),
    entryAddendaCount: n(r, F.entryAddendaCount),
    entryHash: n(r, F.entryHash),
    totalDebit: n(r, F.totalDebit),
    totalCredit: n(r, F.totalCredit),
  };
}

/** Writes a batch control into the buffer's current record. */
export function formatBatchControl(c: BatchControl, w: RecordBuffer): void {
  w.put(B.recordType, undefined);
  w.put(B.serviceClassCode, c.serviceClassCode);
  w.put(B.entryAddendaCount, c.entryAddendaCount);
  // The hash keeps only its low 10 digits: NACHA drops the overflow.
  w.put(B.entryHash, c.entryHash % 1e10);
  w.put(B.totalDebit, c.totalDebit);
  w.put(B.totalCredit, c.totalCredit);
  w.put(B.companyIdentification, c.companyIdentification);
  w.put(B.messageAuthenticationCode, c.messageAuthenticationCode);
  w.put(B.odfiIdentification, c.odfiIdentification);
  w.put(B.batchNumber, c.batchNumber);
}

/** Writes the file control into the buffer's current record. */
export function formatFileControl(c: FileControl, w: RecordBuffer): void {
  w.put(F.recordType, undefined);
  w.put(F.batchCount, c.batchCount);
  w.put(F.blockCount, c.blockCount);
  w.put(F.entryAddendaCount, c.entryAddendaCount);
  w.put(F.entryHash, c.entryHash % 1e10);
  w.put(F.totalDebit, c.totalDebit);
  w.put(F.totalCredit, c.totalCredit);
}
