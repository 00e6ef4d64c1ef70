import type { EntryDetail } from '../types.ts';
import { alpha, digits, num, type OverflowSink } from './format.ts';
import { isDigits } from '../validate/fields.ts';

export function readEntryDetail(r: string): EntryDetail {
  const amountText = r.slice(29, 39);
  return {
    transactionCode: Number(r.slice(1, 3)),
    rdfiRouting: r.slice(3, 12),
    dfiAccountNumber: r.slice(12, 29).trimEnd(),
    // A non-numeric amount is reported by the validator; 0 keeps totals computable.
    amount: isDigits(amountText) ? Number(amountText) : 0,
    individualIdentificationNumber: r.slice(39, 54).trimEnd(),
    individualName: r.slice(54, 76).trimEnd(),
    discretionaryData: r.slice(76, 78).trimEnd(),
    addendaRecordIndicator: r.slice(78, 79),
    traceNumber: r.slice(79, 94),
    addenda: [],
  };
}

export function formatEntryDetail(e: EntryDetail, sink: OverflowSink): string {
  return (
    '6' +
    num(e.transactionCode, 2, 'transactionCode', sink) +
    digits(e.rdfiRouting, 9, 'rdfiRouting', sink) +
    alpha(e.dfiAccountNumber, 17, 'dfiAccountNumber', sink) +
    num(e.amount, 10, 'amount', sink) +
    alpha(e.individualIdentificationNumber, 15, 'individualIdentificationNumber', sink) +
    alpha(e.individualName, 22, 'individualName', sink) +
    alpha(e.discretionaryData, 2, 'discretionaryData', sink) +
    (e.addenda !== undefined && e.addenda.length > 0 ? '1' : '0') +
    digits(e.traceNumber, 15, 'traceNumber', sink)
  );
}
