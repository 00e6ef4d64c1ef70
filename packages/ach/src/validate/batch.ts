import { allowedAddendaTypes, maxAddenda05 } from '../codes/sec-codes.ts';
import { TRANSACTION_CODES } from '../codes/transaction-codes.ts';
import type { IssueCollector } from '../issues.ts';
import type { Addenda05, Batch, BatchControl } from '../types.ts';

/** A batch as read, with the line of every record so batch-level errors can name them. */
export interface LocatedBatch {
  batch: Batch;
  headerLine: number;
  /** Addenda always directly follow their entry, so addenda j of entry i is on entryLines[i] + 1 + j. */
  entryLines: number[];
  controlLine: number;
}

export interface BatchTotals {
  entryAddendaCount: number;
  entryHash: number;
  totalDebit: number;
  totalCredit: number;
}

/**
 * Batch-level rules: service class versus transaction codes, trace numbers ascending and starting
 * with the ODFI, addenda placement and sequence, and the batch control against computed totals.
 * Returns the computed totals so the file control can be checked against their sum.
 */
export function validateBatch(lb: LocatedBatch, issues: IssueCollector): BatchTotals {
  const { header, entries, control } = lb.batch;
  const scc = header.serviceClassCode ?? 0;
  const sec = header.standardEntryClassCode;
  const odfi = header.odfiIdentification;
  const allowed = allowedAddendaTypes(sec);
  const max05 = maxAddenda05(sec);
  let count = 0;
  let hash = 0;
  let debit = 0;
  let credit = 0;
  let previousTrace = '';
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const line = lb.entryLines[i]!;
    const info = TRANSACTION_CODES.get(e.transactionCode);
    if (info !== undefined) {
      if (info.direction === 'debit') debit += e.amount;
      else credit += e.amount;
      if (
        (scc === 220 && info.direction === 'debit') ||
        (scc === 225 && info.direction === 'credit')
      ) {
        issues.error(
          line,
          'entryDetail',
          'transactionCode',
          'service-class-transaction',
          `transaction code ${e.transactionCode} is a ${info.direction}, not allowed in a service class ${scc} batch`,
        );
      }
      if (sec === 'COR' && info.kind !== 'returnOrNoc') {
        issues.error(
          line,
          'entryDetail',
          'transactionCode',
          'transaction-code',
          `COR entries must use a return/NOC transaction code, found ${e.transactionCode}`,
        );
      }
      // A notification of change moves no money.
      if (sec === 'COR' && e.amount !== 0)
        issues.error(
          line,
          'entryDetail',
          'amount',
          'cor-amount',
          'a COR (notification of change) entry must have amount 0',
        );
    }
    hash += Number(e.rdfiRouting.slice(0, 8)) || 0;
    count += 1;
    const trace = e.traceNumber;
    if (previousTrace !== '' && trace <= previousTrace) {
      issues.error(
        line,
        'entryDetail',
        'traceNumber',
        'trace-ascending',
        `trace number ${trace} is not greater than the previous ${previousTrace}`,
      );
    }
    previousTrace = trace;
    if (trace.slice(0, 8) !== odfi) {
      issues.tolerable(
        line,
        'entryDetail',
        'traceNumber',
        'trace-odfi',
        `trace number ${trace} does not start with the batch ODFI ${odfi}`,
      );
    }
    const addenda = e.addenda ?? [];
    count += addenda.length;
    const hasAddenda = addenda.length > 0;
    if (
      (e.addendaRecordIndicator === '1') !== hasAddenda &&
      (e.addendaRecordIndicator === '0' || e.addendaRecordIndicator === '1')
    ) {
      issues.error(
        line,
        'entryDetail',
        'addendaRecordIndicator',
        'addenda-indicator',
        hasAddenda
          ? 'entry has addenda but its addenda record indicator is 0'
          : 'addenda record indicator is 1 but no addenda follows',
      );
    }
    if (sec === 'COR' && !addenda.some((a) => a.typeCode === '98')) {
      issues.error(
        line,
        'entryDetail',
        'addenda',
        'addenda-required',
        'a COR entry must carry a notification of change (addenda 98)',
      );
    }
    let n05 = 0;
    for (let j = 0; j < addenda.length; j++) {
      const a = addenda[j]!;
      const aLine = line + 1 + j;
      if (a.typeCode === '98' || a.typeCode === '99') continue;
      if (!allowed.has(a.typeCode)) {
        issues.error(
          aLine,
          'addenda',
          'typeCode',
          'addenda-type',
          `addenda type ${a.typeCode} is not allowed in a ${sec} batch`,
        );
        continue;
      }
      if (a.typeCode !== '05') continue;
      n05 += 1;
      const x = a as Addenda05;
      if (n05 > max05)
        issues.error(
          aLine,
          'addenda',
          'typeCode',
          'addenda-count',
          `a ${sec} entry may carry at most ${max05} addenda 05 record(s)`,
        );
      if (x.sequenceNumber !== n05) {
        issues.error(
          aLine,
          'addenda',
          'sequenceNumber',
          'addenda-sequence',
          `addenda sequence number ${x.sequenceNumber} should be ${n05}`,
        );
      }
      if (x.entryDetailSequenceNumber !== trace.slice(-7)) {
        issues.error(
          aLine,
          'addenda',
          'entryDetailSequenceNumber',
          'addenda-entry-sequence',
          `entry detail sequence number ${x.entryDetailSequenceNumber} should be the last 7 digits of trace ${trace}`,
        );
      }
    }
  }
  const totals = {
    entryAddendaCount: count,
    entryHash: hash,
    totalDebit: debit,
    totalCredit: credit,
  };
  if (control !== undefined) checkControl(lb, control, totals, issues);
  return totals;
}

function checkControl(
  lb: LocatedBatch,
  c: BatchControl,
  t: BatchTotals,
  issues: IssueCollector,
): void {
  const h = lb.batch.header;
  const line = lb.controlLine;
  const bc = 'batchControl' as const;
  const mismatch = (
    field: string,
    rule: string,
    found: number | string,
    expected: number | string,
  ): void =>
    issues.error(
      line,
      bc,
      field,
      rule,
      `${field} is ${Number.isNaN(found) ? 'not numeric' : found}; expected ${expected}`,
    );
  if (c.serviceClassCode !== h.serviceClassCode)
    mismatch(
      'serviceClassCode',
      'service-class-match',
      c.serviceClassCode,
      h.serviceClassCode ?? '',
    );
  if (c.entryAddendaCount !== t.entryAddendaCount)
    mismatch('entryAddendaCount', 'entry-addenda-count', c.entryAddendaCount, t.entryAddendaCount);
  if (c.entryHash !== t.entryHash % 1e10)
    mismatch('entryHash', 'entry-hash', c.entryHash, t.entryHash % 1e10);
  if (c.totalDebit !== t.totalDebit)
    mismatch('totalDebit', 'debit-total', c.totalDebit, t.totalDebit);
  if (c.totalCredit !== t.totalCredit)
    mismatch('totalCredit', 'credit-total', c.totalCredit, t.totalCredit);
  // Compared without surrounding blanks: some banks right-justify the id in one record only.
  if (c.companyIdentification.trim() !== h.companyIdentification.trim()) {
    mismatch(
      'companyIdentification',
      'company-id-match',
      `"${c.companyIdentification}"`,
      `"${h.companyIdentification}" from the batch header`,
    );
  }
  // Fields the control repeats from the batch header as they stand.
  const repeated = (field: 'odfiIdentification' | 'batchNumber', rule: string): void => {
    if (c[field] !== h[field]) mismatch(field, rule, c[field], `${h[field]} from the batch header`);
  };
  repeated('odfiIdentification', 'odfi-match');
  repeated('batchNumber', 'batch-number');
}
