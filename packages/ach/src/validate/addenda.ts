import { isKnownChangeCode } from '../codes/change-codes.ts';
import { isKnownReturnCode, returnKind } from '../codes/return-codes.ts';
import type { IssueCollector } from '../issues.ts';
import { isBlank, isDigits } from './fields.ts';

/** Checks the fields of one addenda record on its own; placement rules are checked per batch. */
export function validateAddenda(r: string, line: number, issues: IssueCollector): void {
  const ad = 'addenda' as const;
  const type = r.slice(1, 3);
  const digitsField = (start: number, end: number, field: string): void => {
    const v = r.slice(start, end);
    if (!isDigits(v))
      issues.error(line, ad, field, 'numeric', `${field} "${v}" must be ${end - start} digits`);
  };
  switch (type) {
    case '05':
      digitsField(83, 87, 'sequenceNumber');
      digitsField(87, 94, 'entryDetailSequenceNumber');
      return;
    case '98': {
      const code = r.slice(3, 6);
      if (!isKnownChangeCode(code))
        issues.error(line, ad, 'changeCode', 'change-code', `unknown change code "${code}"`);
      digitsField(6, 21, 'originalTraceNumber');
      digitsField(27, 35, 'originalRdfiIdentification');
      if (isBlank(r.slice(35, 64)))
        issues.error(
          line,
          ad,
          'correctedData',
          'required',
          'corrected data is required in a notification of change',
        );
      digitsField(79, 94, 'traceNumber');
      return;
    }
    case '99': {
      const code = r.slice(3, 6);
      if (!isKnownReturnCode(code))
        issues.error(line, ad, 'returnCode', 'return-code', `unknown return code "${code}"`);
      digitsField(6, 21, 'originalTraceNumber');
      // Dishonored and contested returns reuse positions 22-79 for their own fields.
      if (returnKind(code) === 'return') {
        const dod = r.slice(21, 27);
        if (!isBlank(dod) && !isDigits(dod))
          issues.error(
            line,
            ad,
            'dateOfDeath',
            'numeric',
            `date of death "${dod}" must be blank or YYMMDD`,
          );
      }
      digitsField(27, 35, 'originalRdfiIdentification');
      digitsField(79, 94, 'traceNumber');
      return;
    }
    default:
      if (!isDigits(type))
        issues.error(
          line,
          ad,
          'typeCode',
          'addenda-type',
          `addenda type code "${type}" must be 2 digits`,
        );
  }
}
