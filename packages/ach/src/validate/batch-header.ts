import { KNOWN_SEC_CODES } from '../codes/sec-codes.ts';
import type { IssueCollector } from '../issues.ts';
import { BATCH_HEADER as F } from '../records/layout.ts';
import { isAllZeros, isBlank, isDigits, isValidYYMMDD } from './fields.ts';
import { RecordChecks } from './record-checks.ts';

const SERVICE_CLASS_CODES = new Set(['200', '220', '225']);

/** Checks one batch header record (already padded to 94 characters). */
export function validateBatchHeader(r: string, line: number, issues: IssueCollector): void {
  const check = new RecordChecks(r, line, 'batchHeader', issues);
  const scc = check.text(F.serviceClassCode);
  if (!SERVICE_CLASS_CODES.has(scc))
    check.error(
      F.serviceClassCode,
      'service-class-code',
      `service class code "${scc}" must be 200, 220 or 225`,
    );
  const sec = check.text(F.standardEntryClassCode);
  check.known(
    F.standardEntryClassCode,
    (code) => KNOWN_SEC_CODES.has(code),
    'sec-code',
    'standard entry class code',
  );
  // IAT batch headers carry the IAT indicator and foreign exchange fields where others have the company name.
  if (sec !== 'IAT') {
    const name = check.text(F.companyName);
    if (isBlank(name)) check.error(F.companyName, 'required', 'company name is required');
    else if (isAllZeros(name))
      check.error(F.companyName, 'all-zeros', 'company name must not be all zeros');
  }
  check.required(F.companyIdentification, 'company identification');
  check.required(F.companyEntryDescription, 'company entry description');
  const eff = check.text(F.effectiveEntryDate);
  // Returns and NOCs carry 000000 when the operator did not set the date. Lenient mode tolerates a
  // malformed date in a received file: the ACH operator, not the receiver, settles on its own date.
  if (eff !== '000000' && !isValidYYMMDD(eff))
    check.tolerable(
      F.effectiveEntryDate,
      'effective-entry-date',
      `effective entry date "${eff}" is not a valid YYMMDD date`,
    );
  const settlement = check.text(F.settlementDate);
  if (!isBlank(settlement) && !isDigits(settlement))
    check.error(
      F.settlementDate,
      'numeric',
      `settlement date "${settlement}" must be blank or 3 digits`,
    );
  const status = check.text(F.originatorStatusCode);
  if (status !== '0' && status !== '1' && status !== '2')
    check.error(
      F.originatorStatusCode,
      'originator-status-code',
      `originator status code "${status}" must be 0, 1 or 2`,
    );
  check.digits(F.odfiIdentification, 'ODFI identification');
  check.digits(F.batchNumber, 'batch number');
}
