import type { BatchHeader } from '../types.ts';
import { alpha, digits, num, type OverflowSink } from './format.ts';

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

export function formatBatchHeader(h: BatchHeader, serviceClassCode: number, batchNumber: number, sink: OverflowSink): string {
  return (
    '5' +
    num(serviceClassCode, 3, 'serviceClassCode', sink) +
    alpha(h.companyName, 16, 'companyName', sink) +
    alpha(h.companyDiscretionaryData, 20, 'companyDiscretionaryData', sink) +
    alpha(h.companyIdentification, 10, 'companyIdentification', sink) +
    alpha(h.standardEntryClassCode, 3, 'standardEntryClassCode', sink) +
    alpha(h.companyEntryDescription, 10, 'companyEntryDescription', sink) +
    alpha(h.companyDescriptiveDate, 6, 'companyDescriptiveDate', sink) +
    digits(h.effectiveEntryDate, 6, 'effectiveEntryDate', sink) +
    alpha(h.settlementDate, 3, 'settlementDate', sink) +
    alpha(h.originatorStatusCode ?? '1', 1, 'originatorStatusCode', sink) +
    digits(h.odfiIdentification, 8, 'odfiIdentification', sink) +
    num(batchNumber, 7, 'batchNumber', sink)
  );
}
