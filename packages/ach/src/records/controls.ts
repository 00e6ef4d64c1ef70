import type { BatchControl, FileControl } from '../types.ts';
import type { RecordBuffer } from './format.ts';

/** Numeric control fields: NaN when not digits, so the comparison with computed totals fails loudly. */
function n(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : Number.NaN;
}

export function readBatchControl(r: string): BatchControl {
  return {
    serviceClassCode: n(r.slice(1, 4)),
    entryAddendaCount: n(r.slice(4, 10)),
    entryHash: n(r.slice(10, 20)),
    totalDebit: n(r.slice(20, 32)),
    totalCredit: n(r.slice(32, 44)),
    // Leading blanks kept: some banks right-justify it here, and writing back must reproduce that.
    companyIdentification: r.slice(44, 54).trimEnd(),
    messageAuthenticationCode: r.slice(54, 73).trimEnd(),
    odfiIdentification: r.slice(79, 87),
    batchNumber: n(r.slice(87, 94)),
  };
}

export function readFileControl(r: string): FileControl {
  return {
    batchCount: n(r.slice(1, 7)),
    blockCount: n(r.slice(7, 13)),
    entryAddendaCount: n(r.slice(13, 21)),
    entryHash: n(r.slice(21, 31)),
    totalDebit: n(r.slice(31, 43)),
    totalCredit: n(r.slice(43, 55)),
  };
}

/** Writes a batch control into the buffer's current record. */
export function formatBatchControl(c: BatchControl, w: RecordBuffer): void {
  w.raw(1, '8');
  w.num(2, 3, c.serviceClassCode, 'serviceClassCode');
  w.num(5, 6, c.entryAddendaCount, 'entryAddendaCount');
  // The hash keeps only its low 10 digits: NACHA drops the overflow.
  w.num(11, 10, c.entryHash % 1e10, 'entryHash');
  w.num(21, 12, c.totalDebit, 'totalDebit');
  w.num(33, 12, c.totalCredit, 'totalCredit');
  w.alpha(45, 10, c.companyIdentification, 'companyIdentification');
  w.alpha(55, 19, c.messageAuthenticationCode, 'messageAuthenticationCode');
  w.digits(80, 8, c.odfiIdentification, 'odfiIdentification');
  w.num(88, 7, c.batchNumber, 'batchNumber');
}

/** Writes the file control into the buffer's current record. */
export function formatFileControl(c: FileControl, w: RecordBuffer): void {
  w.raw(1, '9');
  w.num(2, 6, c.batchCount, 'batchCount');
  w.num(8, 6, c.blockCount, 'blockCount');
  w.num(14, 8, c.entryAddendaCount, 'entryAddendaCount');
  w.num(22, 10, c.entryHash % 1e10, 'entryHash');
  w.num(32, 12, c.totalDebit, 'totalDebit');
  w.num(44, 12, c.totalCredit, 'totalCredit');
}
