import type { EntryDetail } from '../types.ts';
import type { RecordBuffer } from './format.ts';
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
  };
}

/** Writes an entry detail into the buffer's current record; the addenda indicator follows `addenda`. */
export function formatEntryDetail(e: EntryDetail, w: RecordBuffer): void {
  w.raw(1, '6');
  w.num(2, 2, e.transactionCode, 'transactionCode');
  w.digits(4, 9, e.rdfiRouting, 'rdfiRouting');
  w.alpha(13, 17, e.dfiAccountNumber, 'dfiAccountNumber');
  w.num(30, 10, e.amount, 'amount');
  w.alpha(40, 15, e.individualIdentificationNumber, 'individualIdentificationNumber');
  w.alpha(55, 22, e.individualName, 'individualName');
  w.alpha(77, 2, e.discretionaryData, 'discretionaryData');
  w.raw(79, e.addenda !== undefined && e.addenda.length > 0 ? '1' : '0');
  w.digits(80, 15, e.traceNumber, 'traceNumber');
}
