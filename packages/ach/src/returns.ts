import { CHANGE_CODES } from './codes/change-codes.ts';
import { RETURN_CODES, returnKind, type ReturnKind } from './codes/return-codes.ts';
import type { AchFile, Addenda, Addenda98, Addenda99, Batch, EntryDetail } from './types.ts';

export interface ReturnItem {
  batchNumber: number | undefined;
  secCode: string;
  transactionCode: number;
  amount: number;
  traceNumber: string;
  returnCode: string;
  kind: ReturnKind;
  description: string;
  originalTraceNumber: string;
  originalRdfiIdentification: string;
  addendaInformation: string;
}

export interface ChangeItem {
  batchNumber: number | undefined;
  traceNumber: string;
  changeCode: string;
  description: string;
  originalTraceNumber: string;
  originalRdfiIdentification: string;
  correctedData: string;
}

/** Every addenda of one type in the file, with the batch and the entry it came on. */
function* addendaOfType<A extends Addenda>(
  file: AchFile,
  typeCode: A['typeCode'],
): Generator<{ batch: Batch; entry: EntryDetail; addenda: A }> {
  for (const batch of file.batches)
    for (const entry of batch.entries)
      for (const addenda of entry.addenda ?? [])
        if (addenda.typeCode === typeCode) yield { batch, entry, addenda: addenda as A };
}

/** Every return (addenda 99) in the file, with the entry it came on. */
export function listReturns(file: AchFile): ReturnItem[] {
  return Array.from(addendaOfType<Addenda99>(file, '99'), ({ batch: b, entry: e, addenda: x }) => ({
    batchNumber: b.header.batchNumber,
    secCode: b.header.standardEntryClassCode,
    transactionCode: e.transactionCode,
    amount: e.amount,
    traceNumber: e.traceNumber,
    returnCode: x.returnCode,
    kind: returnKind(x.returnCode),
    description: RETURN_CODES.get(x.returnCode) ?? 'unknown return code',
    originalTraceNumber: x.originalTraceNumber,
    originalRdfiIdentification: x.originalRdfiIdentification,
    addendaInformation: x.addendaInformation ?? '',
  }));
}

/** Every notification of change (addenda 98) in the file. */
export function listChanges(file: AchFile): ChangeItem[] {
  return Array.from(addendaOfType<Addenda98>(file, '98'), ({ batch: b, entry: e, addenda: x }) => ({
    batchNumber: b.header.batchNumber,
    traceNumber: e.traceNumber,
    changeCode: x.changeCode,
    description: CHANGE_CODES.get(x.changeCode) ?? 'unknown change code',
    originalTraceNumber: x.originalTraceNumber,
    originalRdfiIdentification: x.originalRdfiIdentification,
    correctedData: x.correctedData,
  }));
}
