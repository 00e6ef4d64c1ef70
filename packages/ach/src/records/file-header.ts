import type { FileHeader } from '../types.ts';
import type { RecordBuffer } from './format.ts';

export function readFileHeader(r: string): FileHeader {
  return {
    priorityCode: r.slice(1, 3),
    immediateDestination: r.slice(3, 13).trim(),
    immediateOrigin: r.slice(13, 23).trim(),
    fileCreationDate: r.slice(23, 29),
    fileCreationTime: r.slice(29, 33).trimEnd(),
    fileIdModifier: r.slice(33, 34),
    recordSize: r.slice(34, 37),
    blockingFactor: r.slice(37, 39),
    formatCode: r.slice(39, 40),
    immediateDestinationName: r.slice(40, 63).trimEnd(),
    immediateOriginName: r.slice(63, 86).trimEnd(),
    referenceCode: r.slice(86, 94).trimEnd(),
  };
}

/** Writes the file header into the buffer's current record. */
export function formatFileHeader(h: FileHeader, w: RecordBuffer): void {
  w.raw(1, '1');
  w.digits(2, 2, h.priorityCode ?? '01', 'priorityCode');
  w.alphaRight(4, 10, h.immediateDestination, 'immediateDestination');
  w.alphaRight(14, 10, h.immediateOrigin, 'immediateOrigin');
  w.digits(24, 6, h.fileCreationDate, 'fileCreationDate');
  w.alpha(30, 4, h.fileCreationTime, 'fileCreationTime');
  w.alpha(34, 1, h.fileIdModifier, 'fileIdModifier');
  w.alpha(35, 3, h.recordSize ?? '094', 'recordSize');
  w.alpha(38, 2, h.blockingFactor ?? '10', 'blockingFactor');
  w.alpha(40, 1, h.formatCode ?? '1', 'formatCode');
  w.alpha(41, 23, h.immediateDestinationName, 'immediateDestinationName');
  w.alpha(64, 23, h.immediateOriginName, 'immediateOriginName');
  w.alpha(87, 8, h.referenceCode, 'referenceCode');
}
