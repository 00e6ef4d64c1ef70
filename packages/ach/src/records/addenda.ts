import type { Addenda, Addenda05, Addenda98, Addenda99, AddendaOther } from '../types.ts';
import { alpha, digits, num, type OverflowSink } from './format.ts';

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

export function formatAddenda(a: Addenda, index: number, entryTrace: string, sink: OverflowSink): string {
  switch (a.typeCode) {
    case '05': {
      const x = a as Addenda05;
      return (
        '705' +
        alpha(x.paymentRelatedInformation, 80, 'paymentRelatedInformation', sink) +
        num(x.sequenceNumber ?? index + 1, 4, 'sequenceNumber', sink) +
        digits(x.entryDetailSequenceNumber ?? entryTrace.slice(-7), 7, 'entryDetailSequenceNumber', sink)
      );
    }
    case '98': {
      const x = a as Addenda98;
      return (
        '798' +
        alpha(x.changeCode, 3, 'changeCode', sink) +
        digits(x.originalTraceNumber, 15, 'originalTraceNumber', sink) +
        '      ' +
        digits(x.originalRdfiIdentification, 8, 'originalRdfiIdentification', sink) +
        alpha(x.correctedData, 29, 'correctedData', sink) +
        '               ' +
        digits(x.traceNumber, 15, 'traceNumber', sink)
      );
    }
    case '99': {
      const x = a as Addenda99;
      return (
        '799' +
        alpha(x.returnCode, 3, 'returnCode', sink) +
        digits(x.originalTraceNumber, 15, 'originalTraceNumber', sink) +
        alpha(x.dateOfDeath, 6, 'dateOfDeath', sink) +
        digits(x.originalRdfiIdentification, 8, 'originalRdfiIdentification', sink) +
        alpha(x.addendaInformation, 44, 'addendaInformation', sink) +
        digits(x.traceNumber, 15, 'traceNumber', sink)
      );
    }
    default: {
      const x = a as AddendaOther;
      return '7' + alpha(x.typeCode, 2, 'typeCode', sink) + alpha(x.content, 91, 'content', sink);
    }
  }
}
