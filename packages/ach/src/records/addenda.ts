import type { Addenda, Addenda05, Addenda98, Addenda99, AddendaOther } from '../types.ts';
import type { RecordBuffer } from './format.ts';

export function readAddenda(r: string): Addenda {
  const typeCode = r.slice(1, 3);
  if (typeCode === '05') {
    const seq = r.slice(83, 87);
    return {
      typeCode,
      paymentRelatedInformation: r.slice(3, 83).trimEnd(),
      sequenceNumber: Number(seq),
      entryDetailSequenceNumber: r.slice(87, 94),
    } satisfies Addenda05;
  }
  if (typeCode === '98') {
    return {
      typeCode,
      changeCode: r.slice(3, 6),
      originalTraceNumber: r.slice(6, 21),
      originalRdfiIdentification: r.slice(27, 35),
      correctedData: r.slice(35, 64).trimEnd(),
      traceNumber: r.slice(79, 94),
    } satisfies Addenda98;
  }
  if (typeCode === '99') {
    return {
      typeCode,
      returnCode: r.slice(3, 6),
      originalTraceNumber: r.slice(6, 21),
      dateOfDeath: r.slice(21, 27).trimEnd(),
      originalRdfiIdentification: r.slice(27, 35),
      addendaInformation: r.slice(35, 79).trimEnd(),
      traceNumber: r.slice(79, 94),
    } satisfies Addenda99;
  }
  return { typeCode, content: r.slice(3, 94).trimEnd() } satisfies AddendaOther;
}

/** Writes the `index`-th addenda of an entry into the buffer's current record. */
export function formatAddenda(
  a: Addenda,
  index: number,
  entryTrace: string,
  w: RecordBuffer,
): void {
  w.raw(1, '7');
  switch (a.typeCode) {
    case '05': {
      const x = a as Addenda05;
      w.raw(2, '05');
      w.alpha(4, 80, x.paymentRelatedInformation, 'paymentRelatedInformation');
      w.num(84, 4, x.sequenceNumber ?? index + 1, 'sequenceNumber');
      w.digits(
        88,
        7,
        x.entryDetailSequenceNumber ?? entryTrace.slice(-7),
        'entryDetailSequenceNumber',
      );
      return;
    }
    case '98': {
      const x = a as Addenda98;
      w.raw(2, '98');
      w.alpha(4, 3, x.changeCode, 'changeCode');
      w.digits(7, 15, x.originalTraceNumber, 'originalTraceNumber');
      w.digits(28, 8, x.originalRdfiIdentification, 'originalRdfiIdentification');
      w.alpha(36, 29, x.correctedData, 'correctedData');
      w.digits(80, 15, x.traceNumber, 'traceNumber');
      return;
    }
    case '99': {
      const x = a as Addenda99;
      w.raw(2, '99');
      w.alpha(4, 3, x.returnCode, 'returnCode');
      w.digits(7, 15, x.originalTraceNumber, 'originalTraceNumber');
      w.alpha(22, 6, x.dateOfDeath, 'dateOfDeath');
      w.digits(28, 8, x.originalRdfiIdentification, 'originalRdfiIdentification');
      w.alpha(36, 44, x.addendaInformation, 'addendaInformation');
      w.digits(80, 15, x.traceNumber, 'traceNumber');
      return;
    }
    default: {
      const x = a as AddendaOther;
      w.alpha(2, 2, x.typeCode, 'typeCode');
      w.alpha(4, 91, x.content, 'content');
    }
  }
}
