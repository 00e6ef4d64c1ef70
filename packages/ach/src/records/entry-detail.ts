import type { EntryDetail } from '../types.ts';
import type { RecordBuffer } from './format.ts';
import { isDigits } from '../validate/fields.ts';
import { ENTRY_DETAIL as F, RDFI_ROUTING, cut, text } from './layout.ts';

export function readEntryDetail(r: string): EntryDetail {
  const amountText = cut(r, F.amount);
  return {
    transactionCode: Number(cut(r, F.transactionCode)),
    rdfiRouting: cut(r, RDFI_ROUTING),
    dfiAccountNumber: text(r, F.dfiAccountNumber),
    // A non-numeric amount is reported by the validator; 0 keeps totals computable.
    amount: isDigits(amountText) ? Number(amountText) : 0,
    individualIdentificationNumber: text(r, F.individualIdentificationNumber),
    individualName: text(r, F.individualName),
    discretionaryData: text(r, F.discretionaryData),
    addendaRecordIndicator: cut(r, F.addendaRecordIndicator),
    traceNumber: cut(r, F.traceNumber),
  };
}

/** Writes an entry detail into the buffer's current record; the addenda indicator follows `addenda`. */
export function formatEntryDetail(e: EntryDetail, w: RecordBuffer): void {
  w.put(F.recordType, undefined);
  w.put(F.transactionCode, e.transactionCode);
  w.put(RDFI_ROUTING, e.rdfiRouting);
  w.put(F.dfiAccountNumber, e.dfiAccountNumber);
  w.put(F.amount, e.amount);
  w.put(F.individualIdentificationNumber, e.individualIdentificationNumber);
  w.put(F.individualName, e.individualName);
  w.put(F.discretionaryData, e.discretionaryData);
  w.put(F.addendaRecordIndicator, e.addenda !== undefined && e.addenda.length > 0 ? '1' : '0');
  w.put(F.traceNumber, e.traceNumber);
}
