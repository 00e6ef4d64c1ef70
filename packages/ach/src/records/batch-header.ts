import type { BatchHeader } from '../types.ts';
import type { RecordBuffer } from './format.ts';
import { BATCH_HEADER as F, cut, text } from './layout.ts';

export function readBatchHeader(r: string): BatchHeader {
  return {
    serviceClassCode: Number(cut(r, F.serviceClassCode)),
    companyName: text(r, F.companyName),
    companyDiscretionaryData: text(r, F.companyDiscretionaryData),
    companyIdentification: text(r, F.companyIdentification),
    standardEntryClassCode: cut(r, F.standardEntryClassCode),
    companyEntryDescription: text(r, F.companyEntryDescription),
    companyDescriptiveDate: text(r, F.companyDescriptiveDate),
    effectiveEntryDate: cut(r, F.effectiveEntryDate),
    settlementDate: text(r, F.settlementDate),
    originatorStatusCode: cut(r, F.originatorStatusCode),
    odfiIdentification: cut(r, F.odfiIdentification),
    batchNumber: Number(cut(r, F.batchNumber)),
  };
}

/** Writes a batch header into the buffer's current record. */
export function formatBatchHeader(
  h: BatchHeader,
  serviceClassCode: number,
  batchNumber: number,
  w: RecordBuffer,
): void {
  w.put(F.recordType, undefined);
  w.put(F.serviceClassCode, serviceClassCode);
  w.put(F.companyName, h.companyName);
  w.put(F.companyDiscretionaryData, h.companyDiscretionaryData);
  w.put(F.companyIdentification, h.companyIdentification);
  w.put(F.standardEntryClassCode, h.standardEntryClassCode);
  w.put(F.companyEntryDescription, h.companyEntryDescription);
  w.put(F.companyDescriptiveDate, h.companyDescriptiveDate);
  w.put(F.effectiveEntryDate, h.effectiveEntryDate);
  w.put(F.settlementDate, h.settlementDate);
  w.put(F.originatorStatusCode, h.originatorStatusCode ?? '1');
  w.put(F.odfiIdentification, h.odfiIdentification);
  w.put(F.batchNumber, batchNumber);
}
