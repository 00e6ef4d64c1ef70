import type { FileHeader } from '../types.ts';
import { alpha, alphaRight, digits, type OverflowSink } from './format.ts';

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

export function formatFileHeader(h: FileHeader, sink: OverflowSink): string {
  return (
    '1' +
    digits(h.priorityCode ?? '01', 2, 'priorityCode', sink) +
    alphaRight(h.immediateDestination, 10, 'immediateDestination', sink) +
    alphaRight(h.immediateOrigin, 10, 'immediateOrigin', sink) +
    digits(h.fileCreationDate, 6, 'fileCreationDate', sink) +
    alpha(h.fileCreationTime, 4, 'fileCreationTime', sink) +
    alpha(h.fileIdModifier, 1, 'fileIdModifier', sink) +
    alpha(h.recordSize ?? '094', 3, 'recordSize', sink) +
    alpha(h.blockingFactor ?? '10', 2, 'blockingFactor', sink) +
    alpha(h.formatCode ?? '1', 1, 'formatCode', sink) +
    alpha(h.immediateDestinationName, 23, 'immediateDestinationName', sink) +
    alpha(h.immediateOriginName, 23, 'immediateOriginName', sink) +
    alpha(h.referenceCode, 8, 'referenceCode', sink)
  );
}
