import type { Addenda, Addenda05, Addenda98, Addenda99, AddendaOther } from '../types.ts';
import type { RecordBuffer } from './format.ts';
import {
  ADDENDA_05 as A05,
  ADDENDA_98 as A98,
  ADDENDA_99 as A99,
  ADDENDA_OTHER,
  cut,
  text,
} from './layout.ts';

export function readAddenda(r: string): Addenda {
  const typeCode = cut(r, ADDENDA_OTHER.typeCode);
  if (typeCode === '05')
    return {
      typeCode,
      paymentRelatedInformation: text(r, A05.paymentRelatedInformation),
      sequenceNumber: Number(cut(r, A05.sequenceNumber)),
      entryDetailSequenceNumber: cut(r, A05.entryDetailSequenceNumber),
    } satisfies Addenda05;
  if (typeCode === '98')
    return {
      typeCode,
      changeCode: cut(r, A98.changeCode),
      originalTraceNumber: cut(r, A98.originalTraceNumber),
      originalRdfiIdentification: cut(r, A98.originalRdfiIdentification),
      correctedData: text(r, A98.correctedData),
      traceNumber: cut(r, A98.traceNumber),
    } satisfies Addenda98;
  if (typeCode === '99')
    return {
      typeCode,
      returnCode: cut(r, A99.returnCode),
      originalTraceNumber: cut(r, A99.originalTraceNumber),
      dateOfDeath: text(r, A99.dateOfDeath),
      originalRdfiIdentification: cut(r, A99.originalRdfiIdentification),
      addendaInformation: text(r, A99.addendaInformation),
      traceNumber: cut(r, A99.traceNumber),
    } satisfies Addenda99;
  return { typeCode, content: text(r, ADDENDA_OTHER.content) } satisfies AddendaOther;
}

/** Writes the `index`-th addenda of an entry into the buffer's current record. */
export function formatAddenda(
  a: Addenda,
  index: number,
  entryTrace: string,
  w: RecordBuffer,
): void {
  w.put(ADDENDA_OTHER.recordType, undefined);
  w.put(ADDENDA_OTHER.typeCode, a.typeCode);
  switch (a.typeCode) {
    case '05': {
      const x = a as Addenda05;
      w.put(A05.paymentRelatedInformation, x.paymentRelatedInformation);
      w.put(A05.sequenceNumber, x.sequenceNumber ?? index + 1);
      w.put(A05.entryDetailSequenceNumber, x.entryDetailSequenceNumber ?? entryTrace.slice(-7));
      return;
    }
    case '98': {
      const x = a as Addenda98;
      w.put(A98.changeCode, x.changeCode);
      w.put(A98.originalTraceNumber, x.originalTraceNumber);
      w.put(A98.originalRdfiIdentification, x.originalRdfiIdentification);
      w.put(A98.correctedData, x.correctedData);
      w.put(A98.traceNumber, x.traceNumber);
      return;
    }
    case '99': {
      const x = a as Addenda99;
      w.put(A99.returnCode, x.returnCode);
      w.put(A99.originalTraceNumber, x.originalTraceNumber);
      w.put(A99.dateOfDeath, x.dateOfDeath);
      w.put(A99.originalRdfiIdentification, x.originalRdfiIdentification);
      w.put(A99.addendaInformation, x.addendaInformation);
      w.put(A99.traceNumber, x.traceNumber);
      return;
    }
    default:
      w.put(ADDENDA_OTHER.content, (a as AddendaOther).content);
  }
}
