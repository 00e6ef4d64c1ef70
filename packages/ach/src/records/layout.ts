// NACHA field positions (1-based, inclusive) and how each field is written, one table per record type: the one place
// a position is stated. The readers cut fields by these specs, the writer puts values by them (RecordBuffer.put), the
// validators check them, and `fieldAt` names the field an error at a given column belongs to.

/**
 * How a field is written. `alpha`: left-justified text; `alphaRight`: right-justified text (immediate destination and
 * origin); `code`: a short code written as text and read exactly as it stands (a blank one is the validator's to
 * report); `digits`: numeric text that must fill its width (routing and trace numbers, dates); `num`: a zero-filled
 * unsigned integer; `type`: the record type code; `reserved`: blank.
 */
export type FieldKind = 'alpha' | 'alphaRight' | 'code' | 'digits' | 'num' | 'type' | 'reserved';

export interface FieldSpec<K extends FieldKind = FieldKind> {
  name: string;
  start: number;
  end: number;
  kind: K;
  /** The record type code a `type` field holds. */
  value?: string;
}

export type Layout = Record<string, FieldSpec>;

const field =
  <K extends FieldKind>(kind: K) =>
  (name: string, start: number, end: number): FieldSpec<K> => ({ name, start, end, kind });
const alpha = field('alpha');
const alphaRight = field('alphaRight');
const code = field('code');
const digits = field('digits');
const num = field('num');
const reserved = (start: number, end: number): FieldSpec<'reserved'> =>
  field('reserved')('reserved', start, end);
const recordType = (value: string): FieldSpec<'type'> => ({
  name: 'recordType',
  start: 1,
  end: 1,
  kind: 'type',
  value,
});

export const FILE_HEADER = {
  recordType: recordType('1'),
  priorityCode: digits('priorityCode', 2, 3),
  immediateDestination: alphaRight('immediateDestination', 4, 13),
  immediateOrigin: alphaRight('immediateOrigin', 14, 23),
  fileCreationDate: digits('fileCreationDate', 24, 29),
  fileCreationTime: alpha('fileCreationTime', 30, 33),
  fileIdModifier: code('fileIdModifier', 34, 34),
  recordSize: code('recordSize', 35, 37),
  blockingFactor: code('blockingFactor', 38, 39),
  formatCode: code('formatCode', 40, 40),
  immediateDestinationName: alpha('immediateDestinationName', 41, 63),
  immediateOriginName: alpha('immediateOriginName', 64, 86),
  referenceCode: alpha('referenceCode', 87, 94),
} as const satisfies Layout;

export const BATCH_HEADER = {
  recordType: recordType('5'),
  serviceClassCode: num('serviceClassCode', 2, 4),
  companyName: alpha('companyName', 5, 20),
  companyDiscretionaryData: alpha('companyDiscretionaryData', 21, 40),
  companyIdentification: alpha('companyIdentification', 41, 50),
  standardEntryClassCode: code('standardEntryClassCode', 51, 53),
  companyEntryDescription: alpha('companyEntryDescription', 54, 63),
  companyDescriptiveDate: alpha('companyDescriptiveDate', 64, 69),
  effectiveEntryDate: digits('effectiveEntryDate', 70, 75),
  settlementDate: alpha('settlementDate', 76, 78),
  originatorStatusCode: code('originatorStatusCode', 79, 79),
  odfiIdentification: digits('odfiIdentification', 80, 87),
  batchNumber: num('batchNumber', 88, 94),
} as const satisfies Layout;

export const ENTRY_DETAIL = {
  recordType: recordType('6'),
  transactionCode: num('transactionCode', 2, 3),
  rdfiIdentification: digits('rdfiIdentification', 4, 11),
  checkDigit: digits('checkDigit', 12, 12),
  dfiAccountNumber: alpha('dfiAccountNumber', 13, 29),
  amount: num('amount', 30, 39),
  individualIdentificationNumber: alpha('individualIdentificationNumber', 40, 54),
  individualName: alpha('individualName', 55, 76),
  discretionaryData: alpha('discretionaryData', 77, 78),
  addendaRecordIndicator: code('addendaRecordIndicator', 79, 79),
  traceNumber: digits('traceNumber', 80, 94),
} as const satisfies Layout;

/** The writer and the model take the routing number as one 9-digit field (identification and check digit). */
export const RDFI_ROUTING = digits('rdfiRouting', 4, 12);

export const ADDENDA_05 = {
  recordType: recordType('7'),
  typeCode: code('typeCode', 2, 3),
  paymentRelatedInformation: alpha('paymentRelatedInformation', 4, 83),
  sequenceNumber: num('sequenceNumber', 84, 87),
  entryDetailSequenceNumber: digits('entryDetailSequenceNumber', 88, 94),
} as const satisfies Layout;

export const ADDENDA_98 = {
  recordType: recordType('7'),
  typeCode: code('typeCode', 2, 3),
  changeCode: code('changeCode', 4, 6),
  originalTraceNumber: digits('originalTraceNumber', 7, 21),
  reserved1: reserved(22, 27),
  originalRdfiIdentification: digits('originalRdfiIdentification', 28, 35),
  correctedData: alpha('correctedData', 36, 64),
  reserved2: reserved(65, 79),
  traceNumber: digits('traceNumber', 80, 94),
} as const satisfies Layout;

export const ADDENDA_99 = {
  recordType: recordType('7'),
  typeCode: code('typeCode', 2, 3),
  returnCode: code('returnCode', 4, 6),
  originalTraceNumber: digits('originalTraceNumber', 7, 21),
  dateOfDeath: alpha('dateOfDeath', 22, 27),
  originalRdfiIdentification: digits('originalRdfiIdentification', 28, 35),
  addendaInformation: alpha('addendaInformation', 36, 79),
  traceNumber: digits('traceNumber', 80, 94),
} as const satisfies Layout;

export const ADDENDA_OTHER = {
  recordType: recordType('7'),
  typeCode: code('typeCode', 2, 3),
  content: alpha('content', 4, 94),
} as const satisfies Layout;

export const BATCH_CONTROL = {
  recordType: recordType('8'),
  serviceClassCode: num('serviceClassCode', 2, 4),
  entryAddendaCount: num('entryAddendaCount', 5, 10),
  entryHash: num('entryHash', 11, 20),
  totalDebit: num('totalDebit', 21, 32),
  totalCredit: num('totalCredit', 33, 44),
  companyIdentification: alpha('companyIdentification', 45, 54),
  messageAuthenticationCode: alpha('messageAuthenticationCode', 55, 73),
  reserved: reserved(74, 79),
  odfiIdentification: digits('odfiIdentification', 80, 87),
  batchNumber: num('batchNumber', 88, 94),
} as const satisfies Layout;

export const FILE_CONTROL = {
  recordType: recordType('9'),
  batchCount: num('batchCount', 2, 7),
  blockCount: num('blockCount', 8, 13),
  entryAddendaCount: num('entryAddendaCount', 14, 21),
  entryHash: num('entryHash', 22, 31),
  totalDebit: num('totalDebit', 32, 43),
  totalCredit: num('totalCredit', 44, 55),
  reserved: reserved(56, 94),
} as const satisfies Layout;

/** The 0-based slice of a record for a field. */
export function cut(line: string, spec: FieldSpec): string {
  return line.slice(spec.start - 1, spec.end);
}

/** A text field as the model holds it: without the blanks that pad it on the right. */
export function text(line: string, spec: FieldSpec): string {
  return line.slice(spec.start - 1, spec.end).trimEnd();
}

/** A record's fields as the model holds them: numbers for `num` fields, text for the rest; no type or reserved fields. */
export type RecordFields<L extends Layout> = {
  -readonly [
    K in keyof L as L[K]['kind'] extends 'type' | 'reserved' ? never : K
  ]: L[K]['kind'] extends 'num' ? number : string;
};

/**
 * Reads every field of a record by its kind: text without the blanks that pad it, right-justified text without its
 * leading blanks, codes and numeric text exactly as they stand, numbers as numbers (`num`: `Number` unless the caller
 * reads them more strictly).
 */
export function readRecord<L extends Layout>(
  line: string,
  layout: L,
  num: (digits: string) => number = Number,
): RecordFields<L> {
  const fields: Record<string, string | number> = {};
  for (const spec of Object.values(layout)) {
    if (spec.kind === 'num') fields[spec.name] = num(cut(line, spec));
    else if (spec.kind === 'alpha') fields[spec.name] = text(line, spec);
    else if (spec.kind === 'alphaRight') fields[spec.name] = cut(line, spec).trim();
    else if (spec.kind === 'code' || spec.kind === 'digits') fields[spec.name] = cut(line, spec);
  }
  // Each layout key is its field's name, so the fields built above are the ones RecordFields<L> lists.
  return fields as RecordFields<L>;
}

export function fieldAt(layout: Layout, column: number): string {
  for (const spec of Object.values(layout)) {
    if (column >= spec.start && column <= spec.end) return spec.name;
  }
  return 'record';
}
