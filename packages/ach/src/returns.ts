import { CHANGE_CODES } from './codes/change-codes.ts';
import { RETURN_CODES, returnKind, type ReturnKind } from './codes/return-codes.ts';
import type { AchFile, Addenda98, Addenda99 } from './types.ts';

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

/** Every return (addenda 99) in the file, with the entry it came on. */
export function listReturns(file: AchFile): ReturnItem[] {
  const out: ReturnItem[] = [];
  for (const b of file.batches) {
    for (const e of b.entries) {
      for (const a of e.addenda ?? []) {
        if (a.typeCode !== '99') continue;
        const x = a as Addenda99;
        out.push({
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
        });
      }
    }
  }
  return out;
}

/** Every notification of change (addenda 98) in the file. */
export function listChanges(file: AchFile): ChangeItem[] {
  const out: ChangeItem[] = [];
  for (const b of file.batches) {
    for (const e of b.entries) {
      for (const a of e.addenda ?? []) {
        if (a.typeCode !== '98') continue;
        const x = a as Addenda98;
        out.push({
          batchNumber: b.header.batchNumber,
          traceNumber: e.traceNumber,
          changeCode: x.changeCode,
          description: CHANGE_CODES.get(x.changeCode) ?? 'unknown change code',
          originalTraceNumber: x.originalTraceNumber,
          originalRdfiIdentification: x.originalRdfiIdentification,
          correctedData: x.correctedData,
        });
      }
    }
  }
  return out;
}
