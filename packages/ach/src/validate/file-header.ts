import type { IssueCollector } from '../issues.ts';
import { isValidRoutingNumber, routingFromImmediateField } from '../routing.ts';
import { FILE_HEADER as F } from '../records/layout.ts';
import { isValidHHMM, isValidYYMMDD } from './fields.ts';
import { RecordChecks } from './record-checks.ts';

/** Checks one file header record (already padded to 94 characters). */
export function validateFileHeader(r: string, line: number, issues: IssueCollector): void {
  const check = new RecordChecks(r, line, 'fileHeader', issues);
  check.fixed(F.priorityCode, '01', 'priority code');
  for (const [spec, rule] of [
    [F.immediateDestination, 'immediate-destination-routing'],
    [F.immediateOrigin, 'immediate-origin-routing'],
  ] as const) {
    const value = check.text(spec);
    const routing = routingFromImmediateField(value);
    if (routing === null || !isValidRoutingNumber(routing))
      check.tolerable(
        spec,
        rule,
        `${spec.name} "${value.trim()}" is not a routing number with a valid check digit`,
      );
  }
  const date = check.text(F.fileCreationDate);
  if (!isValidYYMMDD(date))
    check.error(
      F.fileCreationDate,
      'date',
      `file creation date "${date}" is not a valid YYMMDD date`,
    );
  const time = check.text(F.fileCreationTime);
  if (time !== '    ' && !isValidHHMM(time))
    check.error(F.fileCreationTime, 'time', `file creation time "${time}" is not HHMM`);
  const modifier = check.text(F.fileIdModifier);
  if (!/^[A-Z0-9]$/.test(modifier))
    check.error(
      F.fileIdModifier,
      'file-id-modifier',
      `file id modifier "${modifier}" must be A-Z or 0-9`,
    );
  check.fixed(F.recordSize, '094', 'record size');
  check.fixed(F.blockingFactor, '10', 'blocking factor');
  check.fixed(F.formatCode, '1', 'format code');
}
