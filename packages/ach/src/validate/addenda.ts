import { isKnownChangeCode } from '../codes/change-codes.ts';
import { isKnownReturnCode, returnKind } from '../codes/return-codes.ts';
import type { IssueCollector } from '../issues.ts';
import { ADDENDA_05, ADDENDA_98, ADDENDA_99, ADDENDA_OTHER } from '../records/layout.ts';
import { isBlank, isDigits } from './fields.ts';
import { RecordChecks } from './record-checks.ts';

/** Checks the fields of one addenda record on its own; placement rules are checked per batch. */
export function validateAddenda(r: string, line: number, issues: IssueCollector): void {
  const check = new RecordChecks(r, line, 'addenda', issues);
  const type = check.text(ADDENDA_OTHER.typeCode);
  switch (type) {
    case '05':
      check.digits(ADDENDA_05.sequenceNumber);
      check.digits(ADDENDA_05.entryDetailSequenceNumber);
      return;
    case '98': {
      const F = ADDENDA_98;
      check.known(F.changeCode, isKnownChangeCode, 'change-code', 'change code');
      check.digits(F.originalTraceNumber);
      check.digits(F.originalRdfiIdentification);
      check.required(
        F.correctedData,
        'corrected data',
        'corrected data is required in a notification of change',
      );
      check.digits(F.traceNumber);
      return;
    }
    case '99': {
      const F = ADDENDA_99;
      check.known(F.returnCode, isKnownReturnCode, 'return-code', 'return code');
      check.digits(F.originalTraceNumber);
      // Dishonored and contested returns reuse positions 22-79 for their own fields.
      if (returnKind(check.text(F.returnCode)) === 'return') {
        const dod = check.text(F.dateOfDeath);
        if (!isBlank(dod) && !isDigits(dod))
          check.error(F.dateOfDeath, 'numeric', `date of death "${dod}" must be blank or YYMMDD`);
      }
      check.digits(F.originalRdfiIdentification);
      check.digits(F.traceNumber);
      return;
    }
    default:
      if (!isDigits(type))
        check.error(
          ADDENDA_OTHER.typeCode,
          'addenda-type',
          `addenda type code "${type}" must be 2 digits`,
        );
  }
}
