import type { IssueCollector } from '../issues.ts';
import { isValidRoutingNumber, routingFromImmediateField } from '../routing.ts';
import { isValidHHMM, isValidYYMMDD } from './fields.ts';

/** Checks one file header record (already padded to 94 characters). */
export function validateFileHeader(r: string, line: number, issues: IssueCollector): void {
  const fh = 'fileHeader' as const;
  if (r.slice(1, 3) !== '01')
    issues.error(
      line,
      fh,
      'priorityCode',
      'fixed-value',
      `priority code must be 01, found "${r.slice(1, 3)}"`,
    );
  for (const [field, start, rule] of [
    ['immediateDestination', 3, 'immediate-destination-routing'],
    ['immediateOrigin', 13, 'immediate-origin-routing'],
  ] as const) {
    const value = r.slice(start, start + 10);
    const routing = routingFromImmediateField(value);
    if (routing === null || !isValidRoutingNumber(routing)) {
      issues.tolerable(
        line,
        fh,
        field,
        rule,
        `${field} "${value.trim()}" is not a routing number with a valid check digit`,
      );
    }
  }
  const date = r.slice(23, 29);
  if (!isValidYYMMDD(date))
    issues.error(
      line,
      fh,
      'fileCreationDate',
      'date',
      `file creation date "${date}" is not a valid YYMMDD date`,
    );
  const time = r.slice(29, 33);
  if (time !== '    ' && !isValidHHMM(time))
    issues.error(line, fh, 'fileCreationTime', 'time', `file creation time "${time}" is not HHMM`);
  const mod = r.charCodeAt(33);
  if (!((mod >= 65 && mod <= 90) || (mod >= 48 && mod <= 57))) {
    issues.error(
      line,
      fh,
      'fileIdModifier',
      'file-id-modifier',
      `file id modifier "${r[33]}" must be A-Z or 0-9`,
    );
  }
  if (r.slice(34, 37) !== '094')
    issues.error(
      line,
      fh,
      'recordSize',
      'fixed-value',
      `record size must be 094, found "${r.slice(34, 37)}"`,
    );
  if (r.slice(37, 39) !== '10')
    issues.error(
      line,
      fh,
      'blockingFactor',
      'fixed-value',
      `blocking factor must be 10, found "${r.slice(37, 39)}"`,
    );
  if (r[39] !== '1')
    issues.error(line, fh, 'formatCode', 'fixed-value', `format code must be 1, found "${r[39]}"`);
}
