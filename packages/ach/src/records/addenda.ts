import type { Addenda, Addenda05, Addenda98, Addenda99, AddendaOther } from '../types.ts';
import type { RecordBuffer } from './format.ts';
import {
  ADDENDA_05 as A05,
  ADDENDA_98 as A98,
  ADDENDA_99 as A99,
  ADDENDA_OTHER,
  cut,
  readRecord,
} from './layout.ts';

export function readAddenda(r: string): Addenda {
  const typeCode = cut(r, ADDENDA_OTHER.typeCode);
  if (typeCode === '05') return { ...readRecord(r, A05), typeCode } satisfies Addenda05;
  if (typeCode === '98') return { ...readRecord(r, A98), typeCode } satisfies Addenda98;
  if (typeCode === '99') return { ...readRecord(r, A99), typeCode } satisfies Addenda99;
  return readRecord(r, ADDENDA_OTHER) satisfies AddendaOther;
}

/** Writes the `index`-th addenda of an entry into the buffer's current record. */
export function formatAddenda(
  a: Addenda,
  index: number,
  entryTrace: string,
  w: RecordBuffer,
): void {
  switch (a.typeCode) {
    case '05': {
      const x = a as Addenda05;
      w.putRecord(A05, {
        ...x,
        sequenceNumber: x.sequenceNumber ?? index + 1,
        entryDetailSequenceNumber: x.entryDetailSequenceNumber ?? entryTrace.slice(-7),
      });
      return;
    }
    case '98':
      w.putRecord(A98, a as Addenda98);
      return;
    case '99':
      w.putRecord(A99, a as Addenda99);
      return;
    default:
      w.putRecord(ADDENDA_OTHER, a as AddendaOther);
  }
}
