// NACHA field positions (1-based, inclusive), one table per record type. The parser and writer slice
// with these positions; `fieldAt` names the field an error at a given column belongs to.

export interface FieldSpec {
  name: string;
  start: number;
  end: number;
}

const f = (name: string, start: number, end: number): FieldSpec => ({ name, start, end });

export const FILE_HEADER = {
  recordType: f('recordType', 1, 1),
  priorityCode: f('priorityCode', 2, 3),
  immediateDestination: f('immediateDestination', 4, 13),
  immediateOrigin: f('immediateOrigin', 14, 23),
  fileCreationDate: f('fileCreationDate', 24, 29),
  fileCreationTime: f('fileCreationTime', 30, 33),
  fileIdModifier: f('fileIdModifier', 34, 34),
  recordSize: f('recordSize', 35, 37),
  blockingFactor: f('blockingFactor', 38, 39),
  formatCode: f('formatCode', 40, 40),
  immediateDestinationName: f('immediateDestinationName', 41, 63),
  immediateOriginName: f('immediateOriginName', 64, 86),
  referenceCode: f('referenceCode', 87, 94),
} as const;

export const BATCH_HEADER = {
  recordType: f('recordType', 1, 1),
  serviceClassCode: f('serviceClassCode', 2, 4),
  companyName: f('companyName', 5, 20),
  companyDiscretionaryData: f('companyDiscretionaryData', 21, 40),
  companyIdentification: f('companyIdentification', 41, 50),
  standardEntryClassCode: f('standardEntryClassCode', 51, 53),
  companyEntryDescription: f('companyEntryDescription', 54, 63),
  companyDescriptiveDate: f('companyDescriptiveDate', 64, 69),
  effectiveEntryDate: f('effectiveEntryDate', 70, 75),
  settlementDate: f('settlementDate', 76, 78),
  originatorStatusCode: f('originatorStatusCode', 79, 79),
  odfiIdentification: f('odfiIdentification', 80, 87),
  batchNumber: f('batchNumber', 88, 94),
} as const;

export const ENTRY_DETAIL = {
  recordType: f('recordType', 1, 1),
  transactionCode: f('transactionCode', 2, 3),
  rdfiIdentification: f('rdfiIdentification', 4, 11),
  checkDigit: f('checkDigit', 12, 12),
  dfiAccountNumber: f('dfiAccountNumber', 13, 29),
  amount: f('amount', 30, 39),
  individualIdentificationNumber: f('individualIdentificationNumber', 40, 54),
  individualName: f('individualName', 55, 76),
  discretionaryData: f('discretionaryData', 77, 78),
  addendaRecordIndicator: f('addendaRecordIndicator', 79, 79),
  traceNumber: f('traceNumber', 80, 94),
} as const;

export const ADDENDA_05 = {
  recordType: f('recordType', 1, 1),
  typeCode: f('typeCode', 2, 3),
  paymentRelatedInformation: f('paymentRelatedInformation', 4, 83),
  sequenceNumber: f('sequenceNumber', 84, 87),
  entryDetailSequenceNumber: f('entryDetailSequenceNumber', 88, 94),
} as const;

export const ADDENDA_98 = {
  recordType: f('recordType', 1, 1),
  typeCode: f('typeCode', 2, 3),
  changeCode: f('changeCode', 4, 6),
  originalTraceNumber: f('originalTraceNumber', 7, 21),
  reserved1: f('reserved', 22, 27),
  originalRdfiIdentification: f('originalRdfiIdentification', 28, 35),
  correctedData: f('correctedData', 36, 64),
  reserved2: f('reserved', 65, 79),
  traceNumber: f('traceNumber', 80, 94),
} as const;

export const ADDENDA_99 = {
  recordType: f('recordType', 1, 1),
  typeCode: f('typeCode', 2, 3),
  returnCode: f('returnCode', 4, 6),
  originalTraceNumber: f('originalTraceNumber', 7, 21),
  dateOfDeath: f('dateOfDeath', 22, 27),
  originalRdfiIdentification: f('originalRdfiIdentification', 28, 35),
  addendaInformation: f('addendaInformation', 36, 79),
  traceNumber: f('traceNumber', 80, 94),
} as const;

export const ADDENDA_OTHER = {
  recordType: f('recordType', 1, 1),
  typeCode: f('typeCode', 2, 3),
  content: f('content', 4, 94),
} as const;

export const BATCH_CONTROL = {
  recordType: f('recordType', 1, 1),
  serviceClassCode: f('serviceClassCode', 2, 4),
  entryAddendaCount: f('entryAddendaCount', 5, 10),
  entryHash: f('entryHash', 11, 20),
  totalDebit: f('totalDebit', 21, 32),
  totalCredit: f('totalCredit', 33, 44),
  companyIdentification: f('companyIdentification', 45, 54),
  messageAuthenticationCode: f('messageAuthenticationCode', 55, 73),
  reserved: f('reserved', 74, 79),
  odfiIdentification: f('odfiIdentification', 80, 87),
  batchNumber: f('batchNumber', 88, 94),
} as const;

export const FILE_CONTROL = {
  recordType: f('recordType', 1, 1),
  batchCount: f('batchCount', 2, 7),
  blockCount: f('blockCount', 8, 13),
  entryAddendaCount: f('entryAddendaCount', 14, 21),
  entryHash: f('entryHash', 22, 31),
  totalDebit: f('totalDebit', 32, 43),
  totalCredit: f('totalCredit', 44, 55),
  reserved: f('reserved', 56, 94),
} as const;

/** The 0-based slice of a record for a field. */
export function cut(line: string, spec: FieldSpec): string {
  return line.slice(spec.start - 1, spec.end);
}

export function fieldAt(layout: Record<string, FieldSpec>, column: number): string {
  for (const spec of Object.values(layout)) {
    if (column >= spec.start && column <= spec.end) return spec.name;
  }
  return 'record';
}
