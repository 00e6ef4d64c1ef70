import type { FileHeader } from '../types.ts';
import type { RecordBuffer } from './format.ts';
import { FILE_HEADER as F, cut, text } from './layout.ts';

export function readFileHeader(r: string): FileHeader {
  return {
    priorityCode: cut(r, F.priorityCode),
    immediateDestination: cut(r, F.immediateDestination).trim(),
    immediateOrigin: cut(r, F.immediateOrigin).trim(),
    fileCreationDate: cut(r, F.fileCreationDate),
    fileCreationTime: text(r, F.fileCreationTime),
    fileIdModifier: cut(r, F.fileIdModifier),
    recordSize: cut(r, F.recordSize),
    blockingFactor: cut(r, F.blockingFactor),
    formatCode: cut(r, F.formatCode),
    immediateDestinationName: text(r, F.immediateDestinationName),
    immediateOriginName: text(r, F.immediateOriginName),
    referenceCode: text(r, F.referenceCode),
  };
}

/** Writes the file header into the buffer's current record; the fixed values NACHA requires unless given. */
export function formatFileHeader(h: FileHeader, w: RecordBuffer): void {
  w.put(F.recordType, undefined);
  w.put(F.priorityCode, h.priorityCode ?? '01');
  w.put(F.immediateDestination, h.immediateDestination);
  w.put(F.immediateOrigin, h.immediateOrigin);
  w.put(F.fileCreationDate, h.fileCreationDate);
  w.put(F.fileCreationTime, h.fileCreationTime);
  w.put(F.fileIdModifier, h.fileIdModifier);
  w.put(F.recordSize, h.recordSize ?? '094');
  w.put(F.blockingFactor, h.blockingFactor ?? '10');
  w.put(F.formatCode, h.formatCode ?? '1');
  w.put(F.immediateDestinationName, h.immediateDestinationName);
  w.put(F.immediateOriginName, h.immediateOriginName);
  w.put(F.referenceCode, h.referenceCode);
}
