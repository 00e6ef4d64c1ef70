import type { BatchHeader } from '../types.ts';
import type { RecordBuffer } from './format.ts';

export function readBatchHeader(r: string): BatchHeader {
  return {
    serviceClassCode: Number(r.slice(1, 4)),
    companyName: r.slice(4, 20).trimEnd(),
    companyDiscretionaryData: r.slice(20, 40).trimEnd(),
    companyIdentification: r.slice(40, 50).trimEnd(),
    standardEntryClassCode: r.slice(50, 53),
    companyEntryDescription: r.slice(53, 63).trimEnd(),
    companyDescriptiveDate: r.slice(63, 69).trimEnd(),
    effectiveEntryDate: r.slice(69, 75),
    settlementDate: r.slice(75, 78).trimEnd(),
    originatorStatusCode: r.slice(78, 79),
    odfiIdentification: r.slice(79, 87),
    batchNumber: Number(r.slice(87, 94)),
  };
}

/** Writes a batch header into the buffer's current record. */
export function formatBatchHeader(
  h: BatchHeader,
  serviceClassCode: number,
  batchNumber: number,
  w: RecordBuffer,
): void {
  w.raw(1, '5');
  w.num(2, 3, serviceClassCode, 'serviceClassCode');
  w.alpha(5, 16, h.companyName, 'companyName');
  w.alpha(21, 20, h.companyDiscretionaryData, 'companyDiscretionaryData');
  w.alpha(41, 10, h.companyIdentification, 'companyIdentification');
  w.alpha(51, 3, h.standardEntryClassCode, 'standardEntryClassCode');
  w.alpha(54, 10, h.companyEntryDescription, 'companyEntryDescription');
  w.alpha(64, 6, h.companyDescriptiveDate, 'companyDescriptiveDate');
  w.digits(70, 6, h.effectiveEntryDate, 'effectiveEntryDate');
  w.alpha(76, 3, h.settlementDate, 'settlementDate');
  w.alpha(79, 1, h.originatorStatusCode ?? '1', 'originatorStatusCode');
  w.digits(80, 8, h.odfiIdentification, 'odfiIdentification');
  w.num(88, 7, batchNumber, 'batchNumber');
}
