import type { BatchControl, FileControl } from '../types.ts';
import { alpha, digits, num, type OverflowSink } from './format.ts';

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

export function formatBatchControl(c: BatchControl, sink: OverflowSink): string {
  return (
    '8' +
    num(c.serviceClassCode, 3, 'serviceClassCode', sink) +
    num(c.entryAddendaCount, 6, 'entryAddendaCount', sink) +
    num(c.entryHash % 1e10, 10, 'entryHash', sink) +
    num(c.totalDebit, 12, 'totalDebit', sink) +
    num(c.totalCredit, 12, 'totalCredit', sink) +
    alpha(c.companyIdentification, 10, 'companyIdentification', sink) +
    alpha(c.messageAuthenticationCode, 19, 'messageAuthenticationCode', sink) +
    '      ' +
    digits(c.odfiIdentification, 8, 'odfiIdentification', sink) +
    num(c.batchNumber, 7, 'batchNumber', sink)
  );
}

const RESERVED_39 = ' '.repeat(39);

export function formatFileControl(c: FileControl, sink: OverflowSink): string {
  return (
    '9' +
    num(c.batchCount, 6, 'batchCount', sink) +
    num(c.blockCount, 6, 'blockCount', sink) +
    num(c.entryAddendaCount, 8, 'entryAddendaCount', sink) +
    num(c.entryHash % 1e10, 10, 'entryHash', sink) +
    num(c.totalDebit, 12, 'totalDebit', sink) +
    num(c.totalCredit, 12, 'totalCredit', sink) +
    RESERVED_39
  );
}
