// The typed model of a NACHA file. Amounts are integer cents; dates and codes stay strings because
// NACHA defines them as fixed-width text (YYMMDD, HHMM, '01' priority code, 15-digit trace numbers).

export interface FileHeader {
  /** Routing number of the receiving point: 9 digits (written as " 123456789") or 10 characters. */
  immediateDestination: string;
  /** Routing number (or company id some banks use) of the sending point, written right-justified. */
  immediateOrigin: string;
  /** YYMMDD */
  fileCreationDate: string;
  /** HHMM, may be empty */
  fileCreationTime?: string;
  /** A-Z or 0-9, distinguishes files created the same day */
  fileIdModifier: string;
  immediateDestinationName?: string;
  immediateOriginName?: string;
  referenceCode?: string;
  /** Fixed values; kept when parsed so a wrong value in a received file can be reported. */
  priorityCode?: string;
  recordSize?: string;
  blockingFactor?: string;
  formatCode?: string;
}

export type ServiceClassCode = 200 | 220 | 225;

export interface BatchHeader {
  /** Computed from the entries when omitted: 220 credits only, 225 debits only, 200 mixed. */
  serviceClassCode?: number;
  companyName: string;
  companyDiscretionaryData?: string;
  companyIdentification: string;
  standardEntryClassCode: string;
  companyEntryDescription: string;
  companyDescriptiveDate?: string;
  /** YYMMDD */
  effectiveEntryDate: string;
  /** Julian day inserted by the ACH operator; blank when originating. */
  settlementDate?: string;
  originatorStatusCode?: string;
  /** First 8 digits of the originating DFI's routing number. */
  odfiIdentification: string;
  /** Defaults to the batch's position (1-based). */
  batchNumber?: number;
}

export interface Addenda05 {
  typeCode: '05';
  paymentRelatedInformation: string;
  /** Defaults to the addenda's position under its entry (1-based). */
  sequenceNumber?: number;
  /** Defaults to the last 7 digits of the entry's trace number. */
  entryDetailSequenceNumber?: string;
}

/** Notification of change (NOC). */
export interface Addenda98 {
  typeCode: '98';
  changeCode: string;
  originalTraceNumber: string;
  originalRdfiIdentification: string;
  correctedData: string;
  traceNumber: string;
}

/** Return; dishonored (R61..R70) and contested (R71..R77) returns keep their extra fields in addendaInformation. */
export interface Addenda99 {
  typeCode: '99';
  returnCode: string;
  originalTraceNumber: string;
  dateOfDeath?: string;
  originalRdfiIdentification: string;
  addendaInformation?: string;
  traceNumber: string;
}

/** Any other addenda type (02 POS, 10-18 IAT): positions 4-94 are kept as read. */
export interface AddendaOther {
  typeCode: string;
  content: string;
}

export type Addenda = Addenda05 | Addenda98 | Addenda99 | AddendaOther;

export interface EntryDetail {
  transactionCode: number;
  /** 9-digit routing number of the RDFI (8-digit identification + check digit). */
  rdfiRouting: string;
  dfiAccountNumber: string;
  /** Integer cents. */
  amount: number;
  individualIdentificationNumber?: string;
  individualName?: string;
  discretionaryData?: string;
  /** Computed from `addenda` when writing; kept when parsed so a wrong indicator can be reported. */
  addendaRecordIndicator?: string;
  traceNumber: string;
  addenda?: Addenda[];
}

export interface BatchControl {
  serviceClassCode: number;
  entryAddendaCount: number;
  entryHash: number;
  totalDebit: number;
  totalCredit: number;
  companyIdentification: string;
  messageAuthenticationCode: string;
  odfiIdentification: string;
  batchNumber: number;
}

export interface Batch {
  header: BatchHeader;
  entries: EntryDetail[];
  /** Present when parsed; always recomputed when writing. */
  control?: BatchControl;
}

export interface FileControl {
  batchCount: number;
  blockCount: number;
  entryAddendaCount: number;
  entryHash: number;
  totalDebit: number;
  totalCredit: number;
}

export interface AchFile {
  header: FileHeader;
  batches: Batch[];
  /** Present when parsed; always recomputed when writing. */
  control?: FileControl;
}

export type RecordTypeName =
  | 'fileHeader'
  | 'batchHeader'
  | 'entryDetail'
  | 'addenda'
  | 'batchControl'
  | 'fileControl'
  | 'padding'
  | 'file'
  | 'unknown';

export interface AchIssue {
  /** 1-based line of the record the problem is on (the file control line for file-level totals). */
  line: number;
  recordType: RecordTypeName;
  field: string;
  rule: string;
  message: string;
}

export interface ParseOptions {
  /** Turn the rules real bank files break into warnings (see LENIENT_RULES in issues.ts). */
  lenient?: boolean;
}

export interface ParseResult {
  file: AchFile;
  errors: AchIssue[];
  warnings: AchIssue[];
}
